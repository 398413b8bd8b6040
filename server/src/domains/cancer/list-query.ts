// GET /api/cancer as one SQL statement: filters and sorts on the clocks at the census date run in
// the database (clock-sql.ts), with keyset paging on (sort key, id).
import { z } from 'zod';
import type { CancerListQuery, CancerSort } from '../../contract/cancer.js';
import { badCursor, CursorParts, decodeCursor as decodeKitCursor, encodeCursor as encodeKitCursor } from '../../kit/cursor.js';
import { clockJoins } from './clock-sql.js';

type KeyKind = 'date' | 'int' | 'text';

interface SortPlan {
  expr: string;
  kind: KeyKind;
  dir: 'asc' | 'desc';
}

/** Clocks with no due date or no days (pending, not applicable) sort last whichever the direction. */
const LAST_DATE = { asc: "'9999-12-31'::date", desc: "'0001-01-01'::date" };
const LAST_INT = { asc: '2147483647', desc: '-1' };

/** The default direction of each sort: longest on the pathway first, soonest due first, names A–Z. */
const DEFAULT_ORDER: Record<CancerSort, 'asc' | 'desc'> = { days_on_pathway: 'desc', fds_due: 'asc', treatment_62_due: 'asc', patient_name: 'asc' };

function sortPlan(q: CancerListQuery): SortPlan {
  const dir = q.order ?? DEFAULT_ORDER[q.sort];
  switch (q.sort) {
    case 'days_on_pathway':
      return { expr: `coalesce(k.treatment_62_days, ${LAST_INT[dir]})`, kind: 'int', dir };
    case 'fds_due':
      return { expr: `coalesce(k.fds_28_due, ${LAST_DATE[dir]})`, kind: 'date', dir };
    case 'treatment_62_due':
      return { expr: `coalesce(k.treatment_62_due, ${LAST_DATE[dir]})`, kind: 'date', dir };
    case 'patient_name':
      return { expr: 't.patient_name', kind: 'text', dir };
  }
}

const KEY_OF_KIND: Record<KeyKind, z.ZodType> = { date: CursorParts.date, int: z.number().int(), text: CursorParts.text };
const CursorTuple = z.tuple([z.union([CursorParts.text, z.number().int()]), CursorParts.id]);

export interface Cursor {
  key: string | number;
  id: string;
}

export const encodeCursor = (c: Cursor) => encodeKitCursor([c.key, c.id]);

export function decodeCursor(raw: string): Cursor {
  const [key, id] = decodeKitCursor(raw, CursorTuple);
  return { key, id };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The page query over `ownerId`'s pathways (RLS holds as well): `$1` the census date, `$2` the
 * owner. Selects `limit + 1` rows so the caller knows whether a next page exists, each row with its
 * `sort_key` for the cursor.
 */
export function buildListQuery(q: CancerListQuery, asOf: string, ownerId: string, cursor: Cursor | null): { sql: string; params: unknown[] } {
  const params: unknown[] = [asOf, ownerId];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['t.user_id = $2'];
  if (q.state === 'open') where.push('k.is_open');
  if (q.state === 'closed') where.push('not k.is_open');
  if (q.tumour_site) where.push(`t.tumour_site = ${add(q.tumour_site)}`);
  if (q.route) where.push(`t.route = ${add(q.route)}`);
  // The enum in the contract is the only source of the clock name spliced into SQL.
  if (q.breached) where.push(`k.${q.breached}_breached`);
  if (q.long_wait) where.push('k.long_wait_104');
  if (q.q) {
    const like = add(`%${escapeLike(q.q)}%`);
    const alternatives = [`t.patient_name ilike ${like}`, `t.patient_id ilike ${like}`];
    const digits = q.q.replace(/[\s-]/g, '');
    if (/^\d{3,10}$/.test(digits)) alternatives.push(`t.nhs_number like ${add(`${digits}%`)}`);
    where.push(`(${alternatives.join(' or ')})`);
  }
  const sort = sortPlan(q);
  if (cursor) {
    if (!KEY_OF_KIND[sort.kind].safeParse(cursor.key).success) throw badCursor();
    const op = sort.dir === 'asc' ? '>' : '<';
    where.push(`(${sort.expr}, t.id) ${op} (${add(cursor.key)}::${sort.kind === 'int' ? 'int' : sort.kind}, ${add(cursor.id)}::uuid)`);
  }
  const sql = `select t.*, ${sort.kind === 'date' ? `(${sort.expr})::text` : sort.expr} as sort_key
    from public.cancer_pathways t ${clockJoins('$1')}
    where ${where.join(' and ')}
    order by ${sort.expr} ${sort.dir}, t.id ${sort.dir}
    limit ${add(q.limit + 1)}`;
  return { sql, params };
}
