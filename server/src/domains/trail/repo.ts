// The audit trail, read as the caller: RLS shows a user the trail of their own data and admins
// everyone's. Nobody writes here; the database's triggers do.
import type { TrailQuery } from '../../contract/trail.js';
import type { Queryable } from '../../db/types.js';

export interface TrailRow {
  id: number;
  at: Date;
  owner_id: string;
  actor_id: string | null;
  table_name: string;
  row_id: string;
  action: 'insert' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Newest first, after the cursor's id; one extra row tells whether there is a next page. */
export async function listTrail(tx: Queryable, ownerId: string | null, q: TrailQuery, beforeId: number | null): Promise<TrailRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (ownerId) add((p) => `owner_id = ${p}`, ownerId);
  if (q.table) add((p) => `table_name = ${p}`, q.table);
  if (q.row_id) add((p) => `row_id = ${p}::uuid`, q.row_id);
  // Dates are England's calendar days, both ends included.
  if (q.from) add((p) => `at >= (${p}::date::timestamp at time zone 'Europe/London')`, q.from);
  if (q.to) add((p) => `at < ((${p}::date + 1)::timestamp at time zone 'Europe/London')`, q.to);
  if (beforeId !== null) add((p) => `id < ${p}`, beforeId);
  params.push(q.limit + 1);
  const { rows } = await tx.query<TrailRow>(
    `select id, at, owner_id, actor_id, table_name, row_id, action, before, after
       from public.audit_trail
      ${where.length ? `where ${where.join(' and ')}` : ''}
      order by id desc
      limit $${params.length}`,
    params,
  );
  return rows;
}

/** The trail of the person's own data, oldest first. */
export async function exportTrail(tx: Queryable, userId: string): Promise<TrailRow[]> {
  const { rows } = await tx.query<TrailRow>(
    'select id, at, owner_id, actor_id, table_name, row_id, action, before, after from public.audit_trail where owner_id = $1 order by id',
    [userId],
  );
  return rows;
}
