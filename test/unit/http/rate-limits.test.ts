import type { AddressInfo } from 'node:net';
import express from 'express';
import type { IncrementResponse, Store } from 'express-rate-limit';
import { afterEach, describe, expect, it } from 'vitest';
import { authRateLimits, type RateLimitStores } from '../../../server/src/http/rate-limits.js';

const CFG = { loginPer15Min: 2, registerPerHour: 2, resetPer15Min: 2 };

/** A store that always fails, as a shared store does when Redis cannot be reached. */
class UnreachableStore implements Store {
  async increment(): Promise<IncrementResponse> {
    throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
  }
  async decrement() {}
  async resetKey() {}
}

/** A store that counts in a map shared by every limiter built from the same factory, by limiter name. */
function countingStores(counts: Map<string, number>): RateLimitStores {
  return (name) => ({
    async increment(key: string): Promise<IncrementResponse> {
      const k = `${name}:${key}`;
      const hits = (counts.get(k) ?? 0) + 1;
      counts.set(k, hits);
      return { totalHits: hits, resetTime: new Date(Date.now() + 60_000) };
    },
    async decrement() {},
    async resetKey() {},
  });
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function serve(stores: RateLimitStores | undefined): Promise<(email: string) => Promise<number>> {
  const app = express();
  app.use(express.json());
  const limits = authRateLimits(CFG, stores);
  app.post('/login', limits.login, (_req, res) => void res.status(204).end());
  app.use((err: { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(err.status ?? 500).end());
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  close = () => new Promise((resolve) => server.close(() => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/login`;
  return async (email) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) })).status;
}

describe('the credential routes’ rate limits', () => {
  it('count in the given stores, one key space per limiter: the third guess at an account is refused', async () => {
    const counts = new Map<string, number>();
    const login = await serve(countingStores(counts));
    expect([await login('a@example.test'), await login('a@example.test'), await login('a@example.test')]).toEqual([204, 204, 429]);
    expect([...counts.keys()].sort()).toEqual(['login-account:127.0.0.1|a@example.test', 'login-ip:127.0.0.1']);
  });

  it('let requests through when the shared store cannot be reached, rather than fail every sign-in', async () => {
    const login = await serve(() => new UnreachableStore());
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await login('a@example.test'));
    expect(statuses).toEqual([204, 204, 204, 204, 204]);
  });
});
