import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
import { BoardWatchSchema, type ClientToServerEvents, type InterServerEvents, type ServerToClientEvents, type SocketData } from '../contract/realtime.js';
import type { Authenticate } from '../auth/context.js';
import { tokenFrom } from '../http/auth.js';
import { handle } from './ack.js';
import { createGateway, rooms, type RealtimeGateway, type TypedServer } from './gateway.js';

/** What Redis answers a raw command with. */
export type RedisReply = boolean | number | string | Array<boolean | number | string>;

export type TypedSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface Realtime {
  io: TypedServer;
  gateway: RealtimeGateway;
  kind: 'memory' | 'redis';
  /** A raw command on the Redis connection the adapter publishes on (null without Redis), for other shared state. */
  redisCommand: ((args: string[]) => Promise<RedisReply>) | null;
  /** Adds a domain's event handlers to every socket that connects from now on. */
  onConnection(register: (socket: TypedSocket) => void): void;
  close(): Promise<void>;
}

export interface RealtimeDeps {
  authenticate: Authenticate;
  redisUrl: string | undefined;
  redisChannelPrefix: string;
  /** Whether a browser Origin is one of ours (checked on the handshake to stop cross-site sockets). */
  isAllowedOrigin: (origin: string, req: IncomingMessage) => boolean;
  logger: Logger;
}

async function redisAdapter(url: string, key: string, logger: Logger) {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) client.on('error', (err: Error) => logger.error({ err }, 'redis client error'));
  await Promise.all([pub.connect(), sub.connect()]);
  return {
    adapter: createAdapter(pub, sub, { key }),
    // The publishing connection is never in subscriber mode, so it can carry ordinary commands too.
    command: (args: string[]) => pub.sendCommand(args) as Promise<RedisReply>,
    close: async () => {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}

/**
 * Socket.IO on the app's HTTP server. The handshake resolves the session from the cookie or
 * `auth.token`; a socket without one is an anonymous board watcher and can do nothing else.
 */
export async function attachRealtime(httpServer: HttpServer, deps: RealtimeDeps): Promise<Realtime> {
  const redis = deps.redisUrl ? await redisAdapter(deps.redisUrl, deps.redisChannelPrefix, deps.logger) : null;
  const io: TypedServer = new Server(httpServer, {
    serveClient: false,
    // Works with the in-memory adapter; the Redis adapter cannot replay missed packets, so clients
    // re-join their rooms and re-read state on every (re)connect in any case.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, origin === undefined || deps.isAllowedOrigin(origin, req));
    },
    ...(redis ? { adapter: redis.adapter } : {}),
  });

  // Recovery puts a socket back into the rooms it had, with its old socket.data, and hands it the
  // packets those rooms were sent while it was away, all before any middleware runs. Those rooms and
  // packets belong to whoever was signed in then, who may have logged out, reset their password or
  // been erased meanwhile (the revocation's disconnectSockets() cannot reach a socket that is away).
  // So the missed packets are held back until the handshake below has re-authenticated the socket,
  // and only the same, still valid sign-in gets them and keeps its private rooms.
  const heldBack = new Map<string, unknown[][]>();
  if (!redis) {
    const adapter = io.of('/').adapter;
    const restore = adapter.restoreSession.bind(adapter);
    adapter.restoreSession = async (pid, offset) => {
      const session = await restore(pid, offset);
      if (!session) return session;
      heldBack.set(session.sid, session.missedPackets);
      return { ...session, missedPackets: [] };
    };
  }
  const recoveries = new WeakMap<TypedSocket, { restored: SocketData['user']; missed: unknown[][] }>();

  io.use(async (socket, next) => {
    if (socket.recovered) {
      recoveries.set(socket, { restored: socket.data.user, missed: heldBack.get(socket.id) ?? [] });
      heldBack.delete(socket.id);
    }
    try {
      const explicit = typeof socket.handshake.auth?.token === 'string' ? (socket.handshake.auth.token as string) : undefined;
      const found = explicit ? { token: explicit, via: 'bearer' as const } : tokenFrom({ cookie: socket.handshake.headers.cookie });
      socket.data.user = null;
      if (found) {
        const auth = await deps.authenticate(found.token, found.via);
        // A token handed over explicitly must be valid; a stale cookie just means anonymous.
        if (!auth && found.via === 'bearer') return next(new Error('unauthenticated'));
        if (auth) {
          socket.data.user = { id: auth.account.id, email: auth.account.email, role: auth.account.role, auth_session_id: auth.sessionId };
        }
      }
      next();
    } catch (err) {
      deps.logger.warn({ err }, 'socket handshake failed');
      next(new Error('unavailable'));
    }
  });

  /**
   * A recovered socket whose sign-in is the same as before (and, having just passed the handshake,
   * still valid) carries on where it was, missed packets included. Any other keeps only its own room
   * and the public board (which anonymous sockets may watch) and goes on as a fresh connection: the
   * new user's rooms are joined below, and the client re-joins and re-reads the rest on every
   * (re)connect anyway.
   */
  function resumeOrForget(socket: TypedSocket, { restored, missed }: { restored: SocketData['user']; missed: unknown[][] }) {
    const now = socket.data.user;
    if (restored?.id === now?.id && restored?.auth_session_id === now?.auth_session_id) {
      // Each stored packet ends with the offset it was sent under; emit() gives it a new one.
      const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => boolean;
      for (const [event, ...args] of missed as [string, ...unknown[]][]) emit(event, ...args.slice(0, -1));
      return;
    }
    for (const room of [...socket.rooms]) {
      if (room !== socket.id && room !== rooms.board) void socket.leave(room);
    }
  }

  let closed = false;
  const registrars: ((socket: TypedSocket) => void)[] = [];
  io.on('connection', (socket) => {
    // A handshake that finished (its sign-in looked up) after shutdown began: nothing more to say.
    if (closed) {
      socket.disconnect(true);
      return;
    }
    const recovery = recoveries.get(socket);
    if (recovery) resumeOrForget(socket, recovery);
    for (const register of registrars) register(socket);
    const user = socket.data.user;
    if (user) {
      void socket.join([rooms.user(user.id), rooms.authSession(user.auth_session_id)]);
    }
    socket.emit('hello', { user_id: user?.id ?? null, role: user?.role ?? null });

    socket.on(
      'board:watch',
      handle(BoardWatchSchema, deps.logger, async () => {
        await socket.join(rooms.board);
        return {};
      }),
    );
  });

  return {
    io,
    gateway: createGateway(io, () => closed),
    kind: redis ? 'redis' : 'memory',
    redisCommand: redis ? redis.command : null,
    onConnection: (register) => registrars.push(register),
    async close() {
      closed = true;
      // Only this instance's connections, and as a transport close, so clients reconnect (to another
      // instance, or to this one when it is back). io.disconnectSockets() would go through the
      // adapter and end every instance's sockets, and tell clients not to come back.
      io.engine.close();
      await redis?.close();
    },
  };
}
