import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { parseOrThrow } from './validate.js';

/** `/:id` on every route: a UUID, or 400 naming `id` before any SQL runs. */
export const IdParamsSchema = z.strictObject({ id: z.uuid({ message: 'Not a valid id' }) });

/** Validates `:id` and keeps it, typed, for `idOf(res)`. */
export function withId(req: Request, res: Response, next: NextFunction) {
  res.locals.id = parseOrThrow(IdParamsSchema, req.params, 'Path').id;
  next();
}

/** The `:id` that `withId` validated. */
export function idOf(res: Response): string {
  const id: unknown = res.locals.id;
  if (typeof id !== 'string') throw new Error('idOf() on a route without withId');
  return id;
}
