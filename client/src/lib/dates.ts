/**
 * The one way the app shows dates and times: en-GB, 24-hour clock.
 *
 * - A calendar date (`YYYY-MM-DD`, a referral date, a clinic day) has no zone: it is shown as written.
 * - An instant (an ISO timestamp: a session's start, a record's edit) is shown in the viewer's own zone,
 *   because that is the clock on their wall.
 *
 * Every page formats through these functions, so "3 Dec 2026, 16:08" never sits beside "Dec 3, 2026, 4:11 PM".
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formatters are built once per zone: building one costs far more than using it. */
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-GB', { hourCycle: 'h23', ...options });
    cache.set(key, found);
  }
  return found;
}

function instant(iso: string | Date | null | undefined): Date | null {
  if (!iso) return null;
  const date = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `2025-05-13` (or the date part of a timestamp) → `13 May 2025`; '' or null → '—'. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) {
    const date = instant(iso);
    return date ? formatter('date', { day: 'numeric', month: 'short', year: 'numeric' }).format(date) : iso;
  }
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** An instant → `13 May 2025, 14:05` in the viewer's zone; null → '—'. */
export function formatDateTime(iso: string | Date | null | undefined): string {
  const date = instant(iso);
  if (!date) return typeof iso === 'string' && iso ? iso : '—';
  return formatter('datetime', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date);
}

/** An instant → `Tue, 1 Dec 2026, 18:30 GMT`: with the weekday and the zone's short name, for appointments. */
export function formatWhen(iso: string | Date | null | undefined): string {
  const date = instant(iso);
  if (!date) return typeof iso === 'string' && iso ? iso : '—';
  return formatter('when', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

/** An instant → `14:05` in the viewer's zone; `withSeconds` → `14:05:09`. */
export function formatTime(iso: string | Date | null | undefined, withSeconds = false): string {
  const date = instant(iso);
  if (!date) return '—';
  return withSeconds
    ? formatter('time-s', { hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(date)
    : formatter('time', { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** `2026-12` → `December 2026`. */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return `${formatter('month', { month: 'long', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`))} ${match[1]}`;
}

/** `2026-12-01` → `Tue` (or `Tuesday` when `long`): the weekday of a calendar date, whatever the viewer's zone. */
export function formatWeekday(isoDate: string, long = false): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return formatter(long ? 'weekday-l' : 'weekday-s', { weekday: long ? 'long' : 'short', timeZone: 'UTC' }).format(date);
}

/**
 * `2026-12-03` → `Thu 3 Dec 2026`; `long` → `Thursday 3 Dec 2026`; `brief` → `Thu 3 Dec`, for a day of
 * the week being shown (a grid's column, a workload bar).
 */
export function formatDay(isoDate: string, style: 'short' | 'long' | 'brief' = 'short'): string {
  const weekday = formatWeekday(isoDate, style === 'long');
  if (weekday === isoDate) return isoDate;
  const date = formatDate(isoDate.slice(0, 10));
  return `${weekday} ${style === 'brief' ? date.replace(/ \d{4}$/, '') : date}`;
}

/** The viewer's IANA zone, e.g. `Europe/London`. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'your local time';
}

/**
 * How far `iso` is from `now`, in words: "in 3 min", "5 min ago", "in 2 h", "yesterday", "in 4 days".
 * Under a minute is "now"; beyond a week, the date itself.
 */
export function formatRelative(iso: string | Date, now: Date = new Date()): string {
  const date = instant(iso);
  if (!date) return '—';
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  const say = (amount: number, unit: string) => (seconds >= 0 ? `in ${amount} ${unit}` : `${amount} ${unit} ago`);
  if (abs < 60) return 'now';
  if (abs < 3600) return say(Math.round(abs / 60), 'min');
  if (abs < 86_400) return say(Math.round(abs / 3600), 'h');
  const days = Math.round(abs / 86_400);
  if (days === 1) return seconds >= 0 ? 'tomorrow' : 'yesterday';
  if (days < 7) return say(days, 'days');
  return formatDate(date.toISOString());
}

/** Seconds → `m:ss` (or `h:mm:ss` from an hour): a countdown. Negative counts as zero. */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/**
 * Calendar arithmetic on `YYYY-MM-DD` days. England's clock decides what "today" is because the
 * server's "not after today" rules and the NHS's waiting-time days use it.
 */
const ENGLAND_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in England, `YYYY-MM-DD`. */
export function todayInEngland(now: Date = new Date()): string {
  return ENGLAND_DAY.format(now);
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday on or before `isoDate`. */
export function mondayOf(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}
