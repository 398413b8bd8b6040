import { AccessToken } from 'livekit-server-sdk';

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
