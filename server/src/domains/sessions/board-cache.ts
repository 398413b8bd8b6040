import { createNotifiedCache } from '../../db/notified-cache.js';
import type { PreparedJson } from '../../http/prepared-json.js';

/** The channel the database notifies on whenever something the board shows changed (20261204190000_board_host_counts.sql). */
export const BOARD_CHANGED_CHANNEL = 'board_changed';

/** Distinct board queries kept at once; filters are free-form (`from`, `to`), so the cache must not grow with them. */
export const BOARD_CACHE_MAX_ENTRIES = 200;

/**
 * The board's answers, serialised, per query and database role, on this instance: sessions,
 * profiles and cases notify `board_changed` on every change. An entry also ends when its earliest
 * session starts (the board shows only sessions still to start), and after 30 s at most.
 */
export function createBoardCache({ now }: { now?: () => number } = {}) {
  return createNotifiedCache<PreparedJson>({
    name: 'board',
    channel: BOARD_CHANGED_CHANNEL,
    maxEntries: BOARD_CACHE_MAX_ENTRIES,
    maxAgeMs: 30_000,
    ...(now ? { now } : {}),
  });
}

export type BoardCache = ReturnType<typeof createBoardCache>;
