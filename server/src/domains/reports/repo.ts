// SQL for the commissioner report, always run inside db.asUser(): RLS limits every statement to the
// caller's rows, and the explicit user_id filters make the same promise in application code.
import type { Queryable } from '../../db/types.js';
import type { ReturnPathway } from './rtt-return.js';

/**
 * The caller's pathways whose clock had started by `census`, each with its events dated up to the
 * census (later ones had not happened yet), handed over in chunks through a server-side cursor:
 * one statement for the whole PTL, and no more than a chunk held at a time. The stored clock
 * columns are not read: they say where each pathway stands today, not at the census.
 */
export async function forEachPathwayChunk(
  tx: Queryable,
  userId: string,
  census: string,
  chunkSize: number,
  onChunk: (rows: ReturnPathway[]) => void | Promise<void>,
): Promise<void> {
  await tx.query(
    `declare rtt_return_pathways no scroll cursor for
     select p.specialty, p.clock_start_date, p.pathway_type,
            coalesce((select json_agg(json_build_object('id', e.id, 'event_type', e.event_type, 'event_date', e.event_date,
                                                        'appointment_communicated', e.appointment_communicated)
                                      order by e.event_date, e.seq)
                        from public.ptl_events e
                       where e.pathway_id = p.id and e.event_date <= $2::date), '[]'::json) as events
       from public.ptl_patients p
      where p.user_id = $1 and p.clock_start_date <= $2::date`,
    [userId, census],
  );
  for (;;) {
    const { rows } = await tx.query<ReturnPathway>(`fetch forward ${chunkSize} from rtt_return_pathways`);
    if (rows.length) await onChunk(rows);
    if (rows.length < chunkSize) break;
  }
  await tx.query('close rtt_return_pathways');
}

export interface ReturnRecordRow {
  id: string;
  user_id: string;
  month: string;
  census_date: string;
  provisional: boolean;
  total: number;
  within_18_weeks: number;
  over_52_weeks: number;
  produced_at: Date;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Records that the caller produced a return, with its headline figures. */
export async function insertReturn(
  tx: Queryable,
  userId: string,
  r: { month: string; census_date: string; provisional: boolean; total: number; within_18_weeks: number; over_52_weeks: number },
): Promise<ReturnRecordRow> {
  const { rows } = await tx.query<ReturnRecordRow>(
    `insert into public.rtt_returns (user_id, month, census_date, provisional, total, within_18_weeks, over_52_weeks)
     values ($1, $2, $3, $4, $5, $6, $7) returning *`,
    [userId, r.month, r.census_date, r.provisional, r.total, r.within_18_weeks, r.over_52_weeks],
  );
  return rows[0]!;
}

/**
 * The caller's returns, newest first, after the cursor (produced_at, id) of the last one seen.
 * `produced_at` is compared as the microsecond text the cursor carries.
 */
export async function historyPage(
  tx: Queryable,
  userId: string,
  after: readonly [string, string] | null,
  limit: number,
): Promise<(ReturnRecordRow & { cursor_at: string })[]> {
  const { rows } = await tx.query<ReturnRecordRow & { cursor_at: string }>(
    `select r.*, to_char(r.produced_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
       from public.rtt_returns r
      where r.user_id = $1
        and ($2::timestamptz is null or (r.produced_at, r.id) < ($2::timestamptz, $3::uuid))
      order by r.produced_at desc, r.id desc
      limit $4`,
    [userId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return rows;
}

/** Every return the person produced, oldest first (the personal-data export). */
export async function exportReturns(tx: Queryable, userId: string): Promise<ReturnRecordRow[]> {
  const { rows } = await tx.query<ReturnRecordRow>('select * from public.rtt_returns where user_id = $1 order by produced_at, id', [userId]);
  return rows;
}

/** How many returns the person produced, and when the latest was. */
export async function returnActivity(tx: Queryable, userId: string): Promise<{ returns: number; last_at: Date | null }> {
  const { rows } = await tx.query<{ returns: number; last_at: Date | null }>(
    'select count(*)::int as returns, max(produced_at) as last_at from public.rtt_returns where user_id = $1',
    [userId],
  );
  return rows[0]!;
}
