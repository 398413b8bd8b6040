import { parse as parseCookie } from 'cookie';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import type { Authenticate, AuthContext } from '../auth/context.js';
import { forbidden, unauthenticated } from '../errors.js';
import type { Role } from '../contract/accounts.js';

export const SESSION_COOKIE = 'sid';

/** The session token a request or handshake carries: a bearer header wins over the cookie. */
export function tokenFrom(headers: { authorization?: string | undefined; cookie?: string | undefined }): { token: string; via: AuthContext['via'] } | null {
  const authz = headers.authorization;
  if (authz?.toLowerCase().startsWith('bearer ')) return { token: authz.slice(7).trim(), via: 'bearer' };
  const cookieValue = headers.cookie ? parseCookie(headers.cookie)[SESSION_COOKIE] : undefined;
  return cookieValue ? { token: cookieValue, via: 'cookie' } : null;
}

/** Resolves the caller, if any. An invalid or expired token is simply no caller; routes decide. */
export function authenticate(resolve: Authenticate): RequestHandler {
  return async (req, _res, next) => {
    const found = tokenFrom(req.headers);
    if (found) {
      const auth = await resolve(found.token, found.via);
      if (auth) req.auth = auth;
    }
    next();
  };
}

export const requireUser: RequestHandler = (req, _res, next) => next(req.auth ? undefined : unauthenticated());

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.auth) return next(unauthenticated());
    next(roles.includes(req.auth.account.role) ? undefined : forbidden());
  };
}

/** The signed-in caller; only call after `requireUser`. */
export function caller(req: Request): AuthContext {
  if (!req.auth) throw unauthenticated();
  return req.auth;
}

export function sessionCookieOptions(req: Request, maxAgeMs: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: maxAgeMs };
}

export function clearSessionCookie(req: Request, res: Response) {
  const { maxAge: _m, ...opts } = sessionCookieOptions(req, 0);
  res.clearCookie(SESSION_COOKIE, opts);
}
