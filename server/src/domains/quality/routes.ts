import { Router } from 'express';
import {
  AuditCreateSchema,
  AuditListQuerySchema,
  FindingListQuerySchema,
  FindingUpdateSchema,
  ReadQuerySchema,
  ScoreQuerySchema,
  ValidationCreateSchema,
  ValidationListQuerySchema,
  ValidationQueueQuerySchema,
} from '../../contract/quality.js';
import { caller, requireUser } from '../../http/auth.js';
import { idOf, withId } from '../../http/params.js';
import { validateBody, validateQuery } from '../../http/validate.js';
import type { QualityService } from './service.js';

/**
 * `/api/quality`: audits and their findings, the score series, validations, and the validation
 * queue (an extension of the contract). Signed-in only; every query runs as the caller.
 */
export function qualityRoutes({ quality }: { quality: QualityService }) {
  const router = Router();
  router.use(requireUser);
  const query = <T>(res: { locals: Record<string, unknown> }) => res.locals.query as T;

  router.post('/audits', validateBody(AuditCreateSchema), async (req, res) => {
    res.status(201).json(await quality.run(caller(req), req.body));
  });
  router.get('/audits', validateQuery(AuditListQuerySchema), async (req, res) => {
    res.json(await quality.listAudits(caller(req), query(res)));
  });
  router.get('/audits/:id', withId, validateQuery(ReadQuerySchema), async (req, res) => {
    res.json(await quality.getAudit(caller(req), idOf(res)));
  });
  router.get('/audits/:id/findings', withId, validateQuery(FindingListQuerySchema), async (req, res) => {
    res.json(await quality.listFindings(caller(req), idOf(res), query(res)));
  });
  router.get('/findings/:id', withId, validateQuery(ReadQuerySchema), async (req, res) => {
    res.json(await quality.getFinding(caller(req), idOf(res)));
  });
  router.patch('/findings/:id', withId, validateBody(FindingUpdateSchema), async (req, res) => {
    res.json(await quality.decide(caller(req), idOf(res), req.body));
  });
  router.get('/score', validateQuery(ScoreQuerySchema), async (req, res) => {
    res.json(await quality.score(caller(req), query(res)));
  });
  router.post('/validations', validateBody(ValidationCreateSchema), async (req, res) => {
    res.status(201).json(await quality.validate(caller(req), req.body));
  });
  router.get('/validations', validateQuery(ValidationListQuerySchema), async (req, res) => {
    res.json(await quality.listValidations(caller(req), query(res)));
  });
  router.get('/validation-queue', validateQuery(ValidationQueueQuerySchema), async (req, res) => {
    res.json(await quality.queue(caller(req), query(res)));
  });
  return router;
}
