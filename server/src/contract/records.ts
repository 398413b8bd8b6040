import { z } from 'zod';
import { Text, VersionSchema } from './primitives.js';
import { EmailSchema } from './accounts.js';
import { PageQuerySchema } from './pagination.js';

/** Limits of a medical record, shared by the server's validation, the database and the client's form. */
export const RECORD_LIMITS = {
  titleMax: 200,
  notesMax: 20_000,
} as const;

const title = Text
  .trim()
  .min(1, { message: 'Required' })
  .max(RECORD_LIMITS.titleMax, { message: `At most ${RECORD_LIMITS.titleMax} characters` });

/** Plain text kept as written (line breaks and indentation matter); it must not be blank. */
const notes = Text
  .max(RECORD_LIMITS.notesMax, { message: `At most ${RECORD_LIMITS.notesMax} characters` })
  .refine((s) => s.trim().length > 0, { message: 'Required' });

/**
 * POST /api/records — doctors only. The patient is named by the email of their account or by its
 * id: exactly one of the two.
 */
export const MedicalRecordCreateSchema = z
  .strictObject({
    patient_email: EmailSchema.optional(),
    patient_id: z.uuid({ message: 'Not a valid account id' }).optional(),
    title,
    notes,
  })
  .superRefine((v, ctx) => {
    if (v.patient_email === undefined && v.patient_id === undefined) {
      ctx.addIssue({ code: 'custom', path: ['patient_email'], message: 'Enter the patient’s email' });
    } else if (v.patient_email !== undefined && v.patient_id !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['patient_id'], message: 'Name the patient by email or by account id, not both' });
    }
  });
export type MedicalRecordCreateInput = z.input<typeof MedicalRecordCreateSchema>;

/** PATCH /api/records/:id — the writing doctor only; `version` is the one they read (409 when stale). */
export const MedicalRecordUpdateSchema = z
  .strictObject({
    version: VersionSchema,
    title: title.optional(),
    notes: notes.optional(),
  })
  .refine((v) => v.title !== undefined || v.notes !== undefined, { message: 'Change the title or the notes', path: ['title'] });
export type MedicalRecordUpdateInput = z.input<typeof MedicalRecordUpdateSchema>;

/** GET /api/records — newest first. */
export const MedicalRecordListQuerySchema = PageQuerySchema.strict();
export type MedicalRecordListQuery = z.output<typeof MedicalRecordListQuerySchema>;

/** How many of a doctor's earlier patients the record form is offered: the most recently written for. */
export const RECORD_PATIENTS_MAX = 200;

/**
 * A patient the doctor has written a record about before, as `GET /api/records/patients` lists them
 * (doctors only; most recently written for first): the record form offers them by name.
 */
export interface RecordPatient {
  id: string;
  first_name: string;
  last_name: string;
  /** How many records the doctor has written about them. */
  records: number;
  last_written_at: string;
}

/** A person on a record, by their public profile. */
export interface RecordParty {
  id: string;
  first_name: string;
  last_name: string;
}

/** A medical record as its doctor and its patient see it (nobody else ever does). */
export interface MedicalRecord {
  id: string;
  title: string;
  notes: string;
  created_at: string;
  updated_at: string;
  version: number;
  doctor: RecordParty;
  patient: RecordParty;
}

/**
 * GET /api/records/summary — what the navigation needs: how many records are about the caller.
 * It counts only the caller's own (RLS), so it tells nobody anything about anyone else.
 */
export interface RecordsSummary {
  about_you: number;
}
