import { mkdir } from 'node:fs/promises';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { SET_ROLE_SQL, roleParams, type Claims, type Db, type Queryable, type QueryResult } from './types.js';

/** Dates stay `YYYY-MM-DD` strings and counts become numbers, matching the pg driver's setup. */
const parsers = {
  [types.DATE]: (v: string) => v,
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
};

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const r = await target.query<R>(sql, params as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.rows.length > 0 ? r.rows.length : (r.affectedRows ?? 0) };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * The embedded database: real PostgreSQL compiled to WebAssembly, in this process. One connection,
 * so transactions queue behind each other; `dataDir` undefined keeps everything in memory (tests).
 */
export async function openPglite(dataDir: string | undefined): Promise<Db> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir, { parsers });
  const owner = wrap(pg);
  const inRole = <T>(claims: Claims | null, fn: (tx: Queryable) => Promise<T>) =>
    pg.transaction(async (tx) => {
      await tx.query(SET_ROLE_SQL, roleParams(claims));
      return fn(wrap(tx));
    });
  let closed = false;
  return {
    kind: 'pglite',
    query: owner.query,
    exec: owner.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    asUser: (claims, fn) => inRole(claims, fn),
    asAnon: (fn) => inRole(null, fn),
    // In one process nothing is ever missed: a notification arrives once its transaction commits.
    async listen(channel, onEvent) {
      const unlisten = await pg.listen(channel, () => onEvent('notify'));
      return async () => {
        if (!closed) await unlisten();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}
