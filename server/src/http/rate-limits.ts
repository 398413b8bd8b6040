import type { RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator, type Store } from 'express-rate-limit';
import { rateLimited } from '../errors.js';

const MINUTE = 60_000;

/**
 * Where the limits keep their counts: one store per limiter, named so the counts of different
 * limiters never mix. Absent: in this process's memory. With several instances behind one address
 * they share a store (Redis), so an attacker gains nothing by spreading attempts over instances.
 */
export type RateLimitStores = (limiterName: string) => Store;

function limiter(
  name: string,
  stores: RateLimitStores | undefined,
  windowMs: number,
  limit: number,
  key?: (req: Parameters<RequestHandler>[0]) => string,
): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(key ? { keyGenerator: key } : {}),
    ...(stores
      ? {
          store: stores(name),
          // A shared store that cannot be reached lets requests through (express-rate-limit logs the
          // store's error) rather than turning every sign-in into a 500: the brakes fail open, the
          // product stays usable, and argon2id still makes each guess slow.
          passOnStoreError: true,
        }
      : {}),
    handler: (_req, _res, next) => next(rateLimited()),
  });
}

const ip = (req: Parameters<RequestHandler>[0]) => ipKeyGenerator(req.ip ?? 'unknown');

export interface AuthRateLimits {
  login: RequestHandler;
  register: RequestHandler;
  passwordReset: RequestHandler;
}

/**
 * Brute-force brakes on the credential routes. Login counts per address and per target email, so
 * one attacker cannot try many passwords on one account, nor spray one password over many.
 */
export function authRateLimits(
  cfg: { loginPer15Min: number; registerPerHour: number; resetPer15Min: number },
  stores?: RateLimitStores,
): AuthRateLimits {
  const loginPerIp = limiter('login-ip', stores, 15 * MINUTE, cfg.loginPer15Min * 5, ip);
  const loginPerAccount = limiter('login-account', stores, 15 * MINUTE, cfg.loginPer15Min, (req) => {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    return `${ip(req)}|${email}`;
  });
  return {
    login: (req, res, next) => loginPerIp(req, res, (err?: unknown) => (err ? next(err) : loginPerAccount(req, res, next))),
    register: limiter('register', stores, 60 * MINUTE, cfg.registerPerHour, ip),
    passwordReset: limiter('password-reset', stores, 15 * MINUTE, cfg.resetPer15Min, ip),
  };
}
