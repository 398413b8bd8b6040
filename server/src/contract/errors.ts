/** Stable error codes of the public API (see shared API.md, "Errors"). */
export const ERROR_CODES = [
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One field-level problem; `path` is the dotted field name (e.g. `email`, `timing.reading_s`). */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** The body of every non-2xx API response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

/** What a Socket.IO acknowledgement carries when the event failed. */
export interface AckError {
  ok: false;
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}
export type Ack<T extends object = object> = ({ ok: true } & T) | AckError;
