import { z } from 'zod';
import type { PathwayListQuery, WaitGroup } from '../../contract/ptl.js';
import { badCursor, CursorParts, decodeCursor as decodeKitCursor, encodeCursor as encodeKitCursor } from '../../kit/cursor.js';

/** Inclusive day ranges of each long-wait group (days > 126 is over 18 weeks, and so on). */
export const WAIT_GROUP_DAYS: Record<WaitGroup, [number, number | null]> = {
  '0-18': [0, 126],
  '18-52': [127, 364],
  '52-65': [365, 455],
  '65-78': [456, 546],
  '78-104': [547, 728],
  '104+': [729, null],
};

type KeyKind = 'date' | 'int' | 'text';
interface SortPlan {
  expr: string;
  kind: KeyKind;
  dir: 'asc' | 'desc';
}

/** SQL for days waited at the census date (`$1`); for a stopped clock, up to its stop. */
export const DAYS_SQL = '(coalesce(p.clock_stop_date, $1::date) - p.clock_period_start)';

/**
 * How each sort runs. For open clocks, "longest wait first" is "earliest period start first",
 * which the partial index serves directly; other states need the computed wait.
 */
function sortPlan(q: PathwayListQuery): SortPlan {
  switch (q.sort) {
    case 'weeks_waited': {
      const longestFirst = (q.order ?? 'desc') === 'desc';
      if (q.state === 'open' || q.state === 'running') {
        return { expr: 'p.clock_period_start', kind: 'date', dir: longestFirst ? 'asc' : 'desc' };
      }
      return { expr: DAYS_SQL, kind: 'int', dir: longestFirst ? 'desc' : 'asc' };
    }
    case 'breach_date':
      return { expr: 'p.clock_period_start', kind: 'date', dir: q.order ?? 'asc' };
    case 'patient_name':
      return { expr: 'p.patient_name', kind: 'text', dir: q.order ?? 'asc' };
    case 'referral_date':
      return { expr: 'p.referral_date', kind: 'date', dir: q.order ?? 'asc' };
  }
}

/** The keyset position: the last row's sort key (a date, a day count or a name) and its id. */
export interface Cursor {
  key: string | number;
  id: string;
}

const CursorTuple = z.tuple([z.union([CursorParts.text, z.number().int()]), CursorParts.id]);

/** A sort key of the kind the list is sorted by, else the cursor came from another sort: a 400. */
const KEY_OF_KIND: Record<KeyKind, z.ZodType> = { date: CursorParts.date, int: z.number().int(), text: CursorParts.text };

export function encodeCursor(c: Cursor): string {
  return encodeKitCursor([c.key, c.id]);
}

export function decodeCursor(raw: string): Cursor {
  const [key, id] = decodeKitCursor(raw, CursorTuple);
  return { key, id };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Builds the page query: the caller's own pathways (RLS enforces it too), the filters, and a
 * keyset condition after the cursor. `$1` is the census date and `$2` the caller's id.
 * Selects one extra row so the caller knows whether there is a next page; `unlimited` with other
 * `columns` gives the whole list in order instead (the export).
 */
export function buildListQuery(
  q: PathwayListQuery,
  today: string,
  userId: string,
  cursor: Cursor | null,
  opts: { columns?: string; unlimited?: boolean } = {},
): { sql: string; params: unknown[] } {
  const params: unknown[] = [today, userId];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['p.user_id = $2'];
  switch (q.state) {
    case 'open':
      where.push(`p.clock_state = 'running' and p.on_ptl`);
      break;
    case 'running':
    case 'stopped':
    case 'nullified':
      where.push(`p.clock_state = ${add(q.state)}`);
      break;
    case 'transferred':
      where.push('not p.on_ptl');
      break;
    case 'all':
      break;
  }
  if (q.state === 'open' || q.state === 'running') where.push('p.clock_period_start <= $1::date');
  if (q.specialty) where.push(`p.specialty = ${add(q.specialty)}`);
  if (q.stage) where.push(`p.current_status = ${add(q.stage)}`);
  if (q.priority) where.push(`p.priority = ${add(q.priority)}`);
  if (q.pathway_type) where.push(`p.pathway_type = ${add(q.pathway_type)}`);
  if (q.breached !== undefined) {
    const breached = `(p.clock_state <> 'nullified' and ${DAYS_SQL} > 126)`;
    where.push(q.breached ? breached : `not ${breached}`);
  }
  if (q.wait_group) {
    const [from, to] = WAIT_GROUP_DAYS[q.wait_group];
    where.push(`${DAYS_SQL} >= ${add(from)}`);
    if (to !== null) where.push(`${DAYS_SQL} <= ${add(to)}`);
  }
  if (q.q) {
    const digits = q.q.replace(/[\s-]/g, '');
    const like = add(`%${escapeLike(q.q)}%`);
    const alternatives = [`p.patient_name ilike ${like}`, `p.patient_id ilike ${like}`];
    if (/^\d{3,10}$/.test(digits)) alternatives.push(`p.nhs_number like ${add(`${digits}%`)}`);
    where.push(`(${alternatives.join(' or ')})`);
  }

  const sort = sortPlan(q);
  if (cursor) {
    if (!KEY_OF_KIND[sort.kind].safeParse(cursor.key).success) throw badCursor();
    const cast = sort.kind === 'date' ? '::date' : sort.kind === 'int' ? '::int' : '::text';
    const op = sort.dir === 'asc' ? '>' : '<';
    where.push(`(${sort.expr}, p.id) ${op} (${add(cursor.key)}${cast}, ${add(cursor.id)}::uuid)`);
  }
  // The census date is `$1` whether or not a filter or the sort reads it (state=all sorted by name
  // reads none): selecting it gives PostgreSQL its type, which it cannot infer from nothing.
  const columns = opts.columns ?? `p.*, ${sort.expr} as sort_key, $1::date as census_date`;
  const limit = opts.unlimited ? '' : `limit ${add(q.limit + 1)}`;
  const sql = `select ${columns}
    from public.ptl_patients p
    where ${where.join(' and ')}
    order by ${sort.expr} ${sort.dir}, p.id ${sort.dir}
    ${limit}`;
  return { sql, params };
}
