import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, seed } from '../../server/src/db/migrator.js';
import { openPostgres } from '../../server/src/db/postgres.js';
import type { Db } from '../../server/src/db/types.js';
import { toAppError } from '../../server/src/errors.js';
import { startTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { scratchClusterUnavailable, startScratchCluster, type ScratchCluster } from '../helpers/scratch-postgres.js';

/**
 * The database going away under the app: a crash-restart (`pg_ctl stop -m immediate`) while
 * requests are in flight, and a freeze (every PostgreSQL process SIGSTOPped, as in a network
 * partition). Both run against a scratch cluster this file starts on its own port, never the
 * shared server. Short limits keep it quick; the defaults are longer but bounded the same way.
 */
const unavailable = scratchClusterUnavailable();
const TIMEOUTS = {
  DB_CONNECT_TIMEOUT_MS: '1000',
  DB_STATEMENT_TIMEOUT_MS: '1000',
  DB_QUERY_TIMEOUT_MS: '1500',
  DB_HEALTH_TIMEOUT_MS: '1000',
};
/** What the brief promises: an answer (503 while the database is gone) within this. */
const ANSWER_WITHIN_MS = 5_000;
/** Past this a request counts as hung; the fetch is abandoned so the test itself never hangs. */
const HANG_MS = ANSWER_WITHIN_MS + 3_000;

interface Outcome {
  path: string;
  status: number;
  code: string | undefined;
  dbStatus: string | undefined;
  ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Where PostgreSQL's server binaries are missing (a laptop with only a remote database) the suite
// is skipped; in CI, which has them, a missing piece is a failure, never a skip.
describe.skipIf(Boolean(unavailable) && !process.env.CI)(`a PostgreSQL outage${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let cluster: ScratchCluster | undefined;
  let db: Db | undefined;
  let app: TestApp | undefined;
  let user: TestUser;
  const uncaught: unknown[] = [];
  const record = (err: unknown) => uncaught.push(err);

  beforeAll(async () => {
    process.on('uncaughtException', record);
    process.on('unhandledRejection', record);
    cluster = await startScratchCluster();
    await cluster.start();
    const config = testConfig(TIMEOUTS);
    db = await openPostgres(cluster.url, { max: 5, timeouts: config.dbTimeouts });
    await migrate(db);
    await seed(db);
    app = await startTestApp('postgres', { db, env: TIMEOUTS });
    user = await createUser(app);
  });

  afterAll(async () => {
    // Thaw first: closing connections to a frozen server would wait for it.
    await cluster?.thaw();
    await app?.close();
    await Promise.race([db?.close(), sleep(5_000)]);
    await cluster?.destroy();
    process.off('uncaughtException', record);
    process.off('unhandledRejection', record);
  });

  async function call(path: string, token?: string): Promise<Outcome> {
    const started = performance.now();
    try {
      const res = await fetch(app!.url + path, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(HANG_MS),
      });
      const body = (await res.json().catch(() => null)) as { error?: { code?: string }; db_status?: string } | null;
      return { path, status: res.status, code: body?.error?.code, dbStatus: body?.db_status, ms: performance.now() - started };
    } catch {
      return { path, status: 0, code: 'no answer', dbStatus: undefined, ms: performance.now() - started };
    }
  }
  const board = () => call('/api/sessions');
  const ptl = () => call('/api/ptl', user.token);
  const health = () => call('/api/health');

  /** A failure is acceptable only as the contract's 503: `unavailable`, or health reporting the database down. */
  const acceptableFailure = (o: Outcome) =>
    o.status === 503 && (o.path === '/api/health' ? o.dbStatus === 'down' : o.code === 'unavailable') && o.ms < ANSWER_WITHIN_MS;

  async function expectRecovered() {
    const deadline = Date.now() + 15_000;
    let last: Outcome[] = [];
    while (Date.now() < deadline) {
      last = await Promise.all([board(), ptl(), health()]);
      if (last.every((o) => o.status === 200)) break;
      await sleep(100);
    }
    expect(last.map((o) => [o.path, o.status])).toEqual([
      ['/api/sessions', 200],
      ['/api/ptl', 200],
      ['/api/health', 200],
    ]);
  }

  const summary = (outcomes: Outcome[]) => {
    const failed = outcomes.filter((o) => o.status !== 200);
    return {
      requests: outcomes.length,
      ok: outcomes.length - failed.length,
      failed: failed.length,
      byStatus: Object.fromEntries([...new Set(outcomes.map((o) => o.status))].map((s) => [s, outcomes.filter((o) => o.status === s).length])),
      slowestFailureMs: Math.round(Math.max(0, ...failed.map((o) => o.ms))),
      slowestMs: Math.round(Math.max(0, ...outcomes.map((o) => o.ms))),
    };
  };

  it('a statement past DB_STATEMENT_TIMEOUT_MS is cancelled by the server as 503, while migration scripts may run longer', async () => {
    const slow = await db!.asAnon((tx) => tx.query('select pg_sleep(3)')).catch((err: unknown) => err);
    expect((slow as { code?: string }).code).toBe('57014');
    expect(toAppError(slow)?.status).toBe(503);
    // Scripts (migrations, the seed) go without either limit.
    await db!.transaction((tx) => tx.exec('select pg_sleep(1.8)'));
    expect((await db!.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('survives four crash-restarts under load: failures are 503 unavailable, never 500 or a hang, and service resumes', async () => {
    const outcomes: Outcome[] = [];
    let stopping = false;
    // Two lanes each of the board (anonymous), the PTL (signed in) and health, back to back.
    const lanes = [board, ptl, health, board, ptl, health].map(async (request) => {
      while (!stopping) {
        outcomes.push(await request());
        await sleep(10);
      }
    });
    try {
      for (let i = 0; i < 4; i++) {
        await sleep(400);
        await cluster!.crash();
        await sleep(300);
        await cluster!.start();
      }
      await sleep(500);
    } finally {
      stopping = true;
      await Promise.all(lanes);
    }
    console.info('restart under load:', summary(outcomes));

    expect(uncaught).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(40);
    // The outage was seen, and every request it touched got the contract's answer, in time.
    expect(outcomes.some((o) => o.status === 503)).toBe(true);
    const wrong = outcomes.filter((o) => o.status !== 200 && !acceptableFailure(o));
    expect(wrong).toEqual([]);
    await expectRecovered();
  }, 60_000);

  it('a frozen database: health says down, the PTL answers 503 within 5 s, the board too once its cache stops trusting the notifications; all recover on thaw', async () => {
    await expectRecovered();
    const cachedBoard = await board();
    const rounds: Outcome[][] = [];
    let afterHeartbeat: Outcome | undefined;
    await cluster!.freeze();
    try {
      // Twice: first with connections already open (their queries hang), then with the pool
      // holding none (new connections hang before the server answers).
      for (let round = 0; round < 2; round++) {
        rounds.push(await Promise.all([health(), board(), ptl(), health(), board(), ptl()]));
      }
      // The board's cache trusts the database's notifications only while their connection answers
      // its heartbeat (every 2 s, within the query limit): after that the board is read, and fails.
      await sleep(2_000 + Number(TIMEOUTS.DB_QUERY_TIMEOUT_MS));
      afterHeartbeat = await board();
    } finally {
      await cluster!.thaw();
    }
    console.info('frozen:', rounds.map((r) => r.map((o) => `${o.path} ${o.status} ${o.code ?? o.dbStatus ?? ''} ${Math.round(o.ms)}ms`)));

    expect(cachedBoard.status).toBe(200);
    for (const o of rounds.flat()) {
      expect(o.ms, `${o.path} took ${Math.round(o.ms)} ms`).toBeLessThan(ANSWER_WITHIN_MS);
      if (o.path === '/api/health') expect([o.status, o.dbStatus]).toEqual([503, 'down']);
      // Until then the board may still come from the cache, as it was: nobody can change it
      // while the database is frozen.
      else if (o.path === '/api/sessions' && o.status === 200) continue;
      else expect([o.path, o.status, o.code]).toEqual([o.path, 503, 'unavailable']);
    }
    expect([afterHeartbeat!.status, afterHeartbeat!.code]).toEqual([503, 'unavailable']);
    expect(afterHeartbeat!.ms).toBeLessThan(ANSWER_WITHIN_MS);
    await expectRecovered();
    expect(uncaught).toEqual([]);
  }, 40_000);
});
