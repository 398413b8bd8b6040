import type { User } from '../../contract/accounts.js';
import type { AccountRow } from './accounts.admin.repo.js';

export function presentUser(a: AccountRow): User {
  return { id: a.id, email: a.email, role: a.role, created_at: a.created_at.toISOString() };
}
