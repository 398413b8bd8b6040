import {
  PRESETS,
  SESSION_TYPES,
  TIMING_PRESETS,
  TRAINING_LEVEL_LABELS,
  type Preset,
  type PublicProfile,
  type SessionPhase,
  type SessionRole,
  type SessionStatus,
  type Timing,
} from '$contract';

/** Human wording for practice sessions: types, roles, statuses, presets and timings. */

// Categories and clinical domains are the case library's: one wording for both areas.
export { CATEGORY_LABELS, DOMAIN_LABELS, DOMAIN_OPTIONS, categoryLabel, domainLabel } from '../cases/labels';

export type SessionType = (typeof SESSION_TYPES)[number];

export const TYPE_LABELS: Record<SessionType, string> = {
  mock: 'Mock station',
  review: 'Case review',
};
export const TYPE_OPTIONS = SESSION_TYPES.map((value) => ({ value, label: TYPE_LABELS[value] }));

export const ROLE_LABELS: Record<SessionRole, string> = {
  candidate: 'Candidate',
  actor: 'Actor',
};

/** What each role does, beside the role's name in the publish form. */
export const ROLE_HINTS: Record<SessionRole, string> = {
  candidate: 'You take the history or examine; your partner plays the patient and marks.',
  actor: 'You play the patient, mark as the examiner and choose the case.',
};

export function otherRole(role: SessionRole): SessionRole {
  return role === 'candidate' ? 'actor' : 'candidate';
}

/** On the board: the status a visitor cares about is whether they can still sign up. */
export const STATUS_LABELS: Record<SessionStatus, string> = {
  open: 'Open',
  matched: 'Taken',
  live: 'Live',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** For the participants, who know the session is theirs. */
export const PARTICIPANT_STATUS_LABELS: Record<SessionStatus, string> = {
  open: 'Open — waiting for a partner',
  matched: 'Matched — you have a partner',
  live: 'Live',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export const PHASE_LABELS: Record<SessionPhase, string> = {
  waiting: 'Waiting room',
  reading: 'Reading time',
  consultation: 'Consultation',
  feedback: 'Feedback',
  completed: 'Completed',
};

export const PRESET_LABELS: Record<Preset, string> = {
  plab2: 'PLAB 2',
  osce: 'OSCE',
  paces: 'PACES 10 min',
  paces_20: 'PACES 20 min',
  custom: 'Custom',
};
export const PRESET_OPTIONS = PRESETS.map((value) => ({ value, label: PRESET_LABELS[value] }));

/** The card line that tells a visitor which part they would play. */
export function hostRoleLine(hostRole: SessionRole): string {
  return `Host is the ${hostRole} — you would be the ${otherRole(hostRole)}`;
}

export function personName(profile: Pick<PublicProfile, 'first_name' | 'last_name'>): string {
  return `${profile.first_name} ${profile.last_name}`.trim();
}

export function trainingLevelLabel(level: PublicProfile['training_level']): string {
  return TRAINING_LEVEL_LABELS[level] ?? level;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The host's record, as the board shows it so visitors can choose reliable partners. */
export function recordLine(completed: number, noShow: number): string {
  return `${plural(completed, 'completed session')}, ${plural(noShow, 'no-show')}`;
}

/** `90` → `1 min 30 s`; `480` → `8 min`; `45` → `45 s`. */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** One line per phase, for a preset or a session's own timings. */
export function timingLines(timing: Pick<Timing, 'reading_s' | 'consultation_s' | 'feedback_s'> & { warning_s: number | null }): string[] {
  return [
    `Reading: ${formatDuration(timing.reading_s)}`,
    `Consultation: ${formatDuration(timing.consultation_s)}`,
    timing.warning_s === null ? 'Warning bell: none' : `Warning bell: ${formatDuration(timing.warning_s)} before the end`,
    `Feedback: ${formatDuration(timing.feedback_s)}`,
  ];
}

export function presetTiming(preset: Exclude<Preset, 'custom'>): Timing {
  return { ...TIMING_PRESETS[preset] };
}
