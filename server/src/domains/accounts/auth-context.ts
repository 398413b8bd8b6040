import type { Role } from '../../contract/accounts.js';
import type { Claims } from '../../db/types.js';
import type { AccountRow } from './accounts.admin.repo.js';

/** Who a request or socket acts for, once its session token has been checked. */
export interface AuthContext {
  account: AccountRow;
  sessionId: string;
  via: 'cookie' | 'bearer';
  claims: Claims;
}

/** The claims a request runs with; an admin's transactions run as the app_admin database role. */
export function claimsFor(account: { id: string; email: string; role: Role }, sessionId: string): Claims {
  return {
    sub: account.id,
    email: account.email,
    role: account.role === 'admin' ? 'app_admin' : 'authenticated',
    app_metadata: { role: account.role },
    session_id: sessionId,
  };
}
