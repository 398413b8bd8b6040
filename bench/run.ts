// `npm run bench`: measures, prints, asserts nothing. Runs on the embedded database always and on
// PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server database it may create
// scratch databases on. Request loops are bounded and target only this machine's loopback.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate } from '../server/src/db/migrator.js';
import { openPglite } from '../server/src/db/pglite.js';
import { openPostgres } from '../server/src/db/postgres.js';
import type { Db } from '../server/src/db/types.js';
import { hashPassword } from '../server/src/domains/accounts/password.js';
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { startServer } from '../server/src/server.js';
import { benchBoardLoad } from './board-load.js';
import { benchClient } from './client.js';
import { benchColdStart } from './cold-start.js';
import { record, scaled, SMALL, writeFigures } from './figures.js';
import { benchPtl } from './ptl.js';
import { benchQuality } from './quality.js';
import { benchReports } from './reports.js';

const ITERATIONS = scaled('BENCH_ITERATIONS', 500, 30);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(label: string, n: number, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const row = { p50: percentile(times, 50), p99: percentile(times, 99), mean: times.reduce((a, b) => a + b, 0) / n };
  console.log(`  ${label.padEnd(46)} n=${String(n).padStart(5)}  p50 ${row.p50.toFixed(2).padStart(8)} ms  p99 ${row.p99.toFixed(2).padStart(8)} ms`);
  return row;
}

async function scratchPostgres(base: string): Promise<{ db: Db; drop: () => Promise<void> }> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function benchTarget(label: string, db: Db) {
  console.log(`\n${label}`);
  const t0 = performance.now();
  await migrate(db);
  const migrateMs = performance.now() - t0;
  console.log(`  ${'migrate (fresh database)'.padEnd(46)} ${migrateMs.toFixed(0)} ms`);
  record('migrate_fresh_ms', migrateMs, 'ms');

  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_LOGIN_PER_15_MIN: '100000', RATE_LIMIT_REGISTER_PER_HOUR: '100000' });
  const server = await startServer({ config, db, logger: createLogger('silent') });
  const post = (path: string, body: unknown, token?: string) =>
    fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  try {
    const email = `bench.${randomBytes(4).toString('hex')}@example.test`;
    const password = 'benchmark password';
    await post('/api/auth/register', { email, password, first_name: 'Bench', last_name: 'Mark', training_level: 'other' });
    const { token } = (await (await post('/api/auth/login', { email, password })).json()) as { token: string };

    const health = await measure('GET /api/health', ITERATIONS, () => fetch(`${server.url}/api/health`).then((r) => r.arrayBuffer()));
    record('api_health_p99_ms', health.p99, 'ms');
    const session = await measure('GET /api/auth/me (session lookup + RLS read)', ITERATIONS, () =>
      fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.arrayBuffer()),
    );
    record('api_session_p50_ms', session.p50, 'ms');
    record('api_session_p99_ms', session.p99, 'ms');
    const login = await measure('POST /api/auth/login (argon2id verify)', Math.min(50, ITERATIONS), () => post('/api/auth/login', { email, password }).then((r) => r.arrayBuffer()));
    // One after another, so this is one connection's rate (argon2id bound), not the server's under load.
    record('login_per_s', 1000 / login.mean, 'req/s');

    const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { user: { id: string } };
    const claims = { sub: me.user.id, email, role: 'authenticated' as const, app_metadata: { role: 'trainee' }, session_id: 'bench' };
    const sql = 'select user_id, first_name, last_name from public.profiles where user_id = $1';
    const owner = await measure('profile read, owner transaction (no RLS)', ITERATIONS, () => db.transaction((tx) => tx.query(sql, [me.user.id])));
    const user = await measure('profile read, asUser (role switch + RLS)', ITERATIONS, () => db.asUser(claims, (tx) => tx.query(sql, [me.user.id])));
    console.log(`  ${'asUser / owner ratio'.padEnd(46)} p50 ${(user.p50 / owner.p50).toFixed(2)}  p99 ${(user.p99 / owner.p99).toFixed(2)}`);
    record('profile_read_as_user_ratio_p50', user.p50 / owner.p50, 'ratio');
    await benchBoardLoad(db, server, token);
    await benchPtl(db, server, token, me.user.id);
    // The audit's aim is set on the PostgreSQL server (issue #12); the embedded database is not measured.
    if (db.kind === 'postgres') await benchQuality(db, server, token, me.user.id);
    await benchReports(server, token);
  } finally {
    await server.close(1_000);
  }
}

async function main() {
  console.log(`Benchmarks (${ITERATIONS} iterations where not stated; figures are wall-clock on this machine)`);
  if (SMALL) console.log('BENCH_SCALE=small: every measurement on little data, to keep the bench working; the figures mean nothing');
  const t = performance.now();
  for (let i = 0; i < 5; i++) await hashPassword('benchmark password');
  const hashMs = (performance.now() - t) / 5;
  console.log(`\n  ${'argon2id hash (19 MiB, t=2, p=1)'.padEnd(46)} ${hashMs.toFixed(1)} ms each`);
  record('argon2_hash_ms', hashMs, 'ms');
  record('client_initial_js_gzip_kb', benchClient(), 'KB');
  await benchColdStart();

  const pglite = await openPglite(undefined);
  try {
    await benchTarget('PGlite (embedded, in memory)', pglite);
  } finally {
    await pglite.close();
  }

  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const { db, drop } = await scratchPostgres(serverUrl);
    try {
      await benchTarget('PostgreSQL server', db);
    } finally {
      await drop();
    }
  } else {
    console.log('\nPostgreSQL server: skipped (set BENCH_DATABASE_URL=postgresql://…/db to include it)');
  }
  const written = writeFigures();
  if (written) console.log(`\nFigures written to ${written}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
