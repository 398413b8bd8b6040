import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { uniqueEmail } from '../helpers/factories.js';

const LIMITS = { RATE_LIMIT_LOGIN_PER_15_MIN: '3', RATE_LIMIT_REGISTER_PER_HOUR: '2', RATE_LIMIT_RESET_PER_15_MIN: '2' };

// Two instances behind one address share Redis: the brute-force brakes count there, so spreading
// guesses over the instances gains nothing. (Each instance alone would allow the limit again.)
describe.runIf(process.env.REDIS_URL)('rate limits shared by two instances through Redis', () => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    one = await startTestApp('pglite', { env: LIMITS });
    two = await startTestApp('pglite', { db: one.db, env: { ...LIMITS, REDIS_CHANNEL_PREFIX: one.config.redisChannelPrefix } });
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  it('guesses at one account alternate between the instances and are stopped after the limit, on both', async () => {
    const email = uniqueEmail();
    const statuses: number[] = [];
    for (const app of [one, two, one, two, one]) statuses.push((await app.http.post('/api/auth/login', { email, password: 'guess guess guess' })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const limited = await two.http.post('/api/auth/login', { email, password: 'guess guess guess' });
    expect(limited.body.error.code).toBe('rate_limited');

    // The counts are in Redis under the instances' shared prefix, one per limiter and key.
    const redis = createClient({ url: process.env.REDIS_URL });
    await redis.connect();
    try {
      const keys = await redis.keys(`${one.config.redisChannelPrefix}:rate-limit:login-account:*`);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toContain(email);
      expect(Number(await redis.get(keys[0]!))).toBe(6);
    } finally {
      await redis.close();
    }
  });

  it('registrations and reset requests count across the instances too', async () => {
    const register = (app: TestApp) =>
      app.http.post('/api/auth/register', { email: uniqueEmail(), password: 'a long enough password', first_name: 'A', last_name: 'B', training_level: 'other' });
    expect([(await register(one)).status, (await register(two)).status, (await register(one)).status]).toEqual([201, 201, 429]);
    const reset = (app: TestApp) => app.http.post('/api/auth/password-reset', { email: uniqueEmail() });
    expect([(await reset(two)).status, (await reset(one)).status, (await reset(two)).status]).toEqual([202, 202, 429]);
  });
});
