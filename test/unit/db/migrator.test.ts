// The migrator against a real database of each kind: exactly-once, checksummed, all-or-nothing per
// migration, and safe when several processes start at once.
import { createHash } from 'node:crypto';
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOOTSTRAP_FILE, MIGRATIONS_DIR, MigrationError, migrate } from '../../../server/src/db/migrator.js';
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
    await writeFile(path.join(dir, '20991231000000_after_the_edit.sql'), 'create table public.after_the_edit (id int);\n');

    await expectMigrationError(migrate(db, { dir }), new RegExp(`${edited.replace(/\.sql$/, '')}.*edited`));
    expect(await tableExists(db, 'public.after_the_edit')).toBe(false);
    expect(await recorded(db)).toEqual(before);
  });

  it('a failing migration leaves nothing half-applied and is not recorded', async () => {
    const { db } = await freshDb();
    const dir = await tempMigrations();
    await writeFile(
      path.join(dir, '20990101000000_half_done.sql'),
      'create table public.half_done (id int primary key);\ninsert into public.no_such_table values (1);\n',
    );
    await writeFile(path.join(dir, '20990102000000_after_failure.sql'), 'create table public.after_failure (id int);\n');

    const err = await expectMigrationError(migrate(db, { dir }), /20990101000000_half_done failed/);
    expect((err.cause as { code?: string } | undefined)?.code).toBe('42P01');

    expect(await tableExists(db, 'public.half_done')).toBe(false);
    expect(await tableExists(db, 'public.after_failure')).toBe(false);
    const versions = (await recorded(db)).map((r) => r.version);
    expect(versions).not.toContain('20990101000000');
    expect(versions).not.toContain('20990102000000');
    // The good migrations before it each committed on their own.
    expect(versions).toEqual((await realMigrationFiles()).map((f) => f.version));
    expect(await tableExists(db, 'public.accounts')).toBe(true);

    // Once fixed, the next run applies it and the one after it.
    await writeFile(path.join(dir, '20990101000000_half_done.sql'), 'create table public.half_done (id int primary key);\n');
    expect((await migrate(db, { dir })).applied).toEqual(['20990101000000_half_done', '20990102000000_after_failure']);
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
