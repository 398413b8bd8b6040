// Cold start as `npm start` does it after the first run: a new process (tsx compiling the
// TypeScript, as `npm start` runs today) on an existing data directory, timed from spawn to the
// first healthy `GET /api/health`. The first start, which creates the database, is not timed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { record, scaled } from './figures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = scaled('BENCH_COLD_START_RUNS', 5, 1);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function healthy(url: string, child: ChildProcess, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was healthy`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the server was not healthy within 60 s');
}

/** This process's environment without a database or Redis server: the start measured is the embedded one. */
function embeddedEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  return env;
}

/** Starts the server on `dataDir`, waits until healthy, stops it with SIGTERM; returns the ms to healthy. */
async function startOnce(dataDir: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/src/main.ts')], {
    cwd: ROOT,
    env: embeddedEnv({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'production' }),
    stdio: 'ignore',
  });
  try {
    await healthy(`http://127.0.0.1:${port}/api/health`, child, t0 + 60_000);
    return performance.now() - t0;
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

export async function benchColdStart(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bench-cold-start-'));
  try {
    await startOnce(dataDir); // creates and migrates the database: not a cold start on existing data
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await startOnce(dataDir));
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    console.log(`\nCold start (spawn to a healthy /api/health, PGlite data directory already there, ${RUNS} runs)`);
    console.log(`  ${'cold_start_s (median)'.padEnd(46)} ${(median / 1000).toFixed(2)} s   aim ≤ 1.5 s   (runs: ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s)`);
    record('cold_start_s', median / 1000, 's');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}
