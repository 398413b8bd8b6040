// Cancer pathways SQL beyond the kit's, always run inside db.asUser(): RLS limits every statement
// to the caller's rows (or, for an admin, lets them read), and the explicit user_id filters make
// the same promise in application code.
import type { CancerClockName, CancerDiagnosis, CancerListQuery, CancerRoute, ScreeningProgramme, TreatmentModality, TumourSite } from '../../contract/cancer.js';
import type { Queryable } from '../../db/types.js';
import { clockJoins } from './clock-sql.js';
import { buildListQuery, type Cursor } from './list-query.js';

export interface CancerPathwayRow {
  id: string;
  user_id: string;
  patient_id: string;
  patient_name: string;
  nhs_number: string | null;
  tumour_site: TumourSite;
  route: CancerRoute;
  screening_programme: ScreeningProgramme | null;
  referral_received_date: string;
  upgrade_date: string | null;
  diagnosis: CancerDiagnosis | null;
  diagnosis_communicated_date: string | null;
  decision_to_treat_date: string | null;
  first_treatment_date: string | null;
  treatment_modality: TreatmentModality | null;
  breach_reason: string | null;
  ptl_pathway_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export async function listPage(tx: Queryable, q: CancerListQuery, asOf: string, ownerId: string, cursor: Cursor | null) {
  const { sql, params } = buildListQuery(q, asOf, ownerId, cursor);
  const { rows } = await tx.query<CancerPathwayRow & { sort_key: string | number }>(sql, params);
  return rows;
}

/** The owner's pathway, or null (also when it is someone else's). */
export async function findOwned(tx: Queryable, userId: string, id: string): Promise<CancerPathwayRow | null> {
  const { rows } = await tx.query<CancerPathwayRow>('select * from public.cancer_pathways where id = $1 and user_id = $2', [id, userId]);
  return rows[0] ?? null;
}

/** The owner's pathways among `ids`. */
export async function findManyOwned(tx: Queryable, userId: string, ids: readonly string[]): Promise<CancerPathwayRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<CancerPathwayRow>('select * from public.cancer_pathways where id = any($1::uuid[]) and user_id = $2', [ids, userId]);
  return rows;
}

export interface StandardCounts {
  standard: CancerClockName;
  stopped: number;
  met: number;
}

export interface StatsCounts {
  standards: StandardCounts[];
  open_0_28: number;
  open_29_62: number;
  open_63_103: number;
  open_104: number;
  due_next_7_days: number;
}

/**
 * The month's standards and the census's open pathways, counted in SQL. A standard counts the
 * clocks stopped within [monthStart, monthEnd] by the census date (`$1`); open pathways are those
 * whose 62-day clock runs at the census date, by days on pathway; "due in the next 7 days" counts
 * running clocks (any standard) whose due date (the last compliant day) falls from the census date
 * to six days after it, inclusive.
 */
export async function statsCounts(tx: Queryable, ownerId: string, asOf: string, monthStart: string, monthEnd: string): Promise<StatsCounts> {
  const stopped = (c: CancerClockName) => `k.${c}_state = 'stopped' and k.${c}_stop between $3::date and $4::date`;
  const perStandard = (c: CancerClockName) =>
    `count(*) filter (where ${stopped(c)})::int as ${c}_stopped, count(*) filter (where ${stopped(c)} and not k.${c}_breached)::int as ${c}_met`;
  const dueSoon = (c: CancerClockName) => `(k.${c}_state = 'running' and k.${c}_due between $1::date and $1::date + 6)::int`;
  const open62 = (from: number, to: number | null) =>
    `count(*) filter (where k.treatment_62_state = 'running' and k.treatment_62_days >= ${from}${to === null ? '' : ` and k.treatment_62_days <= ${to}`})::int`;
  const { rows } = await tx.query<Record<string, number>>(
    `select ${perStandard('fds_28')}, ${perStandard('treatment_31')}, ${perStandard('treatment_62')},
            ${open62(0, 28)} as open_0_28, ${open62(29, 62)} as open_29_62, ${open62(63, 103)} as open_63_103, ${open62(104, null)} as open_104,
            coalesce(sum(${dueSoon('fds_28')} + ${dueSoon('treatment_31')} + ${dueSoon('treatment_62')}), 0)::int as due_next_7_days
       from public.cancer_pathways t ${clockJoins('$1')}
      where t.user_id = $2`,
    [asOf, ownerId, monthStart, monthEnd],
  );
  const r = rows[0]!;
  return {
    standards: (['fds_28', 'treatment_31', 'treatment_62'] as const).map((standard) => ({ standard, stopped: r[`${standard}_stopped`]!, met: r[`${standard}_met`]! })),
    open_0_28: r.open_0_28!,
    open_29_62: r.open_29_62!,
    open_63_103: r.open_63_103!,
    open_104: r.open_104!,
    due_next_7_days: r.due_next_7_days!,
  };
}

/** The person's pathway counts at the census date, for the portfolio, and their latest change. */
export async function pathwayActivity(tx: Queryable, userId: string, asOf: string): Promise<{ pathways: number; open: number; breached: number; last_at: Date | null }> {
  const { rows } = await tx.query<{ pathways: number; open: number; breached: number; last_at: Date | null }>(
    `select count(*)::int as pathways, count(*) filter (where k.is_open)::int as open,
            count(*) filter (where k.fds_28_breached or k.treatment_31_breached or k.treatment_62_breached)::int as breached,
            max(t.updated_at) as last_at
       from public.cancer_pathways t ${clockJoins('$1')}
      where t.user_id = $2`,
    [asOf, userId],
  );
  return rows[0]!;
}

/** All the person's pathways, oldest first (the personal-data export). */
export async function exportPathways(tx: Queryable, userId: string): Promise<CancerPathwayRow[]> {
  const { rows } = await tx.query<CancerPathwayRow>('select * from public.cancer_pathways where user_id = $1 order by created_at, id', [userId]);
  return rows;
}
