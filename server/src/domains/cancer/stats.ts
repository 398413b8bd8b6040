// The figures of GET /api/cancer/stats from the counts the database made, pure.
import { standardTargetPercent, type CancerStats } from '../../contract/cancer.js';
import type { StatsCounts } from './repo.js';

/** The first and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}

/** Share met, in percent to one decimal; null when nothing was measured (0 of 0 is not 100%). */
export function percentMet(met: number, stopped: number): number | null {
  return stopped === 0 ? null : Math.round((met / stopped) * 1000) / 10;
}

export function buildStats(month: string, asOf: string, c: StatsCounts): CancerStats {
  return {
    month,
    as_of: asOf,
    standards: c.standards.map((s) => ({
      standard: s.standard,
      target_percent: standardTargetPercent(s.standard, month),
      stopped: s.stopped,
      met: s.met,
      breached: s.stopped - s.met,
      percent_met: percentMet(s.met, s.stopped),
    })),
    open_by_days: { '0-28': c.open_0_28, '29-62': c.open_29_62, '63-103': c.open_63_103, '104+': c.open_104 },
    due_next_7_days: c.due_next_7_days,
  };
}
