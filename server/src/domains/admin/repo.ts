// Admin monitor SQL, run inside db.asUser() with an admin's claims: the transaction is role
// app_admin, which reads every trainee's rows through the admins' read-only policies and may write
// nothing but its own audit-trail rows (20261122250000_admin_audit.sql).
import { MONITORED_ROLES, type ProgressQuery } from '../../contract/portfolio.js';
import type { Queryable } from '../../db/types.js';

export interface ProgressRow {
  id: string;
  email: string;
  role: string;
  created_at: Date;
  last_seen_at: Date | null;
  first_name: string | null;
  last_name: string | null;
  training_level: string | null;
  sessions_as_candidate: number;
  sessions_as_actor: number;
  average_marks: Record<string, number> | null;
  overall_average: number | null;
  last_activity_at: Date | null;
  ptl_pathways: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Sort keys and their natural direction (names A–Z; figures and times largest or latest first). */
const SORTS: Record<ProgressQuery['sort'], { sql: string; dir: 'asc' | 'desc' }> = {
  name: { sql: 'lower(t.last_name), lower(t.first_name), t.email', dir: 'asc' },
  last_seen_at: { sql: 't.last_seen_at', dir: 'desc' },
  last_activity_at: { sql: 't.last_activity_at', dir: 'desc' },
  sessions_completed: { sql: '(t.sessions_as_candidate + t.sessions_as_actor)', dir: 'desc' },
  overall_average: { sql: 't.overall_average', dir: 'desc' },
};

/** A completed station the person took part in, for a session aliased `s` and a person aliased `x`. */
const TOOK_PART = '(s.host_id = x.id or s.guest_id = x.id)';

/**
 * One page of trainees with their activity figures, after `offset`. Marks are those received as
 * the candidate in completed stations; the actor role is the other participant of such a station.
 */
export async function progressPage(tx: Queryable, q: ProgressQuery, offset: number): Promise<ProgressRow[]> {
  const params: unknown[] = [[...MONITORED_ROLES]];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['x.role = any($1::text[])'];
  if (q.q) {
    const like = add(`%${escapeLike(q.q)}%`);
    where.push(`(x.email ilike ${like} or p.first_name ilike ${like} or p.last_name ilike ${like}
                 or (coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')) ilike ${like})`);
  }
  const sort = SORTS[q.sort];
  const dir = q.dir ?? sort.dir;
  const order = `${sort.sql.split(', ').map((c) => `${c} ${dir} nulls last`).join(', ')}, t.id`;
  const { rows } = await tx.query<ProgressRow>(
    `with t as (
       select x.id, x.email, x.role, x.created_at, x.last_seen_at, p.first_name, p.last_name, p.training_level,
              (select count(*) from public.practice_sessions s
                where s.status = 'completed' and ${TOOK_PART} and s.candidate_id = x.id)::int as sessions_as_candidate,
              (select count(*) from public.practice_sessions s
                where s.status = 'completed' and ${TOOK_PART} and s.candidate_id is distinct from x.id)::int as sessions_as_actor,
              (select jsonb_object_agg(m.key, m.mean) from (
                 select e.key, round(avg(e.value::numeric), 2)::float8 as mean
                   from public.practice_sessions s
                   join public.session_assessments sa on sa.session_id = s.id
                   cross join lateral jsonb_each(sa.marks) e
                  where s.status = 'completed' and ${TOOK_PART} and s.candidate_id = x.id and jsonb_typeof(e.value) = 'number'
                  group by e.key) m) as average_marks,
              (select round(avg(e.value::numeric), 2)::float8
                 from public.practice_sessions s
                 join public.session_assessments sa on sa.session_id = s.id
                 cross join lateral jsonb_each(sa.marks) e
                where s.status = 'completed' and ${TOOK_PART} and s.candidate_id = x.id and jsonb_typeof(e.value) = 'number') as overall_average,
              greatest(
                (select max(coalesce(sa.completed_at, s.phase_started_at, s.updated_at))
                   from public.practice_sessions s left join public.session_assessments sa on sa.session_id = s.id
                  where s.status = 'completed' and ${TOOK_PART}),
                (select max(updated_at) from public.ptl_patients where user_id = x.id),
                (select max(created_at) from public.ptl_events where user_id = x.id),
                (select max(created_at) from public.cases where owner_id = x.id)
              ) as last_activity_at,
              (select count(*) from public.ptl_patients where user_id = x.id)::int as ptl_pathways
         from public.accounts x
         left join public.profiles p on p.user_id = x.id
        where ${where.join(' and ')}
     )
     select * from t order by ${order} limit ${add(q.limit + 1)} offset ${add(offset)}`,
    params,
  );
  return rows;
}

/** One row of the oversight log, as the admin themselves: the kit's, shared with every module's admin reads. */
export { recordAdminView as recordView } from '../../kit/oversight.js';

export interface AuditRow {
  id: number;
  at: Date;
  action: string;
  admin_id: string;
  admin_email: string | null;
  subject_id: string | null;
  subject_first_name: string | null;
  subject_last_name: string | null;
  detail: Record<string, unknown>;
}

/** The trail, newest first, before the id `before`. */
export async function auditPage(tx: Queryable, opts: { subjectId?: string; before: number | null; limit: number }): Promise<AuditRow[]> {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (opts.subjectId) where.push(`l.subject_id = ${add(opts.subjectId)}`);
  if (opts.before !== null) where.push(`l.id < ${add(opts.before)}`);
  const { rows } = await tx.query<AuditRow>(
    `select l.id, l.at, l.action, l.admin_id, aa.email as admin_email, l.subject_id,
            sp.first_name as subject_first_name, sp.last_name as subject_last_name, l.detail
       from public.admin_audit_log l
       left join public.accounts aa on aa.id = l.admin_id
       left join public.profiles sp on sp.user_id = l.subject_id
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by l.id desc limit ${add(opts.limit + 1)}`,
    params,
  );
  return rows;
}
