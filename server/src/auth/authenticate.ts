import { createNotifiedCache, type NotifiedCache } from '../db/notified-cache.js';
import type { Db } from '../db/types.js';
import { resolveSession, type ResolvedSession } from './auth-sessions.admin.repo.js';
import { claimsFor, type Authenticate } from './context.js';
import { tokenDigest } from './tokens.js';

/** The channel the database notifies on whenever a sign-in ends or narrows (20261204191000_sign_in_changes.sql). */
export const SIGN_INS_CHANGED_CHANNEL = 'sign_ins_changed';

export type SignInCache = NotifiedCache<ResolvedSession | null>;

/**
 * The sign-ins this instance looked up, by token digest, for 30 s at most (and never past their
 * expiry): a request costs no database round trip to know who sent it. Logout, password reset, an
 * erasure, a role change or an operator's revocation notify every instance, which forget them all;
 * the instance that made the change forgets at once. Tokens that match nothing are never kept, so
 * guessing cannot fill the cache.
 */
export function createSignInCache(): SignInCache {
  return createNotifiedCache<ResolvedSession | null>({ name: 'sign-in', channel: SIGN_INS_CHANGED_CHANNEL, maxEntries: 10_000, maxAgeMs: 30_000 });
}

/**
 * Session tokens to callers, for HTTP requests and socket handshakes alike. It needs only the
 * database, so start-up makes it before realtime (whose handshake uses it) and before the domains
 * (which use realtime): nothing has to be bound late.
 */
export function createAuthenticator({ db, sessionTtlHours, cache }: { db: Db; sessionTtlHours: number; cache: SignInCache }): Authenticate {
  return async (token, via) => {
    if (token.length === 0 || token.length > 200) return null;
    const digest = tokenDigest(token);
    const found = await cache.get(digest.toString('base64'), async () => {
      const session = await resolveSession(db, digest, sessionTtlHours);
      return { value: session, validUntil: session ? session.expires_at.getTime() : 0 };
    });
    if (!found) return null;
    return { account: found.account, sessionId: found.session_id, via, claims: claimsFor(found.account, found.session_id) };
  };
}
