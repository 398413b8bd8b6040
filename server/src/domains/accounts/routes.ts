import { Router } from 'express';
import {
  AccountEraseSchema,
  AccountLoginSchema,
  AccountRegisterSchema,
  PasswordResetConfirmSchema,
  PasswordResetRequestSchema,
  type LoginResponse,
  type MeResponse,
  type OwnProfile,
} from '../../contract/accounts.js';
import type { AuthContext } from '../../auth/context.js';
import { caller, clearSessionCookie, requireUser, SESSION_COOKIE, sessionCookieOptions } from '../../http/auth.js';
import type { AuthRateLimits } from '../../http/rate-limits.js';
import { validateBody } from '../../http/validate.js';
import { presentUser } from './present.js';
import type { AccountsService } from './service.js';

export interface AccountsRouteDeps {
  accounts: AccountsService;
  /** The caller's own profile for `/me` (the profiles domain's, handed over by the registry). */
  ownProfile: (auth: AuthContext) => Promise<OwnProfile | null>;
  limits: AuthRateLimits;
  sessionTtlHours: number;
  /** The URL people open the app at, for links in mail. */
  appUrl: (req: import('express').Request) => string;
}

export function accountsRoutes({ accounts, ownProfile, limits, sessionTtlHours, appUrl }: AccountsRouteDeps) {
  const router = Router();

  router.post('/register', limits.register, validateBody(AccountRegisterSchema), async (req, res) => {
    const account = await accounts.register(req.body);
    res.status(201).json({ user: presentUser(account) });
  });

  router.post('/login', limits.login, validateBody(AccountLoginSchema), async (req, res) => {
    const { account, token } = await accounts.login(req.body.email, req.body.password, {
      userAgent: req.get('user-agent'),
      ip: req.ip,
    });
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(req, sessionTtlHours * 3_600_000));
    res.json({ user: presentUser(account), token } satisfies LoginResponse);
  });

  router.post('/logout', requireUser, async (req, res) => {
    await accounts.logout(caller(req));
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.get('/me', requireUser, async (req, res) => {
    const auth = caller(req);
    const profile = await ownProfile(auth);
    res.json({ user: presentUser(auth.account), profile } satisfies MeResponse);
  });

  router.delete('/me', requireUser, validateBody(AccountEraseSchema), async (req, res) => {
    await accounts.erase(caller(req), req.body.password);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.post('/password-reset', limits.passwordReset, validateBody(PasswordResetRequestSchema), async (req, res) => {
    await accounts.requestPasswordReset(req.body.email, appUrl(req));
    res.status(202).json({ status: 'accepted' });
  });

  router.post('/password-reset/confirm', limits.passwordReset, validateBody(PasswordResetConfirmSchema), async (req, res) => {
    await accounts.confirmPasswordReset(req.body);
    res.status(204).end();
  });

  return router;
}
