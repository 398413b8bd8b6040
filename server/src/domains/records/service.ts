import type { z } from 'zod';
import { RECORD_PATIENTS_MAX, type MedicalRecord, type MedicalRecordCreateSchema, type MedicalRecordListQuery, type MedicalRecordUpdateSchema, type RecordPatient, type RecordsSummary } from '../../contract/records.js';
import type { Page } from '../../contract/pagination.js';
import type { Db } from '../../db/types.js';
import { forbidden, validationFailed } from '../../errors.js';
import { todayInEngland } from '../../kit/dates.js';
import { ownedResource } from '../../kit/owned-resource.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import type { AuthContext } from '../../auth/context.js';
import { presentRecord, presentRecordPatient } from './present.js';
import * as repo from './repo.js';

export type RecordsService = ReturnType<typeof createRecordsService>;

/**
 * Medical records on the kit: a two-party resource (the writing doctor and the patient both see a
 * record; RLS decides) whose create has rules of its own (doctors only, about a patient account).
 */
export function createRecordsService({ db, realtime }: { db: Db; realtime: RealtimeGateway }) {
  const records = ownedResource<repo.RecordRow, MedicalRecord>(
    db,
    {
      noun: 'record',
      table: 'public.medical_records',
      joins: 'left join public.profiles d on d.user_id = t.doctor_id left join public.profiles p on p.user_id = t.patient_id',
      select: repo.RECORD_COLUMNS,
      listScope: '(t.doctor_id = $1 or t.patient_id = $1)',
      insertColumns: ['doctor_id', 'patient_id', 'title', 'notes'],
      updateColumns: ['title', 'notes'],
      sort: { keys: [{ expr: 't.created_at', type: 'timestamptz' }], dir: 'desc' },
      present: presentRecord,
    },
    todayInEngland,
  );

  /** Both parties hear about every change, so the patient's open page and the doctor's other tabs stay current. */
  function tellParties(row: repo.RecordRow, send: (to: ReturnType<RealtimeGateway['toUser']>) => void) {
    send(realtime.toUser(row.patient_id));
    send(realtime.toUser(row.doctor_id));
  }

  return {
    /** What the caller wrote (a doctor) or what is about them (a patient), newest first. */
    list: (auth: AuthContext, q: MedicalRecordListQuery): Promise<Page<MedicalRecord>> => records.list(auth, q),

    /** How many records are about the caller, whatever their role: the navigation offers Records when there are any. */
    async summary(auth: AuthContext): Promise<RecordsSummary> {
      return { about_you: await db.asUser(auth.claims, (tx) => repo.countAbout(tx, auth.account.id)) };
    },

    /** The patients the doctor has written for, for the record form to offer; other roles have none to ask about (403). */
    async patients(auth: AuthContext): Promise<RecordPatient[]> {
      if (auth.account.role !== 'doctor') throw forbidden('Only doctors write medical records');
      const rows = await db.asUser(auth.claims, (tx) => repo.listPatientsOf(tx, auth.account.id, RECORD_PATIENTS_MAX));
      return rows.map(presentRecordPatient);
    },

    /** The record, for its doctor or its patient; for anyone else it does not exist. */
    get: (auth: AuthContext, id: string): Promise<MedicalRecord> => records.get(auth, id),

    /**
     * A doctor writes a record about a patient account named by email or id, and it is pushed live
     * to the patient. Any other role gets 403; a name that is not a patient account gets one 400
     * whether or not some other account has it, so nothing is learned about non-patient accounts.
     */
    async create(auth: AuthContext, input: z.output<typeof MedicalRecordCreateSchema>): Promise<MedicalRecord> {
      if (auth.account.role !== 'doctor') throw forbidden('Only doctors can create medical records');
      const row = await db.asUser(auth.claims, async (tx) => {
        const patientId = await repo.resolvePatient(tx, { email: input.patient_email, id: input.patient_id });
        if (!patientId) {
          const [path, message] =
            input.patient_email !== undefined ? ['patient_email', 'No patient account with that email'] : ['patient_id', 'No patient account with that id'];
          throw validationFailed(message, [{ path, message }]);
        }
        return records.createIn(tx, { doctor_id: auth.account.id, patient_id: patientId, title: input.title, notes: input.notes });
      });
      const record = presentRecord(row);
      tellParties(row, (to) => to.emit('records:created', record));
      const doctor = `${row.doctor_first_name} ${row.doctor_last_name}`.trim();
      realtime
        .toUser(row.patient_id)
        .emit('notify', { kind: 'record_shared', message: `${doctor ? `Dr ${doctor}` : 'Your doctor'} added a medical record about you` });
      return record;
    },

    /** The writing doctor changes the title or notes if `version` is current (409 otherwise); the patient may not (403). */
    async update(auth: AuthContext, id: string, input: z.output<typeof MedicalRecordUpdateSchema>): Promise<MedicalRecord> {
      const { version, ...changes } = input;
      const row = await db.asUser(auth.claims, async (tx) => {
        // Read without a lock first: the lock (FOR UPDATE) applies the update policy, which hides
        // the record from its patient, who must hear 403 (read-only), not 404.
        const current = await records.findIn(tx, id);
        if (!current) throw records.hidden();
        if (current.doctor_id !== auth.account.id) throw forbidden('Only the doctor who wrote this record can change it');
        return (await records.updateIn(tx, id, version, changes)).after;
      });
      const record = presentRecord(row);
      tellParties(row, (to) => to.emit('records:updated', record));
      return record;
    },

    /** The writing doctor deletes the record; the patient may not (403). */
    async remove(auth: AuthContext, id: string): Promise<void> {
      const row = await db.asUser(auth.claims, async (tx) => {
        const current = await records.findIn(tx, id);
        if (!current) throw records.hidden();
        if (current.doctor_id !== auth.account.id) throw forbidden('Only the doctor who wrote this record can delete it');
        return records.removeIn(tx, id);
      });
      tellParties(row, (to) => to.emit('records:deleted', { id: row.id }));
    },
  };
}
