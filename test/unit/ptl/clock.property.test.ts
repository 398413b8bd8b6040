import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PATHWAY_TYPES, PTL_EVENT_TYPES, type PtlEventType } from '../../../server/src/contract/ptl.js';
import {
  addDays,
  computeClock,
  daysBetween,
  monthlyBand,
  waitGroup,
  type ClockEvent,
  type ClockInput,
  type ClockOptions,
} from '../../../server/src/domains/ptl/clock.js';

// A fixed seed so a failure reproduces; fast-check prints the counterexample and its path.
const RUNS = { numRuns: 500, seed: 20251122 } as const;

const STARTERS = new Set<PtlEventType>([
  'rebooked_after_dna',
  'clinician_reoffer_after_dna',
  'decision_to_treat_after_monitoring',
  'new_period_second_side',
  'new_period_new_treatment',
]);
const NON_STARTERS = PTL_EVENT_TYPES.filter((t) => !STARTERS.has(t));
const STOPS = [
  'treatment_outpatient',
  'treatment_admitted',
  'active_monitoring_patient',
  'active_monitoring_clinician',
  'decision_not_to_treat',
  'added_to_transplant_list',
  'patient_declined_treatment',
  'patient_died',
  'discharged_after_dna',
] as const satisfies readonly PtlEventType[];

// Events as offsets from the clock start; ids are given by position so every id is unique.
const eventSpec = (types: readonly PtlEventType[], minOffset: number, maxOffset: number) =>
  fc.record({
    type: fc.constantFrom(...types),
    offset: fc.integer({ min: minOffset, max: maxOffset }),
    communicated: fc.boolean(),
  });
type EventSpec = { type: PtlEventType; offset: number; communicated: boolean };

const toEvents = (start: string, specs: EventSpec[], prefix = 'e'): ClockEvent[] =>
  specs.map((s, i) => ({ id: `${prefix}${i}`, event_type: s.type, event_date: addDays(start, s.offset), appointment_communicated: s.communicated }));

const startArb = fc.integer({ min: 0, max: 4000 }).map((n) => addDays('2018-01-01', n));
const optionsArb = fc.constantFrom<ClockOptions | undefined>(undefined, { laterDnaStopDate: 'discharge' }, { laterDnaStopDate: 'missed_appointment' });

/** A whole random case: events anywhere from before the start to long after it, today anywhere too. */
const caseArb = fc.record({
  start: startArb,
  pathway_type: fc.constantFrom(...PATHWAY_TYPES),
  specs: fc.array(eventSpec(PTL_EVENT_TYPES, -20, 900), { maxLength: 8 }),
  todayOffset: fc.integer({ min: -30, max: 1200 }),
  options: optionsArb,
});

const run = (start: string, pathway_type: ClockInput['pathway_type'], events: ClockEvent[], today: string, options?: ClockOptions) =>
  computeClock({ clock_start_date: start, pathway_type, events }, today, options);

const withoutWarnings = <T extends { warnings: string[] }>(c: T) => ({ ...c, warnings: undefined });

describe('computeClock properties', () => {
  it('days and weeks are never negative, and the clock agrees with its last period', () => {
    fc.assert(
      fc.property(caseArb, ({ start, pathway_type, specs, todayOffset, options }) => {
        const today = addDays(start, todayOffset);
        const { clock, periods } = run(start, pathway_type, toEvents(start, specs), today, options);

        expect(clock.days_waited).toBeGreaterThanOrEqual(0);
        expect(clock.weeks_waited).toBeGreaterThanOrEqual(0);
        expect(clock.weeks_waited).toBe(Math.floor(clock.days_waited / 7));
        expect(clock.band).toBe(monthlyBand(clock.days_waited));
        expect(clock.wait_group).toBe(waitGroup(clock.days_waited));
        expect(clock.breach_date).toBe(addDays(clock.start_date, 127));
        expect(clock.breached).toBe(clock.state !== 'nullified' && clock.days_waited > 126);
        expect(clock.stop_date === null).toBe(clock.state === 'running');

        const last = periods.at(-1);
        expect(last).toMatchObject({ state: clock.state, start_date: clock.start_date, stop_date: clock.stop_date, days_waited: clock.days_waited });
        if (clock.state !== 'running') expect(clock.explanation).toBe(last?.ended_by);
        else if (clock.on_ptl) expect(clock.explanation).toBe(last?.started_by);
        else expect(clock.explanation.event_type).toBe('transferred_out');

        let previousEnd: string | null = null;
        for (const [i, p] of periods.entries()) {
          expect(p.days_waited).toBeGreaterThanOrEqual(0);
          expect(p.days_waited).toBe(p.stop_date === null ? Math.max(0, daysBetween(p.start_date, today)) : daysBetween(p.start_date, p.stop_date));
          // Only the last period can still be running; earlier ones ended before the next began.
          if (i < periods.length - 1) expect(p.state).not.toBe('running');
          if (previousEnd !== null) expect(p.start_date >= previousEnd).toBe(true);
          previousEnd = p.stop_date;
        }
        expect(periods[0]?.start_date).toBe(start);
      }),
      RUNS,
    );
  });

  it('an event after the stop that does not start a new period changes neither the stopped clock nor any period', () => {
    const stoppedCase = fc.record({
      start: startArb,
      pathway_type: fc.constantFrom(...PATHWAY_TYPES),
      specs: fc.array(eventSpec(PTL_EVENT_TYPES, -20, 300), { maxLength: 6 }),
      stop: eventSpec(STOPS, 300, 400),
      todayOffset: fc.integer({ min: 400, max: 1200 }),
      extra: eventSpec(NON_STARTERS, 0, 1300),
      options: optionsArb,
    });
    fc.assert(
      fc.property(stoppedCase, ({ start, pathway_type, specs, stop, todayOffset, extra, options }) => {
        const today = addDays(start, todayOffset);
        const events = [...toEvents(start, specs), ...toEvents(start, [stop], 'stop')];
        const before = run(start, pathway_type, events, today, options);
        // The stop is dated after every other event and before today, so the clock ends stopped.
        expect(before.clock.state).not.toBe('running');
        const stoppedOn = before.clock.explanation.date;

        const after = run(start, pathway_type, [...events, ...toEvents(stoppedOn, [extra], 'x')], today, options);
        expect(withoutWarnings(after.clock)).toEqual(withoutWarnings(before.clock));
        expect(after.periods).toEqual(before.periods);
      }),
      RUNS,
    );
  });

  it('adding an event never changes a period that ended on or before its date', () => {
    fc.assert(
      fc.property(caseArb, eventSpec(PTL_EVENT_TYPES, -20, 1300), ({ start, pathway_type, specs, todayOffset, options }, extra) => {
        const today = addDays(start, todayOffset);
        const events = toEvents(start, specs);
        const before = run(start, pathway_type, events, today, options);
        const added = toEvents(start, [extra], 'x');
        const after = run(start, pathway_type, [...events, ...added], today, options);
        const extraDate = added[0]!.event_date;

        before.periods.forEach((p, i) => {
          if (p.ended_by !== null && p.ended_by.date <= extraDate) expect(after.periods[i]).toEqual(p);
        });
      }),
      RUNS,
    );
  });

  it('adding an event dated on or after every other keeps the old periods as a prefix (the last may change only if running)', () => {
    fc.assert(
      fc.property(caseArb, eventSpec(PTL_EVENT_TYPES, 0, 400), ({ start, pathway_type, specs, todayOffset, options }, extra) => {
        const today = addDays(start, todayOffset);
        const events = toEvents(start, specs);
        const latest = events.reduce((m, e) => (e.event_date > m ? e.event_date : m), start);
        const added = toEvents(latest, [extra], 'x');
        const before = run(start, pathway_type, events, today, options);
        const after = run(start, pathway_type, [...events, ...added], today, options);

        const n = before.periods.length;
        expect(after.periods.length).toBeGreaterThanOrEqual(n);
        expect(after.periods.slice(0, n - 1)).toEqual(before.periods.slice(0, n - 1));
        const oldLast = before.periods[n - 1]!;
        const sameSlot = after.periods[n - 1]!;
        if (oldLast.state === 'running') {
          expect(sameSlot.start_date).toBe(oldLast.start_date);
          expect(sameSlot.started_by).toEqual(oldLast.started_by);
        } else {
          expect(sameSlot).toEqual(oldLast);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on how events of different dates were ordered in the input', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }), (c, keys) => {
        const today = addDays(c.start, c.todayOffset);
        const events = toEvents(c.start, c.specs);

        // A random interleaving that keeps the recording order of events sharing a date.
        const shuffled = events.map((e, i) => ({ e, k: keys[i] ?? 0 })).sort((a, b) => a.k - b.k).map((x) => x.e);
        const queues = new Map<string, ClockEvent[]>();
        for (const e of events) queues.set(e.event_date, [...(queues.get(e.event_date) ?? []), e]);
        const reordered = shuffled.map((e) => queues.get(e.event_date)!.shift()!);

        expect(run(c.start, c.pathway_type, reordered, today, c.options)).toEqual(run(c.start, c.pathway_type, events, today, c.options));
      }),
      RUNS,
    );
  });

  it('is deterministic and leaves its input untouched', () => {
    fc.assert(
      fc.property(caseArb, ({ start, pathway_type, specs, todayOffset, options }) => {
        const today = addDays(start, todayOffset);
        const input: ClockInput = { clock_start_date: start, pathway_type, events: toEvents(start, specs) };
        const copy = structuredClone(input);
        const first = computeClock(input, today, options);
        expect(computeClock(input, today, options)).toEqual(first);
        expect(input).toEqual(copy);
      }),
      RUNS,
    );
  });
});

describe('date and band helpers', () => {
  const dateArb = fc.integer({ min: -25_000, max: 80_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

  it('daysBetween and addDays agree with UTC calendar arithmetic', () => {
    fc.assert(
      fc.property(dateArb, dateArb, fc.integer({ min: -5000, max: 5000 }), (a, b, k) => {
        expect(daysBetween(a, b)).toBe((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
        expect(addDays(a, daysBetween(a, b))).toBe(b);
        expect(addDays(a, k)).toBe(new Date(Date.parse(`${a}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10));
      }),
      RUNS,
    );
  });

  it('monthlyBand matches the §1.8 formula', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (days) => {
        const w = Math.ceil(days / 7);
        expect(monthlyBand(days)).toBe(days <= 7 ? '0-1' : days > 728 ? '104+' : `>${w - 1}-${w}`);
      }),
      RUNS,
    );
  });
});
