// Account SQL run as the caller, inside db.asUser(): a person reads their own account row, and an
// admin (app_admin) a trainee's, through the accounts policies. Nothing here writes.
import type { Queryable } from '../../db/types.js';

export interface VisibleAccountRow {
  id: string;
  email: string;
  role: string;
  created_at: Date;
  last_seen_at: Date | null;
}

/** The account if the transaction's role may see it, else null. */
export async function findVisibleAccount(tx: Queryable, userId: string): Promise<VisibleAccountRow | null> {
  const { rows } = await tx.query<VisibleAccountRow>('select id, email, role, created_at, last_seen_at from public.accounts where id = $1', [userId]);
  return rows[0] ?? null;
}
