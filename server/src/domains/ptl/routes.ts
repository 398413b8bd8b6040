import express, { Router } from 'express';
import { z } from 'zod';
import { LIMITS } from '../../contract/limits.js';
import {
  PathwayCreateSchema,
  PathwayListQuerySchema,
  PathwayUpdateSchema,
  PtlEventCreateSchema,
  PtlImportQuerySchema,
  PtlStatsQuerySchema,
  type PathwayListQuery,
} from '../../contract/ptl.js';
import { ptlImportTemplateCsv } from '../../contract/ptl-import.js';
import { validationFailed } from '../../errors.js';
import { caller, requireUser } from '../../http/auth.js';
import { IdParamsSchema, idOf, withId } from '../../http/params.js';
import { parseOrThrow, validateBody, validateQuery } from '../../http/validate.js';
import type { PtlService } from './service.js';

/** `/:id/events/:event_id`: the one route with two ids, parsed in its handler. */
const EventParams = IdParamsSchema.extend({ event_id: z.uuid({ message: 'Not a valid id' }) });
const csvBody = express.text({ type: ['text/csv', 'application/csv', 'text/plain'], limit: LIMITS.csvBodyBytes });

export function ptlRoutes({ ptl }: { ptl: PtlService }) {
  const router = Router();
  router.use(requireUser);

  router.get('/', validateQuery(PathwayListQuerySchema), async (req, res) => {
    res.json(await ptl.list(caller(req), res.locals.query as PathwayListQuery));
  });

  router.get('/stats', validateQuery(PtlStatsQuerySchema), async (req, res) => {
    res.json(await ptl.stats(caller(req), (res.locals.query as { as_of?: string }).as_of));
  });

  router.get('/export.csv', validateQuery(PathwayListQuerySchema.omit({ limit: true, cursor: true })), async (req, res) => {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="ptl.csv"');
    await ptl.exportCsv(caller(req), { ...(res.locals.query as PathwayListQuery), limit: LIMITS.pageMax }, res);
  });

  // The template is the same for everyone: the header and an example row, from the contract.
  router.get('/import/template', (_req, res) => {
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="ptl-import-template.csv"');
    res.send(ptlImportTemplateCsv());
  });

  router.post('/import', csvBody, validateQuery(PtlImportQuerySchema), async (req, res) => {
    if (typeof req.body !== 'string') throw validationFailed('Send the CSV file as the request body with Content-Type: text/csv');
    const { mode, import_id } = res.locals.query as z.output<typeof PtlImportQuerySchema>;
    res.json(await ptl.import(caller(req), req.body, mode, import_id));
  });

  router.post('/', validateBody(PathwayCreateSchema), async (req, res) => {
    res.status(201).json(await ptl.create(caller(req), req.body));
  });

  router.get('/:id', withId, async (req, res) => {
    res.json(await ptl.get(caller(req), idOf(res)));
  });

  router.patch('/:id', withId, validateBody(PathwayUpdateSchema), async (req, res) => {
    res.json(await ptl.update(caller(req), idOf(res), req.body));
  });

  router.delete('/:id', withId, async (req, res) => {
    await ptl.remove(caller(req), idOf(res));
    res.status(204).end();
  });

  router.get('/:id/events', withId, async (req, res) => {
    res.json(await ptl.listEvents(caller(req), idOf(res)));
  });

  router.post('/:id/events', withId, validateBody(PtlEventCreateSchema), async (req, res) => {
    res.status(201).json(await ptl.addEvent(caller(req), idOf(res), req.body));
  });

  router.delete('/:id/events/:event_id', async (req, res) => {
    const { id, event_id } = parseOrThrow(EventParams, req.params, 'Path');
    res.json(await ptl.removeEvent(caller(req), id, event_id));
  });

  return router;
}
