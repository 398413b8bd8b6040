import type { BoardSession, ParticipantSession, SessionStatus } from '$contract';

export const sessionHref = (id: string): string => `/sessions/${encodeURIComponent(id)}`;

/** GET /api/sessions/:id answers participants with the full session, which alone has the room. */
export function isParticipantView(session: ParticipantSession | BoardSession): session is ParticipantSession {
  return 'room_url' in session;
}

/**
 * The version a sign-up must quote. The board view carries it when the server sends it (its
 * database view has the column); without it the first version is the best guess, and a stale one
 * is answered with 409 like any other race.
 */
export function boardVersion(session: BoardSession): number {
  const version = (session as BoardSession & { version?: unknown }).version;
  return typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : 1;
}

/** Before the station goes live the host may still swap roles or cancel, and the guest withdraw. */
export function isBeforeLive(status: SessionStatus): boolean {
  return status === 'open' || status === 'matched';
}

/** Upcoming on "My sessions": what can still happen; the rest is history. */
export function isUpcoming(status: SessionStatus): boolean {
  return status === 'open' || status === 'matched' || status === 'live';
}
