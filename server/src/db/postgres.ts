import pg from 'pg';
import { DB_TIMEOUT_DEFAULTS, type DbTimeouts } from '../config.js';
import { SET_ROLE_SQL, roleParams, type Claims, type Db, type ListenEvent, type Queryable, type QueryResult } from './types.js';

const typeOverrides = new pg.TypeOverrides();
typeOverrides.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
typeOverrides.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
typeOverrides.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));

/** Node's network errors: the socket to the server is gone. */
const SOCKET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * True when the connection that raised `err` cannot be trusted with another statement: its socket
 * is gone, the server ended the session, or it never answered (`query_timeout`: the statement may
 * still be running, and a later one would queue behind it). Such a connection is destroyed, never
 * rolled back and pooled; a plain SQL error leaves it usable.
 */
function connectionLost(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code))) return true;
  return typeof message === 'string' && /Query read timeout|Connection terminated|not queryable/i.test(message);
}

/**
 * `query_timeout` per query rather than for the pool, so scripts (`exec`) can go without it. The
 * typings omit it from QueryConfig though pg reads it there.
 */
function statement(text: string, values: readonly unknown[] | undefined, queryMs: number | undefined): pg.QueryConfig {
  return { text, values: values as unknown[] | undefined, ...(queryMs ? { query_timeout: queryMs } : {}) } as pg.QueryConfig;
}

function wrap(client: pg.Pool | pg.PoolClient, queryMs: number, inTransaction: boolean): Queryable {
  return {
    async query<R>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>> {
      const r = await client.query(statement(sql, params, queryMs));
      return { rows: r.rows as R[], rowCount: r.rowCount ?? r.rows.length };
    },
    // Scripts are migrations and the seed, run at start before any request: they may take as long
    // as they need, so neither this side's limit nor (inside a transaction) the server's applies.
    async exec(sql: string) {
      if (inTransaction) await client.query(statement('set local statement_timeout = 0', undefined, queryMs));
      await client.query(sql);
    },
  };
}

const RELISTEN_FIRST_MS = 250;
const RELISTEN_MAX_MS = 10_000;
/**
 * How often the listening connection is asked to answer. An idle connection to a server that froze
 * or dropped off the network looks healthy for minutes (TCP keepalive); an unanswered heartbeat
 * (within the query limit) counts as a break, so what relies on the notifications stops trusting
 * them within this plus that limit.
 */
const LISTEN_HEARTBEAT_MS = 2_000;

/**
 * LISTEN on a connection of its own, outside the pool (a pooled connection would be handed to
 * others). When it breaks, `onEvent('lost')` at once, then it is re-opened with backoff and
 * `onEvent('ready')` once listening again: what was sent in between is unheard, and the listener
 * must assume anything changed.
 */
async function listenOn(
  clientConfig: pg.ClientConfig,
  queryMs: number,
  channel: string,
  onEvent: (event: ListenEvent) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = RELISTEN_FIRST_MS;
  let beating = false;
  const heartbeat = setInterval(() => {
    const client = current;
    if (!client || beating) return;
    beating = true;
    client
      .query(statement('select 1', undefined, queryMs))
      .catch(() => drop(client))
      .finally(() => {
        beating = false;
      });
  }, LISTEN_HEARTBEAT_MS);
  heartbeat.unref();

  const drop = (client: pg.Client) => {
    if (current !== client) return;
    current = null;
    client.end().catch(() => {});
    if (stopped) return;
    onEvent('lost');
    relistenSoon();
  };
  const connect = async () => {
    const client = new pg.Client(clientConfig);
    // Errors also end the connection; 'end' does the rest. Without a listener they would crash the process.
    client.on('error', () => drop(client));
    client.on('end', () => drop(client));
    client.on('notification', (m) => {
      if (m.channel === channel) onEvent('notify');
    });
    try {
      await client.connect();
      await client.query(`listen ${client.escapeIdentifier(channel)}`);
    } catch (err) {
      client.end().catch(() => {});
      throw err;
    }
    if (stopped) {
      await client.end().catch(() => {});
      return;
    }
    current = client;
    delay = RELISTEN_FIRST_MS;
  };
  const relistenSoon = () => {
    retry = setTimeout(async () => {
      retry = null;
      if (stopped) return;
      try {
        await connect();
        if (!stopped) onEvent('ready');
      } catch {
        delay = Math.min(delay * 2, RELISTEN_MAX_MS);
        relistenSoon();
      }
    }, delay);
    retry.unref();
  };

  try {
    await connect();
  } catch (err) {
    clearInterval(heartbeat);
    throw err;
  }
  return async () => {
    stopped = true;
    clearInterval(heartbeat);
    if (retry) clearTimeout(retry);
    const client = current;
    current = null;
    if (client) await client.end().catch(() => {});
  };
}

export interface PostgresOptions {
  max?: number;
  applicationName?: string;
  /** Missing fields take `DB_TIMEOUT_DEFAULTS`; `healthMs` is the app's, not used here. */
  timeouts?: Partial<DbTimeouts>;
}

/**
 * A PostgreSQL server (plain, managed, or a Supabase project's database) through a pool. A dead or
 * frozen server costs a request at most about `connectMs` or `queryMs`, then an error that the
 * error translator turns into 503 `unavailable`; connections it broke are destroyed, not reused.
 */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Db> {
  const t = { ...DB_TIMEOUT_DEFAULTS, ...opts.timeouts };
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    types: typeOverrides,
    application_name: opts.applicationName ?? 'practice-platform',
    // Also bounds the wait for a free connection when every one is busy (or stuck).
    connectionTimeoutMillis: t.connectMs,
    idleTimeoutMillis: 30_000,
    // Notices a server that vanished from the network while a connection sat idle.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // A SET rather than the `statement_timeout` startup parameter, which PgBouncer, Supavisor in
    // transaction mode and RDS Proxy refuse.
    onConnect: (client) => client.query(statement(`set statement_timeout = ${Math.trunc(t.statementMs)}`, undefined, t.queryMs)),
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const probe = await pool.connect();
  probe.release();

  async function transaction<T>(setup: ((tx: Queryable) => Promise<unknown>) | null, fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // The pool listens for errors only on idle clients. A checked-out one whose server goes away
    // emits 'error' too, and with no listener that would end the process; remember it instead.
    let lost: Error | undefined;
    const onError = (err: Error) => {
      lost ??= err;
    };
    client.on('error', onError);
    const release = (err?: Error) => {
      client.off('error', onError);
      client.release(err);
    };
    const send = (sql: string) => client.query(statement(sql, undefined, t.queryMs));
    const tx = wrap(client, t.queryMs, true);
    try {
      await send('begin');
      if (setup) await setup(tx);
      const result = await fn(tx);
      await send('commit');
      release(lost);
      return result;
    } catch (err) {
      if (lost || connectionLost(err)) {
        // Rolling back would wait on a dead or silent server; destroying the connection ends the
        // transaction on the server's side anyway.
        release(lost ?? (err as Error));
        throw err;
      }
      try {
        await send('rollback');
        release(lost);
      } catch (rollbackErr) {
        release(rollbackErr as Error);
      }
      throw err;
    }
  }
  const inRole = (claims: Claims | null) => (tx: Queryable) => tx.query(SET_ROLE_SQL, roleParams(claims));

  const owner = wrap(pool, t.queryMs, false);
  const listeners = new Set<() => Promise<void>>();
  let closed = false;
  return {
    kind: 'postgres',
    query: owner.query,
    exec: owner.exec,
    transaction: (fn) => transaction(null, fn),
    asUser: (claims, fn) => transaction(inRole(claims), fn),
    asAnon: (fn) => transaction(inRole(null), fn),
    async listen(channel, onEvent) {
      const stop = await listenOn(
        {
          connectionString: url,
          application_name: `${opts.applicationName ?? 'practice-platform'} listening on ${channel}`,
          connectionTimeoutMillis: t.connectMs,
          keepAlive: true,
          keepAliveInitialDelayMillis: 10_000,
        },
        t.queryMs,
        channel,
        onEvent,
      );
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([...listeners].map((stop) => stop()));
      listeners.clear();
      await pool.end();
    },
  };
}
