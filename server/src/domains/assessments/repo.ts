// Assessment reads, as the caller: RLS shows the candidate nothing before feedback, and only the
// station's two participants find the station at all.
import type { SessionBrief } from '../../contract/sessions.js';
import type { Queryable } from '../../db/types.js';

export interface AssessmentRow {
  session_id: string;
  marks: Record<string, number>;
  checklist: Record<string, boolean>;
  global_rating: string | null;
  strengths: string;
  improvements: string;
  self_reflection: string;
  elicited_facts: string[];
  auto_analysis: unknown;
  completed_at: Date | null;
}

/** A time the station's clock stood still. */
export interface GapRow {
  phase: 'reading' | 'consultation';
  reason: 'disconnect' | 'actor';
  user_id: string | null;
  /** A string when aggregated as JSON, a Date when read as a column. */
  started_at: string | Date;
  ended_at: string | Date | null;
}

/** The station as its assessment needs it: who acts, where the clock is, and its pauses. */
export interface StationRow {
  id: string;
  phase: string;
  /** Hidden (null) from the candidate before feedback, as session_case_id() decides. */
  case_id: string | null;
  candidate_id: string | null;
  actor_id: string | null;
  gaps: GapRow[];
}

export async function readAssessment(tx: Queryable, sessionId: string): Promise<AssessmentRow | null> {
  const { rows } = await tx.query<AssessmentRow>('select * from public.session_assessments where session_id = $1', [sessionId]);
  return rows[0] ?? null;
}

/**
 * The station if the caller takes part in it. RLS would show it to admins too; the explicit check
 * keeps the assessment to the host and the guest.
 */
export async function findOwnStation(tx: Queryable, sessionId: string): Promise<StationRow | null> {
  const { rows } = await tx.query<StationRow>(
    `select p.id, p.phase, p.candidate_id, public.session_case_id(p.id) as case_id,
            case when p.host_role = 'actor' then p.host_id else p.guest_id end as actor_id,
            coalesce((select json_agg(json_build_object('phase', g.phase, 'reason', g.reason, 'user_id', g.user_id, 'started_at', g.started_at,
              'ended_at', g.ended_at) order by g.started_at) from public.session_station_gaps g where g.session_id = p.id), '[]'::json) as gaps
       from public.practice_sessions p
      where p.id = $1 and (p.host_id = (select auth.uid()) or p.guest_id = (select auth.uid()))`,
    [sessionId],
  );
  return rows[0] ?? null;
}

/** The briefs the caller may see now (the case's facts and mark scheme); the database applies the reveal rules. */
export async function sessionBrief(tx: Queryable, sessionId: string): Promise<SessionBrief | null> {
  const { rows } = await tx.query<{ brief: SessionBrief | null }>('select public.session_brief($1) as brief', [sessionId]);
  return rows[0]?.brief ?? null;
}

export interface AttemptRow {
  session_id: string;
  datetime_utc: Date;
  completed_at: Date;
  marks: Record<string, number>;
  global_rating: string | null;
}

/**
 * The caller's own completed stations as the candidate with `caseId`, finished before `before`
 * (every one when null), the `limit` most recent, oldest first. As the caller: the case id comes
 * through session_case_id() and the marks through the assessments' RLS, so nobody reads another
 * person's attempts.
 */
export async function earlierAttempts(tx: Queryable, s: { sessionId: string; caseId: string; before: Date | null; limit: number }): Promise<AttemptRow[]> {
  const { rows } = await tx.query<AttemptRow>(
    `select * from (
       select p.id as session_id, p.datetime_utc, a.completed_at, a.marks, a.global_rating
         from public.practice_sessions p
         join public.session_assessments a on a.session_id = p.id
        where (p.host_id = (select auth.uid()) or p.guest_id = (select auth.uid()))
          and p.candidate_id = (select auth.uid())
          and p.id <> $1
          and a.completed_at is not null
          and a.completed_at < coalesce($3::timestamptz, 'infinity')
          and public.session_case_id(p.id) = $2
        order by a.completed_at desc
        limit $4
     ) recent
     order by completed_at`,
    [s.sessionId, s.caseId, s.before, s.limit],
  );
  return rows;
}
