// The monthly RTT return's pure rules: the census of a month, the 105 bands and their edges, the
// 18- and 52-week edges (§1.8), which clocks are incomplete at the census, rows in code order, and
// the CSV in the national return's shape.
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SPECIALTIES } from '../../../server/src/contract/ptl.js';
import { addDays, monthlyBand } from '../../../server/src/domains/ptl/clock.js';
import {
  bandIndex,
  censusFor,
  createReturnTally,
  incompleteDaysAt,
  lastDayOf,
  RTT_BANDS,
  RTT_RETURN_CSV_HEADER,
  rttReturnCsv,
  rttReturnFileName,
  type ReturnEvent,
  type ReturnPathway,
} from '../../../server/src/domains/reports/rtt-return.js';

const CENSUS = '2025-03-31';
let seq = 0;
const event = (event_type: string, event_date: string, appointment_communicated = true): ReturnEvent => ({ id: `e${++seq}`, event_type, event_date, appointment_communicated });
/** A routine pathway that has waited `days` at CENSUS. */
const waited = (days: number, specialty = 'Trauma and Orthopaedics', events: ReturnEvent[] = []): ReturnPathway => ({
  specialty,
  clock_start_date: addDays(CENSUS, -days),
  pathway_type: 'routine',
  events,
});

describe('the census', () => {
  it('is the last day of a past month, leap years included', () => {
    expect(censusFor('2025-02', '2025-03-10')).toEqual({ ok: true, census_date: '2025-02-28', provisional: false });
    expect(censusFor('2024-02', '2025-03-10')).toEqual({ ok: true, census_date: '2024-02-29', provisional: false });
    expect(censusFor('2024-12', '2025-01-01')).toEqual({ ok: true, census_date: '2024-12-31', provisional: false });
    expect(lastDayOf('2025-04')).toBe('2025-04-30');
  });

  it('is today for the current month, and provisional', () => {
    expect(censusFor('2025-03', '2025-03-10')).toEqual({ ok: true, census_date: '2025-03-10', provisional: true });
    // Even on the month's last day: the day is not over.
    expect(censusFor('2025-03', '2025-03-31')).toEqual({ ok: true, census_date: '2025-03-31', provisional: true });
  });

  it('does not exist for a later month', () => {
    expect(censusFor('2025-04', '2025-03-31')).toMatchObject({ ok: false });
    expect(censusFor('2026-01', '2025-12-31')).toMatchObject({ ok: false });
  });
});

describe('bands (§1.8)', () => {
  it('are the 105 labels of the national return, from "0-1" to "104+"', () => {
    expect(RTT_BANDS).toHaveLength(105);
    expect(RTT_BANDS.slice(0, 3)).toEqual(['0-1', '>1-2', '>2-3']);
    expect(RTT_BANDS.slice(-2)).toEqual(['>103-104', '104+']);
    expect(new Set(RTT_BANDS).size).toBe(105);
  });

  it('put each wait where the PTL does, and the edges where the guidance does', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), (d) => RTT_BANDS[bandIndex(d)] === monthlyBand(d)));
    const label = (d: number) => RTT_BANDS[bandIndex(d)];
    expect([0, 7].map(label)).toEqual(['0-1', '0-1']); // eight values: the start day is day 0
    expect([8, 14].map(label)).toEqual(['>1-2', '>1-2']);
    expect([120, 126, 127].map(label)).toEqual(['>17-18', '>17-18', '>18-19']);
    expect([358, 364, 365].map(label)).toEqual(['>51-52', '>51-52', '>52-53']);
    expect([722, 728, 729, 5000].map(label)).toEqual(['>103-104', '>103-104', '104+', '104+']);
  });
});

describe('the tally', () => {
  it('counts 126 days as within 18 weeks and 127 as not; 364 days is not over 52 weeks and 365 is', () => {
    const tally = createReturnTally(CENSUS);
    tally.add([waited(126), waited(127), waited(364), waited(365)]);
    const r = tally.result('2025-03', false);
    expect(r.total).toMatchObject({ total: 4, within_18_weeks: 1, over_52_weeks: 1, percent_within_18: 25 });
    expect(r.total.counts[bandIndex(126)]).toBe(1);
    expect(r.total.counts[bandIndex(127)]).toBe(1);
    expect(r.total.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('counts only clocks running and on this PTL at the census: not nullified, stopped, transferred out or not yet started', () => {
    const tally = createReturnTally(CENSUS);
    const start = addDays(CENSUS, -100);
    tally.add([
      waited(100, 'Urology', [event('first_appointment_dna', addDays(start, 10))]), // nullified (33)
      waited(100, 'Urology', [event('treatment_outpatient', addDays(start, 20))]), // stopped (30)
      waited(100, 'Urology', [event('transferred_out', addDays(start, 30))]), // another provider's now
      { ...waited(0, 'Urology'), clock_start_date: addDays(CENSUS, 1) }, // starts after the census
      waited(100, 'Urology', [event('outpatient_attended', addDays(start, 5))]), // running
    ]);
    const r = tally.result('2025-03', false);
    expect(r.total.total).toBe(1);
    expect(r.rows).toEqual([expect.objectContaining({ treatment_function_code: '101', treatment_function: 'Urology', total: 1 })]);
  });

  it('ignores events dated after the census: the pathway is counted as it stood then', () => {
    const p = waited(50, 'Urology', [event('treatment_outpatient', addDays(CENSUS, 1))]);
    expect(incompleteDaysAt(p, CENSUS)).toBe(50);
    expect(incompleteDaysAt(p, addDays(CENSUS, 1))).toBeNull();
    // A new clock after a nullified DNA counts from its own start, not the referral's.
    const restarted = waited(200, 'Urology', [event('first_appointment_dna', addDays(CENSUS, -190)), event('rebooked_after_dna', addDays(CENSUS, -30))]);
    expect(incompleteDaysAt(restarted, CENSUS)).toBe(30);
  });

  it('lists treatment functions with a pathway in code order, whatever order they arrive in', () => {
    const tally = createReturnTally(CENSUS);
    const names: string[] = SPECIALTIES.map((s) => s.name);
    tally.add([waited(10, 'Other - Other Services'), waited(10, 'Gynaecology')]);
    tally.add([waited(10, 'General Surgery'), waited(200, 'Other - Medical Services'), waited(10, 'Urology'), waited(20, 'Urology')]);
    const r = tally.result('2025-03', true);
    expect(r.rows.map((row) => row.treatment_function_code)).toEqual(['100', '101', '502', 'X02', 'X06']);
    expect(r.rows.map((row) => row.treatment_function_code)).toEqual([...r.rows.map((row) => row.treatment_function_code)].sort());
    expect(r.rows.every((row) => names.includes(row.treatment_function))).toBe(true);
    expect(r.rows.find((row) => row.treatment_function_code === '101')).toMatchObject({ total: 2, within_18_weeks: 2, percent_within_18: 100 });
    expect(r).toMatchObject({ month: '2025-03', census_date: CENSUS, provisional: true, total: { total: 6, within_18_weeks: 5, percent_within_18: 83.3 } });
    expect(r.bands).toEqual(RTT_BANDS);
  });

  it('row figures add up to the total, and each row’s bands to its total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ days: fc.integer({ min: 0, max: 900 }), s: fc.constantFrom(...SPECIALTIES.map((x) => x.name)) }), { maxLength: 60 }),
        (xs) => {
          const tally = createReturnTally(CENSUS);
          tally.add(xs.map((x) => waited(x.days, x.s)));
          const r = tally.result('2025-03', false);
          const sum = (f: (row: (typeof r.rows)[number]) => number) => r.rows.reduce((a, row) => a + f(row), 0);
          expect(sum((row) => row.total)).toBe(xs.length);
          expect(sum((row) => row.within_18_weeks)).toBe(xs.filter((x) => x.days <= 126).length);
          expect(sum((row) => row.over_52_weeks)).toBe(xs.filter((x) => x.days >= 365).length);
          for (const row of r.rows) expect(row.counts.reduce((a, b) => a + b, 0)).toBe(row.total);
          expect(r.total.counts).toEqual(r.rows.reduce((acc, row) => acc.map((n, i) => n + row.counts[i]!), new Array(105).fill(0)));
        },
      ),
    );
  });

  it('an empty PTL gives no rows and a zero total with no percentage', () => {
    const r = createReturnTally(CENSUS).result('2025-03', false);
    expect(r.rows).toEqual([]);
    expect(r.total).toEqual({ total: 0, within_18_weeks: 0, percent_within_18: null, over_52_weeks: 0, counts: new Array(105).fill(0) });
  });
});

describe('the CSV', () => {
  it('has the national header, one line per row in code order and TOTAL last', () => {
    const tally = createReturnTally(CENSUS);
    tally.add([waited(3, 'Urology'), waited(800, 'Urology'), waited(130, 'General Surgery')]);
    const r = tally.result('2025-03', false);
    const lines = parse(rttReturnCsv(r)) as string[][];
    expect(lines[0]).toEqual([...RTT_RETURN_CSV_HEADER]);
    expect(lines[0]!.slice(0, 6)).toEqual(['treatment_function_code', 'treatment_function', 'total', 'within_18_weeks', 'percent_within_18', 'over_52_weeks']);
    expect(lines[0]!.slice(6)).toEqual(RTT_BANDS);
    expect(lines.every((l) => l.length === 6 + 105)).toBe(true);
    expect(lines.map((l) => l[0])).toEqual(['treatment_function_code', '100', '101', 'TOTAL']);
    expect(lines[2]!.slice(0, 6)).toEqual(['101', 'Urology', '2', '1', '50', '1']);
    expect(lines[2]![6 + bandIndex(3)]).toBe('1');
    expect(lines[2]![6 + 104]).toBe('1');
    expect(lines[3]!.slice(0, 6)).toEqual(['TOTAL', 'Total', '3', '1', '33.3', '1']);
  });

  it('names the file after the month, and says when it is provisional', () => {
    expect(rttReturnFileName({ month: '2025-02', provisional: false })).toBe('rtt-incomplete-2025-02.csv');
    expect(rttReturnFileName({ month: '2025-03', provisional: true })).toBe('rtt-incomplete-2025-03-provisional.csv');
  });
});
