import type { Logger } from 'pino';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import {
  FactsElicitedSchema,
  RtcSignalSchema,
  SessionAdvanceSchema,
  SessionJoinSchema,
  SessionNextSchema,
  SessionPauseSchema,
  TranscriptAppendSchema,
} from '../../contract/sessions.js';
import { notFound, unauthenticated } from '../../errors.js';
import { handle } from '../../realtime/ack.js';
import { rooms } from '../../realtime/gateway.js';
import type { TypedSocket } from '../../realtime/server.js';
import { claimsFor } from '../../auth/context.js';
import type { Role } from '../../contract/accounts.js';
import type { PresenceWatch } from './presence.js';
import type { SessionActor } from './access.js';
import type { AssessmentsPort } from './assessments.port.js';
import type { SessionsService } from './service.js';

/** The participants' live channel: join a session, and (the actor) run its station. */
export function registerSessionHandlers(
  sessions: SessionsService,
  assessments: AssessmentsPort,
  realtime: RealtimeGateway,
  presence: PresenceWatch,
  logger: Logger,
) {
  return (socket: TypedSocket) => {
    // Sessions this socket joined as a participant; signalling goes only to the others in that room.
    const joined = new Set<string>();
    const actor = (): SessionActor => {
      const user = socket.data.user;
      if (!user) throw unauthenticated();
      const account = { id: user.id, email: user.email, role: user.role as Role };
      return { account, claims: claimsFor(account, user.auth_session_id) };
    };

    socket.on(
      'session:join',
      handle(SessionJoinSchema, logger, async ({ session_id }) => {
        const { session } = await sessions.join(actor(), session_id);
        joined.add(session_id);
        await socket.join(rooms.session(session_id));
        presence.joined(session_id);
        return { session };
      }),
    );

    // Leaving the room view counts as leaving the room: no more live events, and during reading or
    // the consultation the clock stops if they are not back within the grace period.
    socket.on(
      'session:leave',
      handle(SessionJoinSchema, logger, async ({ session_id }) => {
        if (!joined.delete(session_id)) return {};
        await socket.leave(rooms.session(session_id));
        const user = socket.data.user;
        if (user) presence.left(session_id, user.id);
        return {};
      }),
    );

    socket.on('disconnect', () => {
      const user = socket.data.user;
      if (user) for (const id of joined) presence.left(id, user.id);
    });

    socket.on(
      'session:pause',
      handle(SessionPauseSchema, logger, async ({ session_id }) => ({ session: await sessions.pause(actor(), session_id) })),
    );

    socket.on(
      'session:resume',
      handle(SessionPauseSchema, logger, async ({ session_id }) => ({ session: await sessions.resume(actor(), session_id) })),
    );

    socket.on(
      'session:next',
      handle(SessionNextSchema, logger, async ({ session_id }) => ({ session: await sessions.next(actor(), session_id) })),
    );

    socket.on(
      'session:advance',
      handle(SessionAdvanceSchema, logger, async ({ session_id, to }) => ({ session: await sessions.advance(actor(), session_id, to) })),
    );

    socket.on(
      'transcript:append',
      handle(TranscriptAppendSchema, logger, async ({ session_id, ...segment }) => ({ segment: await sessions.appendSegment(actor(), session_id, segment) })),
    );

    socket.on(
      'facts:elicited',
      handle(FactsElicitedSchema, logger, async ({ session_id, fact_id, elicited }) => ({ state: await assessments.elicit(actor(), session_id, fact_id, elicited) })),
    );

    socket.on(
      'rtc:signal',
      handle(RtcSignalSchema, logger, async ({ session_id, data }) => {
        if (!joined.has(session_id) || !socket.rooms.has(rooms.session(session_id))) throw notFound('Join the session first');
        const me = actor().account.id;
        realtime.toOthersInSession(session_id, me).emit('rtc:signal', { session_id, data, from: me });
        return {};
      }),
    );
  };
}
