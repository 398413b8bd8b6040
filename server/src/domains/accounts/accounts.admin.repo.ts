// Owner-connection SQL for authentication. It bypasses RLS on purpose: it runs before anyone is
// signed in (register, login, session lookup, password reset) or erases a whole account.
import type { Role, TrainingLevel } from '../../contract/accounts.js';
import type { Queryable } from '../../db/types.js';

export interface AccountRow {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
}

const ACCOUNT_COLUMNS = 'a.id, a.email, a.role, a.created_at';

export async function insertAccount(
  tx: Queryable,
  a: { email: string; role: Role; passwordHash: string; first_name: string; last_name: string; training_level: TrainingLevel },
): Promise<AccountRow> {
  const { rows } = await tx.query<AccountRow>(
    `insert into public.accounts as a (email, role) values ($1, $2) returning ${ACCOUNT_COLUMNS}`,
    [a.email, a.role],
  );
  const account = rows[0]!;
  await tx.query('insert into private.credentials (account_id, password_hash) values ($1, $2)', [account.id, a.passwordHash]);
  await tx.query(
    'insert into public.profiles (user_id, first_name, last_name, training_level) values ($1, $2, $3, $4)',
    [account.id, a.first_name, a.last_name, a.training_level],
  );
  return account;
}

export async function findByEmailWithHash(q: Queryable, email: string): Promise<(AccountRow & { password_hash: string }) | null> {
  const { rows } = await q.query<AccountRow & { password_hash: string }>(
    `select ${ACCOUNT_COLUMNS}, c.password_hash
       from public.accounts a join private.credentials c on c.account_id = a.id
      where a.email = $1`,
    [email],
  );
  return rows[0] ?? null;
}

export async function findHashById(q: Queryable, id: string): Promise<string | null> {
  const { rows } = await q.query<{ password_hash: string }>('select password_hash from private.credentials where account_id = $1', [id]);
  return rows[0]?.password_hash ?? null;
}

export async function findByEmail(q: Queryable, email: string): Promise<AccountRow | null> {
  const { rows } = await q.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from public.accounts a where a.email = $1`, [email]);
  return rows[0] ?? null;
}

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
): Promise<{ session_id: string; account: AccountRow } | null> {
  const { rows } = await q.query<AccountRow & { session_id: string }>(
    `with s as (
       select id, account_id from private.auth_sessions
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
     select s.id as session_id, ${ACCOUNT_COLUMNS} from s join public.accounts a on a.id = s.account_id`,
    [tokenHash, ttlHours],
  );
  const row = rows[0];
  if (!row) return null;
  const { session_id, ...account } = row;
  return { session_id, account };
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

export async function createResetToken(q: Queryable, accountId: string, tokenHash: Buffer, validMinutes: number): Promise<void> {
  await q.query(
    `insert into private.password_reset_tokens (token_hash, account_id, expires_at)
     values ($1, $2, now() + make_interval(mins => $3))`,
    [tokenHash, accountId, validMinutes],
  );
}

/** Marks a valid token used and returns its account; a used, expired or unknown token returns null. */
export async function consumeResetToken(q: Queryable, tokenHash: Buffer): Promise<string | null> {
  const { rows } = await q.query<{ account_id: string }>(
    `update private.password_reset_tokens set used_at = now()
      where token_hash = $1 and used_at is null and expires_at > now()
      returning account_id`,
    [tokenHash],
  );
  const accountId = rows[0]?.account_id ?? null;
  if (accountId) {
    // One reset spends every outstanding link for that account.
    await q.query('update private.password_reset_tokens set used_at = now() where account_id = $1 and used_at is null', [accountId]);
  }
  return accountId;
}

export async function setPasswordHash(q: Queryable, accountId: string, passwordHash: string): Promise<void> {
  await q.query('update private.credentials set password_hash = $2, updated_at = now() where account_id = $1', [accountId, passwordHash]);
}

/** Erases the account; every table that belongs to it references accounts with `on delete cascade`. */
export async function deleteAccount(q: Queryable, accountId: string): Promise<void> {
  await q.query('delete from public.accounts where id = $1', [accountId]);
}

export async function setRole(q: Queryable, accountId: string, role: Role): Promise<void> {
  await q.query('update public.accounts set role = $2 where id = $1', [accountId, role]);
}
