import compression from 'compression';
import express from 'express';
import type { IncomingMessage } from 'node:http';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { HealthResponse } from './contract/health.js';
import { LIMITS } from './contract/limits.js';
import { databaseAnswers } from './db/health.js';
import type { Db } from './db/types.js';
import type { Authenticate } from './auth/context.js';
import { livekitOrigins } from './video/livekit.js';

export { API_COMPRESSION_THRESHOLD_BYTES };
import type { BuiltDomains } from './domains/registry.js';
import { authenticate } from './http/auth.js';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { originCheck } from './http/origin-check.js';
import { API_COMPRESSION_THRESHOLD_BYTES } from './http/prepared-json.js';
import { serveClient } from './http/static-client.js';

export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  /** Session tokens to callers (auth/authenticate.ts). */
  authenticate: Authenticate;
  /** The domains' routers, each under its path below /api (domains/registry.ts). */
  routers: BuiltDomains['routers'];
  /** Which real component serves each part, as /api/health reports it. */
  components: Omit<HealthResponse, 'status' | 'db_status'>;
  isAllowedOrigin: (origin: string, req: IncomingMessage) => boolean;
}

/** The Express app: security headers, logging, the API and, in production, the built client. */
export function createApp(deps: AppDeps) {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);

  const https = config.publicUrl?.startsWith('https://') ?? false;
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'blob:', 'https:'],
          'media-src': ["'self'", 'blob:'],
          'connect-src': ["'self'", ...(config.livekit ? livekitOrigins(config.livekit.url) : [])],
          // Over plain http on a LAN address, upgrading would break every asset.
          'upgrade-insecure-requests': https ? [] : null,
        },
      },
      strictTransportSecurity: https,
    }),
  );
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url.split('?')[0] }),
        res: (res: { statusCode: number }) => ({ status: res.statusCode }),
      },
    }),
  );

  const api = express.Router();
  // Answers of 1 KB or more go compressed (brotli first) when the caller accepts it; smaller ones
  // gain less than the work costs. Streamed exports stay streamed: each chunk goes through the
  // compressor as it is written, with backpressure. Socket.IO is not behind Express.
  api.use(compression({ threshold: API_COMPRESSION_THRESHOLD_BYTES }));
  api.use(express.json({ limit: LIMITS.jsonBodyBytes, strict: true }));
  api.use(authenticate(deps.authenticate));
  api.use(originCheck(deps.isAllowedOrigin));

  api.get('/health', async (req, res) => {
    const up = await databaseAnswers(deps.db, config.dbTimeouts.healthMs);
    if (!up) req.log.warn({ timeout_ms: config.dbTimeouts.healthMs }, 'health: the database did not answer');
    res.status(up ? 200 : 503).json({
      status: up ? 'ok' : 'unavailable',
      ...deps.components,
      db_status: up ? 'up' : 'down',
    } satisfies HealthResponse);
  });
  const appUrl = (req: express.Request) => config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
  for (const { path: at, router } of deps.routers({ appUrl })) api.use(at, router);
  api.use(apiNotFound);
  app.use('/api', api);

  if (config.clientDist) serveClient(app, config.clientDist);
  app.use(errorHandler);
  return app;
}
