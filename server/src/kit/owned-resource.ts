import { z } from 'zod';
import type { ErrorDetail } from '../contract/errors.js';
import type { Page } from '../contract/pagination.js';
import type { Db, Queryable } from '../db/types.js';
import { conflict, forbidden, notFound, validationFailed } from '../errors.js';
import type { AuthContext } from '../auth/context.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { recordAdminView } from './oversight.js';
import { moveProblem, type Workflow } from './workflow.js';

/**
 * A table a user owns, described once: where its rows live, which columns a client may write,
 * how its list filters, searches and sorts, and (optionally) its status workflow. From it the kit
 * makes the list / create / read / update / delete service — every query run as the caller, so
 * row-level security decides what exists — with `version` checks (409), keyset paging, workflow
 * moves (400) and field rules (400). A domain with rules of its own calls the same pieces inside
 * its own transaction (`*In(tx, …)`).
 */
export interface OwnedResourceDefinition<Row extends BaseRow, Out> {
  /** For messages: "This task does not exist, or it is not yours". */
  noun: string;
  /** The table, e.g. `public.secretary_tasks`; `t` is its alias in every statement. */
  table: string;
  /** Extra joins after `from <table> t` (e.g. names from profiles). */
  joins?: string;
  /** The select list; `t.*` when absent. */
  select?: string;
  /** Which rows of the caller a list shows (`$1` is the caller's id); default `t.user_id = $1`. RLS holds regardless. */
  listScope?: string;
  /** The column naming the row's owner, for admins' reads of someone's rows; default `user_id`. */
  ownerColumn?: string;
  /** Fixed column values of every row of this resource (e.g. a tracker's `module`): set on insert, matched everywhere. */
  fixed?: Readonly<Record<string, string>>;
  /** Columns a create may set from its input, and an update may change. */
  insertColumns: readonly string[];
  updateColumns: readonly string[];
  /** Columns stored as jsonb (sent as JSON text). */
  jsonColumns?: readonly string[];
  /** List filters by query key: the SQL condition for a value, with `param(v)` giving its placeholder. */
  filters?: Readonly<Record<string, (value: never, param: (v: unknown) => string, ctx: RuleContext) => string>>;
  /** Columns the `q` search matches (case-insensitive substring). */
  search?: readonly string[];
  /** The list's order: key expressions, all in one direction, then `t.id`. Keys must never be null. */
  sort: { keys: readonly { expr: string; type: 'timestamptz' | 'date' | 'int' | 'text' }[]; dir: 'asc' | 'desc' };
  /** The status column and its allowed moves. */
  workflow?: { column: string; workflow: Workflow; label?: (status: string) => string };
  /**
   * Rules over the row as it would be after a write (create: the input; update: the stored row
   * with the changes); field-level problems become a 400.
   */
  check?: (next: Readonly<Record<string, unknown>>, before: Row | null, ctx: RuleContext) => ErrorDetail[];
  present: (row: Row) => Out;
  /**
   * Values computed at read time from elsewhere (a tracker's computed fields), added to what the
   * list, get, create and update return, in their transaction; `ownerId` is whose rows they are.
   */
  enrich?: (tx: Queryable, items: Out[], ownerId: string, ctx: RuleContext) => Promise<Out[]>;
}

export interface BaseRow {
  id: string;
  version: number;
}

export interface RuleContext {
  /** Today in England, `YYYY-MM-DD`. */
  today: string;
}

export interface ListQueryBase {
  limit: number;
  cursor?: string | undefined;
  q?: string | undefined;
  /** Admins only: whose rows to read (read-only, on the admin oversight log). */
  user_id?: string | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The sort key as text for the cursor; timestamps to the microsecond (a JS Date keeps milliseconds). */
function keyAsText(expr: string, type: string): string {
  return type === 'timestamptz' ? `to_char((${expr}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : `(${expr})::text`;
}

export type OwnedResource<Row extends BaseRow, Out> = ReturnType<typeof ownedResource<Row, Out>>;

export function ownedResource<Row extends BaseRow, Out>(db: Db, def: OwnedResourceDefinition<Row, Out>, today: () => string) {
  const hidden = () => notFound(`This ${def.noun} does not exist, or it is not yours`);
  const fixedEntries = Object.entries(def.fixed ?? {});
  const json = new Set(def.jsonColumns ?? []);
  const from = `${def.table} t ${def.joins ?? ''}`;
  const select = def.select ?? 't.*';
  const cursorSchema = z.array(z.string().max(1000)).length(def.sort.keys.length + 1);
  const sortKeys = def.sort.keys.map((k, i) => `${keyAsText(k.expr, k.type)} as _k${i}`).join(', ');
  const ctx = (): RuleContext => ({ today: today() });
  const ownerColumn = def.ownerColumn ?? 'user_id';
  // The oversight log's action, e.g. `secretary_tasks.view` (its format: lower-case words and dots).
  const viewAction = def.table.replace(/^public\./, '');

  function fixedWhere(params: unknown[]): string {
    return fixedEntries
      .map(([column, value]) => {
        params.push(value);
        return ` and t.${column} = $${params.length}`;
      })
      .join('');
  }

  const value = (column: string, v: unknown) => (json.has(column) && v !== null && v !== undefined ? JSON.stringify(v) : v);
  const placeholder = (column: string, n: number) => (json.has(column) ? `$${n}::jsonb` : `$${n}`);

  async function findIn(tx: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<Row | null> {
    const params: unknown[] = [id];
    const where = `t.id = $1${fixedWhere(params)}`;
    // A row lock cannot take a nullable (outer-joined) side: lock the resource's own table only.
    const sql = opts.lock ? `select t.* from ${def.table} t where ${where} for update of t` : `select ${select} from ${from} where ${where}`;
    const { rows } = await tx.query<Row>(sql, params);
    return rows[0] ?? null;
  }

  function problems(next: Record<string, unknown>, before: Row | null): ErrorDetail[] {
    const found: ErrorDetail[] = [];
    if (def.workflow && before) {
      const { column, workflow, label } = def.workflow;
      const problem = moveProblem(workflow, String((before as Record<string, unknown>)[column]), String(next[column]), label);
      if (problem) found.push({ path: column, message: problem });
    }
    if (def.check) found.push(...def.check(next, before, ctx()));
    return found;
  }

  function refuse(found: ErrorDetail[]) {
    if (found.length > 0) throw validationFailed(found[0]!.message, found);
  }

  async function listIn(tx: Queryable, userId: string, q: ListQueryBase & Record<string, unknown>): Promise<Page<Out>> {
    const params: unknown[] = [userId];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [def.listScope ?? 't.user_id = $1'];
    const c = ctx();
    for (const [key, condition] of Object.entries(def.filters ?? {})) {
      const v = q[key];
      if (v !== undefined && v !== null) where.push(condition(v as never, param, c));
    }
    if (q.q && def.search?.length) {
      const p = param(`%${escapeLike(q.q)}%`);
      where.push(`(${def.search.map((col) => `${col} ilike ${p}`).join(' or ')})`);
    }
    const keys = [...def.sort.keys.map((k) => k.expr), 't.id'];
    if (q.cursor) {
      const after = decodeCursor(q.cursor, cursorSchema);
      const typed = after.map((v, i) => `${param(v)}::${def.sort.keys[i]?.type ?? 'uuid'}`);
      where.push(`(${keys.join(', ')}) ${def.sort.dir === 'asc' ? '>' : '<'} (${typed.join(', ')})`);
    }
    const limit = param(q.limit + 1);
    const { rows } = await tx.query<Row & Record<string, string>>(
      `select ${select}, ${sortKeys} from ${from}
        where ${where.join(' and ')}${fixedWhere(params)}
        order by ${keys.map((k) => `${k} ${def.sort.dir}`).join(', ')}
        limit ${limit}`,
      params,
    );
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => def.present(r)),
      next_cursor: rows.length > q.limit && last ? encodeCursor([...def.sort.keys.map((_, i) => last[`_k${i}`]!), last.id]) : null,
    };
  }

  async function createIn(tx: Queryable, input: Readonly<Record<string, unknown>>): Promise<Row> {
    refuse(problems({ ...input }, null));
    const columns = [...def.insertColumns.filter((c) => input[c] !== undefined), ...fixedEntries.map(([c]) => c)];
    const values = [...def.insertColumns.filter((c) => input[c] !== undefined).map((c) => value(c, input[c])), ...fixedEntries.map(([, v]) => v)];
    const { rows } = await tx.query<{ id: string }>(
      `insert into ${def.table} (${columns.join(', ')}) values (${columns.map((c, i) => placeholder(c, i + 1)).join(', ')}) returning id`,
      values,
    );
    return (await findIn(tx, rows[0]!.id))!;
  }

  /**
   * Changes the row if the caller holds its current `version`: locks it (404 when the caller
   * cannot see it), 409 when stale, then the workflow and the rules on the row as it would be.
   * `changes` may hold computed values (e.g. merged fields) beside the input's; given as a function,
   * it is worked out from the locked row (and may refuse, e.g. 403 for someone who may only read).
   */
  async function updateIn(
    tx: Queryable,
    id: string,
    version: number,
    changesOf: Readonly<Record<string, unknown>> | ((before: Row) => Readonly<Record<string, unknown>>),
  ): Promise<{ before: Row; after: Row }> {
    const before = await findIn(tx, id, { lock: true });
    if (!before) throw hidden();
    const changes = typeof changesOf === 'function' ? changesOf(before) : changesOf;
    if (before.version !== version) throw conflict(`This ${def.noun} was changed since you opened it; reload and try again`);
    const next: Record<string, unknown> = { ...(before as unknown as Record<string, unknown>) };
    const set = def.updateColumns.filter((c) => changes[c] !== undefined);
    for (const c of set) next[c] = changes[c];
    refuse(problems(next, before));
    if (set.length > 0) {
      // RLS may still refuse the new row (e.g. a link to another user's pathway): 42501 → 404.
      const { rowCount } = await tx.query(
        `update ${def.table} t set ${set.map((c, i) => `${c} = ${placeholder(c, i + 1)}`).join(', ')} where t.id = $${set.length + 1}`,
        [...set.map((c) => value(c, changes[c])), id],
      );
      if (rowCount === 0) throw hidden();
    }
    return { before, after: (await findIn(tx, id))! };
  }

  async function removeIn(tx: Queryable, id: string): Promise<Row> {
    const before = await findIn(tx, id, { lock: true });
    if (!before) throw hidden();
    const { rowCount } = await tx.query(`delete from ${def.table} t where t.id = $1`, [id]);
    if (rowCount === 0) throw hidden();
    return before;
  }

  /** One row as the API shows it, with its computed values. */
  async function presentIn(tx: Queryable, row: Row, ownerId: string): Promise<Out> {
    const out = def.present(row);
    return def.enrich ? (await def.enrich(tx, [out], ownerId, ctx()))[0]! : out;
  }

  return {
    definition: def,
    hidden,
    findIn,
    listIn,
    createIn,
    updateIn,
    removeIn,
    /**
     * The caller's rows. An admin may name someone else's (`user_id`): read-only (the admins'
     * select policies), and recorded on the admin oversight log in the same transaction.
     */
    async list(auth: AuthContext, q: ListQueryBase & Record<string, unknown>): Promise<Page<Out>> {
      const someoneElse = q.user_id !== undefined && q.user_id !== auth.account.id ? q.user_id : null;
      if (someoneElse && auth.account.role !== 'admin') throw forbidden('Only admins read other people’s rows');
      return db.asUser(auth.claims, async (tx) => {
        if (someoneElse) await recordAdminView(tx, auth.account.id, `${viewAction}.list`, someoneElse, {});
        const page = await listIn(tx, someoneElse ?? auth.account.id, q);
        return def.enrich ? { ...page, items: await def.enrich(tx, page.items, someoneElse ?? auth.account.id, ctx()) } : page;
      });
    },
    /** The row, for whoever RLS shows it to; an admin's look at someone else's goes on the oversight log. */
    async get(auth: AuthContext, id: string): Promise<Out> {
      return db.asUser(auth.claims, async (tx) => {
        const found = await findIn(tx, id);
        if (!found) throw hidden();
        const owner = (found as unknown as Record<string, unknown>)[ownerColumn];
        if (auth.account.role === 'admin' && typeof owner === 'string' && owner !== auth.account.id) {
          await recordAdminView(tx, auth.account.id, `${viewAction}.view`, owner, { id });
        }
        return presentIn(tx, found, typeof owner === 'string' ? owner : auth.account.id);
      });
    },
    async create(auth: AuthContext, input: Readonly<Record<string, unknown>>): Promise<Out> {
      return db.asUser(auth.claims, async (tx) => presentIn(tx, await createIn(tx, input), auth.account.id));
    },
    async update(auth: AuthContext, id: string, input: Readonly<{ version: number } & Record<string, unknown>>): Promise<Out> {
      const { version, ...changes } = input;
      return db.asUser(auth.claims, async (tx) => presentIn(tx, (await updateIn(tx, id, version, changes)).after, auth.account.id));
    },
    presentIn,
    async remove(auth: AuthContext, id: string): Promise<void> {
      await db.asUser(auth.claims, (tx) => removeIn(tx, id));
    },
  };
}

/** `Date` columns as the API shows them: ISO-8601 UTC. */
export const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());
