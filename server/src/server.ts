import { createServer, type RequestListener, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import type { Config } from './config.js';
import type { Db } from './db/types.js';
import { createAccountsService, type AccountsService } from './domains/accounts/service.js';
import { createAssessmentsService, type AssessmentsService } from './domains/assessments/service.js';
import { createCasesService, type CasesService } from './domains/cases/service.js';
import { createProfilesService, type ProfilesService } from './domains/profiles/service.js';
import { createRecordsService, type RecordsService } from './domains/records/service.js';
import { createPortfolioService, type PortfolioService } from './domains/portfolio/service.js';
import { createAdminService, type AdminService } from './domains/admin/service.js';
import { startStationScheduler } from './domains/sessions/scheduler.js';
import { createPresenceWatch } from './domains/sessions/presence.js';
import { createSessionsService, type SessionsService } from './domains/sessions/service.js';
import { registerSessionHandlers } from './domains/sessions/socket.js';
import { createPtlService, type PtlService } from './domains/ptl/service.js';
import { originMatcher } from './http/origin-check.js';
import { createMailer } from './mail/mailer.js';
import { localBlobStore } from './storage/blob-store.js';
import path from 'node:path';
import { attachRealtime, type Realtime } from './realtime/server.js';

export interface RunningServer {
  url: string;
  /** Runs the station scheduler once now (tests use it instead of waiting for the interval). */
  tickScheduler(): Promise<void>;
  port: number;
  httpServer: HttpServer;
  realtime: Realtime;
  services: { accounts: AccountsService; profiles: ProfilesService; ptl: PtlService; cases: CasesService; sessions: SessionsService; assessments: AssessmentsService; records: RecordsService; portfolio: PortfolioService; admin: AdminService };
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

  // Realtime authenticates handshakes through accounts, and accounts disconnects sockets through
  // realtime; the late-bound arrow breaks the cycle.
  let accounts: AccountsService | undefined;
  const realtime = await attachRealtime(httpServer, {
    authenticate: (token, via) => accounts!.authenticate(token, via),
    redisUrl: config.redisUrl,
    redisChannelPrefix: config.redisChannelPrefix,
    isAllowedOrigin,
    logger,
  });
  // Sessions are made below; erasure reaches them late-bound, as the realtime layer reaches accounts.
  let sessionsForErasure: SessionsService | undefined;
  accounts = createAccountsService({
    db,
    mailer,
    realtime: realtime.gateway,
    sessionTtlHours: config.sessionTtlHours,
    prepareErasure: (id) => sessionsForErasure!.prepareErasure(id),
  });
  const profiles = createProfilesService({ db });
  const ptl = createPtlService({ db, realtime: realtime.gateway });
  const cases = createCasesService({ db });
  const records = createRecordsService({ db, realtime: realtime.gateway });
  const portfolio = createPortfolioService({ db });
  const admin = createAdminService({ db });
  // The assessments bucket: the Supabase project's Storage when configured, else files under DATA_DIR.
  // supabase-js is loaded only when it is used (it warns on import under Node 20).
  const storage = config.supabase
    ? (await import('./storage/supabase-blob-store.js')).supabaseBlobStore(config.supabase)
    : localBlobStore(path.join(config.dataDir, 'storage'));
  const assessments = createAssessmentsService({ db, realtime: realtime.gateway, storage, logger });
  const sessions = createSessionsService({
    db,
    realtime: realtime.gateway,
    livekit: config.livekit,
    storage,
    logger,
    afterCompleted: (id) => assessments.complete(id),
    storeAssessment: (id) => assessments.storeDocument(id),
  });
  sessionsForErasure = sessions;
  const presence = createPresenceWatch({
    usersInSession: (id) => realtime.gateway.usersInSession(id),
    onDropped: (id, userId, at) => sessions.participantDropped(id, userId, at),
    onPresent: (id, present) => sessions.participantsPresent(id, present),
    graceMs: config.stationDropGraceMs,
    logger,
  });
  realtime.onConnection(registerSessionHandlers(sessions, assessments, realtime.gateway, presence, logger));

  const app = createApp({
    config,
    db,
    logger,
    services: { accounts, profiles, ptl, cases, sessions, assessments, records, portfolio, admin },
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
  const scheduler = startStationScheduler(() => sessions.advanceExpired(), logger);

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    tickScheduler: () => scheduler.tick(),
    httpServer,
    realtime,
    services: { accounts, profiles, ptl, cases, sessions, assessments, records, portfolio, admin },
    close(graceMs = 10_000) {
      closing ??= (async () => {
        presence.close();
        await scheduler.stop();
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
