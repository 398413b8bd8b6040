import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankHolidayLookup } from '../../../server/src/domains/booking/bank-holidays.js';
import {
  addDays,
  capacityOf,
  isoWeekday,
  mondayOf,
  planSlots,
  templateProblems,
  type TemplateShape,
} from '../../../server/src/domains/booking/slots.js';

const RUNS = { numRuns: 300, seed: 20261203 } as const;
const holidays = bankHolidayLookup();
const none = () => null;

/** A Monday-morning clinic: 09:00–12:00, 20-minute slots (capacity 9), the first 3 for new patients. */
const monday: TemplateShape = {
  weekday: 1,
  start_time: '09:00',
  end_time: '12:00',
  slot_minutes: 20,
  new_slots: 3,
  valid_from: '2026-01-01',
  valid_to: null,
  cancelled_dates: [],
};

describe('clinic templates', () => {
  it('capacity = ⌊(end − start) ÷ slot_minutes⌋', () => {
    expect(capacityOf(monday)).toBe(9);
    expect(capacityOf({ start_time: '09:00', end_time: '12:10', slot_minutes: 20 })).toBe(9);
    expect(capacityOf({ start_time: '09:00', end_time: '09:05', slot_minutes: 5 })).toBe(1);
    // As PostgreSQL gives a time.
    expect(capacityOf({ start_time: '13:30:00', end_time: '17:00:00', slot_minutes: 15 })).toBe(14);
  });

  it('refuses a template without a slot, new slots beyond capacity, or validity the wrong way round, naming the field', () => {
    expect(templateProblems(monday)).toEqual([]);
    expect(templateProblems({ ...monday, end_time: '09:00' }).map((p) => p.path)).toEqual(['end_time']);
    expect(templateProblems({ ...monday, end_time: '09:15' }).map((p) => p.path)).toEqual(['slot_minutes']);
    expect(templateProblems({ ...monday, new_slots: 9 })).toEqual([]);
    expect(templateProblems({ ...monday, new_slots: 10 })).toEqual([{ path: 'new_slots', message: 'The clinic has 9 slots, so at most 9 can be for new patients' }]);
    expect(templateProblems({ ...monday, valid_to: '2025-12-31' }).map((p) => p.path)).toEqual(['valid_to']);
    expect(templateProblems({ ...monday, valid_to: '2026-01-01' })).toEqual([]);
  });
});

describe('slot generation', () => {
  it('a session’s slots: capacity of them at start + k·slot_minutes, the first new_slots for new patients', () => {
    const { slots, skipped } = planSlots(monday, '2026-03-02', '2026-03-02', none);
    expect(skipped).toEqual([]);
    expect(slots.map((s) => `${s.start_time}-${s.end_time} ${s.kind}`)).toEqual([
      '09:00-09:20 new',
      '09:20-09:40 new',
      '09:40-10:00 new',
      '10:00-10:20 follow_up',
      '10:20-10:40 follow_up',
      '10:40-11:00 follow_up',
      '11:00-11:20 follow_up',
      '11:20-11:40 follow_up',
      '11:40-12:00 follow_up',
    ]);
  });

  it('only the template’s weekday, and skips bank holidays and cancelled dates with the reason', () => {
    // April and May 2026: Easter Monday 6 April, early May 4 May, spring 25 May are Mondays.
    const t = { ...monday, cancelled_dates: ['2026-04-20', '2026-05-25', '2026-04-21'] };
    const { slots, skipped } = planSlots(t, '2026-04-01', '2026-05-31', holidays);
    const sessionDates = [...new Set(slots.map((s) => s.date))];
    expect(sessionDates).toEqual(['2026-04-13', '2026-04-27', '2026-05-11', '2026-05-18']);
    expect(skipped).toEqual([
      { date: '2026-04-06', reason: 'bank_holiday' },
      { date: '2026-04-20', reason: 'cancelled_date' },
      { date: '2026-05-04', reason: 'bank_holiday' },
      // Both: the bank holiday is the reason given.
      { date: '2026-05-25', reason: 'bank_holiday' },
    ]);
    expect(slots).toHaveLength(4 * 9);
  });

  it('keeps to [from, to] ∩ [valid_from, valid_to]', () => {
    const t = { ...monday, weekday: 3, valid_from: '2026-02-04', valid_to: '2026-02-18' };
    expect([...new Set(planSlots(t, '2026-01-01', '2026-12-31', none).slots.map((s) => s.date))]).toEqual(['2026-02-04', '2026-02-11', '2026-02-18']);
    expect([...new Set(planSlots(t, '2026-02-05', '2026-02-17', none).slots.map((s) => s.date))]).toEqual(['2026-02-11']);
    expect(planSlots(t, '2026-03-01', '2026-03-31', none)).toEqual({ slots: [], skipped: [] });
    expect(planSlots(t, '2026-02-12', '2026-02-17', none)).toEqual({ slots: [], skipped: [] });
  });

  it('a Sunday clinic across the new year, over the 2026–2027 holidays', () => {
    const sunday = { ...monday, weekday: 7 };
    const dates = [...new Set(planSlots(sunday, '2026-12-20', '2027-01-10', holidays).slots.map((s) => s.date))];
    // Christmas and Boxing Day 2027-substitutes are weekdays; Sundays themselves are never bank holidays.
    expect(dates).toEqual(['2026-12-20', '2026-12-27', '2027-01-03', '2027-01-10']);
  });

  it('is deterministic: the same template and range always plan the same slots (so a re-run, through the unique key, creates nothing)', () => {
    const a = planSlots(monday, '2026-01-01', '2026-12-31', holidays);
    const b = planSlots(monday, '2026-01-01', '2026-12-31', holidays);
    expect(b).toEqual(a);
    const keys = a.slots.map((s) => `${s.date} ${s.start_time}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('any template and range: every date on the weekday and in range is a session or skipped once; sessions have capacity slots, new first', () => {
    const template = fc
      .record({
        weekday: fc.integer({ min: 1, max: 7 }),
        start: fc.integer({ min: 0, max: 20 * 60 }),
        length: fc.integer({ min: 5, max: 6 * 60 }),
        slot_minutes: fc.integer({ min: 5, max: 240 }),
        newShare: fc.double({ min: 0, max: 1, noNaN: true }),
        validFrom: fc.integer({ min: 0, max: 400 }),
        validDays: fc.option(fc.integer({ min: 0, max: 400 })),
        cancelled: fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 20 }),
      })
      .filter((t) => t.length >= t.slot_minutes && t.start + t.length < 24 * 60);
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(template, fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 366 }), (g, fromOffset, span) => {
        const base = '2025-06-01';
        const t: TemplateShape = {
          weekday: g.weekday,
          start_time: hhmm(g.start),
          end_time: hhmm(g.start + g.length),
          slot_minutes: g.slot_minutes,
          new_slots: 0,
          valid_from: addDays(base, g.validFrom),
          valid_to: g.validDays === null ? null : addDays(base, g.validFrom + g.validDays),
          cancelled_dates: [...new Set(g.cancelled.map((c) => addDays(base, c)))],
        };
        const capacity = capacityOf(t);
        t.new_slots = Math.floor(g.newShare * capacity);
        const from = addDays(base, fromOffset);
        const to = addDays(from, span);
        const { slots, skipped } = planSlots(t, from, to, holidays);

        const expected: string[] = [];
        for (let d = from; d <= to; d = addDays(d, 1)) {
          if (isoWeekday(d) === t.weekday && d >= t.valid_from && (t.valid_to === null || d <= t.valid_to)) expected.push(d);
        }
        const sessions = [...new Set(slots.map((s) => s.date))];
        expect([...sessions, ...skipped.map((s) => s.date)].sort()).toEqual(expected);
        for (const s of skipped) {
          expect(s.reason).toBe(holidays(s.date) ? 'bank_holiday' : 'cancelled_date');
          if (s.reason === 'cancelled_date') expect(t.cancelled_dates).toContain(s.date);
        }
        for (const date of sessions) {
          expect(holidays(date)).toBeNull();
          expect(t.cancelled_dates).not.toContain(date);
          const day = slots.filter((s) => s.date === date);
          expect(day).toHaveLength(capacity);
          expect(day.filter((s) => s.kind === 'new')).toEqual(day.slice(0, t.new_slots));
          expect(day[0]!.start_time).toBe(t.start_time);
          // Back to back, each slot_minutes long, and inside the clinic's hours.
          for (let k = 1; k < day.length; k++) expect(day[k]!.start_time).toBe(day[k - 1]!.end_time);
          expect(day.at(-1)!.end_time <= t.end_time).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('weekdays and Mondays', () => {
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-13')).toBe(7);
    expect(mondayOf('2026-12-13')).toBe('2026-12-07');
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});
