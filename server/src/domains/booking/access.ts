import type { AuthContext } from '../../auth/context.js';
import type { Queryable } from '../../db/types.js';
import { forbidden, notFound } from '../../errors.js';
import { recordAdminView } from '../../kit/oversight.js';

/**
 * Whose rows a GET reads: the caller's own, or, for an admin naming someone (`?user_id=`), that
 * person's — read-only through the admins' select policies, and recorded on the admin oversight
 * log in the same transaction. Anyone else naming another user is refused.
 */
export async function readerFor(tx: Queryable, auth: AuthContext, userId: string | undefined, action: string, detail: Record<string, unknown> = {}): Promise<string> {
  if (userId === undefined || userId === auth.account.id) return auth.account.id;
  if (auth.account.role !== 'admin') throw forbidden('Only admins read other people’s rows');
  await recordAdminView(tx, auth.account.id, action, userId, detail);
  return userId;
}

/** An admin opening someone's row by id: recorded on the oversight log. */
export async function recordIfSomeoneElses(tx: Queryable, auth: AuthContext, ownerId: string, action: string, id: string): Promise<void> {
  if (ownerId !== auth.account.id && auth.account.role === 'admin') await recordAdminView(tx, auth.account.id, action, ownerId, { id });
}

/**
 * Writes touch only the caller's own rows. Admins read everyone's through their own policy, so a
 * row found by id is checked against the caller before any change: anyone else's is not there.
 */
export function own<R extends { user_id: string }>(row: R | null, auth: AuthContext, noun: string): R {
  if (!row || row.user_id !== auth.account.id) throw notFound(`This ${noun} does not exist, or it is not yours`);
  return row;
}
