import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody } from '../contract/errors.js';
import { AppError, conflict, forbidden, notFound, payloadTooLarge, rateLimited, toAppError, unauthenticated, validationFailed } from '../errors.js';

function send(res: Parameters<RequestHandler>[1], err: AppError) {
  const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
  res.status(err.status).json(body);
}

/** Unknown /api paths answer in the contract's error shape, not Express's HTML page. */
export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound('No such API route'));

/**
 * The 4xx status that body-parser, its decompression and the router attach to what they throw
 * (`http-errors` style: `status` with `expose`), or null for anything else.
 */
function clientErrorStatus(err: unknown): number | null {
  if (err instanceof AppError || typeof err !== 'object' || err === null) return null;
  const { status, statusCode } = err as { status?: unknown; statusCode?: unknown };
  const code = typeof status === 'number' ? status : statusCode;
  return typeof code === 'number' && Number.isInteger(code) && code >= 400 && code < 500 ? code : null;
}

/** A client mistake caught before our own validation ran, in the contract's words. */
function fromClientStatus(status: number, err: unknown, req: Parameters<RequestHandler>[0]): AppError {
  switch (status) {
    case 401:
      return unauthenticated();
    case 403:
      return forbidden();
    case 404:
      return notFound();
    case 409:
      return conflict('This conflicts with the current state');
    case 413:
      return payloadTooLarge();
    case 429:
      return rateLimited();
  }
  if (err instanceof URIError) {
    return validationFailed('The path is malformed', [{ path: 'path', message: 'Malformed percent-encoding in the URL path' }]);
  }
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding !== 'identity') {
    return validationFailed('The request body could not be read', [
      { path: 'body', message: `The body is not valid ${encoding} data, as its Content-Encoding header says` },
    ]);
  }
  return new AppError(status, 'validation_failed', 'The request is malformed');
}

/** The one translator from thrown errors to the contract's error shape. */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const bodyParserType = (err as { type?: string }).type;
  if (bodyParserType === 'entity.too.large') return send(res, payloadTooLarge());
  if (bodyParserType === 'entity.parse.failed') return send(res, validationFailed('Malformed JSON body'));
  if (bodyParserType === 'charset.unsupported' || bodyParserType === 'encoding.unsupported') {
    return send(res, validationFailed('Unsupported body encoding'));
  }
  const clientStatus = clientErrorStatus(err);
  if (clientStatus !== null) return send(res, fromClientStatus(clientStatus, err, req));
  const known = toAppError(err);
  if (known) {
    if (known.status >= 500) req.log?.warn({ err }, 'dependency unavailable');
    return send(res, known);
  }
  req.log?.error({ err }, 'unhandled error');
  res.status(500).json({ error: { code: 'internal', message: `Something went wrong (request ${String(req.id)})` } } satisfies ErrorBody);
};
