import type { Role } from '$contract';

/** The people who practise: trainees, doctors (trainees too, who also write records) and admins. */
export const TRAINING_ROLES = ['trainee', 'doctor', 'admin'] as const satisfies readonly Role[];

/** How the navigation and the dashboard group the areas, in this order. */
export const AREA_GROUPS = [
  { id: 'practice', name: 'Practise' },
  { id: 'administration', name: 'Clinical administration' },
  // Named by what it holds ("Records and your account"): each role has a different one or two here.
  { id: 'account', name: 'Your account' },
] as const;
export type AreaGroup = (typeof AREA_GROUPS)[number]['id'];

/** What the navigation knows about the viewer beyond their role. */
export interface AreaSignals {
  /** Some medical record is about the viewer (`GET /api/records/summary`). */
  recordsAboutYou: boolean;
}

export interface Area {
  path: string;
  name: string;
  /** One line for the dashboard card. */
  summary: string;
  group: AreaGroup;
  /** Shown to these roles. */
  roles: readonly Role[];
  /** Also shown, whatever the role, while this signal holds. */
  alsoWhen?: keyof AreaSignals;
}

/** Every signed-in area that works, in navigation order: an area appears here only once it is built. */
export const AREAS: readonly Area[] = [
  { path: '/sessions', name: 'Sessions', group: 'practice', roles: TRAINING_ROLES, summary: 'Find a partner on the live board and practise a station together.' },
  { path: '/cases', name: 'Case library', group: 'practice', roles: TRAINING_ROLES, summary: 'OSCE and PLAB 2 stations, and the private cases you write.' },
  { path: '/portfolio', name: 'Portfolio', group: 'practice', roles: TRAINING_ROLES, summary: 'Your progress and scores over time, ready to print or export.' },
  { path: '/ptl', name: 'PTL', group: 'administration', roles: TRAINING_ROLES, summary: 'Patient tracking list: referral-to-treatment pathways and the 18-week clock.' },
  { path: '/cancer', name: 'Cancer', group: 'administration', roles: TRAINING_ROLES, summary: 'Cancer pathways against the 28-, 31- and 62-day standards.' },
  { path: '/mdt', name: 'MDT', group: 'administration', roles: TRAINING_ROLES, summary: 'Multidisciplinary team meetings, the patients discussed and outcomes.' },
  { path: '/booking', name: 'Booking', group: 'administration', roles: TRAINING_ROLES, summary: 'Clinic templates, generated slots and appointments.' },
  { path: '/secretary', name: 'Secretary', group: 'administration', roles: TRAINING_ROLES, summary: 'Medical secretary tasks: letters, results and follow-ups.' },
  { path: '/quality', name: 'Data quality', group: 'administration', roles: TRAINING_ROLES, summary: 'Audit your pathways for data errors, fix them and validate the waiting list.' },
  { path: '/reports', name: 'RTT return', group: 'administration', roles: TRAINING_ROLES, summary: 'The monthly return of incomplete pathways, by treatment function and weeks waited.' },
  { path: '/trackers', name: 'Trackers', group: 'administration', roles: TRAINING_ROLES, summary: 'Communications, consent, funding requests, capacity plans and more.' },
  // Records pass between a doctor and their patient; anyone else sees the area only once a record is about them.
  { path: '/records', name: 'Records', group: 'account', roles: ['doctor', 'patient'], alsoWhen: 'recordsAboutYou', summary: 'Medical records written by doctors and shared with their patients.' },
  { path: '/admin', name: 'Admin', group: 'account', roles: ['admin'], summary: 'Every trainee’s activity and scores, and the shared case bank.' },
  { path: '/profile', name: 'Profile', group: 'account', roles: ['trainee', 'doctor', 'patient', 'admin'], summary: 'Your name, picture and details, and erasing your account.' },
];

/** The areas this viewer may use, in navigation order. */
export function areasFor(role: Role, signals: AreaSignals): Area[] {
  return AREAS.filter((a) => a.roles.includes(role) || (a.alsoWhen !== undefined && signals[a.alsoWhen]));
}

/** Whether the viewer's areas can change with a signal, so it is worth asking the server: only then is it read. */
export function dependsOnSignals(role: Role): boolean {
  return AREAS.some((a) => a.alsoWhen !== undefined && !a.roles.includes(role));
}

/** `areas` by group, in the groups' order, leaving out empty groups. */
export function groupAreas(areas: readonly Area[]): { id: AreaGroup; name: string; areas: Area[] }[] {
  return AREA_GROUPS.map((g) => {
    const members = areas.filter((a) => a.group === g.id);
    const beside = members.filter((a) => a.path !== '/profile').map((a) => a.name);
    const name = g.id === 'account' && beside.length ? `${beside.join(', ')} and your account` : g.name;
    return { id: g.id, name, areas: members };
  }).filter((g) => g.areas.length > 0);
}
