import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../server/src/db/pglite.js';
import { uniqueEmail } from '../helpers/factories.js';
import { httpClient } from '../helpers/http.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
async function tempDir() {
  const dir = await mkdtemp(path.join(tmpdir(), 'platform-admin-'));
  dirs.push(dir);
  return dir;
}
const env = (dataDir: string, extra: Record<string, string> = {}) => ({ PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, ...extra });
const cli = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'server/src/cli/admin.ts', ...args], { cwd: ROOT, env: env(dataDir) }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

async function roleOf(dataDir: string, email: string) {
  const db = await openPglite(path.join(dataDir, 'pgdata'));
  try {
    const { rows } = await db.query<{ role: string }>('select role from public.accounts where email = $1', [email]);
    return rows[0]?.role;
  } finally {
    await db.close();
  }
}

describe('admin accounts are made only by operators', () => {
  // Four runs of the CLI, each a new process that compiles with tsx and opens (the first migrates)
  // an embedded cluster: these two tests have their own time limits.
  it('npm run admin -- create-admin creates an admin with a set-password link, or promotes', async () => {
    const dir = await tempDir();
    const email = uniqueEmail('boss');
    const created = await cli(dir, 'create-admin', email.toUpperCase());
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Created admin/);
    expect(created.out).toMatch(/reset-password\?token=[A-Za-z0-9_-]{20,}/);
    expect(await roleOf(dir, email)).toBe('admin');

    const again = await cli(dir, 'create-admin', email);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/is an admin/);

    expect((await cli(dir, 'create-admin', 'not-an-email')).code).toBe(2);
    expect((await cli(dir, 'make-me-admin', email)).code).toBe(2);
  }, 120_000);

  it('FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD create the admin at start, who can sign in', async () => {
    const dir = await tempDir();
    const email = uniqueEmail('first');
    const password = 'first admin password';
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: env(dir, { PORT: '0', HOST: '127.0.0.1', FIRST_ADMIN_EMAIL: email, FIRST_ADMIN_PASSWORD: password }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = out.match(/running: (http:\/\/\S+)/);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      const login = await httpClient(url).post('/api/auth/login', { email, password });
      expect(login.status).toBe(200);
      expect(login.body.user.role).toBe('admin');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }, 90_000);

});
