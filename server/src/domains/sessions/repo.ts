// Practice-session SQL, run as the caller. Participants read their rows in full (RLS); everyone
// reads the board through the session_board view; sign-up, withdrawal and cancellation go through
// the database's own functions so the rules hold for any SQL client.
import type { BoardQuery, SessionBrief, SessionRole } from '../../contract/sessions.js';
import type { Queryable } from '../../db/types.js';

export interface SessionRow {
  id: string;
  host_id: string | null;
  guest_id: string | null;
  datetime_utc: Date;
  type: string;
  room_url: string;
  case_id: string | null;
  candidate_id: string | null;
  host_role: string;
  status: string;
  phase: string;
  phase_started_at: Date | null;
  phase_ends_at: Date | null;
  preset: string;
  reading_s: number;
  consultation_s: number;
  feedback_s: number;
  warning_s: number | null;
  station_started_at: Date | null;
  host_joined_at: Date | null;
  guest_joined_at: Date | null;
  /** Set when read as a participant (the case may be hidden); absent on owner-connection rows. */
  has_case?: boolean;
  paused_at: Date | null;
  pause_reason: 'disconnect' | 'actor' | null;
  previous_session_id: string | null;
  /** The station that followed this one in the same room (read with STATION_EXTRAS). */
  next_session_id?: string | null;
  /** Times the clock stood still, oldest first (read with STATION_EXTRAS). */
  gaps?: GapRow[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface GapRow {
  phase: 'reading' | 'consultation';
  reason: 'disconnect' | 'actor';
  user_id: string | null;
  /** A string when aggregated as JSON, a Date when read as a column. */
  started_at: string | Date;
  ended_at: string | Date | null;
}

/**
 * The station's follow-up and its pauses, for a row aliased `alias`. Both the participant reads and
 * the server's own writes return them, so every broadcast carries the same shape.
 */
export const stationExtras = (alias: string) => `(select n.id from public.practice_sessions n where n.previous_session_id = ${alias}.id) as next_session_id,
  coalesce((select json_agg(json_build_object('phase', g.phase, 'reason', g.reason, 'user_id', g.user_id, 'started_at', g.started_at,
    'ended_at', g.ended_at) order by g.started_at) from public.session_station_gaps g where g.session_id = ${alias}.id), '[]'::json) as gaps`;

export interface BoardRow {
  id: string;
  host_id: string;
  datetime_utc: Date;
  type: string;
  status: string;
  host_role: string;
  version: number;
  category: string | null;
  domain: string | null;
  has_guest: boolean;
  host_completed: number;
  host_no_show: number;
  first_name: string;
  last_name: string;
  training_level: string;
  avatar: string | null;
  preset: string;
  reading_s: number;
  consultation_s: number;
  feedback_s: number;
  warning_s: number | null;
}

export type SessionWritable = Pick<
  SessionRow,
  'datetime_utc' | 'type' | 'case_id' | 'host_role' | 'preset' | 'reading_s' | 'consultation_s' | 'feedback_s' | 'warning_s'
>;

/**
 * A session as a participant reads it: every column but case_id, which only session_case_id()
 * hands out (to the actor, and to the candidate from feedback on).
 */
const SESSION_SELECT = `select p.id, p.host_id, p.guest_id, p.datetime_utc, p.type, p.room_url, p.candidate_id, p.host_role, p.status,
  p.phase, p.phase_started_at, p.phase_ends_at, p.preset, p.reading_s, p.consultation_s, p.feedback_s, p.warning_s,
  p.version, p.created_at, p.updated_at, p.station_started_at, p.host_joined_at, p.guest_joined_at,
  p.paused_at, p.pause_reason, p.previous_session_id, ${stationExtras('p')},
  public.session_case_id(p.id) as case_id, coalesce(public.session_has_case(p.id), false) as has_case
  from public.practice_sessions p`;

const PARTICIPANT = '(p.host_id = (select auth.uid()) or p.guest_id = (select auth.uid()))';

const BOARD_SELECT = `select b.*, p.first_name, p.last_name, p.training_level, p.avatar
  from public.session_board b join public.profiles p on p.user_id = b.host_id`;

export async function insertSession(tx: Queryable, hostId: string, s: SessionWritable): Promise<SessionRow> {
  const { rows } = await tx.query<SessionRow>(
    `insert into public.practice_sessions (host_id, datetime_utc, type, case_id, host_role, preset, reading_s, consultation_s, feedback_s, warning_s)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
    [hostId, s.datetime_utc, s.type, s.case_id, s.host_role, s.preset, s.reading_s, s.consultation_s, s.feedback_s, s.warning_s],
  );
  return (await findOwnSession(tx, (rows[0] as unknown as { id: string }).id))!;
}

/**
 * The row if the caller takes part in the session. RLS hides it from anyone else but admins (who
 * read every session for the progress monitor); the explicit check keeps them out of rooms, video,
 * signalling and transcripts too: only the host and the guest take part.
 */
export async function findOwnSession(tx: Queryable, id: string): Promise<SessionRow | null> {
  const { rows } = await tx.query<SessionRow>(`${SESSION_SELECT} where p.id = $1 and ${PARTICIPANT}`, [id]);
  return rows[0] ?? null;
}

/** The room's current station: the latest of the pair's stations behind that link. */
export async function findSessionByRoom(tx: Queryable, roomUrl: string): Promise<SessionRow | null> {
  const { rows } = await tx.query<SessionRow>(`${SESSION_SELECT} where p.room_url = $1 and ${PARTICIPANT} order by p.created_at desc, p.id limit 1`, [roomUrl]);
  return rows[0] ?? null;
}

export async function mySessions(tx: Queryable, userId: string): Promise<SessionRow[]> {
  const { rows } = await tx.query<SessionRow>(
    `${SESSION_SELECT} where p.host_id = $1 or p.guest_id = $1 order by p.datetime_utc desc limit 500`,
    [userId],
  );
  return rows;
}

export type SessionChanges = Omit<SessionWritable, 'case_id'> & { case_id?: string | null };

/**
 * Applies the changes if `version` is current. case_id is written only when it changes: a candidate
 * host may not even read it, let alone carry it over.
 */
export async function updateSession(tx: Queryable, id: string, version: number, s: SessionChanges): Promise<SessionRow | null> {
  const params: unknown[] = [id, version, s.datetime_utc, s.type, s.host_role, s.preset, s.reading_s, s.consultation_s, s.feedback_s, s.warning_s];
  let caseSet = '';
  if (s.case_id !== undefined) {
    params.push(s.case_id);
    caseSet = `, case_id = $${params.length}`;
  }
  const { rowCount } = await tx.query(
    `update public.practice_sessions
        set datetime_utc = $3, type = $4, host_role = $5, preset = $6, reading_s = $7, consultation_s = $8,
            feedback_s = $9, warning_s = $10${caseSet}
      where id = $1 and version = $2`,
    params,
  );
  return rowCount > 0 ? findOwnSession(tx, id) : null;
}

export async function signup(tx: Queryable, id: string, version: number): Promise<void> {
  await tx.query('select public.signup_session($1, $2)', [id, version]);
}

export async function withdraw(tx: Queryable, id: string): Promise<void> {
  await tx.query('select public.withdraw_session($1)', [id]);
}

/** Starts (or finds) the station after a completed one, roles swapped; the database checks the caller. */
export async function startNextStation(tx: Queryable, id: string): Promise<string> {
  const { rows } = await tx.query<{ id: string }>('select public.start_next_station($1) as id', [id]);
  return rows[0]!.id;
}

export async function cancel(tx: Queryable, id: string): Promise<void> {
  await tx.query('select public.cancel_session($1)', [id]);
}

export async function boardSessions(tx: Queryable, q: BoardQuery): Promise<BoardRow[]> {
  const params: unknown[] = [];
  const add = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['b.datetime_utc > now()'];
  if (q.from) where.push(`b.datetime_utc >= ${add(q.from)}::timestamptz`);
  if (q.to) where.push(`b.datetime_utc <= ${add(q.to)}::timestamptz`);
  if (q.open) where.push(`b.status = 'open'`);
  if (q.domain) where.push(`b.domain = ${add(q.domain)}`);
  const { rows } = await tx.query<BoardRow>(`${BOARD_SELECT} where ${where.join(' and ')} order by b.datetime_utc, b.id limit ${add(q.limit)}`, params);
  return rows;
}

/** One session's board view, or null when it is not on the board (cancelled, live, finished). */
export async function boardSession(tx: Queryable, id: string): Promise<BoardRow | null> {
  const { rows } = await tx.query<BoardRow>(`${BOARD_SELECT} where b.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Whether the case is in the caller's library (RLS on cases decides). */
export async function caseVisible(tx: Queryable, caseId: string): Promise<boolean> {
  const { rows } = await tx.query('select 1 from public.cases where id = $1', [caseId]);
  return rows.length > 0;
}

/** The briefs the caller may see now; the database applies the reveal rules (session_brief). */
export async function sessionBrief(tx: Queryable, id: string): Promise<SessionBrief | null> {
  const { rows } = await tx.query<{ brief: SessionBrief | null }>('select public.session_brief($1) as brief', [id]);
  return rows[0]?.brief ?? null;
}

/** The name a participant shows in the video room. */
export async function displayName(tx: Queryable, userId: string): Promise<string | null> {
  const { rows } = await tx.query<{ name: string }>("select first_name || ' ' || last_name as name from public.profiles where user_id = $1", [userId]);
  return rows[0]?.name ?? null;
}

export interface SegmentRow {
  id: string;
  speaker: SessionRole;
  at_ms: number;
  text: string;
  created_at: Date;
}

export async function insertSegment(
  tx: Queryable,
  s: { sessionId: string; authorId: string; speaker: SessionRole; at_ms: number; text: string },
): Promise<SegmentRow> {
  const { rows } = await tx.query<SegmentRow>(
    `insert into public.session_transcript_segments (session_id, author_id, speaker, at_ms, text)
     values ($1, $2, $3, $4, $5) returning id, speaker, at_ms, text, created_at`,
    [s.sessionId, s.authorId, s.speaker, s.at_ms, s.text],
  );
  return rows[0]!;
}

/** The transcript's lines in spoken order. */
export async function transcriptLines(tx: Queryable, sessionId: string): Promise<Pick<SegmentRow, 'speaker' | 'at_ms' | 'text'>[]> {
  const { rows } = await tx.query<Pick<SegmentRow, 'speaker' | 'at_ms' | 'text'>>(
    'select speaker, at_ms, text from public.session_transcript_segments where session_id = $1 order by at_ms, created_at',
    [sessionId],
  );
  return rows;
}
