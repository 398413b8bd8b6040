import type { Server } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../contract/realtime.js';

export type TypedServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const rooms = {
  board: 'board',
  session: (id: string) => `session:${id}`,
  user: (id: string) => `user:${id}`,
  authSession: (id: string) => `auth-session:${id}`,
};

/**
 * The one way services talk to connected clients. Emits go through the adapter, so with Redis they
 * reach sockets on every server instance.
 */
export interface RealtimeGateway {
  toUser(userId: string): Pick<ReturnType<TypedServer['to']>, 'emit'>;
  toBoard(): Pick<ReturnType<TypedServer['to']>, 'emit'>;
  toSession(sessionId: string): Pick<ReturnType<TypedServer['to']>, 'emit'>;
  /** The other participants' sockets that joined this session (everyone in its room but `userId`). */
  toOthersInSession(sessionId: string, userId: string): Pick<ReturnType<TypedServer['to']>, 'emit'>;
  /** The users with a socket in a session's room right now, on any server instance. */
  usersInSession(sessionId: string): Promise<Set<string>>;
  /** Takes a user's sockets out of a session's room (they withdrew or it was cancelled). */
  leaveSession(userId: string, sessionId: string): void;
  /** Ends the sockets opened with these (now revoked) sign-in sessions. */
  disconnectAuthSessions(sessionIds: string[]): void;
  disconnectUser(userId: string): void;
}

/**
 * Once `isClosed()` (the server is shutting down) the gateway is the offline one: a request still
 * finishing must not send through an adapter whose Redis connection is already closed (the
 * adapter's rejected publish would escape as an unhandled rejection).
 */
export function createGateway(io: TypedServer, isClosed: () => boolean = () => false): RealtimeGateway {
  const live: RealtimeGateway = {
    toUser: (id) => io.to(rooms.user(id)),
    toBoard: () => io.to(rooms.board),
    toSession: (id) => io.to(rooms.session(id)),
    toOthersInSession: (sessionId, userId) => io.to(rooms.session(sessionId)).except(rooms.user(userId)),
    async usersInSession(sessionId) {
      const sockets = await io.in(rooms.session(sessionId)).fetchSockets();
      return new Set(sockets.flatMap((s) => (s.data.user ? [s.data.user.id] : [])));
    },
    leaveSession(userId, sessionId) {
      io.in(rooms.user(userId)).socketsLeave(rooms.session(sessionId));
    },
    disconnectAuthSessions(ids) {
      if (ids.length > 0) io.in(ids.map(rooms.authSession)).disconnectSockets(true);
    },
    disconnectUser(id) {
      io.in(rooms.user(id)).disconnectSockets(true);
    },
  };
  const now = () => (isClosed() ? offlineGateway : live);
  return {
    toUser: (id) => now().toUser(id),
    toBoard: () => now().toBoard(),
    toSession: (id) => now().toSession(id),
    toOthersInSession: (sessionId, userId) => now().toOthersInSession(sessionId, userId),
    usersInSession: (sessionId) => now().usersInSession(sessionId),
    leaveSession: (userId, sessionId) => now().leaveSession(userId, sessionId),
    disconnectAuthSessions: (ids) => now().disconnectAuthSessions(ids),
    disconnectUser: (id) => now().disconnectUser(id),
  };
}

/** For processes with no Socket.IO server (the admin CLI): there is nobody connected to tell. */
export const offlineGateway: RealtimeGateway = {
  toUser: () => ({ emit: () => true }),
  toBoard: () => ({ emit: () => true }),
  toSession: () => ({ emit: () => true }),
  toOthersInSession: () => ({ emit: () => true }),
  usersInSession: async () => new Set(),
  leaveSession: () => {},
  disconnectAuthSessions: () => {},
  disconnectUser: () => {},
};
