// Clinic booking SQL beyond the kit's, always run inside db.asUser(): row-level security limits
// every statement to the caller's rows (or, for an admin, to what the admins' read policies show),
// and the explicit user_id filters make the same promise in application code.
import type { AppointmentListQuery, AppointmentStatus, ClinicOutcome, SlotKind, SlotListQuery } from '../../contract/booking.js';
import type { Queryable } from '../../db/types.js';
import type { SettledOutcome } from './outcomes.js';
import type { PlannedSlot } from './slots.js';

const LIVE = `('booked', 'attended', 'dna')`;

// ---------------------------------------------------------------------------------------------
// Clinic templates

export interface ClinicRow {
  id: string;
  user_id: string;
  name: string;
  specialty: string;
  clinician: string;
  weekday: number;
  /** `HH:MM` as selected below; `HH:MM:SS` where a row comes from the kit's locked `t.*`. */
  start_time: string;
  end_time: string;
  slot_minutes: number;
  new_slots: number;
  valid_from: string;
  valid_to: string | null;
  cancelled_dates: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** The templates' select list: times as `HH:MM`, cancelled dates as `YYYY-MM-DD` text (both drivers alike). */
export const CLINIC_SELECT = `t.id, t.user_id, t.name, t.specialty, t.clinician, t.weekday, to_char(t.start_time, 'HH24:MI') as start_time,
  to_char(t.end_time, 'HH24:MI') as end_time, t.slot_minutes, t.new_slots, t.valid_from, t.valid_to,
  t.cancelled_dates::text[] as cancelled_dates, t.version, t.created_at, t.updated_at`;

/** The caller's template, locked until the transaction ends (generation, cancellation and deletion take turns). */
export async function lockClinic(tx: Queryable, id: string): Promise<ClinicRow | null> {
  const { rows } = await tx.query<ClinicRow>(`select ${CLINIC_SELECT} from public.clinic_templates t where t.id = $1 for update`, [id]);
  return rows[0] ?? null;
}

export async function findClinic(tx: Queryable, id: string): Promise<ClinicRow | null> {
  const { rows } = await tx.query<ClinicRow>(`select ${CLINIC_SELECT} from public.clinic_templates t where t.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Does any appointment, live or not, sit in one of the clinic's slots? (Its history keeps the clinic.) */
export async function clinicHasAppointments(tx: Queryable, clinicId: string): Promise<boolean> {
  const { rows } = await tx.query('select 1 from public.appointments where clinic_id = $1 limit 1', [clinicId]);
  return rows.length > 0;
}

/**
 * Cancels the clinic's free slots on these dates. The slots are locked first, in id order; only
 * then (a new statement, so a new snapshot) are the ones a live appointment holds left out: a
 * booking that committed while we waited is seen, and one that starts later waits for us and then
 * finds the slot cancelled. Returns how many were cancelled.
 */
export async function cancelFreeSlotsOn(tx: Queryable, clinicId: string, dates: readonly string[]): Promise<number> {
  if (dates.length === 0) return 0;
  await tx.query('select id from public.clinic_slots where clinic_id = $1 and date = any($2::date[]) order by id for update', [clinicId, dates]);
  const { rowCount } = await tx.query(
    `update public.clinic_slots s set cancelled = true
      where s.clinic_id = $1 and s.date = any($2::date[]) and not s.cancelled
        and not exists (select 1 from public.appointments a where a.slot_id = s.id and a.status in ${LIVE})`,
    [clinicId, dates],
  );
  return rowCount;
}

// ---------------------------------------------------------------------------------------------
// Slots

export interface SlotRow {
  id: string;
  user_id: string;
  clinic_id: string;
  date: string;
  start_time: string;
  end_time: string;
  kind: SlotKind;
  cancelled: boolean;
  version: number;
  /** The live appointment holding it. */
  appointment_id: string | null;
}

const SLOT_SELECT = `s.id, s.user_id, s.clinic_id, s.date, to_char(s.start_time, 'HH24:MI') as start_time,
  to_char(s.end_time, 'HH24:MI') as end_time, s.kind, s.cancelled, s.version, a.id as appointment_id`;
const SLOT_FROM = `public.clinic_slots s left join public.appointments a on a.slot_id = s.id and a.status in ${LIVE}`;

/**
 * Inserts the planned slots in one statement; those already there (same clinic, date and start)
 * are left alone by the unique constraint. Returns how many were new.
 */
export async function insertSlots(tx: Queryable, userId: string, clinicId: string, slots: readonly PlannedSlot[]): Promise<number> {
  if (slots.length === 0) return 0;
  const { rowCount } = await tx.query(
    `insert into public.clinic_slots (user_id, clinic_id, date, start_time, end_time, kind)
     select $1, $2, d, st, et, k from unnest($3::date[], $4::time[], $5::time[], $6::text[]) as p(d, st, et, k)
     on conflict (clinic_id, date, start_time) do nothing`,
    [userId, clinicId, slots.map((s) => s.date), slots.map((s) => s.start_time), slots.map((s) => s.end_time), slots.map((s) => s.kind)],
  );
  return rowCount;
}

/**
 * One slot, with the appointment holding it. `share` lets concurrent bookings of it go ahead (the
 * unique index then picks one) while a cancellation waits; `update` is the cancellation's own lock.
 */
export async function findSlot(tx: Queryable, id: string, lock: 'share' | 'update' | null = null): Promise<SlotRow | null> {
  if (lock) await tx.query(`select id from public.clinic_slots where id = $1 for ${lock}`, [id]);
  // Read after the lock, in a new statement: what a transaction we waited for committed is seen.
  const { rows } = await tx.query<SlotRow>(`select ${SLOT_SELECT} from ${SLOT_FROM} where s.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function setSlotCancelled(tx: Queryable, id: string, cancelled: boolean): Promise<void> {
  await tx.query('update public.clinic_slots set cancelled = $2 where id = $1', [id, cancelled]);
}

export type SlotCursor = [date: string, start: string, id: string];

/** A page of someone's slots (limit + 1 rows), by date, start time and id. */
export async function listSlots(tx: Queryable, userId: string, q: SlotListQuery, after: SlotCursor | null): Promise<SlotRow[]> {
  const params: unknown[] = [userId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['s.user_id = $1'];
  if (q.clinic_id) where.push(`s.clinic_id = ${p(q.clinic_id)}`);
  if (q.from) where.push(`s.date >= ${p(q.from)}::date`);
  if (q.to) where.push(`s.date <= ${p(q.to)}::date`);
  if (q.kind) where.push(`s.kind = ${p(q.kind)}`);
  if (q.status === 'booked') where.push('a.id is not null');
  if (q.status === 'free') where.push('a.id is null and not s.cancelled');
  if (q.status === 'cancelled') where.push('a.id is null and s.cancelled');
  if (after) where.push(`(s.date, s.start_time, s.id) > (${p(after[0])}::date, ${p(after[1])}::time, ${p(after[2])}::uuid)`);
  const { rows } = await tx.query<SlotRow>(
    `select ${SLOT_SELECT} from ${SLOT_FROM} where ${where.join(' and ')}
      order by s.date, s.start_time, s.id limit ${p(q.limit + 1)}`,
    params,
  );
  return rows;
}

/** A clinic's slots on one day, in start-time order. */
export async function slotsOfDay(tx: Queryable, clinicId: string, date: string): Promise<SlotRow[]> {
  const { rows } = await tx.query<SlotRow>(`select ${SLOT_SELECT} from ${SLOT_FROM} where s.clinic_id = $1 and s.date = $2 order by s.start_time, s.id`, [
    clinicId,
    date,
  ]);
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Appointments

export interface AppointmentRow {
  id: string;
  user_id: string;
  slot_id: string;
  clinic_id: string;
  date: string;
  start_time: string;
  kind: SlotKind;
  pathway_id: string | null;
  patient_id: string;
  patient_name: string;
  booked_on: string;
  communicated: boolean;
  status: AppointmentStatus;
  outcome_date: string | null;
  clinic_outcome: ClinicOutcome | null;
  discharge_date: string | null;
  rebooked_as: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const APPOINTMENT_SELECT = `a.id, a.user_id, a.slot_id, a.clinic_id, a.date, to_char(a.start_time, 'HH24:MI') as start_time, a.kind,
  a.pathway_id, a.patient_id, a.patient_name, a.booked_on, a.communicated, a.status, a.outcome_date, a.clinic_outcome,
  a.discharge_date, a.rebooked_as, a.version, a.created_at, a.updated_at`;

export interface NewAppointment {
  slot_id: string;
  pathway_id: string | null;
  patient_id: string;
  patient_name: string;
  booked_on: string;
  communicated: boolean;
}

/**
 * Books a slot. The trigger copies the slot's clinic, date, time and kind; the partial unique index
 * refuses a second live appointment in the slot (23505), whoever got there first.
 */
export async function insertAppointment(tx: Queryable, userId: string, a: NewAppointment): Promise<AppointmentRow> {
  const { rows } = await tx.query<{ id: string }>(
    `insert into public.appointments (user_id, slot_id, pathway_id, patient_id, patient_name, booked_on, communicated)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [userId, a.slot_id, a.pathway_id, a.patient_id, a.patient_name, a.booked_on, a.communicated],
  );
  return (await findAppointment(tx, rows[0]!.id))!;
}

export async function findAppointment(tx: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<AppointmentRow | null> {
  const { rows } = await tx.query<AppointmentRow>(`select ${APPOINTMENT_SELECT} from public.appointments a where a.id = $1${opts.lock ? ' for update' : ''}`, [id]);
  return rows[0] ?? null;
}

/** Records an outcome, or (null) takes it back to `booked`. */
export async function setOutcome(tx: Queryable, id: string, o: SettledOutcome | null): Promise<AppointmentRow> {
  await tx.query('update public.appointments set status = $2, outcome_date = $3, clinic_outcome = $4, discharge_date = $5 where id = $1', [
    id,
    o?.status ?? 'booked',
    o?.outcome_date ?? null,
    o?.clinic_outcome ?? null,
    o?.discharge_date ?? null,
  ]);
  return (await findAppointment(tx, id))!;
}

export async function setRebookedAs(tx: Queryable, id: string, newId: string): Promise<AppointmentRow> {
  await tx.query('update public.appointments set rebooked_as = $2 where id = $1', [id, newId]);
  return (await findAppointment(tx, id))!;
}

export async function deleteAppointment(tx: Queryable, id: string): Promise<void> {
  await tx.query('delete from public.appointments where id = $1', [id]);
}

export type AppointmentCursor = [date: string, start: string, id: string];

/** A page of someone's appointments (limit + 1 rows), by date, start time and id. */
export async function listAppointments(tx: Queryable, userId: string, q: AppointmentListQuery, after: AppointmentCursor | null): Promise<AppointmentRow[]> {
  const params: unknown[] = [userId];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ['a.user_id = $1'];
  if (q.from) where.push(`a.date >= ${p(q.from)}::date`);
  if (q.to) where.push(`a.date <= ${p(q.to)}::date`);
  if (q.clinic_id) where.push(`a.clinic_id = ${p(q.clinic_id)}`);
  if (q.pathway_id) where.push(`a.pathway_id = ${p(q.pathway_id)}`);
  if (q.status) where.push(`a.status = ${p(q.status)}`);
  if (after) where.push(`(a.date, a.start_time, a.id) > (${p(after[0])}::date, ${p(after[1])}::time, ${p(after[2])}::uuid)`);
  const { rows } = await tx.query<AppointmentRow>(
    `select ${APPOINTMENT_SELECT} from public.appointments a where ${where.join(' and ')}
      order by a.date, a.start_time, a.id limit ${p(q.limit + 1)}`,
    params,
  );
  return rows;
}

/** Appointments by id, in one query. */
export async function appointmentsById(tx: Queryable, ids: readonly string[]): Promise<AppointmentRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await tx.query<AppointmentRow>(`select ${APPOINTMENT_SELECT} from public.appointments a where a.id = any($1::uuid[])`, [ids]);
  return rows;
}

/** The clinic's booked (not yet outcome-recorded) appointments on these dates, by date and time. */
export async function bookedAppointmentsOn(tx: Queryable, clinicId: string, dates: readonly string[]): Promise<AppointmentRow[]> {
  if (dates.length === 0) return [];
  const { rows } = await tx.query<AppointmentRow>(
    `select ${APPOINTMENT_SELECT} from public.appointments a
      where a.clinic_id = $1 and a.date = any($2::date[]) and a.status = 'booked'
      order by a.date, a.start_time, a.id`,
    [clinicId, dates],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Views

export interface CapacityCount {
  clinic_id: string;
  date: string;
  slots: number;
  booked: number;
  cancelled: number;
}

/** Per clinic and day of the week from `monday`: every slot, those a live appointment holds, the cancelled free ones. */
export async function capacityCounts(tx: Queryable, userId: string, monday: string): Promise<CapacityCount[]> {
  const { rows } = await tx.query<CapacityCount>(
    `select s.clinic_id, to_char(s.date, 'YYYY-MM-DD') as date, count(*)::int as slots,
            count(a.id)::int as booked, count(*) filter (where a.id is null and s.cancelled)::int as cancelled
       from ${SLOT_FROM}
      where s.user_id = $1 and s.date between $2::date and $2::date + 6
      group by 1, 2`,
    [userId, monday],
  );
  return rows;
}

export interface ClinicName {
  id: string;
  name: string;
  specialty: string;
  clinician: string;
}

/** The clinics running in the week from `monday` (valid on some day of it) or with slots in it, by weekday, start and name. */
export async function clinicsOfWeek(tx: Queryable, userId: string, monday: string): Promise<ClinicName[]> {
  const { rows } = await tx.query<ClinicName>(
    `select t.id, t.name, t.specialty, t.clinician from public.clinic_templates t
      where t.user_id = $1
        and ((t.valid_from <= $2::date + 6 and (t.valid_to is null or t.valid_to >= $2::date))
             or exists (select 1 from public.clinic_slots s where s.clinic_id = t.id and s.date between $2::date and $2::date + 6))
      order by t.weekday, t.start_time, t.name, t.id`,
    [userId, monday],
  );
  return rows;
}

export interface StatsCount {
  clinic_id: string;
  name: string;
  slots: number;
  cancelled_slots: number;
  used: number;
  booked: number;
  attended: number;
  dna: number;
  patient_cancelled: number;
  hospital_cancelled: number;
}

/**
 * Per clinic over slots dated in [from, to]: slots not cancelled (or held despite it), cancelled
 * ones, slots a live appointment holds, and the appointments by status.
 */
export async function statsCounts(tx: Queryable, userId: string, from: string, to: string): Promise<StatsCount[]> {
  const { rows } = await tx.query<StatsCount>(
    `with slot_counts as (
       select s.clinic_id,
              count(*) filter (where not s.cancelled or live.id is not null)::int as slots,
              count(*) filter (where s.cancelled and live.id is null)::int as cancelled_slots,
              count(live.id)::int as used
         from public.clinic_slots s
         left join public.appointments live on live.slot_id = s.id and live.status in ${LIVE}
        where s.user_id = $1 and s.date between $2::date and $3::date
        group by 1),
     appointment_counts as (
       select a.clinic_id,
              count(*) filter (where a.status = 'booked')::int as booked,
              count(*) filter (where a.status = 'attended')::int as attended,
              count(*) filter (where a.status = 'dna')::int as dna,
              count(*) filter (where a.status = 'patient_cancelled')::int as patient_cancelled,
              count(*) filter (where a.status = 'hospital_cancelled')::int as hospital_cancelled
         from public.appointments a
        where a.user_id = $1 and a.date between $2::date and $3::date
        group by 1)
     select t.id as clinic_id, t.name,
            coalesce(sc.slots, 0) as slots, coalesce(sc.cancelled_slots, 0) as cancelled_slots, coalesce(sc.used, 0) as used,
            coalesce(ac.booked, 0) as booked, coalesce(ac.attended, 0) as attended, coalesce(ac.dna, 0) as dna,
            coalesce(ac.patient_cancelled, 0) as patient_cancelled, coalesce(ac.hospital_cancelled, 0) as hospital_cancelled
       from public.clinic_templates t
       left join slot_counts sc on sc.clinic_id = t.id
       left join appointment_counts ac on ac.clinic_id = t.id
      where t.user_id = $1 and (sc.clinic_id is not null or ac.clinic_id is not null)
      order by t.name, t.id`,
    [userId, from, to],
  );
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The person's own data: export and portfolio

export async function exportClinics(tx: Queryable, userId: string): Promise<ClinicRow[]> {
  const { rows } = await tx.query<ClinicRow>(`select ${CLINIC_SELECT} from public.clinic_templates t where t.user_id = $1 order by t.created_at, t.id`, [userId]);
  return rows;
}

export async function exportSlots(tx: Queryable, userId: string): Promise<SlotRow[]> {
  const { rows } = await tx.query<SlotRow>(`select ${SLOT_SELECT} from ${SLOT_FROM} where s.user_id = $1 order by s.date, s.start_time, s.id`, [userId]);
  return rows;
}

export async function exportAppointments(tx: Queryable, userId: string): Promise<AppointmentRow[]> {
  const { rows } = await tx.query<AppointmentRow>(`select ${APPOINTMENT_SELECT} from public.appointments a where a.user_id = $1 order by a.created_at, a.id`, [
    userId,
  ]);
  return rows;
}

export interface BookingFactsRow {
  clinics: number;
  appointments: number;
  attended: number;
  dna: number;
  last_at: Date | null;
}

/** The portfolio's booking counts, and the person's latest change to a template or an appointment. */
export async function bookingFacts(tx: Queryable, userId: string): Promise<BookingFactsRow> {
  const { rows } = await tx.query<BookingFactsRow>(
    `select (select count(*) from public.clinic_templates where user_id = $1)::int as clinics,
            (select count(*) from public.appointments where user_id = $1)::int as appointments,
            (select count(*) from public.appointments where user_id = $1 and status = 'attended')::int as attended,
            (select count(*) from public.appointments where user_id = $1 and status = 'dna')::int as dna,
            greatest((select max(updated_at) from public.clinic_templates where user_id = $1),
                     (select max(updated_at) from public.appointments where user_id = $1)) as last_at`,
    [userId],
  );
  return rows[0]!;
}
