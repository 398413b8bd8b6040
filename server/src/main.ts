import 'dotenv/config';
import { ConfigError, loadConfig } from './config.js';
import { migrate, seed } from './db/migrator.js';
import { openDatabase } from './db/open.js';
import { ensureAdmin } from './domains/accounts/admin-accounts.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config);
  const { applied } = await migrate(db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if ((await seed(db)).loaded) logger.info('seed data loaded (supabase/seed.sql)');
  if (config.firstAdmin) {
    const { created } = await ensureAdmin(db, config.firstAdmin.email, config.firstAdmin.password);
    if (created) logger.info({ email: config.firstAdmin.email }, 'first admin created');
  }

  const server = await startServer({ config, db, logger });
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = config.publicUrl ?? `http://${shownHost}:${server.port}`;
  logger.info({ url, db: db.kind, realtime: server.realtime.kind }, 'listening');
  if (!config.publicUrl) logger.warn('PUBLIC_URL is not set: links in mail use the address each request came to');
  console.log(`\n  Practice platform is running: ${url}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await server.close();
      await db.close();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'unclean shutdown');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
