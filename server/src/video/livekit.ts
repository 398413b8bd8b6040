import { AccessToken, RoomServiceClient, TwirpError } from 'livekit-server-sdk';
import type { Logger } from 'pino';

export interface LivekitConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** LiveKit room name for a session: derived, so both participants land in the same room. */
export function livekitRoomName(sessionId: string): string {
  return `session-${sessionId}`;
}

/**
 * A participant token: identity = user id, this session's room only, publish and subscribe audio,
 * video and data, valid until `expiresAt`.
 */
export async function mintLivekitToken(
  cfg: LivekitConfig,
  p: { sessionId: string; userId: string; name: string; expiresAt: Date; now?: Date },
): Promise<string> {
  const ttlSeconds = Math.max(60, Math.floor((p.expiresAt.getTime() - (p.now ?? new Date()).getTime()) / 1000));
  const token = new AccessToken(cfg.apiKey, cfg.apiSecret, { identity: p.userId, name: p.name, ttl: ttlSeconds });
  token.addGrant({
    room: livekitRoomName(p.sessionId),
    roomJoin: true,
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
    roomCreate: false,
    roomAdmin: false,
    roomList: false,
  });
  return token.toJwt();
}

/**
 * The LiveKit server as the browser reaches it: its signalling WebSocket and the HTTP requests the
 * client makes to the same host (connection checks, reconnection), whichever scheme LIVEKIT_URL uses.
 */
export function livekitOrigins(url: string): string[] {
  const u = new URL(url);
  const secure = u.protocol === 'https:' || u.protocol === 'wss:';
  return [`${secure ? 'wss' : 'ws'}://${u.host}`, `${secure ? 'https' : 'http'}://${u.host}`];
}

/** Keeps a session's video room to its current participants, on the video server's side. */
export interface VideoRoomAccess {
  /**
   * These users are no longer participants of the session (withdrew, cancelled, erased): out of
   * its room now, and the tokens they already hold no longer let them back in.
   */
  revoke(sessionId: string, userIds: readonly string[]): Promise<void>;
}

/** Peer-to-peer video has nothing to revoke: signals are relayed only to the session's current participants. */
export const peerToPeerRoomAccess: VideoRoomAccess = { revoke: async () => {} };

/**
 * Through LiveKit's RoomService: `RemoveParticipant` disconnects the user and voids every token for
 * them whose `nbf` is before `revokeTokenTs`. That is set to this second, not LiveKit's default of a
 * minute ahead, so a token minted for the same user's later sign-up (its `nbf` is its minting time)
 * still works. Best effort: a user who is not in the room is fine, any other failure is logged.
 */
export function livekitRoomAccess(cfg: LivekitConfig, logger: Logger, now: () => Date = () => new Date()): VideoRoomAccess {
  const client = new RoomServiceClient(cfg.url, cfg.apiKey, cfg.apiSecret, { requestTimeout: 10, failover: false });
  return {
    async revoke(sessionId, userIds) {
      const room = livekitRoomName(sessionId);
      const revokeTokenTs = BigInt(Math.floor(now().getTime() / 1000));
      await Promise.all(
        userIds.map(async (identity) => {
          try {
            await client.removeParticipant(room, identity, { revokeTokenTs });
          } catch (err) {
            if (err instanceof TwirpError && err.code === 'not_found') return;
            logger.warn({ err, session_id: sessionId, user_id: identity }, 'could not remove a former participant from the LiveKit room');
          }
        }),
      );
    },
  };
}
