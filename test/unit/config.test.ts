import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config.js';
import { openDatabase } from '../../server/src/db/open.js';

const ROOT = '/srv/practice';

/** Loads and expects a ConfigError; returns its message so callers can check which variables it names. */
function configError(env: Record<string, string>): string {
  let caught: unknown;
  try {
    loadConfig(env, ROOT);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  return (caught as ConfigError).message;
}

/** True when the message has a line for this variable (`  NAME: problem`). */
const names = (message: string, variable: string) => new RegExp(`^\\s*${variable}:`, 'm').test(message);

describe('loadConfig', () => {
  describe('defaults', () => {
    it('an empty environment gives the documented defaults', () => {
      const c = loadConfig({}, ROOT);
      expect(c.port).toBe(3000);
      expect(c.host).toBe('0.0.0.0');
      expect(c.env).toBe('production');
      expect(c.dataDir).toBe(path.join(ROOT, 'data'));
      expect(c.databaseUrl).toBeUndefined();
      expect(c.redisUrl).toBeUndefined();
      expect(c.smtpUrl).toBeUndefined();
      expect(c.publicUrl).toBeUndefined();
      expect(c.supabase).toBeUndefined();
      expect(c.livekit).toBeUndefined();
      expect(c.firstAdmin).toBeUndefined();
      expect(c.trustProxy).toBe(false);
      expect(c.allowedOrigins).toEqual([]);
      expect(c.sessionTtlHours).toBe(24 * 14);
      expect(c.rateLimits).toEqual({ loginPer15Min: 10, registerPerHour: 20, resetPer15Min: 5 });
      expect(c.clientDist).toBe(path.join(ROOT, 'client/dist'));
    });

    it('dataDir resolves ./data against the working directory by default', () => {
      expect(loadConfig({}).dataDir).toBe(path.resolve(process.cwd(), 'data'));
      expect(loadConfig({ DATA_DIR: 'var/db' }, ROOT).dataDir).toBe(path.join(ROOT, 'var/db'));
      expect(loadConfig({ DATA_DIR: '/abs/place' }, ROOT).dataDir).toBe('/abs/place');
    });

    it('development has no built client to serve', () => {
      expect(loadConfig({ NODE_ENV: 'development' }, ROOT).clientDist).toBeUndefined();
    });

    // Creates a new embedded cluster (initdb): its own time limit.
    it('with no DATABASE_URL the embedded database opens under DATA_DIR', async () => {
      const dir = await mkdtemp(path.join(tmpdir(), 'cfg-pglite-'));
      try {
        const config = loadConfig({ DATA_DIR: dir }, ROOT);
        expect(config.databaseUrl).toBeUndefined();
        const db = await openDatabase(config);
        try {
          expect(db.kind).toBe('pglite');
          const { rows } = await db.query<{ one: number }>('select 1 as one');
          expect(rows).toEqual([{ one: 1 }]);
        } finally {
          await db.close();
        }
        expect(existsSync(path.join(dir, 'pgdata'))).toBe(true);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 60_000);

    it.runIf(Boolean(process.env.TEST_DATABASE_URL))('with DATABASE_URL the PostgreSQL server is used', async () => {
      const config = loadConfig({ DATABASE_URL: process.env.TEST_DATABASE_URL! }, ROOT);
      expect(config.databaseUrl).toBe(process.env.TEST_DATABASE_URL);
      const db = await openDatabase(config);
      try {
        expect(db.kind).toBe('postgres');
      } finally {
        await db.close();
      }
    });
  });

  describe('values', () => {
    it('parses ports, origins, proxies and limits', () => {
      const c = loadConfig(
        {
          PORT: '8080',
          ALLOWED_ORIGINS: ' https://a.example , https://b.example,,',
          TRUST_PROXY: '1',
          SESSION_TTL_HOURS: '12',
          RATE_LIMIT_LOGIN_PER_15_MIN: '3',
          DATABASE_URL: 'postgresql://u:p@db.example:5432/app',
        },
        ROOT,
      );
      expect(c.port).toBe(8080);
      expect(c.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
      expect(c.trustProxy).toBe(true);
      expect(c.sessionTtlHours).toBe(12);
      expect(c.rateLimits.loginPer15Min).toBe(3);
      expect(c.databaseUrl).toBe('postgresql://u:p@db.example:5432/app');
    });

    it.each(['abc', '70000', '-1', '80.5'])('rejects PORT=%s naming PORT', (port) => {
      const message = configError({ PORT: port });
      expect(names(message, 'PORT')).toBe(true);
    });

    it('a bad PORT and a bad DATABASE_URL are both reported in one ConfigError', () => {
      const message = configError({ PORT: 'eighty', DATABASE_URL: 'not a url' });
      expect(names(message, 'PORT')).toBe(true);
      expect(names(message, 'DATABASE_URL')).toBe(true);
    });

    it('reports every bad variable at once, and only those', () => {
      const message = configError({ PORT: 'x', REDIS_URL: 'nope', LOG_LEVEL: 'loud', NODE_ENV: 'staging', HOST: 'localhost' });
      for (const v of ['PORT', 'REDIS_URL', 'LOG_LEVEL', 'NODE_ENV']) expect(names(message, v), v).toBe(true);
      expect(names(message, 'HOST')).toBe(false);
    });

    it('rejects an unknown TRUST_PROXY value', () => {
      expect(names(configError({ TRUST_PROXY: 'yes' }), 'TRUST_PROXY')).toBe(true);
    });

    it('publicUrl loses its trailing slash', () => {
      expect(loadConfig({ PUBLIC_URL: 'https://practice.example/' }, ROOT).publicUrl).toBe('https://practice.example');
    });
  });

  describe('variables that go together', () => {
    const LIVEKIT = { LIVEKIT_URL: 'https://livekit.example', LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 'secret' };

    it('LIVEKIT_* all set gives a LiveKit config', () => {
      expect(loadConfig(LIVEKIT, ROOT).livekit).toEqual({ url: 'https://livekit.example', apiKey: 'key', apiSecret: 'secret' });
    });

    it.each([
      ['URL only', { LIVEKIT_URL: LIVEKIT.LIVEKIT_URL }],
      ['key only', { LIVEKIT_API_KEY: 'key' }],
      ['secret only', { LIVEKIT_API_SECRET: 'secret' }],
      ['URL and key', { LIVEKIT_URL: LIVEKIT.LIVEKIT_URL, LIVEKIT_API_KEY: 'key' }],
      ['key and secret', { LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 'secret' }],
    ])('LIVEKIT_* with %s is refused', (_label, env) => {
      expect(configError(env)).toMatch(/LIVEKIT_URL/);
    });

    it('SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY together give a Supabase config', () => {
      const c = loadConfig({ SUPABASE_URL: 'https://abc.supabase.co', SUPABASE_SERVICE_ROLE_KEY: 'service-key' }, ROOT);
      expect(c.supabase).toEqual({ url: 'https://abc.supabase.co', serviceRoleKey: 'service-key' });
    });

    it.each([
      ['URL only', { SUPABASE_URL: 'https://abc.supabase.co' }],
      ['key only', { SUPABASE_SERVICE_ROLE_KEY: 'service-key' }],
    ])('SUPABASE_* with %s is refused', (_label, env) => {
      expect(names(configError(env), 'SUPABASE_URL')).toBe(true);
    });

    it('SMTP_URL without PUBLIC_URL is refused naming PUBLIC_URL', () => {
      const message = configError({ SMTP_URL: 'smtp://mail.example:587' });
      expect(names(message, 'PUBLIC_URL')).toBe(true);
    });

    it('SMTP_URL with PUBLIC_URL is accepted', () => {
      const c = loadConfig({ SMTP_URL: 'smtp://mail.example:587', PUBLIC_URL: 'https://practice.example' }, ROOT);
      expect(c.smtpUrl).toBe('smtp://mail.example:587');
      expect(c.publicUrl).toBe('https://practice.example');
    });

    it('FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD go together; the password needs 10 characters', () => {
      expect(names(configError({ FIRST_ADMIN_EMAIL: 'boss@example.test' }), 'FIRST_ADMIN_EMAIL')).toBe(true);
      expect(names(configError({ FIRST_ADMIN_EMAIL: 'boss@example.test', FIRST_ADMIN_PASSWORD: 'short' }), 'FIRST_ADMIN_PASSWORD')).toBe(true);
      const c = loadConfig({ FIRST_ADMIN_EMAIL: ' Boss@Example.TEST ', FIRST_ADMIN_PASSWORD: 'long enough pw' }, ROOT);
      expect(c.firstAdmin).toEqual({ email: 'boss@example.test', password: 'long enough pw' });
    });
  });

  describe('empty strings are treated as unset', () => {
    it('empty URLs and secrets switch nothing on', () => {
      const c = loadConfig(
        {
          DATABASE_URL: '',
          REDIS_URL: '',
          PUBLIC_URL: '',
          SMTP_URL: '',
          SUPABASE_URL: '',
          SUPABASE_SERVICE_ROLE_KEY: '',
          LIVEKIT_URL: '',
          LIVEKIT_API_KEY: '',
          LIVEKIT_API_SECRET: '',
        },
        ROOT,
      );
      expect(c).toEqual(loadConfig({}, ROOT));
      expect(c.databaseUrl).toBeUndefined();
      expect(c.livekit).toBeUndefined();
      expect(c.supabase).toBeUndefined();
    });

    it('an empty LIVEKIT_URL beside a key is still a partial LiveKit config', () => {
      expect(configError({ LIVEKIT_URL: '', LIVEKIT_API_KEY: 'key', LIVEKIT_API_SECRET: 'secret' })).toMatch(/LIVEKIT_URL/);
    });

    // A `.env` copied from a template often has `NAME=` lines; each must behave as if the line were
    // absent. One assertion lists every variable that does not, with what it did instead.
    it('every variable set to the empty string behaves as if unset', () => {
      const defaults = loadConfig({}, ROOT);
      const cases: Record<string, string>[] = [
        ...[
          'NODE_ENV',
          'PORT',
          'HOST',
          'PUBLIC_URL',
          'DATA_DIR',
          'DATABASE_URL',
          'REDIS_URL',
          'REDIS_CHANNEL_PREFIX',
          'SMTP_URL',
          'MAIL_FROM',
          'SUPABASE_URL',
          'SUPABASE_SERVICE_ROLE_KEY',
          'LIVEKIT_URL',
          'LIVEKIT_API_KEY',
          'LIVEKIT_API_SECRET',
          'TRUST_PROXY',
          'ALLOWED_ORIGINS',
          'SESSION_TTL_HOURS',
          'LOG_LEVEL',
          'RATE_LIMIT_LOGIN_PER_15_MIN',
          'RATE_LIMIT_REGISTER_PER_HOUR',
          'RATE_LIMIT_RESET_PER_15_MIN',
        ].map((v) => ({ [v]: '' })),
        { FIRST_ADMIN_EMAIL: '', FIRST_ADMIN_PASSWORD: '' },
      ];
      const offenders: string[] = [];
      for (const env of cases) {
        const label = Object.keys(env).map((k) => `${k}=`).join(' ');
        try {
          const config = loadConfig(env, ROOT);
          const changed = (Object.keys(defaults) as (keyof typeof defaults)[]).filter(
            (k) => JSON.stringify(config[k]) !== JSON.stringify(defaults[k]),
          );
          if (changed.length) offenders.push(`${label} changed ${changed.map((k) => `${k} to ${JSON.stringify(config[k])}`).join(', ')}`);
        } catch (err) {
          offenders.push(`${label} threw ${(err as Error).message.split('\n').slice(1).join(' ').trim()}`);
        }
      }
      expect(offenders).toEqual([]);
    });

    it('PORT= does not silently pick a random port', () => {
      // `listen(0)` takes any free port: a server nobody can find, with no error to say so.
      expect(loadConfig({ PORT: '' }, ROOT).port).toBe(3000);
    });
  });
});
