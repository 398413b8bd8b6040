import type { z } from 'zod';
import type { MedicalRecord, MedicalRecordCreateSchema, MedicalRecordListQuery, MedicalRecordUpdateSchema } from '../../contract/records.js';
import type { Page } from '../../contract/pagination.js';
import type { Db } from '../../db/types.js';
import { conflict, forbidden, notFound, validationFailed } from '../../errors.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import type { AuthContext } from '../accounts/auth-context.js';
import { presentRecord } from './present.js';
import * as repo from './repo.js';

const hidden = () => notFound('This record does not exist, or it is not yours to see');

function encodeCursor(c: { at: string; id: string }) {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

function decodeCursor(raw: string): { at: string; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id)) {
      return { at, id };
    }
  } catch {
    // fall through
  }
  throw validationFailed('Invalid cursor', [{ path: 'cursor', message: 'Not a cursor this list handed out' }]);
}

export type RecordsService = ReturnType<typeof createRecordsService>;

export function createRecordsService({ db, realtime }: { db: Db; realtime: RealtimeGateway }) {
  /** Both parties hear about every change, so the patient's open page and the doctor's other tabs stay current. */
  function tellParties(row: repo.RecordRow, send: (to: ReturnType<RealtimeGateway['toUser']>) => void) {
    send(realtime.toUser(row.patient_id));
    send(realtime.toUser(row.doctor_id));
  }

  return {
    /** What the caller wrote (a doctor) or what is about them (a patient), newest first. */
    async list(auth: AuthContext, q: MedicalRecordListQuery): Promise<Page<MedicalRecord>> {
      const after = q.cursor ? decodeCursor(q.cursor) : null;
      const rows = await db.asUser(auth.claims, (tx) => repo.listRecords(tx, auth.account.id, q.limit, after));
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map(presentRecord),
        next_cursor: rows.length > q.limit && last ? encodeCursor({ at: last.cursor_at, id: last.id }) : null,
      };
    },

    /** The record, for its doctor or its patient; for anyone else it does not exist. */
    async get(auth: AuthContext, id: string): Promise<MedicalRecord> {
      const row = await db.asUser(auth.claims, (tx) => repo.findRecord(tx, id));
      if (!row) throw hidden();
      return presentRecord(row);
    },

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
        const id = await repo.insertRecord(tx, auth.account.id, patientId, { title: input.title, notes: input.notes });
        return (await repo.findRecord(tx, id))!;
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
      const row = await db.asUser(auth.claims, async (tx) => {
        const current = await repo.findRecord(tx, id);
        if (!current) throw hidden();
        if (current.doctor_id !== auth.account.id) throw forbidden('Only the doctor who wrote this record can change it');
        const ok = await repo.updateRecord(tx, id, input.version, { title: input.title ?? current.title, notes: input.notes ?? current.notes });
        if (!ok) throw conflict('This record was changed elsewhere; reload to see the latest');
        return (await repo.findRecord(tx, id))!;
      });
      const record = presentRecord(row);
      tellParties(row, (to) => to.emit('records:updated', record));
      return record;
    },

    /** The writing doctor deletes the record; the patient may not (403). */
    async remove(auth: AuthContext, id: string): Promise<void> {
      const row = await db.asUser(auth.claims, async (tx) => {
        const current = await repo.findRecord(tx, id);
        if (!current) throw hidden();
        if (current.doctor_id !== auth.account.id) throw forbidden('Only the doctor who wrote this record can delete it');
        if (!(await repo.deleteRecord(tx, id))) throw hidden();
        return current;
      });
      tellParties(row, (to) => to.emit('records:deleted', { id: row.id }));
    },
  };
}
