import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';
import type { ErrorDetail } from '../contract/errors.js';
import { validationFailed } from '../errors.js';

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return { path: issue.keys.join(','), message: `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}` };
    }
    return { path: issue.path.map(String).join('.'), message: issue.message };
  });
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what = 'Request body'): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationFailed(`${what} is invalid`, zodDetails(result.error));
  return result.data;
}

/** Validates and replaces `req.body` (a missing or non-JSON body validates as `{}`). */
export function validateBody<S extends z.ZodType>(schema: S) {
  return (req: Request, _res: Response, next: NextFunction) => {
    req.body = parseOrThrow(schema, req.body ?? {});
    next();
  };
}

/** Validates `req.params`; Express 5 lets us replace it with the parsed value. */
export function validateParams<S extends z.ZodType>(schema: S) {
  return (req: Request, _res: Response, next: NextFunction) => {
    req.params = parseOrThrow(schema, req.params, 'Path') as Request['params'];
    next();
  };
}

/** Validates the query string into `res.locals.query` (Express 5's `req.query` is read-only). */
export function validateQuery<S extends z.ZodType>(schema: S) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.query = parseOrThrow(schema, req.query, 'Query string');
    next();
  };
}
