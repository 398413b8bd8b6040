import { CANCER_CLOCKS, type CancerClock, type CancerClockName, type CancerClocks } from '$contract';
import { formatDate } from '../../lib/dates';

/**
 * How the pages read a pathway's three clocks (the server computes them; nothing here changes a
 * date or a day count). Shared with the MDT pages, which show the clocks of each listed patient.
 */

export interface DueClock {
  name: CancerClockName;
  clock: CancerClock;
}

/** The running clock whose last compliant day comes first (breached ones included): what needs chasing next. */
export function nextDue(clocks: CancerClocks): DueClock | null {
  let best: DueClock | null = null;
  for (const name of CANCER_CLOCKS) {
    const clock = clocks[name];
    if (clock.state !== 'running' || !clock.due_date) continue;
    if (!best || clock.due_date < (best.clock.due_date ?? '')) best = { name, clock };
  }
  return best;
}

/** The clocks over their target (running or stopped late), in the standards' order. */
export function breachedClocks(clocks: CancerClocks): CancerClockName[] {
  return CANCER_CLOCKS.filter((name) => clocks[name].breached);
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `days_remaining` in words: "5 days left", "due today", "3 days over". */
export function remainingText(daysRemaining: number): string {
  if (daysRemaining > 0) return `${plural(daysRemaining, 'day')} left`;
  if (daysRemaining === 0) return 'last day today';
  return `${plural(-daysRemaining, 'day')} over`;
}

/** Where the clock stands, in a line: "Day 12 of 28 · due 3 Dec 2026 · 16 days left". */
export function clockProgress(clock: CancerClock): string {
  switch (clock.state) {
    case 'running':
      return [
        `Day ${clock.days ?? 0} of ${clock.target_days}`,
        `due ${formatDate(clock.due_date)}`,
        clock.days_remaining === null ? null : remainingText(clock.days_remaining),
      ]
        .filter(Boolean)
        .join(' · ');
    case 'stopped':
      return `Stopped on ${formatDate(clock.stop_date)} at day ${clock.days ?? 0} of ${clock.target_days}${clock.breached ? ', over target' : ', within target'}`;
    case 'pending':
      return 'Not started yet';
    case 'ended':
      return 'Ended: cancer ruled out, not measured';
    case 'not_applicable':
      return 'Does not apply to this pathway';
  }
}

/** Running, over its target: the state a badge should shout about. */
export function isOverdue(clock: CancerClock): boolean {
  return clock.state === 'running' && clock.breached;
}

/** The server words its explanations with ISO dates (`2026-09-14`); the pages show dates as en-GB writes them. */
export function readableDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso));
}

/** Days on the pathway in a line: "Day 20 of 62", "Treated on day 60 of 62", or null where the 62-day standard does not apply. */
export function pathwayDayText(clocks: CancerClocks): string | null {
  const clock = clocks.treatment_62;
  if (clocks.days_on_pathway === null) return null;
  if (clock.state === 'stopped') return `62-day clock stopped on day ${clocks.days_on_pathway} of 62`;
  if (clock.state === 'ended') return '62-day clock ended: cancer ruled out';
  return `Day ${clocks.days_on_pathway} of 62 on the pathway`;
}
