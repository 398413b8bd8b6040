import { createServer, type RequestListener, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { createAuthenticator, createSignInCache } from './auth/authenticate.js';
import type { Config } from './config.js';
import type { Db } from './db/types.js';
import { domains } from './domains/index.js';
import { buildDomains, type DomainServices } from './domains/registry.js';
import { originMatcher } from './http/origin-check.js';
import { createMailer } from './mail/mailer.js';
import { attachRealtime, type Realtime } from './realtime/server.js';
import { localBlobStore } from './storage/blob-store.js';
import { RedisStore } from 'rate-limit-redis';
import type { RateLimitStores } from './http/rate-limits.js';

export interface RunningServer {
  url: string;
  /** Runs the domains' background work once now: the station scheduler (tests use it instead of waiting). */
  tickScheduler(): Promise<void>;
  port: number;
  httpServer: HttpServer;
  realtime: Realtime;
  services: DomainServices;
  /**
   * Graceful stop: refuse new connections, close sockets, let in-flight requests finish (up to
   * `graceMs`), then end what is left. The database is the caller's to close, after this.
   */
  close(graceMs?: number): Promise<void>;
}

/** Wires services, HTTP and Socket.IO on one server and listens. Used by main.ts and by tests. */
export async function startServer({ config, db, logger }: { config: Config; db: Db; logger: Logger }): Promise<RunningServer> {
  // Socket.IO wraps the request listeners present when it attaches and keeps /socket.io/ to itself,
  // so the app's listener must exist before that; it is bound to the app once the app is built.
  let handleRequest: RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const httpServer = createServer((req, res) => handleRequest(req, res));
  const isAllowedOrigin = originMatcher(config.publicUrl, config.allowedOrigins, config.trustProxy);
  const mailer = createMailer(db, config);

  // The assessments bucket: the Supabase project's Storage when configured, else files under DATA_DIR.
  // supabase-js is loaded only when it is used (it warns on import under Node 20).
  const storage = config.supabase
    ? (await import('./storage/supabase-blob-store.js')).supabaseBlobStore(config.supabase)
    : localBlobStore(path.join(config.dataDir, 'storage'));

  // Realtime authenticates handshakes and the domains (accounts among them) end sockets through
  // realtime. The authenticator reads sign-in sessions alone (auth/), so the order is plain: it,
  // then realtime, then every domain with realtime's gateway. Nothing is bound late.
  const signIns = createSignInCache();
  const authenticate = createAuthenticator({ db, sessionTtlHours: config.sessionTtlHours, cache: signIns });
  const realtime = await attachRealtime(httpServer, {
    authenticate,
    redisUrl: config.redisUrl,
    redisChannelPrefix: config.redisChannelPrefix,
    isAllowedOrigin,
    logger,
  });
  // With Redis, the rate limits count there, so every instance behind one address sees the same counts.
  const redisCommand = realtime.redisCommand;
  const rateLimitStores: RateLimitStores | undefined = redisCommand
    ? (name) => new RedisStore({ sendCommand: (...args: string[]) => redisCommand(args), prefix: `${config.redisChannelPrefix}:rate-limit:${name}:` })
    : undefined;
  const built = await buildDomains(domains, {
    config,
    db,
    logger,
    mailer,
    storage,
    realtime: realtime.gateway,
    rateLimitStores,
    forgetSignIns: () => signIns.invalidate(),
  });
  for (const register of built.socketHandlers) realtime.onConnection(register);

  const app = createApp({
    config,
    db,
    logger,
    authenticate,
    routers: built.routers,
    components: {
      db: db.kind,
      storage: storage.kind,
      video: config.livekit ? 'livekit' : 'p2p',
      realtime: realtime.kind,
    },
    isAllowedOrigin,
  });
  handleRequest = app;

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const background = built.start();
  // Until it listens (and if it cannot), every request looks its sign-in up in the database.
  const signInsListening = signIns.listen(db, logger).catch((err: unknown) => {
    logger.warn({ err }, 'sign-in cache: cannot listen for sign-in changes; looking every sign-in up');
    return async () => {};
  });

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    tickScheduler: () => background.tick(),
    httpServer,
    realtime,
    services: built.services,
    close(graceMs = 10_000) {
      closing ??= (async () => {
        await built.close();
        await (await signInsListening)();
        const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        await realtime.close();
        httpServer.closeIdleConnections();
        const timer = setTimeout(() => httpServer.closeAllConnections(), graceMs);
        await stopped;
        clearTimeout(timer);
        await mailer.close();
      })();
      return closing;
    },
  };
}
