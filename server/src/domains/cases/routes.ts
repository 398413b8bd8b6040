import { Router } from 'express';
import { CaseCreateSchema, CaseListQuerySchema, CaseUpdateSchema, type CaseListQuery } from '../../contract/cases.js';
import { caller, requireUser } from '../../http/auth.js';
import { idOf, withId } from '../../http/params.js';
import { validateBody, validateQuery } from '../../http/validate.js';
import type { CasesService } from './service.js';

export function casesRoutes({ cases }: { cases: CasesService }) {
  const router = Router();
  router.use(requireUser);

  router.get('/', validateQuery(CaseListQuerySchema), async (req, res) => {
    res.json(await cases.list(caller(req), res.locals.query as CaseListQuery));
  });

  router.post('/', validateBody(CaseCreateSchema), async (req, res) => {
    res.status(201).json(await cases.create(caller(req), req.body));
  });

  router.get('/:id', withId, async (req, res) => {
    res.json(await cases.get(caller(req), idOf(res)));
  });

  router.patch('/:id', withId, validateBody(CaseUpdateSchema), async (req, res) => {
    res.json(await cases.update(caller(req), idOf(res), req.body));
  });

  router.delete('/:id', withId, async (req, res) => {
    await cases.remove(caller(req), idOf(res));
    res.status(204).end();
  });

  return router;
}
