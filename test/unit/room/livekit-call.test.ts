import { describe, expect, it } from 'vitest';
import {
  accessExpired,
  connectFailureMessage,
  disconnectMessage,
  EXPIRY_WARNING_MS,
  expiryNotice,
  LIVEKIT_ACCESS_ENDED,
  LIVEKIT_DUPLICATE,
  LIVEKIT_EXPIRED,
  LIVEKIT_LOST,
  LIVEKIT_REFUSED,
  LIVEKIT_REMOVED,
  LIVEKIT_ROOM_CLOSED,
  LIVEKIT_UNREACHABLE,
  livekitPeerState,
  type LivekitConnection,
  type LivekitPartner,
} from '../../../client/src/pages/room/livekit-state.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('the LiveKit call in the panel’s terms', () => {
  it('is connected only when the server connection is up and the other participant is in the room', () => {
    const cases: [LivekitConnection, LivekitPartner, string][] = [
      ['idle', 'absent', 'idle'],
      ['closed', 'present', 'idle'],
      ['connecting', 'present', 'connecting'],
      ['connected', 'absent', 'connecting'],
      ['connected', 'present', 'connected'],
      ['connected', 'left', 'left'],
      ['reconnecting', 'present', 'reconnecting'],
      ['failed', 'present', 'failed'],
      ['failed', 'absent', 'failed'],
    ];
    for (const [connection, partner, state] of cases) expect(livekitPeerState(connection, partner), `${connection}/${partner}`).toBe(state);
  });
});

describe('why the LiveKit call failed, in words', () => {
  it('a first connection that fails says whether the server was unreachable or refused', () => {
    for (const reason of ['ServerUnreachable', 'WebSocket', 'Timeout', 'InternalError', 'ServiceNotFound', null]) {
      expect(connectFailureMessage(reason, { expired: false })).toBe(LIVEKIT_UNREACHABLE);
    }
    expect(connectFailureMessage('NotAllowed', { expired: false })).toBe(LIVEKIT_REFUSED);
    // A token past its time: that is the reason, whatever the SDK saw.
    expect(connectFailureMessage('NotAllowed', { expired: true })).toBe(LIVEKIT_EXPIRED);
    expect(connectFailureMessage('ServerUnreachable', { expired: true })).toBe(LIVEKIT_EXPIRED);
    // Cancelled: this side closed the call, nothing to say.
    expect(connectFailureMessage('Cancelled', { expired: false })).toBeNull();
    expect(connectFailureMessage('LeaveRequest', { expired: false, leaveReason: 'DUPLICATE_IDENTITY' })).toBe(LIVEKIT_DUPLICATE);
    expect(connectFailureMessage('LeaveRequest', { expired: false, leaveReason: null })).toBe(LIVEKIT_LOST);
  });

  it('an established call that ends says why, and nothing when this side hung up', () => {
    expect(disconnectMessage('CLIENT_INITIATED', { expired: false })).toBeNull();
    expect(disconnectMessage('DUPLICATE_IDENTITY', { expired: false })).toBe(LIVEKIT_DUPLICATE);
    expect(disconnectMessage('ROOM_DELETED', { expired: false })).toBe(LIVEKIT_ROOM_CLOSED);
    expect(disconnectMessage('ROOM_CLOSED', { expired: false })).toBe(LIVEKIT_ROOM_CLOSED);
    expect(disconnectMessage('PARTICIPANT_REMOVED', { expired: false })).toBe(LIVEKIT_REMOVED);
    for (const reason of ['SIGNAL_CLOSE', 'JOIN_FAILURE', 'CONNECTION_TIMEOUT', 'UNKNOWN_REASON', null]) {
      expect(disconnectMessage(reason, { expired: false })).toBe(LIVEKIT_LOST);
      // Lost after the access ran out: it cannot be rejoined, and it says so.
      expect(disconnectMessage(reason, { expired: true })).toBe(LIVEKIT_EXPIRED);
    }
  });
});

describe('the end of the video access', () => {
  it('is reached at expires_at, and an unreadable time never counts as reached', () => {
    expect(accessExpired(at(1), NOW)).toBe(false);
    expect(accessExpired(at(0), NOW)).toBe(true);
    expect(accessExpired('not a date', NOW)).toBe(false);
  });

  it('says nothing until 5 minutes before, counts the minutes down, then says it ended', () => {
    const far = expiryNotice(at(60 * 60_000), NOW);
    expect(far.notice).toBeNull();
    // Looks again exactly when the warning starts.
    expect(far.recheckInMs).toBe(60 * 60_000 - EXPIRY_WARNING_MS);

    const five = expiryNotice(at(EXPIRY_WARNING_MS), NOW);
    expect(five.notice).toContain('ends in 5 minutes');
    expect(five.recheckInMs).toBe(60_000);

    const between = expiryNotice(at(4 * 60_000 + 30_000), NOW);
    expect(between.notice).toContain('ends in 5 minutes');
    // The next whole minute: then it says 4.
    expect(between.recheckInMs).toBe(30_000);
    expect(expiryNotice(at(4 * 60_000), NOW).notice).toContain('ends in 4 minutes');
    expect(expiryNotice(at(20_000), NOW)).toEqual({ notice: expect.stringContaining('ends in 1 minute:'), recheckInMs: 20_000 });

    expect(expiryNotice(at(0), NOW)).toEqual({ notice: LIVEKIT_ACCESS_ENDED, recheckInMs: null });
    expect(expiryNotice(at(-60_000), NOW)).toEqual({ notice: LIVEKIT_ACCESS_ENDED, recheckInMs: null });
    expect(expiryNotice('garbage', NOW)).toEqual({ notice: null, recheckInMs: null });
    // Beyond what a browser timer can wait: no timer at all.
    expect(expiryNotice(at(40 * 86_400_000), NOW).recheckInMs).toBeNull();
  });
});
