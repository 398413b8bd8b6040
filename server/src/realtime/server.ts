import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import { Server, type Socket } from 'socket.io';
import { BoardWatchSchema, type ClientToServerEvents, type InterServerEvents, type ServerToClientEvents, type SocketData } from '../contract/realtime.js';
import type { AuthContext } from '../domains/accounts/auth-context.js';
import { tokenFrom } from '../http/auth.js';
import { handle } from './ack.js';
import { createGateway, rooms, type RealtimeGateway, type TypedServer } from './gateway.js';

export type TypedSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export interface Realtime {
  io: TypedServer;
  gateway: RealtimeGateway;
  kind: 'memory' | 'redis';
  /** Adds a domain's event handlers to every socket that connects from now on. */
  onConnection(register: (socket: TypedSocket) => void): void;
  close(): Promise<void>;
}

export interface RealtimeDeps {
  authenticate: (token: string, via: AuthContext['via']) => Promise<AuthContext | null>;
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

  io.use(async (socket, next) => {
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

  const registrars: ((socket: TypedSocket) => void)[] = [];
  io.on('connection', (socket) => {
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
    gateway: createGateway(io),
    kind: redis ? 'redis' : 'memory',
    onConnection: (register) => registrars.push(register),
    async close() {
      // Only this instance's connections, and as a transport close, so clients reconnect (to another
      // instance, or to this one when it is back). io.disconnectSockets() would go through the
      // adapter and end every instance's sockets, and tell clients not to come back.
      io.engine.close();
      await redis?.close();
    },
  };
}
