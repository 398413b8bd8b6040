import type { Db } from '../db/types.js';
import { resolveSession } from './auth-sessions.admin.repo.js';
import { claimsFor, type Authenticate } from './context.js';
import { tokenDigest } from './tokens.js';

/**
 * Session tokens to callers, for HTTP requests and socket handshakes alike. It needs only the
 * database, so start-up makes it before realtime (whose handshake uses it) and before the domains
 * (which use realtime): nothing has to be bound late.
 */
export function createAuthenticator({ db, sessionTtlHours }: { db: Db; sessionTtlHours: number }): Authenticate {
  return async (token, via) => {
    if (token.length === 0 || token.length > 200) return null;
    const found = await resolveSession(db, tokenDigest(token), sessionTtlHours);
    if (!found) return null;
    return { account: found.account, sessionId: found.session_id, via, claims: claimsFor(found.account, found.session_id) };
  };
}
