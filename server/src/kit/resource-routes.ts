import { Router } from 'express';
import type { z } from 'zod';
import { caller, requireUser } from '../http/auth.js';
import { idOf, withId } from '../http/params.js';
import { validateBody, validateQuery } from '../http/validate.js';
import type { AuthContext } from '../auth/context.js';
import type { ListQueryBase } from './owned-resource.js';

/** What the standard routes call: the kit's `ownedResource`, or a domain service with the same five verbs. */
export interface ResourceVerbs {
  list(auth: AuthContext, q: ListQueryBase & Record<string, unknown>): Promise<unknown>;
  get(auth: AuthContext, id: string): Promise<unknown>;
  create(auth: AuthContext, input: Record<string, unknown>): Promise<unknown>;
  update(auth: AuthContext, id: string, input: { version: number } & Record<string, unknown>): Promise<unknown>;
  remove(auth: AuthContext, id: string): Promise<void>;
}

export interface ResourceSchemas {
  list: z.ZodType<ListQueryBase & Record<string, unknown>>;
  create: z.ZodType<Record<string, unknown>>;
  update: z.ZodType<{ version: number } & Record<string, unknown>>;
}

/**
 * The five routes of a resource, signed-in only: `GET /` (paged), `POST /` → 201, `GET /:id`,
 * `PATCH /:id { version, … }` (409 when stale), `DELETE /:id` → 204. Bodies and queries are
 * validated by the contract's strict schemas, so unknown fields are a 400 before any SQL. Mount
 * extra routes on the returned router before or after, as the domain needs.
 */
export function resourceRoutes(verbs: ResourceVerbs, schemas: ResourceSchemas, router = Router()) {
  router.use(requireUser);
  router.get('/', validateQuery(schemas.list), async (req, res) => {
    res.json(await verbs.list(caller(req), res.locals.query as ListQueryBase & Record<string, unknown>));
  });
  router.post('/', validateBody(schemas.create), async (req, res) => {
    res.status(201).json(await verbs.create(caller(req), req.body as Record<string, unknown>));
  });
  router.get('/:id', withId, async (req, res) => {
    res.json(await verbs.get(caller(req), idOf(res)));
  });
  router.patch('/:id', withId, validateBody(schemas.update), async (req, res) => {
    res.json(await verbs.update(caller(req), idOf(res), req.body as { version: number } & Record<string, unknown>));
  });
  router.delete('/:id', withId, async (req, res) => {
    await verbs.remove(caller(req), idOf(res));
    res.status(204).end();
  });
  return router;
}
