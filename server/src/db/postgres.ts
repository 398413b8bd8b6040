import pg from 'pg';
import { SET_ROLE_SQL, roleParams, type Claims, type Db, type Queryable, type QueryResult } from './types.js';

const typeOverrides = new pg.TypeOverrides();
typeOverrides.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
typeOverrides.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
typeOverrides.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const r = await client.query(sql, params as unknown[] | undefined);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

export interface PostgresOptions {
  max?: number;
  applicationName?: string;
}

/** A PostgreSQL server (plain, managed, or a Supabase project's database) through a pool. */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types: typeOverrides,
    application_name: opts.applicationName ?? 'practice-platform',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const probe = await pool.connect();
  probe.release();

  async function transaction<T>(setup: ((c: pg.PoolClient) => Promise<unknown>) | null, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('begin');
      if (setup) await setup(client);
      const result = await fn(wrap(client));
      await client.query('commit');
      client.release();
      return result;
    } catch (err) {
      try {
        await client.query('rollback');
        client.release();
      } catch {
        client.release(true);
      }
      throw err;
    }
  }
  const inRole = (claims: Claims | null) => (c: pg.PoolClient) => c.query(SET_ROLE_SQL, roleParams(claims));

  const owner = wrap(pool);
  let closed = false;
  return {
    kind: 'postgres',
    query: owner.query,
    exec: owner.exec,
    transaction: (fn) => transaction(null, fn),
    asUser: (claims, fn) => transaction(inRole(claims), fn),
    asAnon: (fn) => transaction(inRole(null), fn),
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
