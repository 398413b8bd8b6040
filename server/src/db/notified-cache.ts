import type { Logger } from 'pino';
import type { Db, ListenEvent } from './types.js';

export interface CacheRead<V> {
  value: V;
  /** When the value turns stale by itself (epoch ms); at or before now, it is returned but not kept. */
  validUntil: number;
}

export interface NotifiedCacheOptions {
  /** What it holds, for the log. */
  name: string;
  /** The channel the database notifies on whenever anything cached may have changed. */
  channel: string;
  /** Entries kept at once; the oldest goes first. Keys may come from callers, so it must not grow with them. */
  maxEntries: number;
  /** No entry lives longer, whatever it holds: a bound on any staleness the notifications could miss. */
  maxAgeMs: number;
  now?: () => number;
}

/**
 * Values read from the database, kept in memory on this instance only while the database's
 * notifications of change can be heard. Whatever may change them, on any instance or straight in
 * SQL, notifies `channel` (from a trigger), and every instance drops everything it holds; callers
 * also drop it at once after their own writes (`invalidate`), so a writer never waits for the
 * notification. Until it listens, and whenever the listening connection breaks, nothing is kept
 * and every read goes to the database.
 *
 * Concurrent misses for one key share a single read, and a read that overlapped a change is
 * returned but not kept (the generation moved on).
 */
export function createNotifiedCache<V>({ name, channel, maxEntries, maxAgeMs, now = Date.now }: NotifiedCacheOptions) {
  const entries = new Map<string, { value: V; expiresAt: number }>();
  const reading = new Map<string, { generation: number; read: Promise<V> }>();
  let generation = 0;
  let hearing = false;

  function invalidate() {
    generation += 1;
    entries.clear();
    reading.clear();
  }

  return {
    async get(key: string, read: () => Promise<CacheRead<V>>): Promise<V> {
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) return hit.value;
      const shared = reading.get(key);
      if (shared && shared.generation === generation) return shared.read;
      const started = generation;
      const pending = read().then(({ value, validUntil }) => {
        const expiresAt = Math.min(now() + maxAgeMs, validUntil);
        if (hearing && started === generation && expiresAt > now()) {
          entries.delete(key);
          if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
          entries.set(key, { value, expiresAt });
        }
        return value;
      });
      reading.set(key, { generation: started, read: pending });
      try {
        return await pending;
      } finally {
        if (reading.get(key)?.read === pending) reading.delete(key);
      }
    },

    /** Something cached changed: nothing stays. */
    invalidate,

    /** Follows the database's notifications: entries are kept only while they can be heard. */
    async listen(db: Db, logger: Logger): Promise<() => Promise<void>> {
      const onEvent = (event: ListenEvent) => {
        invalidate();
        if (event === 'lost') logger.warn({ cache: name }, `${name} cache: lost the database notifications; reading uncached until they are back`);
        if (event === 'ready') logger.info({ cache: name }, `${name} cache: hearing the database notifications again`);
        if (event !== 'notify') hearing = event === 'ready';
      };
      const stop = await db.listen(channel, onEvent);
      invalidate();
      hearing = true;
      return async () => {
        hearing = false;
        invalidate();
        await stop();
      };
    },
  };
}

export type NotifiedCache<V> = ReturnType<typeof createNotifiedCache<V>>;
