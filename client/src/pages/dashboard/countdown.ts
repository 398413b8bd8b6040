import { formatCountdown, formatRelative } from '../../lib/dates';

/** Beyond this a countdown reads "tomorrow" or "in 3 days" rather than "49:12:05". */
const COUNTDOWN_LIMIT_S = 12 * 3600;

/** The dashboard's countdown to a session: a small label and a big figure. */
export interface StartCountdown {
  label: string;
  value: string;
}

export function startCountdown(datetimeUtc: string, status: string, now: number): StartCountdown {
  if (status === 'live') return { label: 'The station is', value: 'live now' };
  const start = Date.parse(datetimeUtc);
  if (Number.isNaN(start)) return { label: 'Starts', value: '—' };
  const seconds = Math.ceil((start - now) / 1000);
  // "tomorrow", "in 3 days", or beyond a week the date itself.
  if (seconds > COUNTDOWN_LIMIT_S) return { label: 'Starts', value: formatRelative(new Date(start), new Date(now)) };
  if (seconds > 0) return { label: 'Starts in', value: formatCountdown(seconds) };
  if (seconds > -60) return { label: 'Starts', value: 'now' };
  return { label: 'Planned start was', value: formatRelative(new Date(start), new Date(now)) };
}
