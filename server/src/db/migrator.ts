import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Queryable } from './types.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const MIGRATIONS_DIR = path.join(ROOT, 'supabase/migrations');
export const BOOTSTRAP_FILE = path.join(ROOT, 'supabase/bootstrap.sql');

/** One key for every process that migrates this database; taken per transaction. */
const MIGRATION_LOCK_KEY = 804_117_230;
const FILE_PATTERN = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export class MigrationError extends Error {}

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/**
 * How far ahead of this machine's clock a stamp may be. A migration stamped in the future sorts after
 * every migration written until then, so one written meanwhile with a true stamp would run before it
 * on a fresh database and after it on one that already has it: the order would differ between
 * databases. A day is far more than any honest clock drift, and covers a stamp written in local time
 * instead of UTC anywhere on Earth (at most UTC+14), yet still catches a wrong year, month or day.
 */
export const MAX_STAMP_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Why a migration's `YYYYMMDDHHmmss` stamp cannot be used, or null when it can: it must name a real
 * UTC moment (no month 13, day 32, 30 February, hour 24 or second 60) and not lie more than
 * MAX_STAMP_AHEAD_MS after `now`.
 */
export function migrationStampProblem(version: string, now: Date = new Date()): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(version);
  if (!m) return `${version} is not YYYYMMDDHHmmss`;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, second, 0);
  // Date rolls impossible values over (30 February becomes 2 March), so read the parts back.
  const real =
    at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day &&
    at.getUTCHours() === hour && at.getUTCMinutes() === minute && at.getUTCSeconds() === second;
  if (!real) return `${version} is not a real UTC date and time (YYYYMMDDHHmmss)`;
  if (at.getTime() - now.getTime() > MAX_STAMP_AHEAD_MS) {
    return `${version} is in the future (${at.toISOString()}, and the clock says ${now.toISOString()}; at most a day ahead is allowed)`;
  }
  return null;
}

/**
 * The files that landed before stamps were checked with an impossible hour (24, 25, 26: they
 * carried on 20261122230000's hourly sequence). Every database that has them recorded them under
 * these versions, and a renamed file would be a new migration to the migrator, run a second time;
 * so these three keep their names, sorting where they always did. No other file is let through.
 */
export const GRANDFATHERED_STAMPS: ReadonlySet<string> = new Set([
  '20261122240000_medical_records',
  '20261122250000_admin_audit',
  '20261122260000_host_erasure',
]);

export async function loadMigrations(dir = MIGRATIONS_DIR, now: Date = new Date()): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const m = FILE_PATTERN.exec(file);
    if (!m) throw new MigrationError(`migration file name must be YYYYMMDDHHmmss_snake_name.sql: ${file}`);
    const problem = GRANDFATHERED_STAMPS.has(`${m[1]}_${m[2]}`) ? null : migrationStampProblem(m[1]!, now);
    if (problem) {
      throw new MigrationError(`migration file ${file}: ${problem}; stamp it with the current UTC time (date -u +%Y%m%d%H%M%S)`);
    }
    const sql = await readFile(path.join(dir, file), 'utf8');
    migrations.push({ version: m[1]!, name: m[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return migrations;
}

export interface MigrateResult {
  applied: string[];
}

/**
 * Waits for the migration lock as long as it takes: another instance may be running a long
 * migration. A script (`exec`) is exempt from the per-statement time limits that requests have.
 */
async function holdMigrationLock(tx: Queryable) {
  await tx.exec(`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
}

/**
 * Brings the database up to date: the bootstrap, then every pending migration in version order,
 * each in its own transaction and recorded in the same transaction. Safe at every start and from
 * several processes at once: each step holds a transaction-scoped advisory lock and re-reads what
 * is applied under it, so a migration another process just applied is skipped, never run twice.
 */
export async function migrate(db: Db, opts: { dir?: string; bootstrapFile?: string } = {}): Promise<MigrateResult> {
  const migrations = await loadMigrations(opts.dir);
  const bootstrap = await readFile(opts.bootstrapFile ?? BOOTSTRAP_FILE, 'utf8');
  await db.transaction(async (tx) => {
    await holdMigrationLock(tx);
    await tx.exec(bootstrap);
  });

  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await holdMigrationLock(tx);
      const { rows } = await tx.query<{ checksum: string }>(
        'select checksum from app_meta.schema_migrations where version = $1',
        [migration.version],
      );
      if (rows[0]) {
        if (rows[0].checksum !== migration.checksum) {
          throw new MigrationError(
            `migration ${migration.version}_${migration.name} was edited after it was applied; add a new migration instead`,
          );
        }
        return false;
      }
      try {
        await tx.exec(migration.sql);
      } catch (err) {
        throw new MigrationError(`migration ${migration.version}_${migration.name} failed: ${(err as Error).message}`, { cause: err });
      }
      await tx.query('insert into app_meta.schema_migrations (version, name, checksum) values ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (ran) applied.push(`${migration.version}_${migration.name}`);
  }
  return { applied };
}

export const SEED_FILE = path.join(ROOT, 'supabase/seed.sql');

/**
 * Loads supabase/seed.sql (the shared case bank) in one transaction, once per version of the file:
 * on first start, and again only when the file changes. Its statements insert with
 * `on conflict do nothing`, so a reload never duplicates or overwrites what admins curated since.
 */
export async function seed(db: Db, file = SEED_FILE): Promise<{ loaded: boolean }> {
  let sql: string;
  try {
    sql = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { loaded: false };
    throw err;
  }
  const checksum = createHash('sha256').update(sql).digest('hex');
  return db.transaction(async (tx) => {
    await holdMigrationLock(tx);
    const { rows } = await tx.query<{ checksum: string }>("select checksum from app_meta.seed_runs where name = 'seed.sql'");
    if (rows[0]?.checksum === checksum) return { loaded: false };
    await tx.exec(sql);
    await tx.query(
      `insert into app_meta.seed_runs (name, checksum) values ('seed.sql', $1)
       on conflict (name) do update set checksum = excluded.checksum, applied_at = now()`,
      [checksum],
    );
    return { loaded: true };
  });
}
