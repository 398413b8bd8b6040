import type { MedicalRecord, RecordPatient } from '../../contract/records.js';
import type { PatientRow, RecordRow } from './repo.js';

/** The record as both its parties see it: names from their public profiles, no email, no other account data. */
export function presentRecord(r: RecordRow): MedicalRecord {
  return {
    id: r.id,
    title: r.title,
    notes: r.notes,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
    version: r.version,
    doctor: { id: r.doctor_id, first_name: r.doctor_first_name, last_name: r.doctor_last_name },
    patient: { id: r.patient_id, first_name: r.patient_first_name, last_name: r.patient_last_name },
  };
}

/** A patient the doctor wrote for: their public name and what the doctor wrote, never their email. */
export function presentRecordPatient(r: PatientRow): RecordPatient {
  return {
    id: r.id,
    first_name: r.first_name,
    last_name: r.last_name,
    records: r.records,
    last_written_at: r.last_written_at.toISOString(),
  };
}
