// Tracker SQL beyond the kit's, run as the person (RLS: their own rows only).
import type { Queryable } from '../../db/types.js';
import type { TrackerFieldValue } from '../../contract/trackers.js';

export interface TrackerItemRow {
  id: string;
  user_id: string;
  module: string;
  patient_id: string | null;
  patient_name: string | null;
  pathway_id: string | null;
  status: string;
  fields: Record<string, TrackerFieldValue>;
  notes: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}


/** All the person's tracker rows, by module, oldest first. */
/** The person's tracker rows for the portfolio: how many, in how many trackers, and the latest change. */
export async function trackerActivity(tx: Queryable, userId: string): Promise<{ items: number; trackers: number; last_at: Date | null }> {
  const { rows } = await tx.query<{ items: number; trackers: number; last_at: Date | null }>(
    'select count(*)::int as items, count(distinct module)::int as trackers, max(updated_at) as last_at from public.tracker_items where user_id = $1',
    [userId],
  );
  return rows[0]!;
}

export async function exportTrackerItems(tx: Queryable, userId: string): Promise<TrackerItemRow[]> {
  const { rows } = await tx.query<TrackerItemRow>('select * from public.tracker_items where user_id = $1 order by module, created_at, id', [userId]);
  return rows;
}
