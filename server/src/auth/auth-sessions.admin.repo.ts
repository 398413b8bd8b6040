// Owner-connection SQL for sign-in sessions (private.auth_sessions). It bypasses RLS on purpose: a
// session is looked up before anyone is known to be signed in. Only digests of tokens are stored.
import type { Queryable } from '../db/types.js';
import type { AuthAccount } from './context.js';

/** The columns of an AuthAccount, for a query with `public.accounts` aliased `a`. */
export const ACCOUNT_COLUMNS = 'a.id, a.email, a.role, a.created_at';

export async function createSession(
  q: Queryable,
  s: { accountId: string; tokenHash: Buffer; ttlHours: number; userAgent: string | undefined; ip: string | undefined },
): Promise<string> {
  // Signing in counts as being seen (later use touches last_seen_at at most once a minute).
  const { rows } = await q.query<{ id: string }>(
    `with created as (
       insert into private.auth_sessions (account_id, token_hash, expires_at, user_agent, ip)
       values ($1, $2, now() + make_interval(hours => $3), $4, $5) returning id, account_id
     ),
     seen as (update public.accounts set last_seen_at = now() where id = (select account_id from created))
     select id from created`,
    [s.accountId, s.tokenHash, s.ttlHours, s.userAgent?.slice(0, 500) ?? null, s.ip ?? null],
  );
  return rows[0]!.id;
}

/** A live sign-in: the session, the account it speaks for, and when it ends unless used again. */
export interface ResolvedSession {
  session_id: string;
  /** As read, before this lookup's own touch moved it later. */
  expires_at: Date;
  account: AuthAccount;
}

/** Absolute lifetime of a session, however actively it is used. */
const SESSION_MAX_DAYS = 90;

/**
 * Finds a live session by token digest in one round trip. Sliding expiry: a session used more than
 * a minute after its last recorded use is extended by the TTL (never past the absolute maximum),
 * and the account's last_seen_at is touched at most once a minute — not a write per request.
 */
export async function resolveSession(
  q: Queryable,
  tokenHash: Buffer,
  ttlHours: number,
): Promise<ResolvedSession | null> {
  const { rows } = await q.query<AuthAccount & { session_id: string; expires_at: Date }>(
    `with s as (
       select id, account_id, expires_at from private.auth_sessions
        where token_hash = $1 and revoked_at is null and expires_at > now()
     ),
     touched as (
       update private.auth_sessions t
          set last_used_at = now(),
              expires_at = least(now() + make_interval(hours => $2), t.created_at + make_interval(days => ${SESSION_MAX_DAYS}))
        where t.id = (select id from s) and t.last_used_at < now() - interval '1 minute'
        returning t.account_id
     ),
     seen as (
       update public.accounts set last_seen_at = now() where id = (select account_id from touched)
     )
     select s.id as session_id, s.expires_at, ${ACCOUNT_COLUMNS} from s join public.accounts a on a.id = s.account_id`,
    [tokenHash, ttlHours],
  );
  const row = rows[0];
  if (!row) return null;
  const { session_id, expires_at, ...account } = row;
  return { session_id, expires_at, account };
}

export async function revokeSession(q: Queryable, sessionId: string): Promise<void> {
  await q.query('update private.auth_sessions set revoked_at = now() where id = $1 and revoked_at is null', [sessionId]);
}

export async function revokeAllSessions(q: Queryable, accountId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    'update private.auth_sessions set revoked_at = now() where account_id = $1 and revoked_at is null returning id',
    [accountId],
  );
  return rows.map((r) => r.id);
}
