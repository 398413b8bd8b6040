import { Router } from 'express';
import { TrailQuerySchema, type TrailQuery } from '../../contract/trail.js';
import { caller, requireUser } from '../../http/auth.js';
import { validateQuery } from '../../http/validate.js';
import type { TrailService } from './service.js';

/** `GET /api/audit`: the trail of the caller's data, newest first. */
export function trailRoutes({ trail }: { trail: TrailService }) {
  const router = Router();
  router.get('/', requireUser, validateQuery(TrailQuerySchema), async (req, res) => {
    res.json(await trail.list(caller(req), res.locals.query as TrailQuery));
  });
  return router;
}
