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
  /** `created_at` in UTC to the microsecond (a JS Date keeps milliseconds only): the exact keyset cursor. */
  cursor_at: string;
}

export type RecordFields = Pick<RecordRow, 'title' | 'notes'>;

const SELECT = `
  select r.id, r.doctor_id, r.patient_id, r.title, r.notes, r.version, r.created_at, r.updated_at,
         coalesce(d.first_name, '') as doctor_first_name, coalesce(d.last_name, '') as doctor_last_name,
         coalesce(p.first_name, '') as patient_first_name, coalesce(p.last_name, '') as patient_last_name,
         to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
    from public.medical_records r
    left join public.profiles d on d.user_id = r.doctor_id
    left join public.profiles p on p.user_id = r.patient_id`;

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

/** What the user wrote or what is about them, newest first, after the keyset cursor. */
export async function listRecords(tx: Queryable, userId: string, limit: number, after: { at: string; id: string } | null): Promise<RecordRow[]> {
  const params: unknown[] = [userId];
  let keyset = '';
  if (after) {
    params.push(after.at, after.id);
    keyset = 'and (r.created_at, r.id) < ($2::timestamptz, $3::uuid)';
  }
  params.push(limit + 1);
  const { rows } = await tx.query<RecordRow>(
    `${SELECT}
      where (r.doctor_id = $1 or r.patient_id = $1) ${keyset}
      order by r.created_at desc, r.id desc
      limit $${params.length}`,
    params,
  );
  return rows;
}

export async function findRecord(tx: Queryable, id: string): Promise<RecordRow | null> {
  const { rows } = await tx.query<RecordRow>(`${SELECT} where r.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertRecord(tx: Queryable, doctorId: string, patientId: string, f: RecordFields): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    'insert into public.medical_records (doctor_id, patient_id, title, notes) values ($1, $2, $3, $4) returning id',
    [doctorId, patientId, f.title, f.notes],
  );
  return rows[0]!.id;
}

/** Updates the record if `version` is current (the trigger bumps it); false when stale or not the caller's. */
export async function updateRecord(tx: Queryable, id: string, version: number, f: RecordFields): Promise<boolean> {
  const { rowCount } = await tx.query('update public.medical_records set title = $3, notes = $4 where id = $1 and version = $2', [
    id,
    version,
    f.title,
    f.notes,
  ]);
  return rowCount > 0;
}

export async function deleteRecord(tx: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await tx.query('delete from public.medical_records where id = $1', [id]);
  return rowCount > 0;
}
