import { z } from 'zod';
import { IsoDateSchema, Text, VersionSchema } from './primitives.js';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.js';
import { PageQuerySchema } from './pagination.js';

/** Referral priority type: routine, urgent, two-week-wait (suspected cancer), 62-day cancer pathway. */
export const PATHWAY_TYPES = ['routine', 'urgent', '2ww', '62day'] as const;
export type PathwayType = (typeof PATHWAY_TYPES)[number];

/** Clinical prioritisation codes (they change booking order, never the clock). */
export const CLINICAL_PRIORITIES = ['P1a', 'P1b', 'P2', 'P3', 'P4', 'P5', 'P6'] as const;
export type ClinicalPriority = (typeof CLINICAL_PRIORITIES)[number];

/** Where the patient is on the pathway, as a waiting-list team tracks it. */
export const PATHWAY_STAGES = [
  'awaiting_first_appointment',
  'awaiting_follow_up',
  'awaiting_diagnostics',
  'awaiting_decision',
  'admitted_waiting_list',
  'tci_booked',
  'active_monitoring',
  'treated',
  'discharged',
] as const;
export type PathwayStage = (typeof PATHWAY_STAGES)[number];

/** RTT reporting treatment functions (the specialties of the monthly return). */
export const SPECIALTIES = [
  { code: '100', name: 'General Surgery' },
  { code: '101', name: 'Urology' },
  { code: '110', name: 'Trauma and Orthopaedics' },
  { code: '120', name: 'Ear, Nose and Throat' },
  { code: '130', name: 'Ophthalmology' },
  { code: '140', name: 'Oral Surgery' },
  { code: '150', name: 'Neurosurgery' },
  { code: '160', name: 'Plastic Surgery' },
  { code: '170', name: 'Cardiothoracic Surgery' },
  { code: '300', name: 'General Internal Medicine' },
  { code: '301', name: 'Gastroenterology' },
  { code: '320', name: 'Cardiology' },
  { code: '330', name: 'Dermatology' },
  { code: '340', name: 'Respiratory Medicine' },
  { code: '400', name: 'Neurology' },
  { code: '410', name: 'Rheumatology' },
  { code: '430', name: 'Elderly Medicine' },
  { code: '502', name: 'Gynaecology' },
  { code: 'X02', name: 'Other - Medical Services' },
  { code: 'X03', name: 'Other - Mental Health Services' },
  { code: 'X04', name: 'Other - Paediatric Services' },
  { code: 'X05', name: 'Other - Surgical Services' },
  { code: 'X06', name: 'Other - Other Services' },
] as const;
export const SPECIALTY_NAMES = SPECIALTIES.map((s) => s.name) as unknown as readonly [string, ...string[]];

/**
 * What can happen on an RTT pathway. The engine (server/src/domains/ptl/clock.ts) decides what
 * each does to the clock; `RTT_STATUS_BY_EVENT` gives the national status code it is recorded with.
 */
export const PTL_EVENT_TYPES = [
  'outpatient_attended', // 20: assessment, follow-up; clock runs
  'diagnostics', // 20
  'decision_to_admit', // 20: added to the admitted waiting list
  'pre_op_assessment', // 20
  'first_appointment_dna', // 33 if provably communicated and not 2WW: stop + nullify
  'later_appointment_dna', // 20: trust rebooks, clock runs
  'discharged_after_dna', // 34: clinician-approved discharge under the DNA policy; stop
  'patient_cancelled', // 20: any notice is a cancellation, never a DNA
  'hospital_cancelled', // 20: no adjustment
  'patient_requested_delay', // 20: no pause exists
  'admitted_not_treated', // 20: admission without the intended treatment
  'treatment_outpatient', // 30: first definitive treatment, non-admitted; stop
  'treatment_admitted', // 30: admitted for first definitive treatment; stop on admission date
  'active_monitoring_patient', // 31: stop
  'active_monitoring_clinician', // 32: stop
  'decision_not_to_treat', // 34: stop (also discharge, no further contact, return to primary care)
  'added_to_transplant_list', // 34: stop
  'patient_declined_treatment', // 35: stop
  'patient_died', // 36: stop
  'rebooked_after_dna', // 10: new clock after a nullified first-appointment DNA
  'clinician_reoffer_after_dna', // 10: new clock from the clinician's decision to re-offer
  'decision_to_treat_after_monitoring', // 11: new clock at zero
  'new_period_second_side', // 10: bilateral, fit and available for the second side
  'new_period_new_treatment', // 10: substantively new treatment decided after a completed period
  'transferred_out', // 21: clock continues at the new provider; leaves this PTL
] as const;
export type PtlEventType = (typeof PTL_EVENT_TYPES)[number];

export const RTT_STATUS_BY_EVENT: Record<PtlEventType, string> = {
  outpatient_attended: '20',
  diagnostics: '20',
  decision_to_admit: '20',
  pre_op_assessment: '20',
  first_appointment_dna: '33',
  later_appointment_dna: '20',
  discharged_after_dna: '34',
  patient_cancelled: '20',
  hospital_cancelled: '20',
  patient_requested_delay: '20',
  admitted_not_treated: '20',
  treatment_outpatient: '30',
  treatment_admitted: '30',
  active_monitoring_patient: '31',
  active_monitoring_clinician: '32',
  decision_not_to_treat: '34',
  added_to_transplant_list: '34',
  patient_declined_treatment: '35',
  patient_died: '36',
  rebooked_after_dna: '10',
  clinician_reoffer_after_dna: '10',
  decision_to_treat_after_monitoring: '11',
  new_period_second_side: '10',
  new_period_new_treatment: '10',
  transferred_out: '21',
};

/** The editable fields of a pathway, in the order of the CSV import header (and the export's first columns). */
export const PATHWAY_FIELDS = [
  'patient_id',
  'patient_name',
  'nhs_number',
  'specialty',
  'referral_date',
  'clock_start_date',
  'pathway_type',
  'priority',
  'current_status',
] as const;

export const NhsNumberSchema = Text
  .trim()
  .transform(normaliseNhsNumber)
  .refine((s) => /^\d{10}$/.test(s), { message: 'An NHS number has 10 digits' })
  .refine(isValidNhsNumber, { message: 'This NHS number fails the Modulus 11 check: check for a mistyped digit' });

const text = (max: number) => Text.trim().min(1, { message: 'Required' }).max(max, { message: `At most ${max} characters` });

/** The editable fields of a pathway; dates are checked against each other and against today by the service. */
const PathwayFields = {
  patient_id: text(40).regex(/^[A-Za-z0-9._/-]+$/, { message: 'Letters, digits and . _ / - only' }),
  patient_name: text(200),
  nhs_number: NhsNumberSchema.nullable(),
  specialty: z.enum(SPECIALTY_NAMES, { message: 'Unknown specialty: choose one of the RTT treatment functions' }),
  referral_date: IsoDateSchema,
  clock_start_date: IsoDateSchema,
  pathway_type: z.enum(PATHWAY_TYPES, { message: 'Pathway type must be routine, urgent, 2ww or 62day' }),
  priority: z.enum(CLINICAL_PRIORITIES, { message: 'Priority must be one of P1a, P1b, P2, P3, P4, P5, P6' }).nullable(),
  current_status: z.enum(PATHWAY_STAGES, { message: 'Unknown pathway stage' }),
};

/** POST /api/ptl */
export const PathwayCreateSchema = z.strictObject({
  ...PathwayFields,
  nhs_number: PathwayFields.nhs_number.default(null),
  priority: PathwayFields.priority.default(null),
  current_status: PathwayFields.current_status.default('awaiting_first_appointment'),
});
export type PathwayCreateInput = z.input<typeof PathwayCreateSchema>;

/** PATCH /api/ptl/:id */
export const PathwayUpdateSchema = z.strictObject({
  version: VersionSchema,
  ...Object.fromEntries(Object.entries(PathwayFields).map(([k, v]) => [k, v.optional()])),
}) as unknown as z.ZodType<{ version: number } & Partial<z.output<typeof PathwayCreateSchema>>>;
export type PathwayUpdateInput = { version: number } & Partial<PathwayCreateInput>;

/** POST /api/ptl/:id/events */
export const PtlEventCreateSchema = z.strictObject({
  event_type: z.enum(PTL_EVENT_TYPES, { message: 'Unknown event type' }),
  event_date: IsoDateSchema,
  /** For DNAs: could the trust show the appointment was clearly communicated? */
  appointment_communicated: z.boolean().default(true),
  note: Text.trim().max(2000).default(''),
});
export type PtlEventCreateInput = z.input<typeof PtlEventCreateSchema>;

export const PTL_SORTS = ['weeks_waited', 'breach_date', 'patient_name', 'referral_date'] as const;
/** Long-wait groups used on the PTL and in recovery targets (weeks). */
export const WAIT_GROUPS = ['0-18', '18-52', '52-65', '65-78', '78-104', '104+'] as const;
export type WaitGroup = (typeof WAIT_GROUPS)[number];

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** GET /api/ptl */
export const PathwayListQuerySchema = z.strictObject({
  ...PageQuerySchema.shape,
  specialty: z.enum(SPECIALTY_NAMES).optional(),
  /** Clock state; `open` (default) = running clocks on this PTL. `all` shows everything. */
  state: z.enum(['open', 'running', 'stopped', 'nullified', 'transferred', 'all']).default('open'),
  stage: z.enum(PATHWAY_STAGES).optional(),
  breached: booleanQuery.optional(),
  wait_group: z.enum(WAIT_GROUPS).optional(),
  priority: z.enum(CLINICAL_PRIORITIES).optional(),
  pathway_type: z.enum(PATHWAY_TYPES).optional(),
  q: Text.trim().min(1).max(100).optional(),
  sort: z.enum(PTL_SORTS).default('weeks_waited'),
  order: z.enum(['asc', 'desc']).optional(),
  /** Census date for waits (default: today in England). */
  as_of: IsoDateSchema.optional(),
});
export type PathwayListQuery = z.output<typeof PathwayListQuerySchema>;

export const PtlStatsQuerySchema = z.strictObject({ as_of: IsoDateSchema.optional() });

/** POST /api/ptl/import?mode=…&import_id=… (body: text/csv) */
export const PtlImportQuerySchema = z.strictObject({
  /** `atomic`: any bad row and nothing is imported. `partial`: good rows go in, bad rows are reported. */
  mode: z.enum(['atomic', 'partial']).default('partial'),
  /** Client-chosen id; progress arrives as `ptl:import:progress` socket events carrying it. */
  import_id: z.uuid().optional(),
});

export const CLOCK_STATES = ['running', 'stopped', 'nullified'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/** Why the clock is where it is, in words a learner can follow. */
export interface ClockExplanation {
  /** The event that set the current state, or null when it is the referral (clock start). */
  event_id: string | null;
  event_type: PtlEventType | 'clock_start';
  date: string;
  rtt_status: string;
  text: string;
}

export interface Clock {
  state: ClockState;
  start_date: string;
  stop_date: string | null;
  days_waited: number;
  weeks_waited: number;
  /** Monthly-return time band: "0-1", ">1-2", … ">103-104", "104+". */
  band: string;
  wait_group: WaitGroup;
  breach_date: string;
  breached: boolean;
  /** False once transferred to another provider (21): the clock runs on there, not on this PTL. */
  on_ptl: boolean;
  explanation: ClockExplanation;
  /** Things a validator should look at (e.g. a delay over 6 weeks needs clinical review). */
  warnings: string[];
}

export interface ClockPeriod {
  state: ClockState;
  start_date: string;
  stop_date: string | null;
  days_waited: number;
  started_by: ClockExplanation;
  ended_by: ClockExplanation | null;
}

export interface PtlEvent {
  id: string;
  pathway_id: string;
  event_type: PtlEventType;
  event_date: string;
  rtt_status: string;
  appointment_communicated: boolean;
  note: string;
  created_at: string;
}

export interface Pathway {
  id: string;
  patient_id: string;
  patient_name: string;
  nhs_number: string | null;
  specialty: string;
  referral_date: string;
  clock_start_date: string;
  pathway_type: PathwayType;
  priority: ClinicalPriority | null;
  current_status: PathwayStage;
  clock: Clock;
  version: number;
  created_at: string;
  updated_at: string;
}

/** GET /api/ptl/:id adds the events and every RTT period of the pathway. */
export interface PathwayDetail extends Pathway {
  events: PtlEvent[];
  periods: ClockPeriod[];
}

export interface PtlStats {
  as_of: string;
  total_open: number;
  within_18_weeks: number;
  percent_within_18: number | null;
  standard_percent: 92;
  meets_standard: boolean | null;
  /** The monthly-return distribution: one entry per band, in order, including empty ones up to the longest wait. */
  by_band: { band: string; count: number }[];
  by_wait_group: Record<WaitGroup, number>;
  breached: number;
  /** Open pathways that will pass 18 weeks in each of the next four weeks (week 1 = the next 7 days). */
  breaches_next_4_weeks: { week: number; from: string; to: string; count: number }[];
  by_specialty: { specialty: string; open: number; within_18: number; percent_within_18: number; breached: number }[];
}

export interface PtlImportRowError {
  line: number;
  patient_id: string | null;
  errors: { field: string; message: string }[];
}

export interface PtlImportResult {
  mode: 'atomic' | 'partial';
  /** False when an atomic import found bad rows and therefore imported nothing. */
  committed: boolean;
  total_rows: number;
  imported: number;
  rejected: number;
  errors: PtlImportRowError[];
}

export interface PtlImportProgress {
  import_id: string;
  processed: number;
  total: number;
}
