import type { TrainingLevel } from '../../contract/accounts.js';
import type { CaseCategory, CaseDomain } from '../../contract/cases.js';
import type { BoardSession, ParticipantSession, Preset, SessionPhase, SessionRole, SessionStatus, StationGap, TranscriptSegment } from '../../contract/sessions.js';
import type { BoardRow, GapRow, SegmentRow, SessionRow } from './repo.js';

/** Phases from which the candidate may know which case it is (the reveal rules). */
const CASE_VISIBLE_TO_CANDIDATE: ReadonlySet<string> = new Set(['feedback', 'completed']);

export function roleOf(s: Pick<SessionRow, 'host_id' | 'host_role'>, userId: string): SessionRole {
  const hostIsCandidate = s.host_role === 'candidate';
  return (s.host_id === userId) === hostIsCandidate ? 'candidate' : 'actor';
}

/** The participant view; the candidate gets no case id before feedback, or they could look its name up. */
export function presentParticipantSession(s: SessionRow, viewerId: string, now = new Date()): ParticipantSession {
  const yourRole = roleOf(s, viewerId);
  const showCase = yourRole === 'actor' || CASE_VISIBLE_TO_CANDIDATE.has(s.phase);
  return {
    id: s.id,
    host_id: s.host_id,
    guest_id: s.guest_id,
    candidate_id: s.candidate_id,
    host_role: s.host_role as SessionRole,
    your_role: yourRole,
    datetime_utc: s.datetime_utc.toISOString(),
    type: s.type as ParticipantSession['type'],
    room_url: s.room_url,
    case_id: showCase ? s.case_id : null,
    has_case: s.has_case ?? s.case_id !== null,
    status: s.status as SessionStatus,
    phase: s.phase as SessionPhase,
    phase_ends_at: s.phase_ends_at?.toISOString() ?? null,
    preset: s.preset as Preset,
    timing: { reading_s: s.reading_s, consultation_s: s.consultation_s, feedback_s: s.feedback_s, warning_s: s.warning_s },
    paused_at: s.paused_at?.toISOString() ?? null,
    pause_reason: s.pause_reason ?? null,
    gaps: (s.gaps ?? []).map((g) => presentGap(g, now)),
    previous_session_id: s.previous_session_id ?? null,
    next_session_id: s.next_session_id ?? null,
    version: s.version,
    created_at: s.created_at.toISOString(),
  };
}

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

export function presentBoardSession(b: BoardRow): BoardSession {
  return {
    id: b.id,
    host: {
      user_id: b.host_id,
      first_name: b.first_name,
      last_name: b.last_name,
      training_level: b.training_level as TrainingLevel,
      avatar: b.avatar,
      completed: b.host_completed,
      no_show: b.host_no_show,
    },
    datetime_utc: b.datetime_utc.toISOString(),
    type: b.type as BoardSession['type'],
    status: b.status as SessionStatus,
    host_role: b.host_role as SessionRole,
    category: b.category as CaseCategory | null,
    domain: b.domain as CaseDomain | null,
    has_guest: b.has_guest,
    version: b.version,
    preset: b.preset as Preset,
    timing: { reading_s: b.reading_s, consultation_s: b.consultation_s, feedback_s: b.feedback_s, warning_s: b.warning_s },
  };
}

export function presentSegment(r: SegmentRow): TranscriptSegment {
  return { id: r.id, speaker: r.speaker, at_ms: r.at_ms, text: r.text, created_at: r.created_at.toISOString() };
}
