import type { Logger } from 'pino';
import { SessionAdvanceSchema, SessionJoinSchema } from '../../contract/sessions.js';
import { unauthenticated } from '../../errors.js';
import { handle } from '../../realtime/ack.js';
import { rooms } from '../../realtime/gateway.js';
import type { TypedSocket } from '../../realtime/server.js';
import { claimsFor } from '../accounts/auth-context.js';
import type { Role } from '../../contract/accounts.js';
import type { SessionActor, SessionsService } from './service.js';

/** The participants' live channel: join a session, and (the actor) run its station. */
export function registerSessionHandlers(sessions: SessionsService, logger: Logger) {
  return (socket: TypedSocket) => {
    const actor = (): SessionActor => {
      const user = socket.data.user;
      if (!user) throw unauthenticated();
      const account = { id: user.id, email: user.email, role: user.role as Role };
      return { account, claims: claimsFor(account, user.auth_session_id) };
    };

    socket.on(
      'session:join',
      handle(SessionJoinSchema, logger, async ({ session_id }) => {
        const session = await sessions.join(actor(), session_id);
        await socket.join(rooms.session(session_id));
        return { session };
      }),
    );

    socket.on(
      'session:advance',
      handle(SessionAdvanceSchema, logger, async ({ session_id, to }) => ({ session: await sessions.advance(actor(), session_id, to) })),
    );
  };
}
