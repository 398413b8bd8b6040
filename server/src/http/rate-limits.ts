import type { RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { rateLimited } from '../errors.js';

const MINUTE = 60_000;

function limiter(windowMs: number, limit: number, key?: (req: Parameters<RequestHandler>[0]) => string): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(key ? { keyGenerator: key } : {}),
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
export function authRateLimits(cfg: { loginPer15Min: number; registerPerHour: number; resetPer15Min: number }): AuthRateLimits {
  const loginPerIp = limiter(15 * MINUTE, cfg.loginPer15Min * 5, ip);
  const loginPerAccount = limiter(15 * MINUTE, cfg.loginPer15Min, (req) => {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    return `${ip(req)}|${email}`;
  });
  return {
    login: (req, res, next) => loginPerIp(req, res, (err?: unknown) => (err ? next(err) : loginPerAccount(req, res, next))),
    register: limiter(60 * MINUTE, cfg.registerPerHour, ip),
    passwordReset: limiter(15 * MINUTE, cfg.resetPer15Min, ip),
  };
}
