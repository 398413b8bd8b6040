import { formatCountdown, formatRelative, formatTime } from '../../lib/dates.js';

/** The waiting room's words and clock: pure (only the app's date formatter), so unit tests run it as it is. */

type Role = 'actor' | 'candidate';

/** The room opens (video, and the actor may start) this long before the planned time, as the server rules. */
export const ROOM_OPENS_BEFORE_MS = 15 * 60_000;

/** Beyond this a countdown says "in 2 days" rather than "49:12:05". */
const COUNTDOWN_LIMIT_S = 12 * 3600;

/** Where the other participant is: nobody signed up, signed up but not in the room, or in the room now. */
export type PartnerPresence = 'none' | 'away' | 'here';

export function partnerPresence(partnerId: string | null, present: readonly string[]): PartnerPresence {
  if (!partnerId) return 'none';
  return present.includes(partnerId) ? 'here' : 'away';
}

/** The moment the room opens, in ms since the epoch (NaN for a date that does not parse). */
export function roomOpensAt(datetimeUtc: string): number {
  return Date.parse(datetimeUtc) - ROOM_OPENS_BEFORE_MS;
}

/** What the waiting room's clock shows: the time until the room opens, then until the planned start. */
export interface LobbyClock {
  label: string;
  /** The big figure: `12:34`, `1:02:03`, or `in 2 days` when far off. */
  value: string;
  /** The room is open: the station may start. */
  open: boolean;
}

export function lobbyClock(datetimeUtc: string, now: number): LobbyClock {
  const start = Date.parse(datetimeUtc);
  const opens = start - ROOM_OPENS_BEFORE_MS;
  const figure = (until: number) => {
    const seconds = Math.ceil((until - now) / 1000);
    return seconds > COUNTDOWN_LIMIT_S ? formatRelative(new Date(until), new Date(now)) : formatCountdown(seconds);
  };
  if (Number.isNaN(start)) return { label: 'Planned start', value: '—', open: true };
  if (now < opens) return { label: 'Room opens in', value: figure(opens), open: false };
  if (now < start) return { label: 'Planned start in', value: figure(start), open: true };
  return { label: 'Planned start', value: formatTime(new Date(start)), open: true };
}

/** The sentence about the other participant, e.g. "Ada (the actor) is here." */
export function partnerLine(presence: PartnerPresence, name: string | null, role: Role): string {
  const who = name ? `${name} (the ${role})` : `The ${role}`;
  switch (presence) {
    case 'none':
      return `Nobody has signed up as the ${role} yet.`;
    case 'away':
      return `${who} has signed up but is not in the room yet.`;
    case 'here':
      return `${who} is here.`;
  }
}

/** Why the actor cannot start the station yet, or null when they can. */
export function startBlocker(session: { guest_id: string | null; has_case: boolean; datetime_utc: string }, now: number): string | null {
  if (session.guest_id === null) return 'Nobody has signed up as your partner yet: the station needs both of you.';
  if (!session.has_case) return 'Choose the case on the session page first.';
  const opens = roomOpensAt(session.datetime_utc);
  if (now < opens) return `The station can start from ${formatTime(new Date(opens))}, 15 minutes before the planned time.`;
  return null;
}
