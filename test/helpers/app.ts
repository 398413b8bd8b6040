import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../server/src/config.js';
import type { Db } from '../../server/src/db/types.js';
import { createLogger } from '../../server/src/logger.js';
import { startServer, type RunningServer } from '../../server/src/server.js';
import { createTestDb, type DbTarget } from './db.js';
import { httpClient, type HttpClient } from './http.js';

export interface TestApp {
  target: DbTarget;
  url: string;
  db: Db;
  /** Connection string of the fresh server database (postgres target only). */
  dbUrl: string | undefined;
  server: RunningServer;
  config: Config;
  http: HttpClient;
  close(): Promise<void>;
}

export function testConfig(env: Record<string, string | undefined> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: process.env.REDIS_URL,
    // Each app gets its own channel so parallel test files sharing one Redis never see each other.
    REDIS_CHANNEL_PREFIX: `test-${randomBytes(6).toString('hex')}`,
    // Files (the assessments bucket) go to a fresh temporary folder, never into the repository.
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'platform-data-')),
    RATE_LIMIT_LOGIN_PER_15_MIN: '1000',
    RATE_LIMIT_REGISTER_PER_HOUR: '1000',
    RATE_LIMIT_RESET_PER_15_MIN: '1000',
    ...env,
  });
}

/** The real server on an ephemeral port over a fresh database (or over `db` when given). */
export async function startTestApp(
  target: DbTarget,
  opts: { env?: Record<string, string | undefined>; db?: Db } = {},
): Promise<TestApp> {
  const fresh = opts.db ? null : await createTestDb(target);
  const db = opts.db ?? fresh!.db;
  const config = testConfig(opts.env);
  const server = await startServer({ config, db, logger: createLogger(config.logLevel) });
  return {
    target,
    url: server.url,
    db,
    dbUrl: fresh?.url,
    server,
    config,
    http: httpClient(server.url),
    async close() {
      await server.close(1_000);
      await fresh?.drop();
    },
  };
}
