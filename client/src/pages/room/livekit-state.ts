/**
 * The LiveKit video call in words and states: pure helpers, free of the LiveKit SDK (which is loaded
 * only in the room, only when the server says so), so the main bundle and the tests can use them.
 * The SDK's enums arrive here by name (`ConnectionError.reasonName`, `DisconnectReason[reason]`).
 */

/** The same states as the peer-to-peer call's (`PeerState` in video.ts), so the panel shows both alike. */
export type LivekitPeerState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'left';

/** The connection to the LiveKit server. */
export type LivekitConnection = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

/** The other participant in the LiveKit room: not (yet) there, there, or gone again. */
export type LivekitPartner = 'absent' | 'present' | 'left';

export const LIVEKIT_UNREACHABLE =
  'The video server could not be reached, so there is no video for now. The clock, the transcript and the briefs still work. Try the video again in a moment.';
export const LIVEKIT_REFUSED =
  'The video server refused to let you into this room. Try the video again; if it keeps failing, the server’s video settings need fixing.';
export const LIVEKIT_LOST =
  'The connection to the video server was lost. The clock, the transcript and the briefs still work. Try the video again.';
export const LIVEKIT_DUPLICATE = 'You opened this room somewhere else (another tab or device), so the video moved there.';
export const LIVEKIT_ROOM_CLOSED = 'The video room was closed by the server.';
export const LIVEKIT_REMOVED = 'You were removed from the video room.';
export const LIVEKIT_EXPIRED =
  'Your video access for this session has expired: the room closes 30 minutes after the planned end. The rest of the room still works.';
export const LIVEKIT_LOAD_FAILED =
  'The video client could not be loaded (the network may have dropped, or the app was just updated). Reload the page to try again.';
export const LIVEKIT_UNSUPPORTED =
  'This browser cannot join the video call. Use an up-to-date Chrome, Edge, Firefox or Safari.';
export const LIVEKIT_ACCESS_ENDED = 'Your video access for this session has ended: if the call drops now, it cannot be joined again.';

/** How long before the end of the video access the room warns about it. */
export const EXPIRY_WARNING_MS = 5 * 60_000;
/** The longest a browser timer can wait. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * What the room says about the other participant: connected once both the server connection is up
 * and they are in the room; while they are not (yet), the room is still connecting to them.
 */
export function livekitPeerState(connection: LivekitConnection, partner: LivekitPartner): LivekitPeerState {
  switch (connection) {
    case 'idle':
    case 'closed':
      return 'idle';
    case 'connecting':
      return 'connecting';
    case 'reconnecting':
      return 'reconnecting';
    case 'failed':
      return 'failed';
    case 'connected':
      return partner === 'present' ? 'connected' : partner === 'left' ? 'left' : 'connecting';
  }
}

/** The video access has run out (or `expiresAt` is unreadable: then it is not treated as run out). */
export function accessExpired(expiresAt: string, now: number): boolean {
  const end = Date.parse(expiresAt);
  return !Number.isNaN(end) && end <= now;
}

/**
 * Why the first connection failed, in words. `reasonName`: the SDK's `ConnectionError.reasonName`
 * (`NotAllowed`, `ServerUnreachable`, `Timeout`, `WebSocket`, `InternalError`, `LeaveRequest`,
 * `Cancelled`, `ServiceNotFound`), or null for any other error. Null when there is nothing to say
 * (the attempt was cancelled because the room closed the call).
 */
export function connectFailureMessage(reasonName: string | null, opts: { expired: boolean; leaveReason?: string | null }): string | null {
  if (reasonName === 'Cancelled') return null;
  // A token past its time is refused, and the server may be unreachable anyway: say the real reason.
  if (opts.expired) return LIVEKIT_EXPIRED;
  switch (reasonName) {
    case 'NotAllowed':
      return LIVEKIT_REFUSED;
    case 'LeaveRequest':
      return disconnectMessage(opts.leaveReason ?? null, { expired: false }) ?? LIVEKIT_LOST;
    default:
      return LIVEKIT_UNREACHABLE;
  }
}

/**
 * Why an established call ended, in words (`reasonName`: the SDK's `DisconnectReason` by name), or
 * null when this side hung up. A connection lost after the access ran out cannot be rejoined: that
 * is what it says then.
 */
export function disconnectMessage(reasonName: string | null, opts: { expired: boolean }): string | null {
  switch (reasonName) {
    case 'CLIENT_INITIATED':
      return null;
    case 'DUPLICATE_IDENTITY':
      return LIVEKIT_DUPLICATE;
    case 'ROOM_DELETED':
    case 'ROOM_CLOSED':
      return LIVEKIT_ROOM_CLOSED;
    case 'PARTICIPANT_REMOVED':
      return LIVEKIT_REMOVED;
    default:
      return opts.expired ? LIVEKIT_EXPIRED : LIVEKIT_LOST;
  }
}

/**
 * What the room says about the end of the video access, and when to look again (ms, or null when
 * nothing changes any more): nothing until 5 minutes before, then the minutes left, then that it ended.
 */
export function expiryNotice(expiresAt: string, now: number): { notice: string | null; recheckInMs: number | null } {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return { notice: null, recheckInMs: null };
  const left = end - now;
  if (left <= 0) return { notice: LIVEKIT_ACCESS_ENDED, recheckInMs: null };
  if (left <= EXPIRY_WARNING_MS) {
    const minutes = Math.ceil(left / 60_000);
    return {
      notice: `Your video access for this session ends in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}: the call may stop then.`,
      // Once a minute (the count goes down), and exactly at the end.
      recheckInMs: left - (minutes - 1) * 60_000,
    };
  }
  const wait = left - EXPIRY_WARNING_MS;
  return { notice: null, recheckInMs: wait > MAX_TIMER_MS ? null : wait };
}
