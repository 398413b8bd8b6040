import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, seed } from '../../server/src/db/migrator.js';
import { openPglite } from '../../server/src/db/pglite.js';
import { openPostgres } from '../../server/src/db/postgres.js';
import type { Db } from '../../server/src/db/types.js';

export type DbTarget = 'pglite' | 'postgres';

/** PGlite always; the PostgreSQL server too whenever TEST_DATABASE_URL is set (CI sets it). */
export const dbTargets: DbTarget[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDb {
  db: Db;
  /** Connection string of the fresh server database (postgres target only). */
  url: string | undefined;
  /** Closes the connection and, on the server, drops the database. */
  drop(): Promise<void>;
}

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function migrateAndSeed(db: Db) {
  await migrate(db);
  await seed(db);
}

/** A new migrated database with the seed loaded: in-memory PGlite, or a fresh database on the server. */
export async function createTestDb(target: DbTarget, opts: { migrate?: boolean } = {}): Promise<TestDb> {
  if (target === 'pglite') {
    const db = await openPglite(undefined);
    if (opts.migrate !== false) await migrateAndSeed(db);
    return { db, url: undefined, drop: () => db.close() };
  }
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set');
  const name = `t_${randomBytes(8).toString('hex')}`;
  await onServer(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 5 });
  if (opts.migrate !== false) await migrateAndSeed(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      await onServer(`drop database if exists ${name} with (force)`);
    },
  };
}
