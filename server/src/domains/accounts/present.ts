import type { User } from '../../contract/accounts.js';
import type { AuthAccount } from '../../auth/context.js';

export function presentUser(a: AuthAccount): User {
  return { id: a.id, email: a.email, role: a.role, created_at: a.created_at.toISOString() };
}
