// Owner-connection SQL for accounts. It bypasses RLS on purpose: it runs before anyone is signed in
// (register, login, password reset) or erases a whole account. Sign-in sessions themselves are
// auth/auth-sessions.admin.repo.ts.
import type { Role, TrainingLevel } from '../../contract/accounts.js';
import { ACCOUNT_COLUMNS } from '../../auth/auth-sessions.admin.repo.js';
import type { AuthAccount } from '../../auth/context.js';
import type { Queryable } from '../../db/types.js';

/** An account as the server hands it around: the signed-in caller's shape (auth/context.ts). */
export type AccountRow = AuthAccount;

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
