// Who a request or socket acts for. This sits below every domain and below the HTTP and realtime
// layers, so all of them can name the caller without importing the accounts domain.
import type { Role } from '../contract/accounts.js';
import type { Claims } from '../db/types.js';

/** The signed-in account as every layer sees it. */
export interface AuthAccount {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
}

/** Who a request or socket acts for, once its session token has been checked. */
export interface AuthContext {
  account: AuthAccount;
  sessionId: string;
  via: 'cookie' | 'bearer';
  claims: Claims;
}

/** Resolves a session token to its caller; null for an unknown, revoked or expired token. */
export type Authenticate = (token: string, via: AuthContext['via']) => Promise<AuthContext | null>;

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
