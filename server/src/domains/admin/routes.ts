import { Router } from 'express';
import { z } from 'zod';
import { AuditQuerySchema, ProgressQuerySchema, type AuditQuery, type ProgressQuery } from '../../contract/portfolio.js';
import { caller, requireRole } from '../../http/auth.js';
import { validateParams, validateQuery } from '../../http/validate.js';
import type { AdminService } from './service.js';

const IdParams = z.object({ id: z.uuid({ message: 'Not a valid id' }) });

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

  router.get('/trainees/:id/portfolio', validateParams(IdParams), async (req, res) => {
    res.json(await admin.traineePortfolio(caller(req), req.params.id as string));
  });

  router.get('/audit', validateQuery(AuditQuerySchema), async (req, res) => {
    res.json(await admin.audit(caller(req), res.locals.query as AuditQuery));
  });

  return router;
}
