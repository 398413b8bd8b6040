import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HelloPayload, ServerToClientEvents } from '../../server/src/contract/realtime.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client connection; resolves with the server's `hello` once connected. */
export async function connectSocket(
  url: string,
  as: { cookie?: string; token?: string; origin?: string; transports?: ('polling' | 'websocket')[] } = {},
): Promise<{ socket: ClientSocket; hello: HelloPayload }> {
  const extraHeaders: Record<string, string> = {};
  if (as.cookie) extraHeaders.cookie = as.cookie;
  if (as.origin) extraHeaders.origin = as.origin;
  const socket: ClientSocket = io(url, {
    transports: as.transports ?? ['websocket'],
    upgrade: false,
    reconnection: false,
    forceNew: true,
    extraHeaders,
    ...(as.token ? { auth: { token: as.token } } : {}),
  });
  const hello = await new Promise<HelloPayload>((resolve, reject) => {
    socket.once('hello', resolve);
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
  return { socket, hello };
}

/** The next `event` on `socket`, or a rejection naming it after `ms`. */
export function nextEvent<T>(socket: ClientSocket, event: string, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    (socket as unknown as Socket).once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

/** The first `event` whose payload satisfies `match` (earlier ones are skipped). */
export function eventMatching<T>(socket: ClientSocket, event: string, match: (payload: T) => boolean, ms = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const raw = socket as unknown as Socket;
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      raw.off(event, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => {
      raw.off(event, listener);
      reject(new Error(`no matching ${event} within ${ms} ms`));
    }, ms);
    raw.on(event, listener);
  });
}

/** Collects every `event` the socket receives, for asserting that something did NOT arrive. */
export function record<T>(socket: ClientSocket, event: string): T[] {
  const seen: T[] = [];
  (socket as unknown as Socket).on(event, (payload: T) => seen.push(payload));
  return seen;
}

/** A round trip through the server: once its ack is back, earlier emits to us have been delivered. */
export async function roundTrip(socket: ClientSocket) {
  await socket.emitWithAck('board:watch', {});
}
