import { Router } from 'express';
import { z } from 'zod';
import { MedicalRecordCreateSchema, MedicalRecordListQuerySchema, MedicalRecordUpdateSchema, type MedicalRecordListQuery } from '../../contract/records.js';
import { caller, requireUser } from '../../http/auth.js';
import { validateBody, validateParams, validateQuery } from '../../http/validate.js';
import type { RecordsService } from './service.js';

const IdParams = z.object({ id: z.uuid({ message: 'Not a valid id' }) });

export function recordsRoutes({ records }: { records: RecordsService }) {
  const router = Router();
  router.use(requireUser);

  router.get('/', validateQuery(MedicalRecordListQuerySchema), async (req, res) => {
    res.json(await records.list(caller(req), res.locals.query as MedicalRecordListQuery));
  });

  router.post('/', validateBody(MedicalRecordCreateSchema), async (req, res) => {
    res.status(201).json(await records.create(caller(req), req.body));
  });

  router.get('/:id', validateParams(IdParams), async (req, res) => {
    res.json(await records.get(caller(req), req.params.id as string));
  });

  router.patch('/:id', validateParams(IdParams), validateBody(MedicalRecordUpdateSchema), async (req, res) => {
    res.json(await records.update(caller(req), req.params.id as string, req.body));
  });

  router.delete('/:id', validateParams(IdParams), async (req, res) => {
    await records.remove(caller(req), req.params.id as string);
    res.status(204).end();
  });

  return router;
}
