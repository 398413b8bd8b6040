import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorBody } from '../contract/errors.js';
import { AppError, notFound, payloadTooLarge, toAppError, validationFailed } from '../errors.js';

function send(res: Parameters<RequestHandler>[1], err: AppError) {
  const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
  res.status(err.status).json(body);
}

/** Unknown /api paths answer in the contract's error shape, not Express's HTML page. */
export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound('No such API route'));

/** The one translator from thrown errors to the contract's error shape. */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const bodyParserType = (err as { type?: string }).type;
  if (bodyParserType === 'entity.too.large') return send(res, payloadTooLarge());
  if (bodyParserType === 'entity.parse.failed') return send(res, validationFailed('Malformed JSON body'));
  if (bodyParserType === 'charset.unsupported' || bodyParserType === 'encoding.unsupported') {
    return send(res, validationFailed('Unsupported body encoding'));
  }
  const known = toAppError(err);
  if (known) {
    if (known.status >= 500) req.log?.warn({ err }, 'dependency unavailable');
    return send(res, known);
  }
  req.log?.error({ err }, 'unhandled error');
  res.status(500).json({ error: { code: 'internal', message: `Something went wrong (request ${String(req.id)})` } } satisfies ErrorBody);
};
