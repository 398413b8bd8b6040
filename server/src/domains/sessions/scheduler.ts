import type { Logger } from 'pino';

/**
 * Moves running stations on when their phase's time is up. The deadlines live in the database, so
 * the first tick after a start (or a restart) puts every station exactly where it should be.
 */
export function startStationScheduler(advanceExpired: () => Promise<number>, logger: Logger, intervalMs = 500) {
  let running: Promise<void> | null = null;
  const tick = () => {
    running ??= advanceExpired()
      .then(() => undefined)
      .catch((err: unknown) => logger.error({ err }, 'station scheduler tick failed'))
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
