import path from 'node:path';
import type { Config } from '../config.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Db } from './types.js';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded database under DATA_DIR. */
export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbTimeouts'>): Promise<Db> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { timeouts: config.dbTimeouts })
    : openPglite(path.join(config.dataDir, 'pgdata'));
}
