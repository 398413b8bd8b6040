import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presentAssessment, presentGap } from '../../../server/src/domains/assessments/present.js';
import type { GapRow } from '../../../server/src/domains/assessments/repo.js';
import { presentGap as presentSessionGap } from '../../../server/src/domains/sessions/present.js';

const t0 = Date.parse('2026-12-01T18:00:00Z');
const instant = fc.integer({ min: -3_600_000, max: 3_600_000 }).map((ms) => new Date(t0 + ms));
// Gaps come as Dates when read as columns and as JSON strings when aggregated with the session.
const stamp = instant.chain((d) => fc.constantFrom<string | Date>(d, d.toISOString(), d.toISOString().replace('Z', '+00:00')));
const gap: fc.Arbitrary<GapRow> = fc.record({
  phase: fc.constantFrom('reading' as const, 'consultation' as const),
  reason: fc.constantFrom('disconnect' as const, 'actor' as const),
  user_id: fc.option(fc.uuid(), { nil: null }),
  started_at: stamp,
  ended_at: fc.option(stamp, { nil: null }),
});

describe('the assessment’s copy of the station’s gaps', () => {
  it('matches the session’s own view of them, open or closed, whichever way they were read', () => {
    fc.assert(
      fc.property(gap, instant, (g, now) => {
        expect(presentGap(g, now)).toEqual(presentSessionGap(g, now));
      }),
    );
  });

  it('never counts a gap as negative and counts an open one up to now', () => {
    const now = new Date(t0 + 90_500);
    expect(presentGap({ phase: 'reading', reason: 'actor', user_id: null, started_at: new Date(t0), ended_at: null }, now).seconds).toBe(91);
    expect(presentGap({ phase: 'reading', reason: 'actor', user_id: null, started_at: new Date(t0), ended_at: new Date(t0 - 5000) }, now).seconds).toBe(0);
  });
});

describe('the assessment document', () => {
  const station = { id: 's1', case_id: null, candidate_id: 'c1', actor_id: 'a1', gaps: [] };

  it('is empty but complete before anyone marked', () => {
    expect(presentAssessment(station, null)).toEqual({
      session_id: 's1',
      case_id: null,
      candidate_id: 'c1',
      actor_id: 'a1',
      marks: {},
      checklist: {},
      global_rating: null,
      feedback: { strengths: '', improvements: '' },
      self_reflection: '',
      elicited_facts: [],
      auto_analysis: null,
      station_gaps: [],
      completed_at: null,
    });
  });
});
