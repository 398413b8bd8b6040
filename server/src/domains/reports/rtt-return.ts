/**
 * The monthly RTT return of incomplete pathways (nhs-waiting-times.md §1.7, §1.8), as pure rules:
 * which month's census a request means, each pathway's clock at that census (the PTL engine), and
 * the tally by treatment function and weeks-waited band, plus its CSV lines.
 *
 * No I/O. The service streams the pathways through `tally.add` a chunk at a time, so the return
 * of 100,000 pathways holds only the 23 × 105 counters, never the pathways.
 */
import { SPECIALTIES } from '../../contract/ptl.js';
import type { PathwayType, PtlEventType } from '../../contract/ptl.js';
import type { RttReturn, RttReturnFigures, RttReturnRow } from '../../contract/reports.js';
import type { CsvValue } from '../../csv/writer.js';
import { toCsv } from '../../csv/writer.js';
// The PTL's own engine and band rule: the return must say what the PTL says at the same date.
import { BREACH_DAYS, computeClock, monthlyBand } from '../ptl/clock.js';

/** The 105 monthly-return bands, as the PTL labels them: "0-1", ">1-2" … ">103-104", "104+". */
export const RTT_BANDS: readonly string[] = [...Array.from({ length: 104 }, (_, i) => (i === 0 ? '0-1' : `>${i}-${i + 1}`)), '104+'];

const BAND_INDEX = new Map(RTT_BANDS.map((b, i) => [b, i]));

/** "More than 52 weeks" is more than 364 days (§1.8: >52w ⇔ days ≥ 365). */
export const OVER_52_WEEKS_DAYS = 364;

/** The position in `RTT_BANDS` of a wait of `days` (the PTL's `monthlyBand`, §1.8). */
export function bandIndex(days: number): number {
  return BAND_INDEX.get(monthlyBand(days))!;
}

// ---------------------------------------------------------------------------------------------
// The census

export type Census = { ok: true; census_date: string; provisional: boolean } | { ok: false; reason: string };

/** The last day of a `YYYY-MM` month. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * The census of `month` as seen on `today`: a past month's last day; the current month's today,
 * provisional (the month is not over); a later month has no census yet.
 */
export function censusFor(month: string, today: string): Census {
  const current = today.slice(0, 7);
  if (month > current) return { ok: false, reason: `${month} has not started yet: the latest return is for ${current}` };
  if (month === current) return { ok: true, census_date: today, provisional: true };
  return { ok: true, census_date: lastDayOf(month), provisional: false };
}

// ---------------------------------------------------------------------------------------------
// The tally

export interface ReturnEvent {
  id: string;
  event_type: string;
  event_date: string;
  appointment_communicated: boolean;
}

/** A pathway as the return reads it: its treatment function, its clock start and every event. */
export interface ReturnPathway {
  specialty: string;
  clock_start_date: string;
  pathway_type: string;
  /** In recording order (same-date events apply in this order). */
  events: readonly ReturnEvent[];
}

const FUNCTION_BY_NAME = new Map<string, { code: string; name: string }>(SPECIALTIES.map((s) => [s.name, s]));
/** X06 is the return's own line for treatment functions it does not list. */
const OTHER = SPECIALTIES.find((s) => s.code === 'X06')!;

/**
 * The days a pathway had waited at the census if it was incomplete then (its clock running and the
 * pathway still on this provider's PTL), else null: nullified clocks are in no count (§1.5),
 * stopped ones are completed, transferred-out ones are the other provider's, and a clock that
 * starts after the census did not exist yet. Events dated after the census have not happened.
 */
export function incompleteDaysAt(p: Omit<ReturnPathway, 'specialty'>, census: string): number | null {
  if (p.clock_start_date > census) return null;
  const { clock } = computeClock(
    {
      clock_start_date: p.clock_start_date,
      pathway_type: p.pathway_type as PathwayType,
      events: p.events.map((e) => ({ id: e.id, event_type: e.event_type as PtlEventType, event_date: e.event_date, appointment_communicated: e.appointment_communicated })),
    },
    census,
  );
  return clock.state === 'running' && clock.on_ptl ? clock.days_waited : null;
}

interface Counter {
  total: number;
  within: number;
  over52: number;
  counts: number[];
}

const emptyCounter = (): Counter => ({ total: 0, within: 0, over52: 0, counts: new Array<number>(RTT_BANDS.length).fill(0) });

function count(c: Counter, days: number, band: number) {
  c.total++;
  if (days <= BREACH_DAYS) c.within++;
  if (days > OVER_52_WEEKS_DAYS) c.over52++;
  c.counts[band]!++;
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

function figures(c: Counter): RttReturnFigures {
  return { total: c.total, within_18_weeks: c.within, percent_within_18: percent(c.within, c.total), over_52_weeks: c.over52, counts: [...c.counts] };
}

/** Counts pathways into the return for one census date; `add` as many chunks as there are. */
export function createReturnTally(census: string) {
  const byCode = new Map<string, Counter>();
  const all = emptyCounter();
  return {
    add(pathways: readonly ReturnPathway[]) {
      for (const p of pathways) {
        const days = incompleteDaysAt(p, census);
        if (days === null) continue;
        const fn = FUNCTION_BY_NAME.get(p.specialty) ?? OTHER;
        let c = byCode.get(fn.code);
        if (!c) byCode.set(fn.code, (c = emptyCounter()));
        const band = bandIndex(days);
        count(c, days, band);
        count(all, days, band);
      }
    },
    result(month: string, provisional: boolean): RttReturn {
      // SPECIALTIES is in code order ("100" … "502", then "X02" … "X06"), as the return lists them.
      const rows: RttReturnRow[] = SPECIALTIES.flatMap((s) => {
        const c = byCode.get(s.code);
        return c ? [{ treatment_function_code: s.code, treatment_function: s.name, ...figures(c) }] : [];
      });
      return { month, census_date: census, provisional, bands: [...RTT_BANDS], rows, total: figures(all) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The CSV, in the national return's shape

export const RTT_RETURN_CSV_HEADER: readonly string[] = [
  'treatment_function_code',
  'treatment_function',
  'total',
  'within_18_weeks',
  'percent_within_18',
  'over_52_weeks',
  ...RTT_BANDS,
];

function line(code: string, name: string, f: RttReturnFigures): CsvValue[] {
  return [code, name, f.total, f.within_18_weeks, f.percent_within_18, f.over_52_weeks, ...f.counts];
}

/** The header, one line per treatment function in code order, and the `TOTAL` line last. */
export function rttReturnCsv(r: RttReturn): string {
  return toCsv([
    RTT_RETURN_CSV_HEADER,
    ...r.rows.map((row) => line(row.treatment_function_code, row.treatment_function, row)),
    line('TOTAL', 'Total', r.total),
  ]);
}

/** The download's file name, e.g. `rtt-incomplete-2026-10.csv` (`-provisional` while the month runs). */
export function rttReturnFileName(r: Pick<RttReturn, 'month' | 'provisional'>): string {
  return `rtt-incomplete-${r.month}${r.provisional ? '-provisional' : ''}.csv`;
}
