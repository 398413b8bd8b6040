/** What a query returns, the same for both drivers. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** Anything SQL can be sent to: the database itself or one open transaction. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements (no parameters), as migrations need. */
  exec(sql: string): Promise<void>;
}

/** The database roles a signed-in request runs as: admins get their own, which inherits authenticated. */
export type UserDbRole = 'authenticated' | 'app_admin';

/**
 * The claims a request carries into PostgreSQL as `request.jwt.claims`, shaped like the JWT
 * Supabase's gateway forwards, so `auth.uid()` and `auth.email()` work the same everywhere.
 * As there, `role` is the database role the transaction switches to.
 */
export interface Claims {
  sub: string;
  email: string;
  role: UserDbRole;
  app_metadata: { role: string };
  session_id: string;
}

export type DbKind = 'pglite' | 'postgres';

export type ListenEvent = 'notify' | 'lost' | 'ready';

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Runs `fn` in one transaction as the connection's owner (bypasses RLS: migrations, scheduler, admin tooling). */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction as the claims' role (`authenticated`, or `app_admin`) with these claims, so RLS sees the caller. */
  asUser<T>(claims: Claims, fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction as role `anon`. */
  asAnon<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Listens for NOTIFY on `channel` until the returned function is called. `onEvent` hears each
   * notification, `'lost'` when notifications may go unheard (the listening connection broke; it is
   * re-opened in the background) and `'ready'` once listening again. Resolves once listening.
   */
  listen(channel: string, onEvent: (event: ListenEvent) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** The statement every role-switched transaction starts with; one round trip, transaction-local. */
export const SET_ROLE_SQL = `select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`;

export function roleParams(claims: Claims | null): [string, string] {
  return claims ? [claims.role, JSON.stringify(claims)] : ['anon', JSON.stringify({ role: 'anon' })];
}
