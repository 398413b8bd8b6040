import type { Role } from '$contract';

export interface Area {
  path: string;
  name: string;
  /** One line for the dashboard card. */
  summary: string;
  /** Shown only to these roles; everyone when absent. */
  roles?: readonly Role[];
}

/** Every signed-in area that works, in navigation order: an area appears here only once it is built. */
export const AREAS: readonly Area[] = [
  { path: '/sessions', name: 'Sessions', summary: 'Find a partner on the live board and practise a station together.' },
  { path: '/cases', name: 'Case library', summary: 'OSCE and PLAB 2 stations, and the private cases you write.' },
  { path: '/ptl', name: 'PTL', summary: 'Patient tracking list: referral-to-treatment pathways and the 18-week clock.' },
  { path: '/cancer', name: 'Cancer', summary: 'Cancer pathways against the 28-, 31- and 62-day standards.' },
  { path: '/mdt', name: 'MDT', summary: 'Multidisciplinary team meetings, the patients discussed and outcomes.' },
  { path: '/booking', name: 'Booking', summary: 'Clinic templates, generated slots and appointments.' },
  { path: '/secretary', name: 'Secretary', summary: 'Medical secretary tasks: letters, results and follow-ups.' },
  { path: '/quality', name: 'Data quality', summary: 'Audit your pathways for data errors, fix them and validate the waiting list.' },
  { path: '/reports', name: 'RTT return', summary: 'The monthly return of incomplete pathways, by treatment function and weeks waited.' },
  { path: '/trackers', name: 'Trackers', summary: 'Communications, consent, funding requests, capacity plans and more.' },
  { path: '/records', name: 'Records', summary: 'Medical records written by doctors and shared with their patients.' },
  { path: '/portfolio', name: 'Portfolio', summary: 'Your progress and scores over time, ready to print or export.' },
  { path: '/admin', name: 'Admin', summary: 'Every trainee’s activity and scores, and the shared case bank.', roles: ['admin'] },
  { path: '/profile', name: 'Profile', summary: 'Your name, training level and picture, and account erasure.' },
];

export function areasFor(role: Role): Area[] {
  return AREAS.filter((a) => !a.roles || a.roles.includes(role));
}
