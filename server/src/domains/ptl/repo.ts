// SQL for the PTL, always run inside db.asUser(): RLS limits every statement to the caller's rows,
// and the explicit user_id filters make the same promise in application code.
import type { PathwayListQuery } from '../../contract/ptl.js';
import type { Queryable } from '../../db/types.js';
import { buildListQuery, DAYS_SQL, type Cursor } from './list-query.js';

export interface PathwayFieldsRow {
  patient_id: string;
  patient_name: string;
  nhs_number: string | null;
  specialty: string;
  referral_date: string;
  clock_start_date: string;
  pathway_type: string;
  priority: string | null;
  current_status: string;
}

export interface PathwayRow extends PathwayFieldsRow, DerivedClock {
  id: string;
  user_id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface EventRow {
  id: string;
  pathway_id: string;
  event_type: string;
  event_date: string;
  rtt_status: string;
  appointment_communicated: boolean;
  note: string;
  created_at: Date;
}

/** The clock columns the engine derives; written with every change to a pathway or its events. */
export interface DerivedClock {
  clock_state: string;
  clock_period_start: string;
  clock_stop_date: string | null;
  on_ptl: boolean;
}

const EVENT_COLUMNS = 'id, pathway_id, event_type, event_date, rtt_status, appointment_communicated, note, created_at';

export async function listPage(tx: Queryable, q: PathwayListQuery, today: string, userId: string, cursor: Cursor | null) {
  const { sql, params } = buildListQuery(q, today, userId, cursor);
  const { rows } = await tx.query<PathwayRow & { sort_key: string | number }>(sql, params);
  return rows;
}

export async function findPathway(tx: Queryable, userId: string, id: string): Promise<PathwayRow | null> {
  const { rows } = await tx.query<PathwayRow>('select * from public.ptl_patients where id = $1 and user_id = $2', [id, userId]);
  return rows[0] ?? null;
}

/** Several of the user's pathways in one query (the ones not theirs are simply not there). */
export async function pathwaysById(tx: Queryable, userId: string, ids: readonly string[]): Promise<PathwayRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<PathwayRow>('select * from public.ptl_patients where id = any($1::uuid[]) and user_id = $2', [ids, userId]);
  return rows;
}

/** The user's open pathways (clock running, on this PTL) per specialty, as the PTL's stored clocks say. */
export async function openBySpecialty(tx: Queryable, userId: string): Promise<Map<string, number>> {
  const { rows } = await tx.query<{ specialty: string; open: number }>(
    `select specialty, count(*)::int as open from public.ptl_patients
      where user_id = $1 and clock_state = 'running' and on_ptl group by specialty`,
    [userId],
  );
  return new Map(rows.map((r) => [r.specialty, r.open]));
}

/** Events of several pathways in one query, in the order the engine applies them. */
export async function eventsFor(tx: Queryable, pathwayIds: string[]): Promise<Map<string, EventRow[]>> {
  const byPathway = new Map<string, EventRow[]>(pathwayIds.map((id) => [id, []]));
  if (pathwayIds.length === 0) return byPathway;
  const { rows } = await tx.query<EventRow>(
    `select ${EVENT_COLUMNS} from public.ptl_events where pathway_id = any($1::uuid[]) order by pathway_id, event_date, seq`,
    [pathwayIds],
  );
  for (const row of rows) byPathway.get(row.pathway_id)?.push(row);
  return byPathway;
}

export async function insertPathway(tx: Queryable, userId: string, f: PathwayFieldsRow, clock: DerivedClock): Promise<PathwayRow> {
  const { rows } = await tx.query<PathwayRow>(
    `insert into public.ptl_patients
       (user_id, patient_id, patient_name, nhs_number, specialty, referral_date, clock_start_date, pathway_type, priority,
        current_status, clock_state, clock_period_start, clock_stop_date, on_ptl)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     returning *`,
    [userId, f.patient_id, f.patient_name, f.nhs_number, f.specialty, f.referral_date, f.clock_start_date, f.pathway_type, f.priority,
      f.current_status, clock.clock_state, clock.clock_period_start, clock.clock_stop_date, clock.on_ptl],
  );
  return rows[0]!;
}

/** Updates fields and derived clock if `version` is current; null when it is not (or the row is not the caller's). */
export async function updatePathway(tx: Queryable, userId: string, id: string, version: number | null, f: PathwayFieldsRow, clock: DerivedClock): Promise<PathwayRow | null> {
  const { rows } = await tx.query<PathwayRow>(
    `update public.ptl_patients set
       patient_id = $4, patient_name = $5, nhs_number = $6, specialty = $7, referral_date = $8, clock_start_date = $9,
       pathway_type = $10, priority = $11, current_status = $12,
       clock_state = $13, clock_period_start = $14, clock_stop_date = $15, on_ptl = $16
     where id = $1 and user_id = $2 and ($3::int is null or version = $3::int)
     returning *`,
    [id, userId, version, f.patient_id, f.patient_name, f.nhs_number, f.specialty, f.referral_date, f.clock_start_date,
      f.pathway_type, f.priority, f.current_status, clock.clock_state, clock.clock_period_start, clock.clock_stop_date, clock.on_ptl],
  );
  return rows[0] ?? null;
}

export async function deletePathway(tx: Queryable, userId: string, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.ptl_patients where id = $1 and user_id = $2', [id, userId]);
  return rowCount > 0;
}

export async function insertEvent(
  tx: Queryable,
  userId: string,
  e: { pathway_id: string; event_type: string; event_date: string; rtt_status: string; appointment_communicated: boolean; note: string },
): Promise<EventRow> {
  const { rows } = await tx.query<EventRow>(
    `insert into public.ptl_events (pathway_id, user_id, event_type, event_date, rtt_status, appointment_communicated, note)
     values ($1, $2, $3, $4, $5, $6, $7) returning ${EVENT_COLUMNS}`,
    [e.pathway_id, userId, e.event_type, e.event_date, e.rtt_status, e.appointment_communicated, e.note],
  );
  return rows[0]!;
}

/** The caller's pathway, locked until the transaction ends, so concurrent event writers re-derive its clock one after another. */
export async function lockPathway(tx: Queryable, userId: string, id: string): Promise<PathwayRow | null> {
  const { rows } = await tx.query<PathwayRow>('select * from public.ptl_patients where id = $1 and user_id = $2 for update', [id, userId]);
  return rows[0] ?? null;
}

/** The events of these pathways carrying any of these notes (e.g. `booking:<id>`), in the order the engine applies them. */
export async function eventsByNotes(tx: Queryable, pathwayIds: readonly string[], notes: readonly string[]): Promise<EventRow[]> {
  if (notes.length === 0 || pathwayIds.length === 0) return [];
  const { rows } = await tx.query<EventRow>(
    `select ${EVENT_COLUMNS} from public.ptl_events
      where pathway_id = any($1::uuid[]) and note = any($2::text[])
      order by pathway_id, event_date, seq`,
    [pathwayIds, notes],
  );
  return rows;
}

/** Deletes these events of one of the caller's pathways; returns how many went. */
export async function deleteEvents(tx: Queryable, userId: string, pathwayId: string, eventIds: readonly string[]): Promise<number> {
  if (eventIds.length === 0) return 0;
  const { rowCount } = await tx.query('delete from public.ptl_events where id = any($1::uuid[]) and pathway_id = $2 and user_id = $3', [
    eventIds,
    pathwayId,
    userId,
  ]);
  return rowCount;
}

export async function deleteEvent(tx: Queryable, userId: string, pathwayId: string, eventId: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.ptl_events where id = $1 and pathway_id = $2 and user_id = $3', [eventId, pathwayId, userId]);
  return rowCount > 0;
}

/** Inserts new pathways in one statement; returns the patient_ids that went in (existing ones are skipped). */
export async function insertPathwayBatch(tx: Queryable, userId: string, rows: PathwayFieldsRow[]): Promise<Set<string>> {
  const col = <K extends keyof PathwayFieldsRow>(k: K) => rows.map((r) => r[k]);
  const { rows: inserted } = await tx.query<{ patient_id: string }>(
    `insert into public.ptl_patients
       (user_id, patient_id, patient_name, nhs_number, specialty, referral_date, clock_start_date, pathway_type, priority,
        current_status, clock_period_start)
     select $1::uuid, t.patient_id, t.patient_name, t.nhs_number, t.specialty, t.referral_date, t.clock_start_date,
            t.pathway_type, t.priority, t.current_status, t.clock_start_date
       from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::text[], $10::text[])
         as t(patient_id, patient_name, nhs_number, specialty, referral_date, clock_start_date, pathway_type, priority, current_status)
     on conflict (user_id, patient_id) do nothing
     returning patient_id`,
    [userId, col('patient_id'), col('patient_name'), col('nhs_number'), col('specialty'), col('referral_date'), col('clock_start_date'),
      col('pathway_type'), col('priority'), col('current_status')],
  );
  return new Set(inserted.map((r) => r.patient_id));
}

export interface StatsGroup {
  specialty: string;
  /** Monthly-return band: 1 = 0–1 weeks … 104 = >103–104, 105 = over 104 weeks. */
  band_index: number;
  /** 1–4 when these clocks pass 18 weeks within that many weeks of the census date, else null. */
  breach_week: number | null;
  count: number;
}

/**
 * The open clocks at the census date per specialty, monthly-return band and upcoming breach week,
 * folded from the trigger-maintained counters (band k holds days (7(k-1), 7k]; 18 weeks pass on
 * day 127, i.e. 127 − days after the census date).
 */
export async function statsGroups(tx: Queryable, userId: string, today: string): Promise<StatsGroup[]> {
  const { rows } = await tx.query<StatsGroup>(
    `select specialty,
            case when d <= 7 then 1 when d > 728 then 105 else (d + 6) / 7 end as band_index,
            case when d between 99 and 126 then (126 - d) / 7 + 1 end as breach_week,
            sum(pathways)::int as count
       from (select specialty, $1::date - clock_period_start as d, pathways
               from public.ptl_open_counts
              where user_id = $2 and clock_period_start <= $1::date) counters
      group by 1, 2, 3`,
    [today, userId],
  );
  return rows;
}

export interface ExportRow extends PathwayFieldsRow {
  clock_state: string;
  clock_period_start: string;
  clock_stop_date: string | null;
  days_waited: number;
  breach_date: string;
  on_ptl: boolean;
}

const EXPORT_COLUMNS = `p.patient_id, p.patient_name, p.nhs_number, p.specialty, p.referral_date, p.clock_start_date,
  p.pathway_type, p.priority, p.current_status, p.clock_state, p.clock_period_start, p.clock_stop_date,
  greatest(0, coalesce(p.clock_stop_date, $1::date) - p.clock_period_start) as days_waited,
  p.clock_period_start + 127 as breach_date, p.on_ptl`;

/**
 * The whole filtered list in display order, handed over in chunks: one sort, read through a
 * cursor, so neither the database nor this process holds more than a chunk at a time.
 */
export async function forEachExportChunk(
  tx: Queryable,
  q: PathwayListQuery,
  today: string,
  userId: string,
  chunkSize: number,
  onChunk: (rows: ExportRow[]) => Promise<void>,
): Promise<void> {
  const { sql, params } = buildListQuery(q, today, userId, null, { columns: EXPORT_COLUMNS, unlimited: true });
  await tx.query(`declare ptl_export no scroll cursor for ${sql}`, params);
  for (;;) {
    const { rows } = await tx.query<ExportRow>(`fetch forward ${chunkSize} from ptl_export`);
    if (rows.length) await onChunk(rows);
    if (rows.length < chunkSize) break;
  }
  await tx.query('close ptl_export');
}
