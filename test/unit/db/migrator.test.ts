// The migrator against a real database of each kind: exactly-once, checksummed, all-or-nothing per
// migration, and safe when several processes start at once.
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BOOTSTRAP_FILE,
  GRANDFATHERED_STAMPS,
  MAX_STAMP_AHEAD_MS,
  MIGRATIONS_DIR,
  MigrationError,
  loadMigrations,
  migrate,
  migrationStampProblem,
} from '../../../server/src/db/migrator.js';
import { openPostgres } from '../../../server/src/db/postgres.js';
import type { Db } from '../../../server/src/db/types.js';
import { createTestDb, dbTargets, type TestDb } from '../../helpers/db.js';

interface Recorded {
  version: string;
  name: string;
  checksum: string;
  applied_at: Date;
}

async function realMigrationFiles() {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(path.join(MIGRATIONS_DIR, file), 'utf8');
      const [, version, name] = /^(\d{14})_(.+)\.sql$/.exec(file)!;
      return { file, version: version!, name: name!, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/** The UTC stamp `minutes` after the newest real migration's: a valid stamp that sorts after all of them. */
async function stampAfterReal(minutes: number): Promise<string> {
  const last = (await realMigrationFiles()).at(-1)!.version;
  const [y, mo, d, h, mi, s] = last.match(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/)!.slice(1).map(Number) as number[];
  const at = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) + minutes * 60_000);
  return at.toISOString().replace(/\D/g, '').slice(0, 14);
}

async function recorded(db: Db): Promise<Recorded[]> {
  const { rows } = await db.query<Recorded>('select version, name, checksum, applied_at from app_meta.schema_migrations order by version');
  return rows;
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const { rows } = await db.query<{ t: string | null }>('select to_regclass($1)::text as t', [name]);
  return rows[0]?.t != null;
}

async function expectMigrationError(promise: Promise<unknown>, pattern: RegExp): Promise<MigrationError> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(MigrationError);
  expect((caught as Error).message).toMatch(pattern);
  return caught as MigrationError;
}

describe.each(dbTargets)('migrator on %s', (target) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!();
  });

  async function freshDb(): Promise<TestDb> {
    const t = await createTestDb(target, { migrate: false });
    cleanup.push(() => t.drop());
    return t;
  }

  /** A temporary copy of the real migrations, to edit and extend without touching the repository. */
  async function tempMigrations(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    return dir;
  }

  it('applies every migration once, in order; a second run applies nothing', async () => {
    const { db } = await freshDb();
    const files = await realMigrationFiles();
    expect(files.length).toBeGreaterThan(0);

    const first = await migrate(db);
    expect(first.applied).toEqual(files.map((f) => `${f.version}_${f.name}`));
    expect(await tableExists(db, 'public.accounts')).toBe(true);
    expect(await tableExists(db, 'public.profiles')).toBe(true);
    const afterFirst = await recorded(db);

    const second = await migrate(db);
    expect(second.applied).toEqual([]);
    expect(await recorded(db)).toEqual(afterFirst);
  });

  it('records every migration with its name and the sha256 of its text', async () => {
    const { db } = await freshDb();
    await migrate(db);
    const files = await realMigrationFiles();
    const rows = await recorded(db);
    expect(rows.map(({ version, name, checksum }) => ({ version, name, checksum }))).toEqual(
      files.map(({ version, name, checksum }) => ({ version, name, checksum })),
    );
    for (const r of rows) expect(r.applied_at).toBeInstanceOf(Date);
  });

  it('running the real bootstrap twice more is harmless', async () => {
    const { db } = await freshDb();
    await migrate(db);
    const before = await recorded(db);
    const bootstrap = await readFile(BOOTSTRAP_FILE, 'utf8');
    await db.exec(bootstrap);
    await db.exec(bootstrap);
    expect(await recorded(db)).toEqual(before);
    // The roles, auth functions and grants still work together as before.
    const uid = '11111111-1111-4111-8111-111111111111';
    const row = await db.asUser(
      { sub: uid, email: 'boot@example.test', role: 'authenticated', app_metadata: { role: 'trainee' }, session_id: 's' },
      async (tx) => (await tx.query<{ uid: string; email: string; who: string }>('select auth.uid()::text as uid, auth.email() as email, current_user as who')).rows[0],
    );
    expect(row).toEqual({ uid, email: 'boot@example.test', who: 'authenticated' });
    expect((await migrate(db)).applied).toEqual([]);
  });

  it('refuses a migration edited after it was applied, and applies nothing after it', async () => {
    const { db } = await freshDb();
    const dir = await tempMigrations();
    await migrate(db, { dir });
    const before = await recorded(db);

    const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
    const edited = files[1] ?? files[0]!;
    await appendFile(path.join(dir, edited), '\n-- a harmless-looking edit\n');
    await writeFile(path.join(dir, `${await stampAfterReal(1)}_after_the_edit.sql`), 'create table public.after_the_edit (id int);\n');

    await expectMigrationError(migrate(db, { dir }), new RegExp(`${edited.replace(/\.sql$/, '')}.*edited`));
    expect(await tableExists(db, 'public.after_the_edit')).toBe(false);
    expect(await recorded(db)).toEqual(before);
  });

  it('a failing migration leaves nothing half-applied and is not recorded', async () => {
    const { db } = await freshDb();
    const dir = await tempMigrations();
    const halfDone = `${await stampAfterReal(1)}_half_done`;
    const afterFailure = `${await stampAfterReal(2)}_after_failure`;
    await writeFile(
      path.join(dir, `${halfDone}.sql`),
      'create table public.half_done (id int primary key);\ninsert into public.no_such_table values (1);\n',
    );
    await writeFile(path.join(dir, `${afterFailure}.sql`), 'create table public.after_failure (id int);\n');

    const err = await expectMigrationError(migrate(db, { dir }), new RegExp(`${halfDone} failed`));
    expect((err.cause as { code?: string } | undefined)?.code).toBe('42P01');

    expect(await tableExists(db, 'public.half_done')).toBe(false);
    expect(await tableExists(db, 'public.after_failure')).toBe(false);
    const versions = (await recorded(db)).map((r) => r.version);
    expect(versions).not.toContain(halfDone.slice(0, 14));
    expect(versions).not.toContain(afterFailure.slice(0, 14));
    // The good migrations before it each committed on their own.
    expect(versions).toEqual((await realMigrationFiles()).map((f) => f.version));
    expect(await tableExists(db, 'public.accounts')).toBe(true);

    // Once fixed, the next run applies it and the one after it.
    await writeFile(path.join(dir, `${halfDone}.sql`), 'create table public.half_done (id int primary key);\n');
    expect((await migrate(db, { dir })).applied).toEqual([halfDone, afterFailure]);
    expect(await tableExists(db, 'public.half_done')).toBe(true);
  });

  it.each(['2026_bad.sql', '20261122120400_Bad-Name.sql', '20261122120400.sql', 'add_things.sql'])(
    'refuses a badly named file (%s) before touching the database',
    async (badName) => {
      const { db } = await freshDb();
      const dir = await tempMigrations();
      await writeFile(path.join(dir, badName), 'create table public.badly_named (id int);\n');
      await expectMigrationError(migrate(db, { dir }), new RegExp(badName.replace(/[.]/g, '\\.')));
      expect(await tableExists(db, 'app_meta.schema_migrations')).toBe(false);
      expect(await tableExists(db, 'public.accounts')).toBe(false);
      expect(await tableExists(db, 'public.badly_named')).toBe(false);
    },
  );

  it.each([
    ['20261332000000_month_13.sql', /not a real UTC date/],
    ['20261232000000_day_32.sql', /not a real UTC date/],
    ['20270230120000_february_30.sql', /not a real UTC date/],
    ['20261203240000_hour_24.sql', /not a real UTC date/],
    ['20991231000000_far_future.sql', /in the future/],
  ])('refuses a migration stamped %s before touching the database', async (file, problem) => {
    const { db } = await freshDb();
    const dir = await tempMigrations();
    await writeFile(path.join(dir, file), 'create table public.badly_stamped (id int);\n');
    const err = await expectMigrationError(migrate(db, { dir }), new RegExp(file.replace(/[.]/g, '\\.')));
    expect(err.message).toMatch(problem);
    expect(err.message).toContain('date -u +%Y%m%d%H%M%S');
    expect(await tableExists(db, 'app_meta.schema_migrations')).toBe(false);
    expect(await tableExists(db, 'public.badly_stamped')).toBe(false);
  });

  it('accepts a stamp a few hours ahead (local time written east of UTC)', async () => {
    const { db } = await freshDb();
    const dir = await tempMigrations();
    const ahead = new Date(Date.now() + 13 * 60 * 60 * 1000).toISOString().replace(/\D/g, '').slice(0, 14);
    await writeFile(path.join(dir, `${ahead}_written_in_local_time.sql`), 'create table public.written_ahead (id int);\n');
    const { applied } = await migrate(db, { dir });
    expect(applied.at(-1)).toBe(`${ahead}_written_in_local_time`);
    expect(await tableExists(db, 'public.written_ahead')).toBe(true);
  });

  it('ignores files that are not .sql', async () => {
    const { db } = await freshDb();
    const dir = await tempMigrations();
    await writeFile(path.join(dir, 'README.md'), '# notes, not a migration\n');
    const result = await migrate(db, { dir });
    expect(result.applied).toEqual((await realMigrationFiles()).map((f) => `${f.version}_${f.name}`));
  });

  it.runIf(target === 'postgres')('two connections migrating at once both succeed and record each migration once', async () => {
    const { url } = await freshDb();
    const one = await openPostgres(url!, { max: 2, applicationName: 'migrator-test-1' });
    cleanup.push(() => one.close());
    const two = await openPostgres(url!, { max: 2, applicationName: 'migrator-test-2' });
    cleanup.push(() => two.close());

    const [r1, r2] = await Promise.all([migrate(one), migrate(two)]);
    const all = [...r1.applied, ...r2.applied].sort();
    const expected = (await realMigrationFiles()).map((f) => `${f.version}_${f.name}`);
    // Between them they applied each migration exactly once: no migration ran on both.
    expect(all).toEqual(expected);
    expect(new Set(all).size).toBe(all.length);

    const { rows } = await one.query<{ version: string; n: number }>(
      'select version, count(*)::int as n from app_meta.schema_migrations group by version order by version',
    );
    expect(rows).toEqual(expected.map((v) => ({ version: v.slice(0, 14), n: 1 })));
    expect((await migrate(two)).applied).toEqual([]);
  });
});

describe('migration stamps', () => {
  // A clock far in the future, so only the calendar is being tested.
  const later = new Date('2100-01-01T00:00:00Z');

  it.each([
    ['20261332000000', 'month 13'],
    ['20260001000000', 'month 0'],
    ['20261200000000', 'day 0'],
    ['20261232000000', 'day 32'],
    ['20261131000000', '31 November'],
    ['20270230000000', '30 February'],
    ['20270229000000', '29 February of a common year'],
    ['21000229000000', '29 February of 2100, not a leap year'],
    ['20261203240000', 'hour 24'],
    ['20261203186000', 'minute 60'],
    ['20261203180060', 'second 60 (a leap second cannot be stamped)'],
  ])('%s is impossible (%s)', (version) => {
    expect(migrationStampProblem(version, later)).toMatch(/is not a real UTC date and time/);
  });

  it.each(['20000101000000', '20240229120000', '20261231235959', '20261122120000'])('%s is a real UTC moment', (version) => {
    expect(migrationStampProblem(version, later)).toBeNull();
  });

  it('allows a stamp up to a day ahead of the clock, and refuses one a second later', () => {
    const now = new Date('2026-12-03T18:00:00Z');
    expect(MAX_STAMP_AHEAD_MS).toBe(24 * 60 * 60 * 1000);
    expect(migrationStampProblem('20261203180000', now)).toBeNull();
    expect(migrationStampProblem('20261204180000', now)).toBeNull();
    expect(migrationStampProblem('20261204180001', now)).toBe(
      '20261204180001 is in the future (2026-12-04T18:00:01.000Z, and the clock says 2026-12-03T18:00:00.000Z; at most a day ahead is allowed)',
    );
    // A wrong year is caught whatever the skew.
    expect(migrationStampProblem('20621203180000', now)).toMatch(/in the future/);
  });

  it('every real migration has a real stamp, none ahead of now, but for the three grandfathered', async () => {
    const files = await realMigrationFiles();
    for (const f of files) {
      if (GRANDFATHERED_STAMPS.has(`${f.version}_${f.name}`)) continue;
      expect(migrationStampProblem(f.version), f.file).toBeNull();
    }
    // Each grandfathered file exists and still needs it: the list cannot quietly grow stale.
    for (const g of GRANDFATHERED_STAMPS) {
      expect(files.map((f) => `${f.version}_${f.name}`)).toContain(g);
      expect(migrationStampProblem(g.slice(0, 14))).toMatch(/not a real UTC date/);
    }
    await expect(loadMigrations()).resolves.toHaveLength(files.length);
  });

  it('grandfathers those three by their full names only: the same stamp under another name is refused', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'migrations-'));
    try {
      await writeFile(path.join(dir, '20261122250000_something_else.sql'), 'select 1;\n');
      await expect(loadMigrations(dir)).rejects.toThrow(/20261122250000_something_else\.sql: 20261122250000 is not a real UTC date/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
