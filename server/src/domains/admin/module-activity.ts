// Each trainee's module activity for the progress monitor: the counts the portfolio shows under
// "Modules" (each domain's portfolioFacts), for a whole page of trainees at once.
//
// Why not call the domains' portfolioFacts providers? They answer for one person, so a page of 50
// trainees would cost 50 × (every domain's queries) round trips. Here each module is one set-based
// statement over the page's ids, run as the admin (role app_admin, the modules' read-only admin
// policies): eight statements for any page size. The price is that each statement restates its
// domain's counting; test/integration/admin-progress.test.ts holds every one to the trainee's
// portfolio, so a domain that changes its counts without changing its twin here fails there.
import type { PortfolioModuleId } from '../../contract/portfolio.js';
import type { Queryable } from '../../db/types.js';
// The cancer clocks as SQL, so "breached" means here exactly what the cancer module says it means.
import { clockJoins } from '../cancer/clock-sql.js';

type Counts = Record<string, number>;

/**
 * One statement per module: `$1` is the page's user ids (`uuid[]`), `$2` (only where a count
 * depends on the date) today; each returns one row per id with `user_id` and the module's counts
 * as integer columns (null leaves a count out).
 */
const MODULE_COUNTS: { id: PortfolioModuleId; sql: string }[] = [
  {
    id: 'ptl',
    sql: `select u.id as user_id,
                 (select count(*) from public.ptl_patients where user_id = u.id)::int as pathways,
                 (select count(*) from public.ptl_patients where user_id = u.id and clock_state = 'running' and on_ptl)::int as open_pathways,
                 (select count(*) from public.ptl_events where user_id = u.id)::int as events
            from unnest($1::uuid[]) as u(id)`,
  },
  {
    id: 'cancer',
    sql: `select u.id as user_id, count(t.id)::int as pathways, count(t.id) filter (where k.is_open)::int as open,
                 count(t.id) filter (where k.fds_28_breached or k.treatment_31_breached or k.treatment_62_breached)::int as breached
            from unnest($1::uuid[]) as u(id)
            left join (public.cancer_pathways t ${clockJoins('$2')}) on t.user_id = u.id
           group by u.id`,
  },
  {
    id: 'mdt',
    sql: `select u.id as user_id,
                 (select count(*) from public.mdt_meetings where user_id = u.id)::int as meetings,
                 (select count(distinct l.cancer_pathway_id) from public.mdt_listings l join public.mdt_meetings m on m.id = l.meeting_id
                   where l.user_id = u.id and (m.status = 'held' or l.outcome is not null))::int as patients_discussed,
                 (select count(*) from public.mdt_listings where user_id = u.id and outcome is not null)::int as outcomes_recorded
            from unnest($1::uuid[]) as u(id)`,
  },
  {
    id: 'booking',
    sql: `select u.id as user_id,
                 (select count(*) from public.clinic_templates where user_id = u.id)::int as clinics,
                 (select count(*) from public.appointments where user_id = u.id)::int as appointments,
                 (select count(*) from public.appointments where user_id = u.id and status = 'attended')::int as attended,
                 (select count(*) from public.appointments where user_id = u.id and status = 'dna')::int as dna
            from unnest($1::uuid[]) as u(id)`,
  },
  {
    id: 'secretary',
    sql: `select u.id as user_id, count(t.id)::int as tasks, count(t.id) filter (where t.status <> 'done')::int as open,
                 count(t.id) filter (where t.status = 'done')::int as done
            from unnest($1::uuid[]) as u(id) left join public.secretary_tasks t on t.user_id = u.id
           group by u.id`,
  },
  {
    id: 'quality',
    sql: `select u.id as user_id,
                 (select count(*) from public.quality_audits where user_id = u.id)::int as audits,
                 (select count(*) from public.pathway_validations where user_id = u.id)::int as validations,
                 (select score from public.quality_audits where user_id = u.id order by ran_at desc, id desc limit 1)::float8 as latest_score
            from unnest($1::uuid[]) as u(id)`,
  },
  {
    id: 'reports',
    sql: `select u.id as user_id, count(r.id)::int as returns
            from unnest($1::uuid[]) as u(id) left join public.rtt_returns r on r.user_id = u.id
           group by u.id`,
  },
  {
    id: 'trackers',
    sql: `select u.id as user_id, count(t.id)::int as entries, count(distinct t.module)::int as trackers
            from unnest($1::uuid[]) as u(id) left join public.tracker_items t on t.user_id = u.id
           group by u.id`,
  },
];

/** Per user id: each module's counts, modules in the portfolio's order. */
export async function moduleActivity(tx: Queryable, userIds: readonly string[], today: string): Promise<Map<string, Partial<Record<PortfolioModuleId, Counts>>>> {
  const byUser = new Map<string, Partial<Record<PortfolioModuleId, Counts>>>(userIds.map((id) => [id, {}]));
  if (userIds.length === 0) return byUser;
  for (const m of MODULE_COUNTS) {
    // A statement may take only as many parameters as it uses; today is only for date-bound counts.
    const params = m.sql.includes('$2') ? [userIds, today] : [userIds];
    const { rows } = await tx.query<Record<string, unknown> & { user_id: string }>(m.sql, params);
    for (const { user_id, ...columns } of rows) {
      const counts: Counts = {};
      for (const [name, value] of Object.entries(columns)) if (value !== null) counts[name] = Number(value);
      byUser.get(user_id)![m.id] = counts;
    }
  }
  return byUser;
}
