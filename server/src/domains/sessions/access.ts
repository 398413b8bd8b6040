// Who may act on a session: the caller, as HTTP requests and sockets both describe them, and the
// one check every participant-only operation starts with.
import type { AuthContext } from '../../auth/context.js';
import type { Queryable } from '../../db/types.js';
import { notFound } from '../../errors.js';
import { findOwnSession, type SessionRow } from './repo.js';

/** Who acts, as far as sessions need to know: HTTP requests and sockets both provide it. */
export type SessionActor = Pick<AuthContext, 'claims'> & { account: Pick<AuthContext['account'], 'id' | 'role'> };

export const missing = () => notFound('No such session');

/** The session if the caller takes part in it (run as the caller); anyone else gets 404. */
export async function participantRow(tx: Queryable, id: string): Promise<SessionRow> {
  const row = await findOwnSession(tx, id);
  if (!row) throw missing();
  return row;
}
