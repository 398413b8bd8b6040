// The data quality audit at trust scale: one run of the eleven rules over every pathway of a user
// with BENCH_PTL_ROWS (default 100,000) PTL pathways, each with two events and one in ten with a
// validation. Called from run.ts on the PostgreSQL server after the PTL bench has imported them;
// `npx tsx bench/quality.ts` runs this figure alone (BENCH_DATABASE_URL or TEST_DATABASE_URL).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../server/src/config.js';
import { migrate } from '../server/src/db/migrator.js';
import { openPostgres } from '../server/src/db/postgres.js';
import type { Db } from '../server/src/db/types.js';
import { createLogger } from '../server/src/logger.js';
import type { RunningServer } from '../server/src/server.js';
import { startServer } from '../server/src/server.js';
import { record } from './figures.js';

const line = (label: string, value: string, aim = '') => console.log(`  ${label.padEnd(52)} ${value.padStart(24)}   ${aim}`);

export async function benchQuality(db: Db, server: RunningServer, token: string, userId: string) {
  // Activity on the pathways, written as the owner (a bench fixture, not the product's path; the
  // trail's triggers make it slow, so it runs without the server's statement timeout).
  const t0 = performance.now();
  // exec: a script without the server's statement timeout (the id is the server's own uuid).
  if (!/^[0-9a-f-]{36}$/.test(userId)) throw new Error('not a user id');
  await db.transaction((tx) =>
    tx.exec(`
      insert into public.ptl_events (pathway_id, user_id, event_type, event_date, rtt_status)
      select p.id, p.user_id, t.event_type, least(p.clock_start_date + t.after, current_date), '20'
        from public.ptl_patients p, (values ('outpatient_attended', 7), ('diagnostics', 30)) as t(event_type, after)
       where p.user_id = '${userId}';
      insert into public.pathway_validations (user_id, pathway_id, kind, outcome, validated_on)
      select p.user_id, p.id, 'administrative', 'still_waiting', current_date - 3
        from public.ptl_patients p where p.user_id = '${userId}' and abs(hashtext(p.id::text)) % 10 = 0;`),
  );
  console.log(`  (fixture: events and validations written in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  await db.transaction((tx) => tx.exec('analyze'));
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from public.ptl_patients where user_id = $1', [userId]);
  const t = performance.now();
  const res = await fetch(`${server.url}/api/quality/audits`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' });
  const ms = performance.now() - t;
  const body = (await res.json()) as { records_checked: number; findings: number; score: number | null };
  if (res.status !== 201) throw new Error(`audit failed: ${res.status} ${JSON.stringify(body)}`);
  line(`data quality audit, ${rows[0]!.n.toLocaleString('en-GB')} pathways (HTTP, ${body.findings} findings)`, `${(ms / 1000).toFixed(2)} s`, 'aim < 10 s');
  record('quality_audit_100k_s', ms / 1000, 's');
}

/** Alone: a scratch database on the server, the PTL imported through the API, then the audit. */
async function main() {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server database');
  const { ptlCsv } = await import('./ptl.js');
  const name = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  try {
    await migrate(db);
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', RATE_LIMIT_LOGIN_PER_15_MIN: '100000', RATE_LIMIT_REGISTER_PER_HOUR: '100000' });
    const server = await startServer({ config, db, logger: createLogger('silent') });
    try {
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
      const email = `bench.${randomBytes(4).toString('hex')}@example.test`;
      await post('/api/auth/register', { email, password: 'benchmark password', first_name: 'Bench', last_name: 'Mark', training_level: 'other' });
      const login = (await (await post('/api/auth/login', { email, password: 'benchmark password' })).json()) as { token: string; user: { id: string } };
      const rows = Number(process.env.BENCH_PTL_ROWS ?? 100_000);
      const imported = await post('/api/ptl/import?mode=atomic', ptlCsv(rows), { authorization: `Bearer ${login.token}`, 'content-type': 'text/csv' });
      if (imported.status !== 200) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
      console.log('PostgreSQL server');
      await benchQuality(db, server, login.token, login.user.id);
    } finally {
      await server.close(1_000);
    }
  } finally {
    await db.close();
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
}

if (process.argv[1]?.endsWith('quality.ts')) {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
