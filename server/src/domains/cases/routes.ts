import { Router } from 'express';
import { z } from 'zod';
import { CaseCreateSchema, CaseListQuerySchema, CaseUpdateSchema, type CaseListQuery } from '../../contract/cases.js';
import { caller, requireUser } from '../../http/auth.js';
import { validateBody, validateParams, validateQuery } from '../../http/validate.js';
import type { CasesService } from './service.js';

const IdParams = z.object({ id: z.uuid({ message: 'Not a valid id' }) });

export function casesRoutes({ cases }: { cases: CasesService }) {
  const router = Router();
  router.use(requireUser);

  router.get('/', validateQuery(CaseListQuerySchema), async (req, res) => {
    res.json(await cases.list(caller(req), res.locals.query as CaseListQuery));
  });

  router.post('/', validateBody(CaseCreateSchema), async (req, res) => {
    res.status(201).json(await cases.create(caller(req), req.body));
  });

  router.get('/:id', validateParams(IdParams), async (req, res) => {
    res.json(await cases.get(caller(req), req.params.id as string));
  });

  router.patch('/:id', validateParams(IdParams), validateBody(CaseUpdateSchema), async (req, res) => {
    res.json(await cases.update(caller(req), req.params.id as string, req.body));
  });

  router.delete('/:id', validateParams(IdParams), async (req, res) => {
    await cases.remove(caller(req), req.params.id as string);
    res.status(204).end();
  });

  return router;
}
