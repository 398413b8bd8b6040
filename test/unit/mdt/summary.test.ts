// The readiness and summary rules of an MDT meeting's list (contract: "a listing with an empty
// checklist is ready"; outstanding items count over all listings).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awaitsCommunication, isReady, meetingSummary, outstandingItems, type ListingFacts } from '../../../server/src/domains/mdt/summary.js';

const RUNS = { numRuns: 300, seed: 20261203 } as const;
const outcome = { recommendation: 'Surgery', intent: 'curative' };
const listing = (over: Partial<ListingFacts> = {}): ListingFacts => ({ checklist: [], outcome: null, outcome_communicated_date: null, ...over });

describe('readiness', () => {
  it('an empty checklist is ready; one missing item is not', () => {
    expect(isReady([])).toBe(true);
    expect(isReady([{ item: 'Imaging', ready: true }])).toBe(true);
    expect(isReady([{ item: 'Imaging', ready: true }, { item: 'Histology', ready: false }])).toBe(false);
  });

  it('lists the missing items in checklist order', () => {
    expect(outstandingItems([{ item: 'Results', ready: false }, { item: 'Imaging', ready: true }, { item: 'Histology', ready: false }])).toEqual(['Results', 'Histology']);
  });
});

describe('an outcome awaiting communication', () => {
  it('is recorded and not told, or told after the census date', () => {
    expect(awaitsCommunication(listing())).toBe(false);
    expect(awaitsCommunication(listing({ outcome }))).toBe(true);
    expect(awaitsCommunication(listing({ outcome, outcome_communicated_date: '2026-11-02' }))).toBe(false);
    expect(awaitsCommunication(listing({ outcome, outcome_communicated_date: '2026-11-02' }), '2026-11-01')).toBe(true);
    expect(awaitsCommunication(listing({ outcome, outcome_communicated_date: '2026-11-02' }), '2026-11-02')).toBe(false);
  });
});

describe('a meeting’s summary', () => {
  it('counts a worked example', () => {
    const summary = meetingSummary(
      [
        listing(), // ready: nothing to gather
        listing({ checklist: [{ item: 'Imaging', ready: true }, { item: 'Histology', ready: false }] }),
        listing({ checklist: [{ item: 'Results', ready: false }, { item: 'Imaging', ready: false }], outcome }),
        listing({ checklist: [{ item: 'Results', ready: true }], outcome, outcome_communicated_date: '2026-11-20' }),
      ],
      [{ done: false }, { done: true }, { done: false }],
    );
    expect(summary).toEqual({ listed: 4, ready: 2, outstanding_items: 3, outcomes_recorded: 2, outcomes_to_communicate: 1, open_actions: 2 });
  });

  it('an empty meeting has all zeros', () => {
    expect(meetingSummary([], [])).toEqual({ listed: 0, ready: 0, outstanding_items: 0, outcomes_recorded: 0, outcomes_to_communicate: 0, open_actions: 0 });
  });

  const item = fc.record({ item: fc.string({ minLength: 1, maxLength: 8 }), ready: fc.boolean() });
  const anyListing = fc.record({
    checklist: fc.array(item, { maxLength: 6 }),
    outcome: fc.option(fc.constant(outcome), { nil: null }),
    outcome_communicated_date: fc.option(fc.constant('2026-11-20'), { nil: null }),
  });

  it('holds its invariants for any list', () => {
    fc.assert(
      fc.property(fc.array(anyListing, { maxLength: 12 }), fc.array(fc.record({ done: fc.boolean() }), { maxLength: 8 }), (listings, actions) => {
        const s = meetingSummary(listings, actions);
        expect(s.listed).toBe(listings.length);
        expect(s.ready).toBeLessThanOrEqual(s.listed);
        // Every listing that is not ready has at least one outstanding item.
        expect(s.outstanding_items).toBeGreaterThanOrEqual(s.listed - s.ready);
        expect(s.outstanding_items).toBe(listings.reduce((n, l) => n + l.checklist.filter((i) => !i.ready).length, 0));
        expect(s.outcomes_to_communicate).toBeLessThanOrEqual(s.outcomes_recorded);
        expect(s.outcomes_recorded).toBeLessThanOrEqual(s.listed);
        expect(s.open_actions).toBe(actions.filter((a) => !a.done).length);
      }),
      RUNS,
    );
  });
});
