// Portfolio and export SQL, always run inside db.asUser(): a trainee reads their own rows (RLS), and
// an admin — as app_admin — reads a trainee's through the admins' read-only policies. The explicit
// user filters make the same promise in application code. Nothing here writes.
import type { Queryable } from '../../db/types.js';
import type { AssessmentRow } from '../assessments/repo.js';
import type { PtlFacts, SessionFact } from './build.js';

/**
 * Whose eyes the rows are read for. `self`: the case of each session only as the reveal rules
 * allow (session_brief()); `admin`: admins read every case, so the session's case directly.
 */
export type Viewer = 'self' | 'admin';

export interface PersonRow {
  id: string;
  email: string;
  role: string;
  created_at: Date;
  last_seen_at: Date | null;
  first_name: string | null;
  last_name: string | null;
  training_level: string | null;
  avatar: string | null;
  profile_version: number | null;
  profile_created_at: Date | null;
  profile_updated_at: Date | null;
}

export async function findPerson(tx: Queryable, userId: string): Promise<PersonRow | null> {
  const { rows } = await tx.query<PersonRow>(
    `select a.id, a.email, a.role, a.created_at, a.last_seen_at, p.first_name, p.last_name, p.training_level, p.avatar,
            p.version as profile_version, p.created_at as profile_created_at, p.updated_at as profile_updated_at
       from public.accounts a left join public.profiles p on p.user_id = a.id
      where a.id = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

interface SessionFactRow {
  id: string;
  datetime_utc: Date;
  status: SessionFact['status'];
  role: SessionFact['role'];
  completed_at: Date | null;
  partner_id: string | null;
  partner_first_name: string | null;
  partner_last_name: string | null;
  brief: { case_name?: string | null; category?: string | null; domain?: string | null; mark_scheme?: { domains?: { id: string; name: string }[] } | null } | null;
  has_assessment: boolean;
  marks: Record<string, number> | null;
  global_rating: string | null;
  strengths: string | null;
  improvements: string | null;
  self_reflection: string | null;
}

/** The case as the viewer may see it: the reveal rules for the participant, everything for an admin. */
const BRIEF_SQL: Record<Viewer, string> = {
  self: 'public.session_brief(p.id)',
  admin: `(select jsonb_build_object('case_name', c.case_name, 'category', c.category, 'domain', c.domain, 'mark_scheme', k.mark_scheme)
             from public.cases c left join public.case_content k on k.case_id = c.id where c.id = p.case_id)`,
};

/** The person's role in a session, for a row aliased `p` and the person as `$1`. */
const ROLE_SQL = `case when (p.host_id is not distinct from $1) = (p.host_role = 'candidate') then 'candidate' else 'actor' end`;

/** When a completed station ended: the assessment's completion, else the phase change. */
const COMPLETED_AT_SQL = `case when p.status = 'completed' then coalesce(a.completed_at, p.phase_started_at, p.updated_at) end`;

/** Every session the person hosted or joined, with its assessment where the viewer may read it. */
export async function sessionFacts(tx: Queryable, userId: string, viewer: Viewer): Promise<SessionFact[]> {
  const { rows } = await tx.query<SessionFactRow>(
    `select p.id, p.datetime_utc, p.status, ${ROLE_SQL} as role, ${COMPLETED_AT_SQL} as completed_at,
            pr.user_id as partner_id, pr.first_name as partner_first_name, pr.last_name as partner_last_name,
            ${BRIEF_SQL[viewer]} as brief,
            (a.session_id is not null) as has_assessment, a.marks, a.global_rating, a.strengths, a.improvements, a.self_reflection
       from public.practice_sessions p
       left join public.session_assessments a on a.session_id = p.id
       left join public.profiles pr on pr.user_id = case when p.host_id = $1 then p.guest_id else p.host_id end
      where p.host_id = $1 or p.guest_id = $1
      order by p.datetime_utc desc, p.id`,
    [userId],
  );
  return rows.map((r) => ({
    id: r.id,
    datetime_utc: r.datetime_utc,
    status: r.status,
    role: r.role,
    completed_at: r.completed_at,
    partner: r.partner_id ? { user_id: r.partner_id, first_name: r.partner_first_name ?? '', last_name: r.partner_last_name ?? '' } : null,
    case_name: r.brief?.case_name ?? null,
    category: r.brief?.category ?? null,
    domain: r.brief?.domain ?? null,
    scheme_domains: r.brief?.mark_scheme?.domains?.map((d) => ({ id: d.id, name: d.name })) ?? null,
    assessment: r.has_assessment
      ? {
          marks: r.marks ?? {},
          global_rating: r.global_rating,
          strengths: r.strengths ?? '',
          improvements: r.improvements ?? '',
          self_reflection: r.self_reflection ?? '',
        }
      : null,
  }));
}

/** PTL counts and per-day activity (UTC days, the latest 100 of each). */
export async function ptlFacts(tx: Queryable, userId: string): Promise<PtlFacts> {
  const totals = await tx.query<{ pathways: number; open_pathways: number; events: number; last_at: Date | null }>(
    `select (select count(*) from public.ptl_patients where user_id = $1)::int as pathways,
            (select count(*) from public.ptl_patients where user_id = $1 and clock_state = 'running' and on_ptl)::int as open_pathways,
            (select count(*) from public.ptl_events where user_id = $1)::int as events,
            greatest((select max(updated_at) from public.ptl_patients where user_id = $1),
                     (select max(created_at) from public.ptl_events where user_id = $1)) as last_at`,
    [userId],
  );
  const byDay = (table: 'ptl_patients' | 'ptl_events') =>
    tx
      .query<{ day: string; count: number; at: Date }>(
        `select to_char((created_at at time zone 'UTC')::date, 'YYYY-MM-DD') as day, count(*)::int as count, max(created_at) as at
           from public.${table} where user_id = $1 group by 1 order by 1 desc limit 100`,
        [userId],
      )
      .then((r) => r.rows);
  const t = totals.rows[0]!;
  return { ...t, pathways_by_day: await byDay('ptl_patients'), events_by_day: await byDay('ptl_events') };
}

export async function casesWritten(tx: Queryable, userId: string): Promise<{ id: string; case_name: string; created_at: Date }[]> {
  const { rows } = await tx.query<{ id: string; case_name: string; created_at: Date }>(
    'select id, case_name, created_at from public.cases where owner_id = $1 order by created_at desc, id',
    [userId],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The export: everything the caller owns, as the caller (so RLS and the reveal rules apply).

export async function exportPathways(tx: Queryable, userId: string) {
  const pathways = await tx.query<Record<string, unknown> & { id: string }>(
    `select id, patient_id, patient_name, nhs_number, specialty, referral_date, clock_start_date, pathway_type, priority,
            current_status, clock_state, clock_period_start, clock_stop_date, on_ptl, version, created_at, updated_at
       from public.ptl_patients where user_id = $1 order by created_at, id`,
    [userId],
  );
  const events = await tx.query<Record<string, unknown> & { pathway_id: string }>(
    `select id, pathway_id, event_type, event_date, rtt_status, appointment_communicated, note, created_at
       from public.ptl_events where user_id = $1 order by pathway_id, event_date, seq`,
    [userId],
  );
  return { pathways: pathways.rows, events: events.rows };
}

export async function exportCases(tx: Queryable, userId: string) {
  const { rows } = await tx.query<Record<string, unknown>>(
    `select c.id, c.case_name, c.internal_name, c.category, c.domain, k.condition, k.candidate_brief, k.actor_brief, k.mark_scheme,
            c.version, c.created_at, c.updated_at
       from public.cases c left join public.case_content k on k.case_id = c.id
      where c.owner_id = $1 order by c.created_at, c.id`,
    [userId],
  );
  return rows;
}

export interface ExportSessionRow {
  id: string;
  role: 'candidate' | 'actor';
  host_id: string | null;
  guest_id: string | null;
  candidate_id: string | null;
  host_role: string;
  datetime_utc: Date;
  type: string;
  status: string;
  phase: string;
  preset: string;
  reading_s: number;
  consultation_s: number;
  feedback_s: number;
  warning_s: number | null;
  station_started_at: Date | null;
  completed_at: Date | null;
  previous_session_id: string | null;
  created_at: Date;
  updated_at: Date;
  /** session_case_id(): the case id only where the reveal rules give it to the caller. */
  case_id: string | null;
  /** session_brief(): what the caller may read of the case right now. */
  brief: Record<string, unknown> | null;
  gaps: unknown[];
}

/** The caller's sessions, as the caller: the case only through session_case_id() and session_brief(). */
export async function exportSessions(tx: Queryable, userId: string): Promise<ExportSessionRow[]> {
  const { rows } = await tx.query<ExportSessionRow>(
    `select p.id, ${ROLE_SQL} as role, p.host_id, p.guest_id, p.candidate_id, p.host_role, p.datetime_utc, p.type, p.status, p.phase,
            p.preset, p.reading_s, p.consultation_s, p.feedback_s, p.warning_s, p.station_started_at, ${COMPLETED_AT_SQL} as completed_at,
            p.previous_session_id, p.created_at, p.updated_at,
            public.session_case_id(p.id) as case_id, public.session_brief(p.id) as brief,
            coalesce((select json_agg(json_build_object('phase', g.phase, 'reason', g.reason, 'user_id', g.user_id,
                        'started_at', g.started_at, 'ended_at', g.ended_at) order by g.started_at)
                        from public.session_station_gaps g where g.session_id = p.id), '[]'::json) as gaps
       from public.practice_sessions p
       left join public.session_assessments a on a.session_id = p.id
      where p.host_id = $1 or p.guest_id = $1
      order by p.datetime_utc, p.id`,
    [userId],
  );
  return rows;
}

export async function exportTranscriptSegments(tx: Queryable, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  const { rows } = await tx.query<{ session_id: string; speaker: string; at_ms: number; text: string; author_id: string; created_at: Date }>(
    `select session_id, speaker, at_ms, text, author_id, created_at from public.session_transcript_segments
      where session_id = any($1::uuid[]) order by session_id, at_ms, created_at`,
    [sessionIds],
  );
  return rows;
}

export async function exportAssessments(tx: Queryable, sessionIds: string[]) {
  if (sessionIds.length === 0) return [];
  const { rows } = await tx.query<AssessmentRow & { updated_at: Date }>(
    `select session_id, marks, checklist, global_rating, strengths, improvements, self_reflection, elicited_facts, auto_analysis,
            completed_at, updated_at
       from public.session_assessments where session_id = any($1::uuid[]) order by session_id`,
    [sessionIds],
  );
  return rows;
}

/** Records the caller wrote (as a doctor) or that are about them (as a patient). */
export async function exportMedicalRecords(tx: Queryable, userId: string) {
  const { rows } = await tx.query<{ id: string; doctor_id: string; patient_id: string; title: string; notes: string; version: number; created_at: Date; updated_at: Date }>(
    `select id, doctor_id, patient_id, title, notes, version, created_at, updated_at
       from public.medical_records where doctor_id = $1 or patient_id = $1 order by created_at, id`,
    [userId],
  );
  return rows;
}
