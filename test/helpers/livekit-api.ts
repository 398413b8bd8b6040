import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TokenVerifier } from 'livekit-server-sdk';

export interface RemovedParticipant {
  room: string;
  identity: string;
  /** Tokens for this identity with an `nbf` before this (Unix seconds) no longer admit it. */
  revokeTokenTs: number;
  /** The grants of the API token the request came with. */
  grant: { room?: string; roomAdmin?: boolean };
}

/**
 * A stand-in for a LiveKit server's RoomService (Twirp over HTTP, as livekit-server-sdk calls it),
 * enough for `RemoveParticipant`: the request must carry an API token signed with the project's
 * key and secret (checked with the SDK's own verifier) that grants `roomAdmin` on that room; a user
 * not connected to the room is `404 not_found`, as the real server answers. There is no LiveKit
 * server on this closed network.
 */
export async function startLivekitApi(apiKey: string, apiSecret: string) {
  const verifier = new TokenVerifier(apiKey, apiSecret);
  const connected = new Set<string>();
  const removed: RemovedParticipant[] = [];
  const waiters: { match: (r: RemovedParticipant) => boolean; resolve: (r: RemovedParticipant) => void }[] = [];
  const at = (room: string, identity: string) => `${room}\n${identity}`;

  const readJson = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  };
  const twirpError = (status: number, code: string, msg: string) => [status, { 'content-type': 'application/json' }, JSON.stringify({ code, msg })] as const;

  const server = createServer(async (req, res) => {
    const answer = await (async () => {
      if (req.method !== 'POST' || req.url !== '/twirp/livekit.RoomService/RemoveParticipant') return twirpError(404, 'bad_route', 'no such method');
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const claims = bearer ? await verifier.verify(bearer).catch(() => null) : null;
      if (!claims) return twirpError(401, 'unauthenticated', 'invalid token');
      const grant = (claims.video ?? {}) as RemovedParticipant['grant'];
      const body = await readJson(req);
      const room = String(body.room ?? '');
      const identity = String(body.identity ?? '');
      if (!grant.roomAdmin || grant.room !== room) return twirpError(403, 'permission_denied', 'permissions denied');
      if (!connected.delete(at(room, identity))) return twirpError(404, 'not_found', 'participant not found');
      const entry: RemovedParticipant = { room, identity, revokeTokenTs: Number(body.revokeTokenTs ?? 0), grant };
      removed.push(entry);
      for (let i = waiters.length - 1; i >= 0; i--) {
        if (waiters[i]!.match(entry)) waiters.splice(i, 1)[0]!.resolve(entry);
      }
      return [200, { 'content-type': 'application/json' }, '{}'] as const;
    })();
    res.writeHead(answer[0], answer[1]).end(answer[2]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    /** What LIVEKIT_URL is set to (the SDK turns ws into http for the API). */
    url: `ws://127.0.0.1:${port}`,
    removed,
    /** Someone connected to a room with their token (what a browser does against the real server). */
    connect(room: string, identity: string) {
      connected.add(at(room, identity));
    },
    isConnected: (room: string, identity: string) => connected.has(at(room, identity)),
    /** The next removal matching, or one that already happened. */
    removal(match: (r: RemovedParticipant) => boolean): Promise<RemovedParticipant> {
      const seen = removed.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
