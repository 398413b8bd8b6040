// Properties of the cancer clocks over generated pathways that the contract's rules accept: a clock
// never runs backwards as the census date advances, a stop never falls before its start (a pathway
// that would need one is refused by the rules and by clocks.ts itself), and the figures of every
// clock agree with each other as the contract defines them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANCER_CLOCKS, type CancerClock, type CancerClockState } from '../../../server/src/contract/cancer.js';
import { addDays, cancerClocks, daysBetween } from '../../../server/src/domains/cancer/clocks.js';
import { pathwayProblems } from '../../../server/src/domains/cancer/rules.js';
import { asOfAround, validPathway } from './arbitraries.js';

// A fixed seed so a failure reproduces; fast-check prints the counterexample.
const RUNS = { numRuns: 400, seed: 20261203 } as const;
const FAR_FUTURE = '2099-12-31';

/**
 * How far along a clock is; a later census date may only move it forward. A ruling-out told after a
 * first treatment (a diagnostic excision found benign, say) ends the 62-day unmeasured and makes the
 * 31-day not applicable: a reclassification, so `ended` comes after `stopped`.
 */
const PROGRESS: Record<CancerClockState, number> = { not_applicable: -1, pending: 0, running: 1, stopped: 2, ended: 3 };
const started = (c: CancerClock) => c.state === 'running' || c.state === 'stopped' || c.state === 'ended';

const pathwayWithTwoCensusDates = validPathway.chain((p) =>
  fc.tuple(fc.constant(p), asOfAround(p), fc.integer({ min: 0, max: 200 })).map(([p, asOf, later]) => ({ p, asOf, later: addDays(asOf, later) })),
);

describe('cancer clock properties', () => {
  it('the generator only makes pathways the rules accept', () => {
    fc.assert(
      fc.property(validPathway, (p) => {
        expect(pathwayProblems(p, FAR_FUTURE)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('never runs backwards: as the census date advances, states only move forward and days never fall', () => {
    fc.assert(
      fc.property(pathwayWithTwoCensusDates, ({ p, asOf, later }) => {
        const before = cancerClocks(p, asOf);
        const after = cancerClocks(p, later);
        for (const name of CANCER_CLOCKS) {
          const [a, b] = [before[name], after[name]];
          // Route-level "not applicable" never changes; the 31-day becomes not applicable once cancer is ruled out, and stays so.
          if (a.state === 'not_applicable') expect(b.state).toBe('not_applicable');
          else if (b.state !== 'not_applicable') expect(PROGRESS[b.state]).toBeGreaterThanOrEqual(PROGRESS[a.state]);
          if (started(a) && started(b)) {
            expect(b.start_date).toBe(a.start_date);
            expect(b.days!).toBeGreaterThanOrEqual(a.days!);
          }
          // A stopped or ended clock stays as it was while its state holds: the same stop, the same days.
          if ((a.state === 'stopped' || a.state === 'ended') && b.state === a.state) expect(b).toEqual(a);
        }
        if (before.long_wait_104 && after.treatment_62.state !== 'ended') expect(after.long_wait_104).toBe(true);
      }),
      RUNS,
    );
  });

  it('a stop never falls before its start, and waits are never negative', () => {
    fc.assert(
      fc.property(validPathway.chain((p) => fc.tuple(fc.constant(p), asOfAround(p))), ([p, asOf]) => {
        const c = cancerClocks(p, asOf);
        for (const name of CANCER_CLOCKS) {
          const clock = c[name];
          if (clock.stop_date !== null) expect(clock.stop_date >= clock.start_date!).toBe(true);
          if (clock.days !== null) expect(clock.days).toBeGreaterThanOrEqual(0);
          // Nothing after the census date has happened yet.
          if (clock.start_date !== null) expect(clock.start_date <= asOf).toBe(true);
          if (clock.stop_date !== null) expect(clock.stop_date <= asOf).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('moving a stop before its start is refused by the rules, and clocks.ts will not measure it', () => {
    const withTreatment = validPathway.filter((p) => p.first_treatment_date !== null && p.diagnosis !== 'ruled_out');
    fc.assert(
      fc.property(withTreatment, fc.integer({ min: 1, max: 60 }), (p, early) => {
        const broken = { ...p, first_treatment_date: addDays(p.decision_to_treat_date!, -early) };
        expect(pathwayProblems(broken, FAR_FUTURE).map((d) => d.path)).toContain('first_treatment_date');
        expect(() => cancerClocks(broken, FAR_FUTURE)).toThrow(RangeError);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(validPathway, fc.integer({ min: 1, max: 60 }), fc.constantFrom('cancer' as const, 'ruled_out' as const), (p, early, diagnosis) => {
        const broken = { ...p, diagnosis, diagnosis_communicated_date: addDays(p.referral_received_date, -early) };
        expect(pathwayProblems(broken, FAR_FUTURE).map((d) => d.path)).toContain('diagnosis_communicated_date');
        if (p.route !== 'consultant_upgrade' && p.route !== 'other') expect(() => cancerClocks(broken, FAR_FUTURE)).toThrow(RangeError);
      }),
      RUNS,
    );
  });

  it('each clock’s figures agree: due and breach dates, days remaining, breached, days on pathway', () => {
    fc.assert(
      fc.property(validPathway.chain((p) => fc.tuple(fc.constant(p), asOfAround(p))), ([p, asOf]) => {
        const c = cancerClocks(p, asOf);
        for (const name of CANCER_CLOCKS) {
          const clock = c[name];
          if (!started(clock)) {
            expect(clock).toMatchObject({ start_date: null, stop_date: null, days: null, due_date: null, breach_date: null, days_remaining: null, breached: false });
            continue;
          }
          expect(clock.due_date).toBe(addDays(clock.start_date!, clock.target_days));
          expect(clock.breach_date).toBe(addDays(clock.start_date!, clock.target_days + 1));
          expect(clock.days).toBe(daysBetween(clock.start_date!, clock.stop_date ?? asOf));
          expect(clock.stop_date === null).toBe(clock.state === 'running');
          expect(clock.days_remaining).toBe(clock.state === 'running' ? clock.target_days - clock.days! : null);
          expect(clock.breached).toBe(clock.state !== 'ended' && clock.days! > clock.target_days);
          expect(clock.explanation.length).toBeGreaterThan(10);
        }
        expect(c.days_on_pathway).toBe(c.treatment_62.days);
        expect(c.long_wait_104).toBe((c.treatment_62.state === 'running' || c.treatment_62.state === 'stopped') && c.treatment_62.days! >= 104);
      }),
      RUNS,
    );
  });
});
