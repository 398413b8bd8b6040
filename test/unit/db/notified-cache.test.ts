import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../../server/src/db/pglite.js';
import type { Db } from '../../../server/src/db/types.js';
import { createNotifiedCache } from '../../../server/src/db/notified-cache.js';
import { prepareJson, type PreparedJson } from '../../../server/src/http/prepared-json.js';
import { createLogger } from '../../../server/src/logger.js';

const logger = createLogger('silent');
const CHANNEL = 'cache_test_changed';
const MAX_ENTRIES = 20;
const cacheOf = (now?: () => number) =>
  createNotifiedCache<PreparedJson>({ name: 'test', channel: CHANNEL, maxEntries: MAX_ENTRIES, maxAgeMs: 30_000, ...(now ? { now } : {}) });

/** A read that counts how often the database would have been asked, answering `value`. */
function counted(value: unknown, validUntil = Number.POSITIVE_INFINITY) {
  const read = async () => {
    read.calls += 1;
    return { value: prepareJson(value), validUntil };
  };
  read.calls = 0;
  return read;
}

const text = (answer: { body: Buffer }) => answer.body.toString('utf8');

// The cache follows a real database's notifications (PGlite in this process).
describe('a cache kept while the database notifies its changes', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openPglite(undefined);
  });
  afterAll(() => db?.close());

  it('keeps nothing until it hears the database, then answers repeated reads of one query from memory', async () => {
    const cache = cacheOf();
    const read = counted({ items: [1] });
    await cache.get('q', read);
    await cache.get('q', read);
    expect(read.calls).toBe(2);

    const stop = await cache.listen(db, logger);
    try {
      expect(text(await cache.get('q', read))).toBe('{"items":[1]}');
      await cache.get('q', read);
      await cache.get('q', read);
      expect(read.calls).toBe(3);
      // Another query (another role, other filters) is its own entry.
      const other = counted({ items: [2] });
      expect(text(await cache.get('other', other))).toBe('{"items":[2]}');
      expect(other.calls).toBe(1);
    } finally {
      await stop();
    }
    // Stopped: nothing is kept any more.
    await cache.get('q', read);
    await cache.get('q', read);
    expect(read.calls).toBe(5);
  });

  it('drops everything when the database notifies a change, committed by anyone', async () => {
    const cache = cacheOf();
    const stop = await cache.listen(db, logger);
    try {
      const read = counted({ items: [] });
      await cache.get('q', read);
      await cache.get('q', read);
      expect(read.calls).toBe(1);
      await db.query(`select pg_notify('${CHANNEL}', '')`);
      await expect.poll(async () => (await cache.get('q', read), read.calls)).toBe(2);
      // A rolled-back change notifies nobody.
      await db.transaction(async (tx) => {
        await tx.query(`select pg_notify('${CHANNEL}', '')`);
        throw new Error('roll back');
      }).catch(() => {});
      await db.query('select 1');
      await cache.get('q', read);
      expect(read.calls).toBe(2);
    } finally {
      await stop();
    }
  });

  it('lets an entry go when it says it turns stale (the board: when its earliest session starts), and keeps none already stale', async () => {
    let now = 1_000;
    const cache = cacheOf(() => now);
    const stop = await cache.listen(db, logger);
    try {
      const read = counted({ items: ['starts at 5000'] }, 5_000);
      await cache.get('q', read);
      now = 4_999;
      await cache.get('q', read);
      expect(read.calls).toBe(1);
      now = 5_000;
      await cache.get('q', read);
      expect(read.calls).toBe(2);
      const stale = counted({ items: [] }, now);
      await cache.get('stale', stale);
      await cache.get('stale', stale);
      expect(stale.calls).toBe(2);
      // And none lives longer than 30 s, whatever it holds.
      const empty = counted({ items: [] });
      await cache.get('empty', empty);
      now += 29_999;
      await cache.get('empty', empty);
      expect(empty.calls).toBe(1);
      now += 1;
      await cache.get('empty', empty);
      expect(empty.calls).toBe(2);
    } finally {
      await stop();
    }
  });

  it('returns a read that overlapped a change but does not keep it, and shares one read among concurrent misses', async () => {
    const cache = cacheOf();
    const stop = await cache.listen(db, logger);
    try {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let calls = 0;
      const slow = async () => {
        calls += 1;
        await gate;
        return { value: prepareJson({ items: ['before the change'] }), validUntil: Number.POSITIVE_INFINITY };
      };
      const first = cache.get('q', slow);
      const second = cache.get('q', slow);
      cache.invalidate();
      release();
      expect(text(await first)).toBe('{"items":["before the change"]}');
      expect(text(await second)).toBe('{"items":["before the change"]}');
      expect(calls).toBe(1);
      const after = counted({ items: ['after the change'] });
      expect(text(await cache.get('q', after))).toBe('{"items":["after the change"]}');
      expect(after.calls).toBe(1);
    } finally {
      await stop();
    }
  });

  it(`holds at most ${MAX_ENTRIES} queries, letting the oldest go first`, async () => {
    const cache = cacheOf();
    const stop = await cache.listen(db, logger);
    try {
      const reads = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => counted({ items: [i] }));
      for (const [i, read] of reads.entries()) await cache.get(`q${i}`, read);
      await cache.get('q1', reads[1]!);
      expect(reads[1]!.calls).toBe(1);
      await cache.get('q0', reads[0]!);
      expect(reads[0]!.calls).toBe(2);
    } finally {
      await stop();
    }
  });
});
