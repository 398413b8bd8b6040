import { Router } from 'express';
import {
  CancerGetQuerySchema,
  CancerListQuerySchema,
  CancerPathwayCreateSchema,
  CancerPathwayUpdateSchema,
  CancerStatsQuerySchema,
  type CancerGetQuery,
  type CancerListQuery,
  type CancerPathwayUpdateInput,
  type CancerStatsQuery,
} from '../../contract/cancer.js';
import { caller, requireUser } from '../../http/auth.js';
import { idOf, withId } from '../../http/params.js';
import { validateBody, validateQuery } from '../../http/validate.js';
import type { CancerService } from './service.js';

/** `/api/cancer`: the five pathway routes (GET ones take a census date) and the month's stats. */
export function cancerRoutes({ cancer }: { cancer: CancerService }) {
  const router = Router();
  router.use(requireUser);

  router.get('/', validateQuery(CancerListQuerySchema), async (req, res) => {
    res.json(await cancer.list(caller(req), res.locals.query as CancerListQuery));
  });
  // Before `/:id`, so `stats` is not taken for an id.
  router.get('/stats', validateQuery(CancerStatsQuerySchema), async (req, res) => {
    res.json(await cancer.stats(caller(req), res.locals.query as CancerStatsQuery));
  });
  router.post('/', validateBody(CancerPathwayCreateSchema), async (req, res) => {
    res.status(201).json(await cancer.create(caller(req), req.body as Record<string, unknown>));
  });
  router.get('/:id', withId, validateQuery(CancerGetQuerySchema), async (req, res) => {
    res.json(await cancer.get(caller(req), idOf(res), res.locals.query as CancerGetQuery));
  });
  router.patch('/:id', withId, validateBody(CancerPathwayUpdateSchema), async (req, res) => {
    res.json(await cancer.update(caller(req), idOf(res), req.body as { version: number } & CancerPathwayUpdateInput));
  });
  router.delete('/:id', withId, async (req, res) => {
    await cancer.remove(caller(req), idOf(res));
    res.status(204).end();
  });
  return router;
}
