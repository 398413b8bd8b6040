// Medical records SQL, run as the caller: RLS shows a record to its doctor and its patient only,
// lets only a doctor insert (as themselves, about a patient account) and only the writing doctor
// change or delete it. Names come from public.profiles, which everyone may read.
import type { Queryable } from '../../db/types.js';

export interface RecordRow {
  id: string;
  doctor_id: string;
  patient_id: string;
  title: string;
  notes: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  doctor_first_name: string;
  doctor_last_name: string;
  patient_first_name: string;
  patient_last_name: string;
}

/** The record with both parties' names (public.profiles, which everyone may read); `t` is the record. */
export const RECORD_COLUMNS = `t.id, t.doctor_id, t.patient_id, t.title, t.notes, t.version, t.created_at, t.updated_at,
  coalesce(d.first_name, '') as doctor_first_name, coalesce(d.last_name, '') as doctor_last_name,
  coalesce(p.first_name, '') as patient_first_name, coalesce(p.last_name, '') as patient_last_name`;

/**
 * The patient account named by email (or id), or null when there is none, it is not a patient's, or
 * the caller is not a doctor — indistinguishable on purpose (resolve_patient_account()).
 */
export async function resolvePatient(tx: Queryable, by: { email?: string | undefined; id?: string | undefined }): Promise<string | null> {
  const { rows } = await tx.query<{ id: string | null }>('select public.resolve_patient_account($1, $2::uuid) as id', [
    by.email ?? null,
    by.id ?? null,
  ]);
  return rows[0]?.id ?? null;
}

export interface PatientRow {
  id: string;
  first_name: string;
  last_name: string;
  records: number;
  last_written_at: Date;
}

/**
 * The patients `doctorId` has written records about, most recently written for first. RLS shows the
 * caller only their own records, so another doctor asking for this doctor's patients gets none.
 */
export async function listPatientsOf(tx: Queryable, doctorId: string, max: number): Promise<PatientRow[]> {
  const { rows } = await tx.query<PatientRow>(
    `select t.patient_id as id, coalesce(p.first_name, '') as first_name, coalesce(p.last_name, '') as last_name,
            count(*)::int as records, max(t.created_at) as last_written_at
       from public.medical_records t
       left join public.profiles p on p.user_id = t.patient_id
      where t.doctor_id = $1
      group by t.patient_id, p.first_name, p.last_name
      order by max(t.created_at) desc, t.patient_id
      limit $2`,
    [doctorId, max],
  );
  return rows;
}

/** How many records are about `userId`; RLS hides everyone else's, so it is 0 for anyone but that person. */
export async function countAbout(tx: Queryable, userId: string): Promise<number> {
  const { rows } = await tx.query<{ count: number }>('select count(*)::int as count from public.medical_records where patient_id = $1', [userId]);
  return rows[0]?.count ?? 0;
}

/** Records the person wrote (as a doctor) or that are about them (as a patient). */
export async function exportMedicalRecords(tx: Queryable, userId: string) {
  const { rows } = await tx.query<{ id: string; doctor_id: string; patient_id: string; title: string; notes: string; version: number; created_at: Date; updated_at: Date }>(
    `select id, doctor_id, patient_id, title, notes, version, created_at, updated_at
       from public.medical_records where doctor_id = $1 or patient_id = $1 order by created_at, id`,
    [userId],
  );
  return rows;
}
