import { TRAINING_LEVEL_LABELS, type SessionStatus, type TimelineKind, type TrainingLevel } from '$contract';

/** Human wording for the portfolio: ratings, statuses, timeline kinds and marks (dates are lib/dates'). */

export { GLOBAL_RATING_LABELS as RATING_LABELS } from '$contract';

export const STATUS_LABELS: Record<SessionStatus, string> = {
  open: 'Open',
  matched: 'Matched',
  live: 'Live',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

export const TIMELINE_LABELS: Record<TimelineKind, string> = {
  session_completed: 'Station',
  session_scheduled: 'Planned',
  session_no_show: 'No-show',
  session_cancelled: 'Cancelled',
  reflection_written: 'Reflection',
  ptl_pathways_added: 'PTL',
  ptl_events_recorded: 'PTL',
  case_written: 'Case',
};

export function trainingLevelLabel(level: TrainingLevel | null): string {
  return level ? TRAINING_LEVEL_LABELS[level] : '';
}

/** Marks are 0–4 with two decimals; '—' before the first. */
export function formatMark(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toFixed(2);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `data_gathering` → `Data gathering`, for a domain no mark scheme names. */
export function humanise(id: string): string {
  const words = id.replace(/_/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}
