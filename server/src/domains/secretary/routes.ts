import { Router } from 'express';
import { TaskBulkStatusSchema, TaskCreateSchema, TaskListQuerySchema, TaskUpdateSchema, WorkloadQuerySchema } from '../../contract/secretary.js';
import { caller, requireUser } from '../../http/auth.js';
import { validateBody, validateQuery } from '../../http/validate.js';
import { resourceRoutes } from '../../kit/resource-routes.js';
import type { SecretaryService } from './service.js';

/** `/api/secretary`: the kit's five task routes, bulk status and the week's workload. */
export function secretaryRoutes({ secretary }: { secretary: SecretaryService }) {
  const router = Router();
  router.use(requireUser);
  const tasks = Router();
  // Before the kit's `/:id` routes, so `bulk` is not taken for an id.
  tasks.post('/bulk', validateBody(TaskBulkStatusSchema), async (req, res) => {
    res.json(await secretary.bulkStatus(caller(req), req.body));
  });
  router.use('/tasks', resourceRoutes(secretary, { list: TaskListQuerySchema, create: TaskCreateSchema, update: TaskUpdateSchema }, tasks));
  router.get('/workload', validateQuery(WorkloadQuerySchema), async (req, res) => {
    res.json(await secretary.workload(caller(req), (res.locals.query as { week?: string }).week));
  });
  return router;
}
