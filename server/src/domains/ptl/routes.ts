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
import { validationFailed } from '../../errors.js';
import { caller, requireUser } from '../../http/auth.js';
import { validateBody, validateParams, validateQuery } from '../../http/validate.js';
import type { PtlService } from './service.js';

const IdParams = z.object({ id: z.uuid({ message: 'Not a valid id' }) });
const EventParams = z.object({ id: z.uuid({ message: 'Not a valid id' }), event_id: z.uuid({ message: 'Not a valid id' }) });
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

  router.post('/import', csvBody, validateQuery(PtlImportQuerySchema), async (req, res) => {
    if (typeof req.body !== 'string') throw validationFailed('Send the CSV file as the request body with Content-Type: text/csv');
    const { mode, import_id } = res.locals.query as z.output<typeof PtlImportQuerySchema>;
    res.json(await ptl.import(caller(req), req.body, mode, import_id));
  });

  router.post('/', validateBody(PathwayCreateSchema), async (req, res) => {
    res.status(201).json(await ptl.create(caller(req), req.body));
  });

  router.get('/:id', validateParams(IdParams), async (req, res) => {
    res.json(await ptl.get(caller(req), req.params.id as string));
  });

  router.patch('/:id', validateParams(IdParams), validateBody(PathwayUpdateSchema), async (req, res) => {
    res.json(await ptl.update(caller(req), req.params.id as string, req.body));
  });

  router.delete('/:id', validateParams(IdParams), async (req, res) => {
    await ptl.remove(caller(req), req.params.id as string);
    res.status(204).end();
  });

  router.get('/:id/events', validateParams(IdParams), async (req, res) => {
    res.json(await ptl.listEvents(caller(req), req.params.id as string));
  });

  router.post('/:id/events', validateParams(IdParams), validateBody(PtlEventCreateSchema), async (req, res) => {
    res.status(201).json(await ptl.addEvent(caller(req), req.params.id as string, req.body));
  });

  router.delete('/:id/events/:event_id', validateParams(EventParams), async (req, res) => {
    res.json(await ptl.removeEvent(caller(req), req.params.id as string, req.params.event_id as string));
  });

  return router;
}
