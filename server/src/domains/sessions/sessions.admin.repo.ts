// Owner-connection SQL for the station: phase changes are refused to every client role by the guard
// trigger, so the server applies them here after checking who asked (the actor) or because time ran
// out (the scheduler). Rows are locked while they change, so two instances never advance one twice.
import type { Queryable } from '../../db/types.js';
import { stationExtras, type SessionRow } from './repo.js';
import type { StationState } from './state-machine.js';

export async function lockSession(tx: Queryable, id: string): Promise<SessionRow | null> {
  const { rows } = await tx.query<SessionRow>('select * from public.practice_sessions where id = $1 for update', [id]);
  return rows[0] ?? null;
}

/** Live stations whose phase has run out, locked; rows another instance holds are skipped. */
export async function lockExpired(tx: Queryable, limit: number): Promise<SessionRow[]> {
  const { rows } = await tx.query<SessionRow>(
    `select * from public.practice_sessions
      where status = 'live' and paused_at is null and phase_ends_at <= now()
      order by phase_ends_at
      limit $1
      for update skip locked`,
    [limit],
  );
  return rows;
}

/**
 * Saves the station's state; `startedAt` records the actor's start the first time it is given, and
 * `pauseReason` why the clock stands still when `s.paused_at` is set.
 */
export async function saveStation(
  tx: Queryable,
  id: string,
  s: StationState,
  { startedAt = null, pauseReason = null }: { startedAt?: Date | null; pauseReason?: 'disconnect' | 'actor' | null } = {},
): Promise<SessionRow> {
  const { rows } = await tx.query<SessionRow>(
    `with saved as (
       update public.practice_sessions
          set status = $2, phase = $3, phase_started_at = $4, phase_ends_at = $5, station_started_at = coalesce(station_started_at, $6),
              paused_at = $7, pause_reason = case when $7::timestamptz is null then null else coalesce($8, pause_reason) end
        where id = $1 returning *)
     select saved.*, ${stationExtras('saved')} from saved`,
    [id, s.status, s.phase, s.phase_started_at, s.phase_ends_at, startedAt, s.paused_at, pauseReason],
  );
  return rows[0]!;
}

/** Opens a gap in the station's clock (the one open gap is closed by closeGap). */
export async function openGap(
  tx: Queryable,
  gap: { sessionId: string; phase: string; reason: 'disconnect' | 'actor'; userId: string | null; startedAt: Date },
): Promise<void> {
  await tx.query(
    'insert into public.session_station_gaps (session_id, phase, reason, user_id, started_at) values ($1, $2, $3, $4, $5)',
    [gap.sessionId, gap.phase, gap.reason, gap.userId, gap.startedAt],
  );
}

export async function closeGap(tx: Queryable, sessionId: string, endedAt: Date): Promise<void> {
  await tx.query('update public.session_station_gaps set ended_at = greatest($2, started_at) where session_id = $1 and ended_at is null', [sessionId, endedAt]);
}

/** Records a participant's first arrival in the room (for no-shows). */
export async function markJoined(tx: Queryable, sessionId: string, userId: string): Promise<void> {
  await tx.query(
    `update public.practice_sessions
        set host_joined_at = case when host_id = $2 then coalesce(host_joined_at, now()) else host_joined_at end,
            guest_joined_at = case when guest_id = $2 then coalesce(guest_joined_at, now()) else guest_joined_at end
      where id = $1 and status in ('open', 'matched', 'live') and (host_joined_at is null and host_id = $2 or guest_joined_at is null and guest_id = $2)`,
    [sessionId, userId],
  );
}

/** Matched sessions nobody started within ten minutes of their start become no-shows. */
export async function markNoShows(tx: Queryable): Promise<SessionRow[]> {
  const { rows } = await tx.query<SessionRow>(
    `with missed as (
       update public.practice_sessions set status = 'no_show'
        where status = 'matched' and phase = 'waiting' and datetime_utc < now() - interval '10 minutes'
        returning *)
     select missed.*, ${stationExtras('missed')} from missed`,
  );
  return rows;
}

/** Sessions a user takes part in as the guest that their leaving would change (open for sign-up again, or ended). */
export async function guestSessionsToRelease(tx: Queryable, userId: string): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>("select id from public.practice_sessions where guest_id = $1 and status in ('matched', 'live')", [userId]);
  return rows.map((r) => r.id);
}

/** Sessions a user hosts that are still ahead or under way (their account's erasure deletes them; see private.profile_erasure). */
export async function hostedSessionsToEnd(tx: Queryable, userId: string): Promise<SessionRow[]> {
  const { rows } = await tx.query<SessionRow>(
    `select p.*, ${stationExtras('p')} from public.practice_sessions p where p.host_id = $1 and p.status in ('open', 'matched', 'live')`,
    [userId],
  );
  return rows;
}

/** Completed stations a user took part in: the other participant keeps them after the user's erasure. */
export async function completedSessionsOf(tx: Queryable, userId: string): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>("select id from public.practice_sessions where (host_id = $1 or guest_id = $1) and status = 'completed'", [userId]);
  return rows.map((r) => r.id);
}

/** A session as the server reads it for broadcasting, with its station extras. */
export async function readSession(tx: Queryable, id: string): Promise<SessionRow | null> {
  const { rows } = await tx.query<SessionRow>(`select p.*, ${stationExtras('p')} from public.practice_sessions p where p.id = $1`, [id]);
  return rows[0] ?? null;
}
