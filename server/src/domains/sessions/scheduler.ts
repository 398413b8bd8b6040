import type { Logger } from 'pino';

/** While ticks keep failing (the database is down), one reminder in the log per this many. */
const REPEAT_LOG_EVERY = 120;

/**
 * Moves running stations on when their phase's time is up. The deadlines live in the database, so
 * the first tick after a start (or a restart) puts every station exactly where it should be.
 *
 * A failed tick (the database down or not answering) is logged and the next one retries; nothing
 * escapes to crash the process. A long outage is logged when it starts, every `REPEAT_LOG_EVERY`
 * ticks while it lasts, and when ticks succeed again.
 */
export function startStationScheduler(advanceExpired: () => Promise<number>, logger: Logger, intervalMs = 500) {
  let running: Promise<void> | null = null;
  let failedInARow = 0;
  const tick = () => {
    running ??= advanceExpired()
      .then(() => {
        if (failedInARow > 0) logger.info({ failed_ticks: failedInARow }, 'station scheduler recovered');
        failedInARow = 0;
      })
      .catch((err: unknown) => {
        failedInARow += 1;
        if (failedInARow % REPEAT_LOG_EVERY === 1) logger.error({ err, failed_ticks: failedInARow }, 'station scheduler tick failed; retrying every tick');
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  void tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
