// Row-level security read from the catalog, so a new table or policy is held to the project's rules
// (STYLE.md, SQL) without anyone remembering to write a test for it:
//   (a) every table in public, private and app_meta has row-level security enabled, but for the listed
//       few, each with its reason; and none forces it (see FORCED below);
//   (b) policies call auth.uid(), auth.jwt(), auth.email() and auth.role() only as `(select auth.uid())`,
//       which PostgreSQL evaluates once per statement (an initplan) instead of once per row;
//   (c) every column of its table that a policy reads leads an index on that table, so the filter a
//       policy adds to every query can use an index; exceptions listed with their reasons.
// The last case builds a bad table and bad policies in a rolled-back transaction and shows that each
// check catches them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAILED_TABLES, type TrailedTable } from '../../server/src/contract/trail.js';
import type { Queryable } from '../../server/src/db/types.js';
import { createTestDb, dbTargets, type TestDb } from '../helpers/db.js';

/** The schemas whose tables must have row-level security: the product's, and the migrator's own. */
const RLS_SCHEMAS = ['app_meta', 'private', 'public'];

/** Tables without row-level security, each with the reason it needs none. */
const RLS_EXEMPT: Record<string, string> = {
  'app_meta.schema_migrations':
    'the migrator\'s record of applied migrations: no client role has usage on app_meta (bootstrap.sql revokes it from public), and only the owner connection reads or writes it',
  'app_meta.seed_runs': 'the migrator\'s record of loaded seed files: in app_meta, out of every client role\'s reach, like schema_migrations',
};

/**
 * Not forced, anywhere: the server's owner connection (the migrator, the scheduler, and the queries in
 * `*.admin.repo.ts`) bypasses row-level security on purpose as the tables' owner; forcing it would
 * put those under the client policies too. Every client request runs as anon, authenticated or
 * app_admin, which row-level security always binds.
 */
const FORCED: string[] = [];

/** The schemas whose policies are checked: ours, and our policies on Supabase's storage.objects. */
const POLICY_SCHEMAS = ['app_meta', 'private', 'public', 'storage'];

/**
 * Policy columns that lead no index on their table, each with the reason that is fine. `with check`
 * excuses a column only while no `using` clause reads it: a with check clause is evaluated on the row
 * being written and finds no rows, so an index could not serve it, whereas `using` filters every
 * query on the table.
 */
const INDEX_EXEMPT: Record<string, { where: 'with check' | 'anywhere'; reason: string }> = {
  'public.practice_sessions.host_role': {
    where: 'with check',
    reason:
      '"A host publishes their own sessions" lets a host publish with a case only as the actor (host_role = \'actor\' on the new row); two values, never searched by',
  },
  'storage.objects.name': {
    where: 'anywhere',
    reason:
      'Supabase\'s table and Supabase\'s indexes: the assessments policies narrow by bucket_id first (it leads the (bucket_id, name) index) and only then pass name to private.assessments_object_access row by row',
  },
};

/** Tables with a user's user_id that are not module data, so not on the audit trail: each with why. */
const NOT_TRAILED: Record<string, string> = {
  profiles: 'the person\'s own name and training level, not module data; changes show on the account itself',
  ptl_open_counts: 'a counter the PTL triggers keep from ptl_patients, which is trailed itself',
  session_station_gaps: 'the practice station\'s pauses (who dropped out): platform timing, not module data',
};

const AUTH_FUNCTIONS = /\bauth\.(uid|jwt|email|role)\(\)/g;

interface PolicyRow {
  schemaname: string;
  tablename: string;
  policyname: string;
  qual: string | null;
  with_check: string | null;
}

async function policies(tx: Queryable, schemas = POLICY_SCHEMAS): Promise<PolicyRow[]> {
  const { rows } = await tx.query<PolicyRow>(
    `select schemaname::text, tablename::text, policyname::text, qual, with_check
       from pg_catalog.pg_policies where schemaname = any($1) order by 1, 2, 3`,
    [schemas],
  );
  return rows;
}

/** (a) Tables without row-level security, or forcing it, that the lists above do not account for. */
async function rlsViolations(tx: Queryable): Promise<string[]> {
  const { rows } = await tx.query<{ name: string; rls: boolean; forced: boolean }>(
    `select format('%s.%s', n.nspname, c.relname) as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'p')
      order by 1`,
    [RLS_SCHEMAS],
  );
  const out: string[] = [];
  for (const t of rows) {
    if (!t.rls && !(t.name in RLS_EXEMPT)) out.push(`${t.name}: row-level security is not enabled`);
    if (t.rls && t.name in RLS_EXEMPT) out.push(`${t.name}: has row-level security now; take it off RLS_EXEMPT`);
    if (t.forced !== FORCED.includes(t.name)) out.push(`${t.name}: row-level security is ${t.forced ? '' : 'not '}forced`);
  }
  for (const name of Object.keys(RLS_EXEMPT)) {
    if (!rows.some((t) => t.name === name)) out.push(`${name}: listed in RLS_EXEMPT but no such table`);
  }
  return out;
}

/**
 * (b) Every call of an auth.* function must be the whole select list of a scalar subquery, which
 * PostgreSQL prints as `( SELECT auth.uid() AS uid)`: only then is it an initplan run once.
 */
function bareAuthCalls(expr: string): string[] {
  const bare: string[] = [];
  for (const m of expr.matchAll(AUTH_FUNCTIONS)) {
    const before = expr.slice(0, m.index);
    if (!/\(\s*SELECT\s+$/i.test(before)) bare.push(m[0]);
  }
  return bare;
}

async function initplanViolations(tx: Queryable): Promise<string[]> {
  const out: string[] = [];
  for (const p of await policies(tx)) {
    for (const [clause, expr] of [['using', p.qual], ['with check', p.with_check]] as const) {
      for (const call of expr ? bareAuthCalls(expr) : []) {
        out.push(`${p.schemaname}.${p.tablename} "${p.policyname}" ${clause}: ${call} outside (select ${call})`);
      }
    }
  }
  return out;
}

/**
 * The columns of `table` an expression reads: identifiers that are the table's column names,
 * either bare or qualified by the table's own name. PostgreSQL prints a policy's own columns bare at
 * the top level and qualified by the table name inside subqueries, and every other table's columns
 * qualified by their alias; keywords come out in capitals, names in lower case. String literals,
 * function names, casts (`::text`) and output aliases (`AS uid`) are skipped.
 */
function columnsRead(expr: string, table: string, columns: readonly string[]): string[] {
  const text = expr.replace(/'(?:[^']|'')*'/g, "''");
  const found = new Set<string>();
  const ident = /"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*)/g;
  for (const m of text.matchAll(ident)) {
    const name = m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2]!;
    const start = m.index;
    const end = start + m[0].length;
    const before = text.slice(0, start);
    if (/\bAS\s+$/.test(before)) continue; // an output alias
    if (/::\s*$/.test(before)) continue; // a type in a cast
    if (/^\s*\(/.test(text.slice(end))) continue; // a function name
    if (/^\s*\./.test(text.slice(end))) continue; // a qualifier, not a column
    const qualifier = /(?:"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*))\s*\.\s*$/.exec(before);
    if (qualifier && (qualifier[1] ?? qualifier[2]) !== table) continue; // another table's column
    if (columns.includes(name)) found.add(name);
  }
  return [...found].sort();
}

/** (c) Policy columns that lead no index on their table (partial ones only with `col is not null`). */
async function indexViolations(tx: Queryable): Promise<string[]> {
  const { rows: tables } = await tx.query<{ schema: string; name: string; columns: string[]; leading: string[] }>(
    `select n.nspname::text as schema, c.relname::text as name,
            array(select a.attname::text from pg_catalog.pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns,
            array(select a.attname::text
                    from pg_catalog.pg_index i
                    join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                   where i.indrelid = c.oid and i.indisvalid
                     and (i.indpred is null
                          or pg_catalog.pg_get_expr(i.indpred, i.indrelid) = format('(%s IS NOT NULL)', quote_ident(a.attname)))) as leading
       from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'p')`,
    [POLICY_SCHEMAS],
  );
  const byName = new Map(tables.map((t) => [`${t.schema}.${t.name}`, t]));
  // Column → the first policy (by name) found reading it.
  const out = new Map<string, string>();
  for (const p of await policies(tx)) {
    const t = byName.get(`${p.schemaname}.${p.tablename}`)!;
    for (const [clause, expr] of [['using', p.qual], ['with check', p.with_check]] as const) {
      for (const col of expr ? columnsRead(expr, t.name, t.columns) : []) {
        const key = `${t.schema}.${t.name}.${col}`;
        const exempt = INDEX_EXEMPT[key];
        if (t.leading.includes(col) || out.has(key) || (exempt && (exempt.where === 'anywhere' || exempt.where === clause))) continue;
        out.set(key, `${key}: read by "${p.policyname}" (${clause}) but leads no index`);
      }
    }
  }
  for (const key of Object.keys(INDEX_EXEMPT)) {
    const [schema, table, col] = key.split('.') as [string, string, string];
    const t = byName.get(`${schema}.${table}`);
    if (!t?.columns.includes(col)) out.set(key, `${key}: listed in INDEX_EXEMPT but no such column`);
    else if (t.leading.includes(col)) out.set(key, `${key}: leads an index now; take it off INDEX_EXEMPT`);
  }
  return [...out.values()].sort();
}

describe('reading the columns a policy expression uses', () => {
  const cols = ['id', 'user_id', 'case_id', 'name', 'text', 'at', 'uid'];
  it.each([
    ['(user_id = ( SELECT auth.uid() AS uid))', ['user_id']],
    ['(EXISTS ( SELECT 1 FROM public.cases c WHERE ((c.id = t.case_id) AND (c.owner_id IS NULL))))', ['case_id']],
    ["((bucket_id = 'assessments'::text) AND ( SELECT private.assessments_object_access(objects.name, true) AS x))", []],
    ["((name = 'id'::text) AND (text IS NOT NULL) AND (at < now()))", ['at', 'name', 'text']],
    ['true', []],
  ])('%s on table t', (expr, expected) => {
    expect(columnsRead(expr, 't', cols)).toEqual(expected);
  });
  it('counts a column qualified by its own table', () => {
    expect(columnsRead('( SELECT private.f(objects.name, true) AS f)', 'objects', ['name'])).toEqual(['name']);
  });
});

describe.each(dbTargets)('row-level security in the catalog on %s', (target) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(target);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('(a) every table in public, private and app_meta has row-level security, but the listed few', async () => {
    expect(await rlsViolations(t.db)).toEqual([]);
  });

  it('(b) policies call auth.uid() and friends only as (select auth.uid())', async () => {
    const all = await policies(t.db);
    expect(all.length).toBeGreaterThan(40);
    // The checks have something to look at: most policies use auth.uid(), all wrapped.
    expect(all.filter((p) => `${p.qual} ${p.with_check}`.includes('( SELECT auth.uid() AS uid)')).length).toBeGreaterThan(25);
    expect(await initplanViolations(t.db)).toEqual([]);
  });

  it('(c) every column a policy reads leads an index on its table, but the listed exceptions', async () => {
    expect(await indexViolations(t.db)).toEqual([]);
  });

  it('(d) every table a user owns (a user_id to accounts) is on the audit trail, and contract/trail.ts lists exactly those', async () => {
    const trailed = await t.db.query<{ table: string }>(
      `select distinct c.relname as table from pg_trigger tg join pg_class c on c.oid = tg.tgrelid join pg_proc f on f.oid = tg.tgfoid
        where f.proname = 'audit_changes' and c.relnamespace = 'public'::regnamespace order by 1`,
    );
    expect(trailed.rows.map((r) => r.table)).toEqual([...TRAILED_TABLES].sort());
    // The clinical-administration modules' tables: owned by a user_id and not the platform's own.
    const owned = await t.db.query<{ table: string }>(
      `select c.relname as table from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_attribute a on a.attrelid = c.oid and a.attnum = any(k.conkey)
        where k.contype = 'f' and k.confrelid = 'public.accounts'::regclass and a.attname = 'user_id' and c.relnamespace = 'public'::regnamespace order by 1`,
    );
    expect(owned.rows.map((r) => r.table).filter((name) => !(name in NOT_TRAILED) && !TRAILED_TABLES.includes(name as TrailedTable))).toEqual([]);
  });

  it('catches a table without row-level security, a bare auth.uid() and an unindexed policy column', async () => {
    const rollback = new Error('roll back');
    let found: { rls: string[]; initplan: string[]; index: string[] } | undefined;
    await expect(
      t.db.transaction(async (tx) => {
        await tx.exec(`
          create table public.probe_widgets (id uuid primary key, owner_id uuid, note text, kind text);
          create index probe_widgets_note_idx on public.probe_widgets (note) where note <> '';
          create index probe_widgets_kind_idx on public.probe_widgets (kind) where kind is not null;
          alter table public.probe_widgets enable row level security;
          create table private.probe_unprotected (id int);
          create table public.probe_forced (id int);
          alter table public.probe_forced enable row level security;
          alter table public.probe_forced force row level security;
          create policy "Bare uid" on public.probe_widgets for select to authenticated using (owner_id = auth.uid());
          create policy "Bare jwt in a check" on public.probe_widgets for insert to authenticated
            with check ((auth.jwt() ->> 'role') = 'x' and kind is not null);
          create policy "Wrapped, but reads unindexed columns" on public.probe_widgets for update to authenticated
            using (id = (select auth.uid()) and note <> '')
            with check (exists (select 1 from public.cases c where c.owner_id = (select auth.uid()) and c.id = probe_widgets.owner_id));
          create policy "Probe: sessions by role" on public.practice_sessions for select to authenticated using (host_role = 'actor');
        `);
        found = { rls: await rlsViolations(tx), initplan: await initplanViolations(tx), index: await indexViolations(tx) };
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(found).toEqual({
      rls: ['private.probe_unprotected: row-level security is not enabled', 'public.probe_forced: row-level security is forced'],
      initplan: [
        'public.probe_widgets "Bare jwt in a check" with check: auth.jwt() outside (select auth.jwt())',
        'public.probe_widgets "Bare uid" using: auth.uid() outside (select auth.uid())',
      ],
      // id is the primary key and kind has a `kind is not null` partial index: both fine. The note
      // index's predicate does not serve every lookup, and owner_id has no index at all. host_role
      // is excused in with check clauses only, not when a using clause filters by it.
      index: [
        'public.practice_sessions.host_role: read by "Probe: sessions by role" (using) but leads no index',
        'public.probe_widgets.note: read by "Wrapped, but reads unindexed columns" (using) but leads no index',
        'public.probe_widgets.owner_id: read by "Bare uid" (using) but leads no index',
      ],
    });
    // Rolled back: the real schema is as it was.
    expect(await rlsViolations(t.db)).toEqual([]);
  });
});
