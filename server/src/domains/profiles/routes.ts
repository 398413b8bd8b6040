import { Router } from 'express';
import { ProfileUpdateSchema, UserIdParamSchema } from '../../contract/accounts.js';
import { caller, requireUser } from '../../http/auth.js';
import { parseOrThrow, validateBody } from '../../http/validate.js';
import { notFound } from '../../errors.js';
import type { ProfilesService } from './service.js';

export function profilesRoutes({ profiles }: { profiles: ProfilesService }) {
  const router = Router();

  router.patch('/me', requireUser, validateBody(ProfileUpdateSchema), async (req, res) => {
    res.json(await profiles.updateOwn(caller(req), req.body));
  });

  router.get('/me', requireUser, async (req, res) => {
    const own = await profiles.getOwn(caller(req));
    if (!own) throw notFound('No profile yet');
    res.json(own);
  });

  router.get('/:user_id', async (req, res) => {
    const { user_id } = parseOrThrow(UserIdParamSchema, req.params, 'Path');
    res.json(await profiles.getPublic(req.auth, user_id));
  });

  return router;
}
