/**
 * When a participant may join a session's room: the server's window (sessions' START_WINDOW_MS and
 * the video access rule), so a Join button is live exactly when the room would let them in.
 * Pure, so the dashboard and "My sessions" share it and unit tests run it as it is.
 */

/** The room opens this long before the planned start. */
export const ROOM_OPENS_BEFORE_MS = 15 * 60_000;
/** …and closes this long after the planned end of the station. */
export const ROOM_CLOSES_AFTER_MS = 30 * 60_000;

/** What the rule needs of a session (a participant's view has it all). */
export interface JoinableSession {
  datetime_utc: string;
  status: string;
  timing: { reading_s: number; consultation_s: number; feedback_s: number };
}

export type JoinWindow =
  /** Not yet: the button is shown disabled, saying when it opens. */
  | { state: 'early'; opensAt: Date }
  | { state: 'open' }
  /** Finished, cancelled, or past the window: there is no room to join. */
  | { state: 'over' };

const ENDED = new Set(['completed', 'cancelled', 'no_show']);

export function joinWindow(session: JoinableSession, now: number): JoinWindow {
  if (ENDED.has(session.status)) return { state: 'over' };
  // A live station is joinable whatever the clock says: a late start runs on past its planned end.
  if (session.status === 'live') return { state: 'open' };
  const start = Date.parse(session.datetime_utc);
  if (Number.isNaN(start)) return { state: 'over' };
  const { reading_s, consultation_s, feedback_s } = session.timing;
  const opensAt = start - ROOM_OPENS_BEFORE_MS;
  const closesAt = start + (reading_s + consultation_s + feedback_s) * 1000 + ROOM_CLOSES_AFTER_MS;
  if (now < opensAt) return { state: 'early', opensAt: new Date(opensAt) };
  if (now > closesAt) return { state: 'over' };
  return { state: 'open' };
}
