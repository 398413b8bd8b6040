import { Router } from 'express';
import { z } from 'zod';
import { TrackerItemCreateSchema, TrackerItemListQuerySchema, TrackerItemUpdateSchema, type TrackerItemListQuery } from '../../contract/trackers.js';
import { caller, requireUser } from '../../http/auth.js';
import { parseOrThrow, validateBody, validateQuery } from '../../http/validate.js';
import type { TrackersService } from './service.js';

const ModuleParams = z.object({ module: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'Not a tracker' }) });
const ItemParams = ModuleParams.extend({ id: z.uuid({ message: 'Not a valid id' }) });

/** `/api/trackers`: the definitions, then each module's rows through the same five routes. */
export function trackersRoutes({ trackers }: { trackers: TrackersService }) {
  const router = Router();
  router.use(requireUser);
  const moduleOf = (params: unknown) => parseOrThrow(ModuleParams, params, 'Path').module;
  const itemOf = (params: unknown) => parseOrThrow(ItemParams, params, 'Path');

  router.get('/', (_req, res) => {
    res.json(trackers.describeAll());
  });
  router.get('/:module', validateQuery(TrackerItemListQuerySchema), async (req, res) => {
    res.json(await trackers.list(caller(req), moduleOf(req.params), res.locals.query as TrackerItemListQuery));
  });
  router.post('/:module', validateBody(TrackerItemCreateSchema), async (req, res) => {
    res.status(201).json(await trackers.create(caller(req), moduleOf(req.params), req.body));
  });
  router.get('/:module/:id', async (req, res) => {
    const { module, id } = itemOf(req.params);
    res.json(await trackers.get(caller(req), module, id));
  });
  router.patch('/:module/:id', validateBody(TrackerItemUpdateSchema), async (req, res) => {
    const { module, id } = itemOf(req.params);
    res.json(await trackers.update(caller(req), module, id, req.body));
  });
  router.delete('/:module/:id', async (req, res) => {
    const { module, id } = itemOf(req.params);
    await trackers.remove(caller(req), module, id);
    res.status(204).end();
  });
  return router;
}
