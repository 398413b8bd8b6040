import type { Request, RequestHandler } from 'express';
import { forbidden } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions: a state-changing request must come from one of our own
 * origins. A request that names a foreign Origin is refused whatever it authenticates with; a
 * cookie-authenticated one must name an origin (Origin or, failing that, Referer). Bearer-token
 * requests carry no ambient credential, so they are exempt.
 */
export function originCheck(allowed: (requestOrigin: string, req: Request) => boolean): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    let origin = req.get('origin');
    if (!origin || origin === 'null') {
      const referer = req.get('referer');
      try {
        origin = referer ? new URL(referer).origin : undefined;
      } catch {
        origin = undefined;
      }
    }
    if (origin) {
      if (!allowed(origin, req)) return next(forbidden('Cross-site request refused'));
      return next();
    }
    if (req.auth?.via === 'cookie') return next(forbidden('Cross-site request refused: missing Origin'));
    next();
  };
}

/**
 * Our origins: the configured public URL, any extra allowed origins, and the origin the request
 * itself was addressed to (scheme + Host), which a cross-site page cannot forge in a victim's browser.
 */
export function originMatcher(publicUrl: string | undefined, extra: string[], trustProxy: boolean) {
  const fixed = new Set([publicUrl, ...extra].filter((o): o is string => Boolean(o)).map((o) => new URL(o).origin));
  return (origin: string, req: { headers: Record<string, string | string[] | undefined>; socket: unknown }) => {
    if (fixed.has(origin)) return true;
    const host = req.headers.host;
    if (typeof host !== 'string') return false;
    const forwarded = trustProxy ? req.headers['x-forwarded-proto'] : undefined;
    const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
    const proto = typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : encrypted ? 'https' : 'http';
    return origin === `${proto}://${host}`;
  };
}
