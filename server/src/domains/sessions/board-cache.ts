import type { Logger } from 'pino';
import type { Db, ListenEvent } from '../../db/types.js';
import type { PreparedJson } from '../../http/prepared-json.js';

/** The channel the database notifies on whenever something the board shows changed (20261204190000_board_host_counts.sql). */
export const BOARD_CHANGED_CHANNEL = 'board_changed';

/** An entry lives at most this long even if no change is heard: a bound on any staleness the notifications could miss. */
const MAX_AGE_MS = 30_000;
/** Distinct board queries kept at once; filters are free-form (`from`, `to`), so the cache must not grow with them. */
export const BOARD_CACHE_MAX_ENTRIES = 200;

export interface BoardRead {
  /** The answer, serialised (and compressed) once for every request that gets it. */
  answer: PreparedJson;
  /** When the answer turns stale by itself: the board shows only sessions still to start, so the earliest one's start. */
  validUntil: number;
}

/**
 * The board's answers, serialised, per query and database role, on this instance. Whatever changes
 * the board, on any instance or straight in SQL, makes the database notify `board_changed`, and
 * every instance drops its entries; this instance also drops them at once after its own writes, so
 * a writer's next read never waits for the notification. While the notifications cannot be heard
 * (not yet listening, or the listening connection broke) nothing is kept and every read goes to the
 * database.
 *
 * Concurrent misses for one query share a single read, and a read that overlapped a change is
 * returned but not kept (the generation moved on).
 */
export function createBoardCache({ now = Date.now }: { now?: () => number } = {}) {
  const entries = new Map<string, { answer: PreparedJson; expiresAt: number }>();
  const reading = new Map<string, { generation: number; read: Promise<PreparedJson> }>();
  let generation = 0;
  let hearing = false;

  function invalidate() {
    generation += 1;
    entries.clear();
    reading.clear();
  }

  return {
    async get(key: string, read: () => Promise<BoardRead>): Promise<PreparedJson> {
      const hit = entries.get(key);
      if (hit && hit.expiresAt > now()) return hit.answer;
      const shared = reading.get(key);
      if (shared && shared.generation === generation) return shared.read;
      const started = generation;
      const pending = read().then(({ answer, validUntil }) => {
        if (hearing && started === generation) {
          if (entries.size >= BOARD_CACHE_MAX_ENTRIES) entries.delete(entries.keys().next().value!);
          entries.set(key, { answer, expiresAt: Math.min(now() + MAX_AGE_MS, validUntil) });
        }
        return answer;
      });
      reading.set(key, { generation: started, read: pending });
      try {
        return await pending;
      } finally {
        if (reading.get(key)?.read === pending) reading.delete(key);
      }
    },

    /** The board changed: nothing cached stays. */
    invalidate,

    /** Follows the database's notifications: entries are kept only while they can be heard. */
    async listen(db: Db, logger: Logger): Promise<() => Promise<void>> {
      const onEvent = (event: ListenEvent) => {
        invalidate();
        if (event === 'lost') logger.warn('board cache: lost the database notifications; reading the board uncached until they are back');
        if (event === 'ready') logger.info('board cache: hearing the database notifications again');
        if (event !== 'notify') hearing = event === 'ready';
      };
      const stop = await db.listen(BOARD_CHANGED_CHANNEL, onEvent);
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

export type BoardCache = ReturnType<typeof createBoardCache>;
