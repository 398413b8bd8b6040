// Owner-connection writes for assessments: no client role can write the table at all, so the
// server writes it here after checking, as the caller, who they are in the session.
import type { Queryable } from '../../db/types.js';
import type { GapRow } from './repo.js';
export { readAssessment, type AssessmentRow } from './repo.js';

async function ensureRow(tx: Queryable, sessionId: string) {
  await tx.query('insert into public.session_assessments (session_id) values ($1) on conflict (session_id) do nothing', [sessionId]);
}

export async function setElicited(tx: Queryable, sessionId: string, factId: string, elicited: boolean): Promise<string[]> {
  await ensureRow(tx, sessionId);
  const { rows } = await tx.query<{ elicited_facts: string[] }>(
    `update public.session_assessments
        set elicited_facts = case when $3 then array(select distinct unnest(array_append(elicited_facts, $2)) order by 1)
                                  else array_remove(elicited_facts, $2) end
      where session_id = $1 returning elicited_facts`,
    [sessionId, factId, elicited],
  );
  return rows[0]!.elicited_facts;
}

export async function saveMarks(
  tx: Queryable,
  sessionId: string,
  m: { marks: Record<string, number>; checklist: Record<string, boolean>; global_rating: string; strengths: string; improvements: string },
): Promise<void> {
  await ensureRow(tx, sessionId);
  await tx.query(
    `update public.session_assessments set marks = $2, checklist = $3, global_rating = $4, strengths = $5, improvements = $6
      where session_id = $1`,
    [sessionId, JSON.stringify(m.marks), JSON.stringify(m.checklist), m.global_rating, m.strengths, m.improvements],
  );
}

export async function saveReflection(tx: Queryable, sessionId: string, text: string): Promise<void> {
  await ensureRow(tx, sessionId);
  await tx.query('update public.session_assessments set self_reflection = $2 where session_id = $1', [sessionId, text]);
}

export async function saveAnalysis(tx: Queryable, sessionId: string, analysis: unknown, completedAt: Date): Promise<void> {
  await ensureRow(tx, sessionId);
  await tx.query(
    'update public.session_assessments set auto_analysis = $2, completed_at = coalesce(completed_at, $3) where session_id = $1',
    [sessionId, JSON.stringify(analysis), completedAt],
  );
}

/** What analysis needs about a finished station, read as the owner (the scheduler has no caller). */
export async function stationFacts(tx: Queryable, sessionId: string) {
  const { rows } = await tx.query<{
    case_id: string | null;
    candidate_id: string | null;
    actor_id: string | null;
    status: string;
    actor_brief: { facts?: { id: string; text: string; disclosure: 'volunteer' | 'if_asked' }[] } | null;
  }>(
    `select s.case_id, s.candidate_id, s.status,
            case when s.host_role = 'actor' then s.host_id else s.guest_id end as actor_id,
            k.actor_brief
       from public.practice_sessions s left join public.case_content k on k.case_id = s.case_id
      where s.id = $1`,
    [sessionId],
  );
  const segments = await tx.query<{ speaker: 'candidate' | 'actor'; at_ms: number; text: string }>(
    'select speaker, at_ms, text from public.session_transcript_segments where session_id = $1 order by at_ms, created_at',
    [sessionId],
  );
  return { session: rows[0] ?? null, segments: segments.rows };
}

/** The times a station's clock stood still, oldest first (for assessment.json). */
export async function stationGaps(tx: Queryable, sessionId: string): Promise<GapRow[]> {
  const { rows } = await tx.query<GapRow>(
    'select phase, reason, user_id, started_at, ended_at from public.session_station_gaps where session_id = $1 order by started_at',
    [sessionId],
  );
  return rows;
}
