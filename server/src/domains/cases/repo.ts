// Case library SQL, run as the caller: RLS decides which cases they see, and case_content is
// visible only for cases they own (or to admins), so a brief can never be selected by anyone else.
import type { CaseListQuery } from '../../contract/cases.js';
import type { Queryable } from '../../db/types.js';

export interface CaseRow {
  id: string;
  owner_id: string | null;
  case_name: string;
  internal_name: string;
  category: string;
  domain: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface CaseContentRow {
  condition: string;
  candidate_brief: unknown;
  actor_brief: unknown;
  mark_scheme: unknown;
}

export type CaseFields = Pick<CaseRow, 'case_name' | 'internal_name' | 'category' | 'domain'>;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The library for one user: the shared bank and their own cases, by name, after the keyset cursor. */
export async function listCases(tx: Queryable, userId: string, q: CaseListQuery, after: { name: string; id: string } | null): Promise<CaseRow[]> {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [
    q.source === 'shared'
      ? 'c.owner_id is null'
      : q.source === 'mine'
        ? `c.owner_id = ${add(userId)}`
        : `(c.owner_id is null or c.owner_id = ${add(userId)})`,
  ];
  if (q.category) where.push(`c.category = ${add(q.category)}`);
  if (q.domain) where.push(`c.domain = ${add(q.domain)}`);
  if (q.q) where.push(`c.case_name ilike ${add(`%${escapeLike(q.q)}%`)}`);
  if (after) where.push(`(c.case_name, c.id) > (${add(after.name)}, ${add(after.id)}::uuid)`);
  const { rows } = await tx.query<CaseRow>(
    `select c.* from public.cases c where ${where.join(' and ')} order by c.case_name, c.id limit ${add(q.limit + 1)}`,
    params,
  );
  return rows;
}

/** The case and its content, or null when the caller may not see the content. */
export async function findCaseWithContent(tx: Queryable, id: string): Promise<(CaseRow & CaseContentRow) | null> {
  const { rows } = await tx.query<CaseRow & CaseContentRow>(
    `select c.*, k.condition, k.candidate_brief, k.actor_brief, k.mark_scheme
       from public.cases c join public.case_content k on k.case_id = c.id
      where c.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findCase(tx: Queryable, id: string): Promise<CaseRow | null> {
  const { rows } = await tx.query<CaseRow>('select * from public.cases where id = $1', [id]);
  return rows[0] ?? null;
}

export async function insertCase(tx: Queryable, ownerId: string | null, f: CaseFields, content: CaseContentRow): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    'insert into public.cases (owner_id, case_name, internal_name, category, domain) values ($1, $2, $3, $4, $5) returning id',
    [ownerId, f.case_name, f.internal_name, f.category, f.domain],
  );
  const id = rows[0]!.id;
  await tx.query(
    'insert into public.case_content (case_id, condition, candidate_brief, actor_brief, mark_scheme) values ($1, $2, $3, $4, $5)',
    [id, content.condition, JSON.stringify(content.candidate_brief), JSON.stringify(content.actor_brief), JSON.stringify(content.mark_scheme)],
  );
  return id;
}

/** Updates the case if `version` is current (the trigger bumps it even for a content-only change). */
export async function updateCase(tx: Queryable, id: string, version: number, f: CaseFields, content: CaseContentRow): Promise<boolean> {
  const { rowCount } = await tx.query(
    'update public.cases set case_name = $3, internal_name = $4, category = $5, domain = $6 where id = $1 and version = $2',
    [id, version, f.case_name, f.internal_name, f.category, f.domain],
  );
  if (rowCount === 0) return false;
  await tx.query(
    'update public.case_content set condition = $2, candidate_brief = $3, actor_brief = $4, mark_scheme = $5 where case_id = $1',
    [id, content.condition, JSON.stringify(content.candidate_brief), JSON.stringify(content.actor_brief), JSON.stringify(content.mark_scheme)],
  );
  return true;
}

export async function deleteCase(tx: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.cases where id = $1', [id]);
  return rowCount > 0;
}

// ---------------------------------------------------------------------------------------------
// The person's own cases, for the portfolio and the personal-data export (as the caller or an admin).

export async function casesWritten(tx: Queryable, userId: string): Promise<{ id: string; case_name: string; created_at: Date }[]> {
  const { rows } = await tx.query<{ id: string; case_name: string; created_at: Date }>(
    'select id, case_name, created_at from public.cases where owner_id = $1 order by created_at desc, id',
    [userId],
  );
  return rows;
}

/** Every case the person owns, with its content. */
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
