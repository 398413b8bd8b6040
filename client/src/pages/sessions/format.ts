/** Dates and times of sessions: stored in UTC, always shown in the viewer's own time zone. */

// Shown through the app's one formatter; the session pages import these from here.
export { formatWhen, viewerTimeZone } from '../../lib/dates';

const pad = (n: number) => String(n).padStart(2, '0');

/** A `datetime-local` value (`2026-12-01T18:30`, the viewer's wall clock) → a UTC instant, or null. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const date = new Date(value); // a date-time without an offset is local time
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The `datetime-local` value of `date` on the viewer's wall clock. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `date` input's value (`YYYY-MM-DD`) as the start of that day in the viewer's zone (UTC ISO), or null. */
export function dayStartIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The last millisecond of that day in the viewer's zone (UTC ISO), or null: "to" includes the day. */
export function dayEndIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime() - 1).toISOString();
}
