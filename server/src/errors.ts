import type { ErrorCode, ErrorDetail } from './contract/errors.js';

/** A failure the client is meant to see: a stable code, an HTTP status and a safe message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export const validationFailed = (message: string, details?: ErrorDetail[]) => new AppError(400, 'validation_failed', message, details);
export const unauthenticated = (message = 'Sign in to continue') => new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'You may not do this') => new AppError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new AppError(404, 'not_found', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const payloadTooLarge = (message = 'Request body is too large') => new AppError(413, 'payload_too_large', message);
export const rateLimited = (message = 'Too many attempts, try again later') => new AppError(429, 'rate_limited', message);
export const unavailable = (message = 'The service is temporarily unavailable') => new AppError(503, 'unavailable', message);

/** Network-level failures of the database or Redis: the request did nothing, try later. */
const UNAVAILABLE_SYS_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * PostgreSQL ending or refusing sessions: admin shutdown (57P01, also `pg_ctl stop -m fast|immediate`),
 * crash of another backend (57P02), starting up or shutting down (57P03), idle-session timeout
 * (57P05), too many connections (53300). Class 08 (connection exceptions) is matched as a class.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57P05', '53300']);

/**
 * What pg and PGlite throw, without a code, when the connection is gone or silent: the socket closed
 * ("Connection terminated unexpectedly", "… due to connection timeout"), a query unanswered within
 * `query_timeout` ("Query read timeout"), a client already broken ("… is not queryable"), no free
 * connection in time, or the pool or database closed during shutdown.
 */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Query read timeout|is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed/i;

/**
 * Maps anything thrown to what the client may see. Unknown errors become `null`: the caller logs
 * them and answers a bare 500, so no SQL, stack or internal message ever reaches a client.
 */
export function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { code?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNAVAILABLE_SYS_CODES.has(code) || code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code)) {
    return unavailable();
  }
  // 57014 is any cancelled statement; only our own statement_timeout (DB_STATEMENT_TIMEOUT_MS) means "try later".
  if (code === '57014' && typeof e.message === 'string' && /statement timeout/i.test(e.message)) {
    return unavailable();
  }
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) {
    return unavailable();
  }
  switch (code) {
    // Raised by this project's own SQL functions (class PT): the HTTP status they stand for.
    case 'PT404':
      return notFound();
    case 'PT409':
      return conflict('Someone else got there first; reload and try again');
    case 'PT400':
      return validationFailed(typeof e.message === 'string' ? e.message : 'Not allowed for this session');
    case '23505':
      return conflict('This conflicts with an existing record');
    case '40001':
    case '40P01':
      return conflict('A concurrent change got there first; try again');
    case '42501':
      return notFound();
    case '23503':
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22001':
    // A NUL or an unpaired surrogate the contract's text schema should already have refused.
    case '22021':
    case '22P05':
      return validationFailed('The data was rejected by a database rule');
    default:
      return null;
  }
}
