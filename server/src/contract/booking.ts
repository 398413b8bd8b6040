import { z } from 'zod';
import { PageQuerySchema } from './pagination.js';
import { IsoDateSchema, Line, Text, VersionSchema } from './primitives.js';
import { SPECIALTY_NAMES, type PathwayDetail } from './ptl.js';

/**
 * Clinic booking (`/api/booking`): clinic templates, the slots generated from them (England and
 * Wales bank holidays and cancelled dates skipped), appointments booked into slots, and their
 * outcomes — which become RTT events on the linked PTL pathway (`note` = `booking:<appointment id>`).
 */

/** Slot kinds: the first `new_slots` slots of a session are for new patients. */
export const SLOT_KINDS = ['new', 'follow_up'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export const SLOT_STATUSES = ['free', 'booked', 'cancelled'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

export const APPOINTMENT_STATUSES = ['booked', 'attended', 'dna', 'patient_cancelled', 'hospital_cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
/** The outcomes an appointment can be given (every status but `booked`). */
export const APPOINTMENT_OUTCOMES = ['attended', 'dna', 'patient_cancelled', 'hospital_cancelled'] as const;
export type AppointmentOutcome = (typeof APPOINTMENT_OUTCOMES)[number];
/** Statuses that hold the slot: at most one appointment per slot is in one of these. */
export const LIVE_APPOINTMENT_STATUSES = ['booked', 'attended', 'dna'] as const;

/** What the clinician decided at an attended appointment; the last five stop the RTT clock. */
export const CLINIC_OUTCOMES = [
  'follow_up',
  'decision_to_admit',
  'treatment_started',
  'active_monitoring_patient',
  'active_monitoring_clinician',
  'no_treatment_needed',
  'patient_declined_treatment',
] as const;
export type ClinicOutcome = (typeof CLINIC_OUTCOMES)[number];

export const SKIP_REASONS = ['bank_holiday', 'cancelled_date'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** The most days one `POST /clinics/:id/slots` covers (`to − from`), and the stats' widest window. */
export const MAX_RANGE_DAYS = 366;

const Id = z.uuid({ message: 'Not a valid id' });

/** A clinic time, `HH:MM` on the UK wall clock (24-hour). */
export const ClinicTimeSchema = Text.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use the time format HH:MM (24-hour)' });

const name = Line.trim().min(1, { message: 'Required' }).max(200, { message: 'At most 200 characters' });
const patientId = Line.trim().regex(/^[A-Za-z0-9._/-]{1,40}$/, { message: 'Letters, digits and . _ / - only, at most 40' });
const weekdaySchema = z.number({ message: 'Give the ISO weekday, 1 (Monday) to 7 (Sunday)' }).int().min(1).max(7);

const ClinicFields = {
  name,
  specialty: z.enum(SPECIALTY_NAMES, { message: 'Unknown specialty: choose one of the RTT treatment functions' }),
  clinician: name,
  weekday: weekdaySchema,
  start_time: ClinicTimeSchema,
  end_time: ClinicTimeSchema,
  slot_minutes: z.number({ message: 'Give the slot length in minutes' }).int().min(5, { message: 'At least 5 minutes' }).max(240, { message: 'At most 240 minutes' }),
  new_slots: z.number({ message: 'Give how many slots are for new patients' }).int().min(0).max(1000),
  /** Future dates allowed: templates describe clinics to come. */
  valid_from: IsoDateSchema,
  valid_to: IsoDateSchema.nullable(),
  cancelled_dates: z
    .array(IsoDateSchema)
    .max(500, { message: 'At most 500 cancelled dates' })
    .refine((d) => new Set(d).size === d.length, { message: 'A date is listed twice' }),
};

/**
 * POST /api/booking/clinics. `capacity` is computed (⌊(end − start) ÷ slot_minutes⌋, at least 1);
 * the service checks it and `new_slots ≤ capacity` on the template as it would be after the write.
 */
export const ClinicCreateSchema = z.strictObject({
  ...ClinicFields,
  new_slots: ClinicFields.new_slots.default(0),
  valid_to: ClinicFields.valid_to.default(null),
  cancelled_dates: ClinicFields.cancelled_dates.default([]),
});
export type ClinicCreateInput = z.input<typeof ClinicCreateSchema>;

/**
 * PATCH /api/booking/clinics/:id — a new `cancelled_dates` entry cancels that date's free slots.
 * Taking a date out again only lets later generation create slots on it: slots already cancelled
 * are reopened one by one (`PATCH /slots/:id`). Existing slots keep their times when the template changes.
 */
export const ClinicUpdateSchema = z.strictObject({
  version: VersionSchema,
  ...Object.fromEntries(Object.entries(ClinicFields).map(([k, v]) => [k, v.optional()])),
}) as unknown as z.ZodType<{ version: number } & Partial<z.output<typeof ClinicCreateSchema>>>;
export type ClinicUpdateInput = { version: number } & Partial<ClinicCreateInput>;

/** GET /api/booking/clinics — by weekday, then start time. */
export const ClinicListQuerySchema = PageQuerySchema.extend({
  specialty: z.enum(SPECIALTY_NAMES).optional(),
  weekday: z.coerce.number().int().min(1).max(7).optional(),
  q: Text.trim().min(1).max(100).optional(),
  /** Admins only: whose rows to read. */
  user_id: Id.optional(),
}).strict();

export interface ClinicTemplate {
  id: string;
  name: string;
  specialty: string;
  clinician: string;
  weekday: number;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  new_slots: number;
  /** Slots per session: ⌊(end − start) ÷ slot_minutes⌋. */
  capacity: number;
  valid_from: string;
  valid_to: string | null;
  cancelled_dates: string[];
  version: number;
  created_at: string;
  updated_at: string;
}

/** PATCH /api/booking/clinics/:id: the template, and the booked appointments on newly cancelled dates (they need a hospital cancellation). */
export interface ClinicUpdateResponse extends ClinicTemplate {
  affected_appointments: Appointment[];
}

const rangeWithin = (max: number) => (v: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (!v.from || !v.to) return;
  const days = (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000;
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` cannot be before `from`' });
  else if (days > max) ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${max} days from \`from\`` });
};

/** POST /api/booking/clinics/:id/slots — any dates, `to − from` ≤ 366. */
export const SlotGenerateSchema = z.strictObject({ from: IsoDateSchema, to: IsoDateSchema }).superRefine(rangeWithin(MAX_RANGE_DAYS));

export interface SlotGenerateResult {
  created: number;
  existing: number;
  skipped: { date: string; reason: SkipReason }[];
}

/** GET /api/booking/bank-holidays?year= (default: this year). */
export const BankHolidaysQuerySchema = z.strictObject({ year: z.coerce.number().int().min(1900).max(2099).optional() });

export interface BankHolidaysResponse {
  year: number;
  dates: { date: string; name: string }[];
}

export interface Slot {
  id: string;
  clinic_id: string;
  date: string;
  start_time: string;
  end_time: string;
  kind: SlotKind;
  status: SlotStatus;
  /** The live (booked, attended or did-not-attend) appointment holding the slot. */
  appointment_id: string | null;
  version: number;
}

/** GET /api/booking/slots — by date, then start time. */
export const SlotListQuerySchema = PageQuerySchema.extend({
  clinic_id: Id.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  status: z.enum(SLOT_STATUSES).optional(),
  kind: z.enum(SLOT_KINDS).optional(),
  user_id: Id.optional(),
}).strict();
export type SlotListQuery = z.output<typeof SlotListQuerySchema>;

/** PATCH /api/booking/slots/:id — `409` if booked. */
export const SlotUpdateSchema = z.strictObject({ version: VersionSchema, cancelled: z.boolean({ message: 'Say whether the slot is cancelled' }) });

export interface Appointment {
  id: string;
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
  /** The RTT events this appointment wrote on its pathway (the PTL events noted `booking:<id>`). */
  rtt_event_ids: string[];
  version: number;
  created_at: string;
  updated_at: string;
}

/**
 * POST /api/booking/appointments: a PTL pathway (the patient fields come from it) or a patient
 * without one. `booked_on` (default today) is the day it was booked or the patient called.
 */
export const AppointmentCreateSchema = z
  .strictObject({
    slot_id: Id,
    pathway_id: Id.optional(),
    patient_id: patientId.optional(),
    patient_name: name.optional(),
    booked_on: IsoDateSchema.optional(),
    /** Can the trust show the date was clearly communicated (§1.5)? */
    communicated: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.pathway_id) {
      for (const f of ['patient_id', 'patient_name'] as const) {
        if (v[f] !== undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'The patient comes from the linked pathway; leave this out' });
      }
      return;
    }
    for (const f of ['patient_id', 'patient_name'] as const) {
      if (v[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'Required without a pathway_id' });
    }
  });
export type AppointmentCreateInput = z.input<typeof AppointmentCreateSchema>;

/** POST /api/booking/appointments/:id/outcome */
export const AppointmentOutcomeSchema = z.strictObject({
  version: VersionSchema,
  outcome: z.enum(APPOINTMENT_OUTCOMES, { message: 'The outcome is attended, dna, patient_cancelled or hospital_cancelled' }),
  /** Cancellations: the day it was made (default today). Attendances and DNAs are dated the slot's day. */
  outcome_date: IsoDateSchema.optional(),
  clinic_outcome: z.enum(CLINIC_OUTCOMES, { message: 'Unknown clinic outcome' }).optional(),
  /** DNA only: clinician-approved discharge under the published DNA policy. */
  discharge_date: IsoDateSchema.optional(),
});
export type AppointmentOutcomeInput = z.output<typeof AppointmentOutcomeSchema>;

/**
 * POST /api/booking/appointments/:id/rebook — from a `booked` appointment (cancelled `by` the patient
 * or the hospital on `outcome_date`), or from a `dna` one not yet rebooked (it keeps its DNA; the new
 * booking is dated `outcome_date`, the day the patient called, and restarts a nullified clock).
 */
export const AppointmentRebookSchema = z.strictObject({
  version: VersionSchema,
  slot_id: Id,
  by: z.enum(['patient', 'hospital'], { message: 'Say who cancelled: patient or hospital' }),
  /** The day of the cancellation (or of the call, after a DNA) and the new booking (default today). */
  outcome_date: IsoDateSchema.optional(),
});
export type AppointmentRebookInput = z.output<typeof AppointmentRebookSchema>;

/** GET /api/booking/appointments — by date, then start time. */
export const AppointmentListQuerySchema = PageQuerySchema.extend({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  clinic_id: Id.optional(),
  pathway_id: Id.optional(),
  status: z.enum(APPOINTMENT_STATUSES).optional(),
  user_id: Id.optional(),
}).strict();
export type AppointmentListQuery = z.output<typeof AppointmentListQuerySchema>;

/** `200` of an outcome and of its undoing: the linked pathway as `GET /api/ptl/:id` shows it, or null. */
export interface AppointmentOutcomeResponse {
  appointment: Appointment;
  pathway: PathwayDetail | null;
}

const userIdQuery = { user_id: Id.optional() };

/** GET /api/booking/clinics/:id/day?date= (default today) */
export const ClinicDayQuerySchema = z.strictObject({ date: IsoDateSchema.optional() });

export interface ClinicDay {
  clinic: ClinicTemplate;
  date: string;
  /** The bank holiday's name, when the date is one. */
  bank_holiday: string | null;
  /** The date is among the template's `cancelled_dates`. */
  cancelled_date: boolean;
  /** In start-time order, each with the appointment holding it. */
  slots: (Slot & { appointment: Appointment | null })[];
}

const isMonday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1;

/** GET /api/booking/capacity?week=<Monday> (default this week). */
export const CapacityQuerySchema = z.strictObject({
  week: IsoDateSchema.refine(isMonday, { message: 'Give the Monday the week starts on' }).optional(),
  ...userIdQuery,
});

export interface CapacityDay {
  date: string;
  /** Every slot of the day, cancelled ones included. */
  slots: number;
  /** Held by a live appointment (booked, attended or did not attend). */
  booked: number;
  free: number;
  cancelled: number;
}

export interface CapacityResponse {
  week: string;
  clinics: { clinic_id: string; name: string; specialty: string; clinician: string; days: CapacityDay[] }[];
}

/** GET /api/booking/stats?from=&to= (default: the 28 days to today), at most 366 days. */
export const BookingStatsQuerySchema = z
  .strictObject({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional(), ...userIdQuery })
  .superRefine(rangeWithin(MAX_RANGE_DAYS));

export interface BookingStatsRow {
  /** Slots not cancelled: the denominator of utilisation. */
  slots: number;
  cancelled_slots: number;
  /** Slots held by a live appointment (booked, attended or did not attend). */
  used: number;
  booked: number;
  attended: number;
  dna: number;
  patient_cancelled: number;
  hospital_cancelled: number;
  /** used ÷ slots (0–1); null without slots. */
  utilisation: number | null;
  /** dna ÷ (attended + dna) (0–1); null before any attendance or DNA. */
  dna_rate: number | null;
}

export interface BookingStats {
  from: string;
  to: string;
  clinics: (BookingStatsRow & { clinic_id: string; name: string })[];
  overall: BookingStatsRow;
}
