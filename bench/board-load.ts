// The board under load (issue #17): `GET /api/sessions` read anonymously by 50 keep-alive
// connections, against a bare Express 5 route answering with the same JSON, both loaded by the same
// generator in its own process, one after the other in this run. The board has about 20 KB of
// sessions and the hosts have a history of finished stations behind them, as a live board would.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Db } from '../server/src/db/types.js';
import { record, scaled } from './figures.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CONNECTIONS = 50;
const SECONDS = scaled('BENCH_BOARD_SECONDS', 10, 1);
const HOSTS = 5;
const SESSIONS_PER_HOST = 9;
const HISTORY_PER_HOST = scaled('BENCH_BOARD_HISTORY', 2_000, 20);

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

function tsx(script: string, args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(HERE, script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
}

async function firstLine(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout! });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${child.spawnargs.join(' ')} exited with ${code}`))));
  try {
    return await Promise.race([new Promise<string>((resolve) => lines.once('line', resolve)), exited]);
  } finally {
    lines.close();
  }
}

async function load(url: string, seconds: number, token?: string): Promise<LoadResult> {
  const child = tsx('load/generator.ts', [url, String(CONNECTIONS), String(seconds), ...(token ? [token] : [])]);
  return JSON.parse(await firstLine(child)) as LoadResult;
}

function show(label: string, r: LoadResult) {
  const failures = r.errors + r.timeouts + r.non2xx;
  console.log(
    `  ${label.padEnd(46)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms${failures ? `  (${r.timeouts} timeouts, ${r.errors} errors, ${r.non2xx} non-2xx)` : ''}`,
  );
}

/** Hosts with published sessions and a finished history, through the API and (history) the owner. */
async function seedBoard(db: Db, baseUrl: string) {
  const post = (p: string, body: unknown, token?: string) =>
    fetch(baseUrl + p, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const hosts: string[] = [];
  for (let h = 0; h < HOSTS; h++) {
    const email = `board.${randomBytes(4).toString('hex')}@example.test`;
    const registered = await post('/api/auth/register', { email, password: 'benchmark password', first_name: `Host${h}`, last_name: 'Boardbench', training_level: 'foundation_year_1' });
    if (registered.status !== 201) throw new Error(`registering a bench host answered ${registered.status}`);
    const { token, user } = (await (await post('/api/auth/login', { email, password: 'benchmark password' })).json()) as { token: string; user: { id: string } };
    hosts.push(user.id);
    for (let s = 0; s < SESSIONS_PER_HOST; s++) {
      const at = new Date(Date.now() + (2 + h * SESSIONS_PER_HOST + s) * 3_600_000).toISOString();
      const res = await post('/api/sessions', { datetime_utc: at, host_role: s % 2 ? 'actor' : 'candidate', preset: s % 3 ? 'plab2' : 'osce' }, token);
      if (res.status !== 201) throw new Error(`publishing a bench session answered ${res.status}`);
    }
  }
  // Finished stations in the past: what the board's per-host completed and no-show figures count.
  await db.query(
    `insert into public.practice_sessions (host_id, datetime_utc, host_role, status, phase, reading_s, consultation_s, feedback_s)
     select h, now() - make_interval(days => 1 + g % 700), 'candidate', case when g % 10 = 0 then 'no_show' else 'completed' end,
            'completed', 120, 480, 300
       from unnest($1::uuid[]) h, generate_series(1, $2::int) g`,
    [hosts, HISTORY_PER_HOST],
  );
}

/** `token`: a signed-in reader's, for the board as most people read it (each request's sign-in looked up, or kept). */
export async function benchBoardLoad(db: Db, server: { url: string }, token: string) {
  await seedBoard(db, server.url);
  const boardUrl = `${server.url}/api/sessions`;
  const body = await (await fetch(boardUrl)).text();
  const items = (JSON.parse(body) as { items: unknown[] }).items.length;
  console.log(`  board: ${items} sessions, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KB; ${HOSTS} hosts with ${HISTORY_PER_HOST} finished stations each`);

  const dir = await mkdtemp(path.join(tmpdir(), 'board-bench-'));
  const file = path.join(dir, 'board.json');
  await writeFile(file, body);
  const peer = tsx('load/bare-peer.ts', [file]);
  try {
    const port = Number(await firstLine(peer));
    const bareUrl = `http://127.0.0.1:${port}/api/sessions`;
    // A short warm-up of each, so neither is measured while its JIT is still cold.
    await load(bareUrl, 1);
    await load(boardUrl, 1);
    const bare = await load(bareUrl, SECONDS);
    show(`bare Express 5, same JSON (${CONNECTIONS} connections)`, bare);
    const board = await load(boardUrl, SECONDS);
    show(`GET /api/sessions, anonymous (${CONNECTIONS} connections)`, board);
    const signedIn = await load(boardUrl, SECONDS, token);
    show(`GET /api/sessions, signed in (${CONNECTIONS} connections)`, signedIn);
    console.log(`  ${'board / bare Express'.padEnd(46)} ${(board.rps / bare.rps).toFixed(2)}×`);
    record('bare_board_rps', bare.rps, 'req/s');
    record('bare_board_p99_ms', bare.p99, 'ms');
    record('api_board_rps', board.rps, 'req/s');
    record('api_board_p50_ms', board.p50, 'ms');
    record('api_board_p99_ms', board.p99, 'ms');
    record('api_board_timeouts', board.timeouts + board.errors, 'count');
    record('api_board_vs_bare_ratio', board.rps / bare.rps, 'ratio');
    record('api_board_kb', Buffer.byteLength(body) / 1024, 'KB');
    record('api_board_signed_in_rps', signedIn.rps, 'req/s');
    record('api_board_signed_in_p99_ms', signedIn.p99, 'ms');
    record('api_board_signed_in_vs_bare_ratio', signedIn.rps / bare.rps, 'ratio');
  } finally {
    peer.kill();
    await rm(dir, { recursive: true, force: true });
  }
}
