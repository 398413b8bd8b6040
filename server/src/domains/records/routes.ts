import { Router } from 'express';
import { MedicalRecordCreateSchema, MedicalRecordListQuerySchema, MedicalRecordUpdateSchema } from '../../contract/records.js';
import { caller, requireUser } from '../../http/auth.js';
import { resourceRoutes } from '../../kit/resource-routes.js';
import type { RecordsService } from './service.js';

/**
 * `/api/records`: the kit's five routes over the records service, which adds the doctor-only rules,
 * after `GET /summary` and `GET /patients` (mounted first, so neither is read as a record id).
 */
export function recordsRoutes({ records }: { records: RecordsService }) {
  const router = Router();
  router.get('/summary', requireUser, async (req, res) => {
    res.json(await records.summary(caller(req)));
  });
  router.get('/patients', requireUser, async (req, res) => {
    res.json({ items: await records.patients(caller(req)) });
  });
  return resourceRoutes(records, { list: MedicalRecordListQuerySchema, create: MedicalRecordCreateSchema, update: MedicalRecordUpdateSchema }, router);
}
