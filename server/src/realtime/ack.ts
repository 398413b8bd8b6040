import type { z } from 'zod';
import type { Ack } from '../contract/errors.js';
import { toAppError } from '../errors.js';
import { zodDetails } from '../http/validate.js';
import type { Logger } from 'pino';

/**
 * Wraps a socket handler: validates the payload, runs it, and always answers the ack with the
 * contract's result object — a thrown AppError becomes `{ ok: false, error }`, anything else a
 * bare internal error (logged, never described to the client).
 */
export function handle<S extends z.ZodType, R extends object>(
  schema: S,
  logger: Logger,
  fn: (payload: z.output<S>) => Promise<R> | R,
) {
  return async (payload: unknown, ack?: (result: Ack<R>) => void) => {
    const reply = typeof ack === 'function' ? ack : () => {};
    const parsed = schema.safeParse(payload ?? {});
    if (!parsed.success) {
      reply({ ok: false, error: { code: 'validation_failed', message: 'Invalid payload', details: zodDetails(parsed.error) } });
      return;
    }
    try {
      reply({ ok: true, ...(await fn(parsed.data)) });
    } catch (err) {
      const known = toAppError(err);
      if (known) reply({ ok: false, error: { code: known.code, message: known.message, ...(known.details ? { details: known.details } : {}) } });
      else {
        logger.error({ err }, 'socket handler failed');
        reply({ ok: false, error: { code: 'internal', message: 'Something went wrong' } });
      }
    }
  };
}
