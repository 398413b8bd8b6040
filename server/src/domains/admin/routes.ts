import { Router } from 'express';
import { AuditQuerySchema, ProgressQuerySchema, type AuditQuery, type ProgressQuery } from '../../contract/portfolio.js';
import { caller, requireRole } from '../../http/auth.js';
import { idOf, withId } from '../../http/params.js';
import { validateQuery } from '../../http/validate.js';
import type { AdminService } from './service.js';

/** The progress monitor: admins only (401 signed out, 403 anyone else), and read-only — GET routes alone. */
export function adminRoutes({ admin }: { admin: AdminService }) {
  const router = Router();
  router.use(requireRole('admin'));
  router.use((_req, res, next) => {
    res.setHeader('cache-control', 'no-store');
    next();
  });

  router.get('/progress', validateQuery(ProgressQuerySchema), async (req, res) => {
    res.json(await admin.progress(caller(req), res.locals.query as ProgressQuery));
  });

  router.get('/trainees/:id/portfolio', withId, async (req, res) => {
    res.json(await admin.traineePortfolio(caller(req), idOf(res)));
  });

  router.get('/audit', validateQuery(AuditQuerySchema), async (req, res) => {
    res.json(await admin.audit(caller(req), res.locals.query as AuditQuery));
  });

  return router;
}
