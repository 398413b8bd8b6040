import type { Db } from '../../db/types.js';
import * as repo from './accounts.admin.repo.js';
import { hashPassword } from './password.js';
import { newToken } from '../../auth/tokens.js';

/**
 * Makes `email` an admin: promotes an existing account, or creates one. A new admin gets a random
 * password nobody knows, so the first sign-in goes through a password reset.
 */
export async function ensureAdmin(db: Db, email: string, password?: string): Promise<{ id: string; created: boolean }> {
  const normalised = email.trim().toLowerCase();
  const existing = await repo.findByEmail(db, normalised);
  if (existing) {
    if (existing.role !== 'admin') await repo.setRole(db, existing.id, 'admin');
    return { id: existing.id, created: false };
  }
  const passwordHash = await hashPassword(password ?? newToken());
  const account = await db.transaction((tx) =>
    repo.insertAccount(tx, {
      email: normalised,
      role: 'admin',
      passwordHash,
      first_name: 'Platform',
      last_name: 'Admin',
      training_level: 'not_applicable',
    }),
  );
  return { id: account.id, created: true };
}
