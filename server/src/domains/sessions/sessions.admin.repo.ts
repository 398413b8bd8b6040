// Owner-connection SQL for the station: phase changes are refused to every client role by the guard
// trigger, so the server applies them here after checking who asked (the actor) or because time ran
// out (the scheduler). Rows are locked while they change, so two instances never advance one twice.
import type { Queryable } from '../../db/types.js';
import type { SessionRow } from './repo.js';
import type { StationState } from './state-machine.js';

export async function lockSession(tx: Queryable, id: string): Promise<SessionRow | null> {
  const { rows } = await tx.query<SessionRow>('select * from public.practice_sessions where id = $1 for update', [id]);
  return rows[0] ?? null;
}

/** Live stations whose phase has run out, locked; rows another instance holds are skipped. */
export async function lockExpired(tx: Queryable, limit: number): Promise<SessionRow[]> {
  const { rows } = await tx.query<SessionRow>(
    `select * from public.practice_sessions
      where status = 'live' and phase_ends_at <= now()
      order by phase_ends_at
      limit $1
      for update skip locked`,
    [limit],
  );
  return rows;
}

/** Saves the station's state; `startedAt` records the actor's start the first time it is given. */
export async function saveStation(tx: Queryable, id: string, s: StationState, startedAt: Date | null = null): Promise<SessionRow> {
  const { rows } = await tx.query<SessionRow>(
    `update public.practice_sessions
        set status = $2, phase = $3, phase_started_at = $4, phase_ends_at = $5, station_started_at = coalesce(station_started_at, $6)
      where id = $1 returning *`,
    [id, s.status, s.phase, s.phase_started_at, s.phase_ends_at, startedAt],
  );
  return rows[0]!;
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
    `update public.practice_sessions set status = 'no_show'
      where status = 'matched' and phase = 'waiting' and datetime_utc < now() - interval '10 minutes'
      returning *`,
  );
  return rows;
}
