import type { AssessmentAttempt, AssessmentDocument, GlobalRating, StationGap } from '../../contract/sessions.js';
import type { AssessmentRow, AttemptRow, GapRow, StationRow } from './repo.js';

/**
 * A pause of the station as the assessment records it; the same shape and arithmetic as the
 * session's own view of its gaps (test/unit/assessments/present.test.ts holds them together).
 */
export function presentGap(g: GapRow, now: Date): StationGap {
  const started = new Date(g.started_at);
  const ended = g.ended_at ? new Date(g.ended_at) : null;
  return {
    phase: g.phase,
    reason: g.reason,
    user_id: g.user_id,
    started_at: started.toISOString(),
    ended_at: ended?.toISOString() ?? null,
    seconds: Math.max(0, Math.round(((ended ?? now).getTime() - started.getTime()) / 1000)),
  };
}

/** The assessment document (GET and assessment.json); a station not yet assessed has empty marks. */
export function presentAssessment(station: Omit<StationRow, 'phase'>, row: AssessmentRow | null, now = new Date()): AssessmentDocument {
  return {
    session_id: station.id,
    case_id: station.case_id,
    candidate_id: station.candidate_id,
    actor_id: station.actor_id,
    marks: row?.marks ?? {},
    checklist: row?.checklist ?? {},
    global_rating: (row?.global_rating as GlobalRating | null) ?? null,
    feedback: { strengths: row?.strengths ?? '', improvements: row?.improvements ?? '' },
    self_reflection: row?.self_reflection ?? '',
    elicited_facts: row?.elicited_facts ?? [],
    auto_analysis: row?.auto_analysis ?? null,
    station_gaps: station.gaps.map((g) => presentGap(g, now)),
    completed_at: row?.completed_at?.toISOString() ?? null,
  };
}

/** An earlier station with the same case, as the scorecard compares it. */
export function presentAttempt(row: AttemptRow): AssessmentAttempt {
  return {
    session_id: row.session_id,
    datetime_utc: row.datetime_utc.toISOString(),
    completed_at: row.completed_at.toISOString(),
    marks: row.marks,
    global_rating: row.global_rating as GlobalRating | null,
  };
}
