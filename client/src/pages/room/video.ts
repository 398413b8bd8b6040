import type { ParticipantSession, SessionRole } from '$contract';

/** The room's video call: pure helpers (what each state says, who is who, what a signal carries). */

export const VIDEO_NO_PARTNER = 'Nobody has signed up as your partner yet: their video appears here once they join the room.';
export const VIDEO_NOT_PARTICIPANT = 'Video is only for the two participants of this session.';

/** How far the connection to the other participant has got. */
export type PeerState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'left';

/**
 * What the room says about the connection to the other participant (`name`: theirs). `provider`:
 * direct between the two browsers (`p2p`), or through the LiveKit server (whose failure the panel
 * explains beside this).
 */
export function peerStateText(state: PeerState, name: string, provider: 'p2p' | 'livekit' = 'p2p'): string {
  switch (state) {
    case 'idle':
    case 'connecting':
      return `Connecting to ${name}…`;
    case 'connected':
      return 'Connected';
    case 'reconnecting':
      return 'Reconnecting…';
    case 'failed':
      return provider === 'livekit'
        ? `No video with ${name}: the connection to the video server failed.`
        : `Could not connect to ${name}. Your two networks may not allow a direct video connection.`;
    case 'left':
      return 'The other participant left';
  }
}

/** The peer state a peer connection's state means (`everConnected`: it has been connected before). */
export function peerStateOf(connection: RTCPeerConnectionState | RTCIceConnectionState, everConnected: boolean): PeerState | null {
  switch (connection) {
    case 'new':
    case 'checking':
    case 'connecting':
      return everConnected ? 'reconnecting' : 'connecting';
    case 'connected':
    case 'completed':
      return 'connected';
    case 'disconnected':
      return everConnected ? 'reconnecting' : 'connecting';
    case 'failed':
      return everConnected ? 'reconnecting' : 'failed';
    case 'closed':
      return null;
  }
}

/** The other participant's user id (null while nobody has signed up as the guest). */
export function partnerIdOf(session: Pick<ParticipantSession, 'host_id' | 'guest_id' | 'host_role' | 'your_role'>): string | null {
  const iAmHost = session.your_role === session.host_role;
  return iAmHost ? session.guest_id : session.host_id;
}

export function otherRole(role: SessionRole): SessionRole {
  return role === 'actor' ? 'candidate' : 'actor';
}

/**
 * Perfect negotiation needs one "polite" side, the same one every time: the candidate gives way
 * when both sides offer at once, the actor does not.
 */
export function isPolite(role: SessionRole): boolean {
  return role === 'candidate';
}

/**
 * The session id of an SDP's origin line (`o=- 4611731400430051336 2 IN IP4 127.0.0.1`): it stays
 * the same for the life of one RTCPeerConnection, so a new id means the other side started over
 * (a page reload, a reconnection) rather than renegotiating.
 */
export function sdpSessionId(sdp: string | undefined | null): string | null {
  if (!sdp) return null;
  const match = /^o=\S+ (\S+) /m.exec(sdp);
  return match?.[1] ?? null;
}

/** An ICE candidate as `RTCIceCandidate.toJSON()` sends it. */
export function isCandidateInit(value: unknown): value is RTCIceCandidateInit {
  if (typeof value !== 'object' || value === null) return false;
  const { candidate, sdpMid, sdpMLineIndex } = value as Record<string, unknown>;
  return (
    typeof candidate === 'string' &&
    (sdpMid === undefined || sdpMid === null || typeof sdpMid === 'string') &&
    (sdpMLineIndex === undefined || sdpMLineIndex === null || typeof sdpMLineIndex === 'number')
  );
}

/** The kinds of track a stream carries. */
export function hasTrack(stream: MediaStream | null, kind: 'audio' | 'video'): boolean {
  return !!stream && stream.getTracks().some((t) => t.kind === kind && t.readyState === 'live');
}
