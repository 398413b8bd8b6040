import type { Queryable } from '../db/types.js';

/**
 * Records an admin's look at someone's data on the admin oversight log (`/api/admin/audit`), in
 * the same transaction as the read, as the admin themselves (the database refuses any other
 * admin_id). Every domain whose GETs admins may point at another user (`?user_id=`) calls this.
 */
export async function recordAdminView(tx: Queryable, adminId: string, action: string, subjectId: string | null, detail: Record<string, unknown>): Promise<void> {
  await tx.query('insert into public.admin_audit_log (admin_id, action, subject_id, detail) values ($1, $2, $3, $4)', [
    adminId,
    action,
    subjectId,
    JSON.stringify(detail),
  ]);
}
