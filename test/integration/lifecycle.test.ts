import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../server/src/db/migrator.js';
import { openPglite } from '../../server/src/db/pglite.js';
import { createLogger } from '../../server/src/logger.js';
import { startServer } from '../../server/src/server.js';
import { testConfig } from '../helpers/app.js';
import { uniqueEmail } from '../helpers/factories.js';
import { httpClient } from '../helpers/http.js';
import { connectSocket, nextEvent } from '../helpers/sockets.js';

const dirs: string[] = [];
async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'platform-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function startOn(dataDir: string) {
  const db = await openPglite(dataDir);
  const migrated = await migrate(db);
  const config = testConfig();
  const server = await startServer({ config, db, logger: createLogger('silent') });
  return { db, server, migrated, http: httpClient(server.url) };
}

describe('embedded database across restarts', () => {
  it('keeps accounts, sessions and profiles; migrations run once', async () => {
    const dir = await tempDir();
    const email = uniqueEmail();
    const password = 'persistent password';

    const first = await startOn(dir);
    expect(first.migrated.applied.length).toBeGreaterThan(0);
    await first.http.post('/api/auth/register', { email, password, first_name: 'Rosalind', last_name: 'Franklin', training_level: 'specialty_trainee' });
    const login = await first.http.post('/api/auth/login', { email, password });
    const token = login.body.token as string;
    expect((await first.http.patch('/api/profiles/me', { version: 1, last_name: 'Elsie Franklin' }, { token })).status).toBe(200);
    await first.server.close();
    await first.db.close();

    const second = await startOn(dir);
    try {
      expect(second.migrated.applied).toEqual([]);
      const me = await second.http.get('/api/auth/me', { token });
      expect(me.status).toBe(200);
      expect(me.body.profile).toMatchObject({ first_name: 'Rosalind', last_name: 'Elsie Franklin', version: 2 });
      expect((await second.http.post('/api/auth/login', { email, password })).status).toBe(200);
    } finally {
      await second.server.close();
      await second.db.close();
    }
  });

  it('close() stops accepting, ends sockets and lets the database close cleanly', async () => {
    const dir = await tempDir();
    const run = await startOn(dir);
    const { socket } = await connectSocket(run.server.url);
    const disconnected = nextEvent<string>(socket, 'disconnect');
    await run.server.close();
    // A transport close (not a server disconnect), so clients reconnect when the server is back.
    expect(await disconnected).toBe('transport close');
    await expect(fetch(`${run.server.url}/api/health`)).rejects.toThrow();
    await run.db.close();
    socket.close();
  });
});

function waitForOutput(child: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms; output:\n${seen}`)), ms);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const m = seen.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}; output:\n${seen}`)));
  });
}

function startMain(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return child;
}

describe('the real entry point', () => {
  // Two real starts of the entry point, each compiling with tsx and migrating a fresh embedded
  // cluster: seconds on a quiet machine, more on a loaded one, so it has its own time limit.
  it('serves, shuts down cleanly on SIGTERM, and finds its data after a restart', async () => {
    const dir = await tempDir();
    const email = uniqueEmail();
    const password = 'process password';

    const first = startMain(dir);
    const [, url] = await waitForOutput(first, /running: (http:\/\/\S+)/, 60_000);
    const http = httpClient(url!);
    expect((await http.get('/api/health')).body).toMatchObject({ status: 'ok', db: 'pglite' });
    expect((await http.post('/api/auth/register', { email, password, first_name: 'Elizabeth', last_name: 'Blackwell', training_level: 'consultant' })).status).toBe(201);
    const stopped = waitForOutput(first, /stopped cleanly/, 30_000);
    const exited = new Promise<number | null>((resolve) => first.once('exit', resolve));
    first.kill('SIGTERM');
    await stopped;
    expect(await exited).toBe(0);

    const second = startMain(dir);
    try {
      const [, url2] = await waitForOutput(second, /running: (http:\/\/\S+)/, 60_000);
      const http2 = httpClient(url2!);
      const login = await http2.post('/api/auth/login', { email, password });
      expect(login.status).toBe(200);
      expect((await http2.get('/api/auth/me', { token: login.body.token })).body.profile.last_name).toBe('Blackwell');
    } finally {
      const exited2 = new Promise((resolve) => second.once('exit', resolve));
      second.kill('SIGINT');
      await exited2;
    }
  }, 120_000);
});
