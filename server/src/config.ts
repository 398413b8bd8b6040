import path from 'node:path';
import { z } from 'zod';

const optionalUrl = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.url().optional());

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Time limits on the database, in milliseconds (see `Config.dbTimeouts`). */
export interface DbTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** PostgreSQL's own `statement_timeout`: the server cancels a statement still running after this. */
  statementMs: number;
  /** This side's limit on waiting for any answer; past it the connection is destroyed, never reused. */
  queryMs: number;
  /** `/api/health` reports the database down when `select 1` takes longer than this. */
  healthMs: number;
}

/**
 * Short enough that a request to a dead or frozen database is answered 503 within 5 s; long enough
 * for any request's single statement. The client-side limit is the longer one, so a merely slow
 * statement is cancelled by the server (the connection survives) before this side gives up on it.
 */
export const DB_TIMEOUT_DEFAULTS: Readonly<DbTimeouts> = { connectMs: 3_000, statementMs: 3_000, queryMs: 4_000, healthMs: 3_000 };

const millis = (fallback: number) => z.coerce.number().int().min(100).max(600_000).default(fallback);

/** Every environment variable the server reads; nothing else touches process.env. */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: optionalUrl,
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: optionalUrl,
    REDIS_URL: optionalUrl,
    REDIS_CHANNEL_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/).default('socket.io'),
    SMTP_URL: optionalUrl,
    MAIL_FROM: z.string().default('Practice Platform <no-reply@localhost>'),
    SUPABASE_URL: optionalUrl,
    SUPABASE_SERVICE_ROLE_KEY: z.string().optional(),
    LIVEKIT_URL: optionalUrl,
    LIVEKIT_API_KEY: z.string().optional(),
    LIVEKIT_API_SECRET: z.string().optional(),
    FIRST_ADMIN_EMAIL: z.string().optional(),
    FIRST_ADMIN_PASSWORD: z.string().optional(),
    TRUST_PROXY: z
      .enum(['true', 'false', '1', '0', ''])
      .default('false')
      .transform((v) => v === 'true' || v === '1'),
    ALLOWED_ORIGINS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
    SESSION_TTL_HOURS: positiveInt(24 * 14),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    RATE_LIMIT_LOGIN_PER_15_MIN: positiveInt(10),
    RATE_LIMIT_REGISTER_PER_HOUR: positiveInt(20),
    RATE_LIMIT_RESET_PER_15_MIN: positiveInt(5),
    // How long a participant may be gone before the station's clock stops (the domain rule: 10 s).
    STATION_DROP_GRACE_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    DB_CONNECT_TIMEOUT_MS: millis(DB_TIMEOUT_DEFAULTS.connectMs),
    DB_STATEMENT_TIMEOUT_MS: millis(DB_TIMEOUT_DEFAULTS.statementMs),
    DB_QUERY_TIMEOUT_MS: millis(DB_TIMEOUT_DEFAULTS.queryMs),
    DB_HEALTH_TIMEOUT_MS: millis(DB_TIMEOUT_DEFAULTS.healthMs),
  })
  .superRefine((env, ctx) => {
    const livekit = [env.LIVEKIT_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET].filter(Boolean).length;
    if (livekit !== 0 && livekit !== 3) {
      ctx.addIssue({ code: 'custom', path: ['LIVEKIT_URL'], message: 'set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together, or none' });
    }
    if (Boolean(env.SUPABASE_URL) !== Boolean(env.SUPABASE_SERVICE_ROLE_KEY)) {
      ctx.addIssue({ code: 'custom', path: ['SUPABASE_URL'], message: 'set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY together, or neither' });
    }
    if (Boolean(env.FIRST_ADMIN_EMAIL) !== Boolean(env.FIRST_ADMIN_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['FIRST_ADMIN_EMAIL'], message: 'set FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD together, or neither' });
    }
    if (env.SMTP_URL && !env.PUBLIC_URL) {
      // Links in real mail must not be built from a request's Host header, which a caller controls.
      ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'required when SMTP_URL is set (links in mail point there)' });
    }
    if (env.DB_QUERY_TIMEOUT_MS < env.DB_STATEMENT_TIMEOUT_MS) {
      // Otherwise this side would drop a connection the server was about to answer on.
      ctx.addIssue({ code: 'custom', path: ['DB_QUERY_TIMEOUT_MS'], message: 'must be at least DB_STATEMENT_TIMEOUT_MS' });
    }
    if (env.FIRST_ADMIN_PASSWORD !== undefined && env.FIRST_ADMIN_PASSWORD.length < 10) {
      ctx.addIssue({ code: 'custom', path: ['FIRST_ADMIN_PASSWORD'], message: 'must be at least 10 characters' });
    }
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  publicUrl: string | undefined;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Separates the Socket.IO traffic of independent deployments that share one Redis. */
  redisChannelPrefix: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  supabase: { url: string; serviceRoleKey: string } | undefined;
  livekit: { url: string; apiKey: string; apiSecret: string } | undefined;
  firstAdmin: { email: string; password: string } | undefined;
  trustProxy: boolean;
  allowedOrigins: string[];
  sessionTtlHours: number;
  logLevel: string;
  rateLimits: { loginPer15Min: number; registerPerHour: number; resetPer15Min: number };
  /** A participant gone longer than this stops the station's clock. */
  stationDropGraceMs: number;
  /** Limits that turn a dead or frozen PostgreSQL into quick 503s instead of hung requests. */
  dbTimeouts: DbTimeouts;
  /** Where the built client lives; absent in development (Vite serves it). */
  clientDist: string | undefined;
}

export class ConfigError extends Error {}

/** Parses the environment once. Every problem is reported, naming its variable. */
export function loadConfig(env: NodeJS.ProcessEnv, root = process.cwd()): Config {
  // `PORT=` in a .env file or a CI matrix means "not set", never "the empty value" (port 0!).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    dataDir: path.resolve(root, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisChannelPrefix: e.REDIS_CHANNEL_PREFIX,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    supabase: e.SUPABASE_URL && e.SUPABASE_SERVICE_ROLE_KEY ? { url: e.SUPABASE_URL, serviceRoleKey: e.SUPABASE_SERVICE_ROLE_KEY } : undefined,
    livekit:
      e.LIVEKIT_URL && e.LIVEKIT_API_KEY && e.LIVEKIT_API_SECRET
        ? { url: e.LIVEKIT_URL, apiKey: e.LIVEKIT_API_KEY, apiSecret: e.LIVEKIT_API_SECRET }
        : undefined,
    firstAdmin: e.FIRST_ADMIN_EMAIL && e.FIRST_ADMIN_PASSWORD ? { email: e.FIRST_ADMIN_EMAIL.trim().toLowerCase(), password: e.FIRST_ADMIN_PASSWORD } : undefined,
    trustProxy: e.TRUST_PROXY,
    allowedOrigins: e.ALLOWED_ORIGINS,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    logLevel: e.LOG_LEVEL,
    stationDropGraceMs: e.STATION_DROP_GRACE_MS,
    dbTimeouts: {
      connectMs: e.DB_CONNECT_TIMEOUT_MS,
      statementMs: e.DB_STATEMENT_TIMEOUT_MS,
      queryMs: e.DB_QUERY_TIMEOUT_MS,
      healthMs: e.DB_HEALTH_TIMEOUT_MS,
    },
    rateLimits: {
      loginPer15Min: e.RATE_LIMIT_LOGIN_PER_15_MIN,
      registerPerHour: e.RATE_LIMIT_REGISTER_PER_HOUR,
      resetPer15Min: e.RATE_LIMIT_RESET_PER_15_MIN,
    },
    clientDist: e.NODE_ENV === 'development' ? undefined : path.resolve(root, 'client/dist'),
  };
}
