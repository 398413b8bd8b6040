import { Router } from 'express';
import { z } from 'zod';
import {
  ActionCreateSchema,
  ActionListQuerySchema,
  ActionUpdateSchema,
  CoordinatorQuerySchema,
  ListingCreateSchema,
  ListingListQuerySchema,
  ListingUpdateSchema,
  MeetingCreateSchema,
  MeetingListQuerySchema,
  MeetingUpdateSchema,
  type CoordinatorQuery,
} from '../../contract/mdt.js';
import { caller, requireUser } from '../../http/auth.js';
import { IdParamsSchema, idOf, withId } from '../../http/params.js';
import { parseOrThrow, validateBody, validateQuery } from '../../http/validate.js';
import type { ListQueryBase } from '../../kit/owned-resource.js';
import { resourceRoutes } from '../../kit/resource-routes.js';
import type { MdtService } from './service.js';

/** `/:id/patients/:listing_id…`: a meeting and one of its listings, both UUIDs or 400 before any SQL. */
const ListingParams = IdParamsSchema.extend({ listing_id: z.uuid({ message: 'Not a valid id' }) });
const listingParams = (params: unknown) => parseOrThrow(ListingParams, params, 'Path');

/**
 * `/api/mdt`: meetings (the kit's five routes), each meeting's list of patients and their actions,
 * the actions across meetings, and the coordinator's view (an extension of the contract).
 */
export function mdtRoutes({ mdt }: { mdt: MdtService }) {
  const router = Router();
  router.use(requireUser);

  const meetings = Router();
  meetings.get('/:id/patients', withId, validateQuery(ListingListQuerySchema), async (req, res) => {
    res.json(await mdt.listings.list(caller(req), idOf(res), (res.locals.query as { as_of?: string }).as_of));
  });
  meetings.post('/:id/patients', withId, validateBody(ListingCreateSchema), async (req, res) => {
    res.status(201).json(await mdt.listings.create(caller(req), idOf(res), req.body));
  });
  meetings.patch('/:id/patients/:listing_id', validateBody(ListingUpdateSchema), async (req, res) => {
    const { id, listing_id } = listingParams(req.params);
    res.json(await mdt.listings.update(caller(req), id, listing_id, req.body));
  });
  meetings.delete('/:id/patients/:listing_id', async (req, res) => {
    const { id, listing_id } = listingParams(req.params);
    await mdt.listings.remove(caller(req), id, listing_id);
    res.status(204).end();
  });
  meetings.post('/:id/patients/:listing_id/actions', validateBody(ActionCreateSchema), async (req, res) => {
    const { id, listing_id } = listingParams(req.params);
    res.status(201).json(await mdt.actions.create(caller(req), id, listing_id, req.body));
  });
  router.use('/meetings', resourceRoutes(mdt.meetings, { list: MeetingListQuerySchema, create: MeetingCreateSchema, update: MeetingUpdateSchema }, meetings));

  // Actions are created for a listed patient (above); here they are read, changed and removed.
  router.get('/actions', validateQuery(ActionListQuerySchema), async (req, res) => {
    res.json(await mdt.actions.list(caller(req), res.locals.query as ListQueryBase & Record<string, unknown>));
  });
  router.get('/actions/:id', withId, async (req, res) => {
    res.json(await mdt.actions.get(caller(req), idOf(res)));
  });
  router.patch('/actions/:id', withId, validateBody(ActionUpdateSchema), async (req, res) => {
    res.json(await mdt.actions.update(caller(req), idOf(res), req.body));
  });
  router.delete('/actions/:id', withId, async (req, res) => {
    await mdt.actions.remove(caller(req), idOf(res));
    res.status(204).end();
  });

  router.get('/coordinator', validateQuery(CoordinatorQuerySchema), async (req, res) => {
    res.json(await mdt.coordinator(caller(req), res.locals.query as CoordinatorQuery));
  });

  return router;
}
