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
