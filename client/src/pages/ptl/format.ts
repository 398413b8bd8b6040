import type { Clock } from '$contract';

// The app's one date formatter; the PTL's pages (and the pages that borrow its helpers) import it from here.
export { formatDate } from '../../lib/dates';

/** Ten digits shown 3-3-4 (`943 476 5919`); anything else as it is. */
export function formatNhsNumber(nhs: string | null | undefined): string {
  if (!nhs) return '—';
  const digits = nhs.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}` : nhs;
}

const COUNT = new Intl.NumberFormat('en-GB');
export function formatCount(n: number): string {
  return COUNT.format(n);
}

const PERCENT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
/** `91.25` → `91.3%`; null (nothing to divide) → '—'. */
export function formatPercent(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : `${PERCENT.format(n)}%`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** `95` → `13 weeks 4 days`. */
export function formatWeeksAndDays(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  return rest ? `${plural(weeks, 'week')} ${plural(rest, 'day')}` : plural(weeks, 'week');
}

/** Band codes of the monthly return (`>17-18`) in words: `over 17 up to 18 weeks`. */
export function bandLabel(band: string): string {
  if (band === '0-1') return 'up to 1 week';
  if (band === '104+') return 'over 104 weeks';
  const match = /^>(\d+)-(\d+)$/.exec(band);
  return match ? `over ${match[1]} up to ${match[2]} weeks` : band;
}

/** A running clock passes 18 weeks on day 127; "due to breach" means within the next four weeks. */
export const BREACH_DAY = 127;
export const DUE_WINDOW_DAYS = 28;

export type BreachStatus = 'breached' | 'due' | null;

export function breachStatus(clock: Clock): BreachStatus {
  if (clock.breached) return 'breached';
  if (clock.state === 'running' && clock.on_ptl && clock.days_waited >= BREACH_DAY - DUE_WINDOW_DAYS) return 'due';
  return null;
}
