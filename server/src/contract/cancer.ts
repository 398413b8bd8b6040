import { z } from 'zod';
import { PageQuerySchema } from './pagination.js';
import { IsoDateSchema, Line, Prose, Text, VersionSchema } from './primitives.js';
import { NhsNumberSchema, PathwayCreateSchema } from './ptl.js';

/**
 * Cancer pathways (`/api/cancer`): a user's register of patients on the Cancer Waiting Times
 * standards in force since 1 October 2023 (domain/nhs-waiting-times.md §2). Only dates are sent;
 * the three clocks are computed at a census date (`as_of`) and never accepted in a body.
 */

export const TUMOUR_SITES = [
  'breast',
  'gynaecological',
  'haematological',
  'head_and_neck',
  'lower_gi',
  'upper_gi',
  'lung',
  'skin',
  'urological',
  'testicular',
  'brain_cns',
  'sarcoma',
  'childrens',
  'other',
] as const;
export type TumourSite = (typeof TUMOUR_SITES)[number];

/** How the patient came onto the pathway; `usc` = urgent suspected cancer (formerly two-week wait). */
export const CANCER_ROUTES = ['usc', 'breast_symptomatic', 'screening', 'consultant_upgrade', 'other'] as const;
export type CancerRoute = (typeof CANCER_ROUTES)[number];

export const SCREENING_PROGRAMMES = ['breast', 'bowel', 'cervical', 'lung'] as const;
export type ScreeningProgramme = (typeof SCREENING_PROGRAMMES)[number];

export const CANCER_DIAGNOSES = ['cancer', 'ruled_out'] as const;
export type CancerDiagnosis = (typeof CANCER_DIAGNOSES)[number];

export const TREATMENT_MODALITIES = ['surgery', 'anti_cancer_drug', 'radiotherapy', 'hormone', 'active_monitoring', 'other'] as const;
export type TreatmentModality = (typeof TREATMENT_MODALITIES)[number];

// ---------------------------------------------------------------------------------------------
// Clocks

export const CANCER_CLOCKS = ['fds_28', 'treatment_31', 'treatment_62'] as const;
export type CancerClockName = (typeof CANCER_CLOCKS)[number];

/** The last compliant day is start + target (§2.1; the start date is day 0). */
export const CANCER_TARGET_DAYS: Record<CancerClockName, number> = { fds_28: 28, treatment_31: 31, treatment_62: 62 };

/** The 62-day backstop: still untreated at day 104 needs a harm review (§2.3). */
export const LONG_WAIT_DAYS = 104;

/**
 * `running` / `stopped`; `pending` — the clock has not started by `as_of` (31-day: no decision to
 * treat yet; also a referral or upgrade dated after `as_of`); `ended` — 62-day, cancer ruled out, not
 * reported; `not_applicable` — the route is outside the standard, or the 31-day once cancer is ruled out.
 */
export const CANCER_CLOCK_STATES = ['running', 'stopped', 'pending', 'ended', 'not_applicable'] as const;
export type CancerClockState = (typeof CANCER_CLOCK_STATES)[number];

export interface CancerClock {
  state: CancerClockState;
  start_date: string | null;
  stop_date: string | null;
  /** (`stop_date` or `as_of`) − `start_date`; null when pending or not applicable. */
  days: number | null;
  target_days: number;
  /** start + target: the last compliant day. */
  due_date: string | null;
  /** start + target + 1: the first day in breach. */
  breach_date: string | null;
  /** target − days while running (negative once over), else null. */
  days_remaining: number | null;
  /** days > target, when running or stopped; otherwise false. */
  breached: boolean;
  /** What set the state, in words. */
  explanation: string;
}

export interface CancerClocks {
  fds_28: CancerClock;
  treatment_31: CancerClock;
  treatment_62: CancerClock;
  /** `treatment_62.days` (null where the 62-day standard does not apply or has not started). */
  days_on_pathway: number | null;
  /** 62-day running or stopped with days ≥ 104 (the backstop, harm review). */
  long_wait_104: boolean;
}

/**
 * The percentage each standard must meet (§2.1): FDS 75%, 80% from March 2026; 31-day 96%;
 * 62-day 85% (the constitutional standard; interim operational targets are not applied).
 */
export function standardTargetPercent(standard: CancerClockName, month: string): number {
  switch (standard) {
    case 'fds_28':
      return month >= '2026-03' ? 80 : 75;
    case 'treatment_31':
      return 96;
    case 'treatment_62':
      return 85;
  }
}

// ---------------------------------------------------------------------------------------------
// MDT discussions shown on a pathway (the MDT domain fills these in; it imports these types)

export const MDT_INTENTS = ['curative', 'palliative', 'no_treatment', 'investigate'] as const;
export type MdtIntent = (typeof MDT_INTENTS)[number];

export interface MdtOutcome {
  recommendation: string;
  intent: MdtIntent;
  planned_treatment: TreatmentModality[];
  stage_tnm: string | null;
  performance_status: 0 | 1 | 2 | 3 | 4 | null;
  rediscuss: boolean;
}

/** An MDT's recommendation for one listed patient (API-modules.md, "outcome"). */
export const MdtOutcomeSchema = z.strictObject({
  recommendation: Prose.trim().min(1, { message: 'Required' }).max(2000, { message: 'At most 2000 characters' }),
  intent: z.enum(MDT_INTENTS, { message: 'Intent is curative, palliative, no_treatment or investigate' }),
  planned_treatment: z
    .array(z.enum(TREATMENT_MODALITIES, { message: 'Unknown treatment modality' }))
    .max(TREATMENT_MODALITIES.length)
    .refine((list) => new Set(list).size === list.length, { message: 'A treatment is listed twice' }),
  stage_tnm: Line.trim().min(1, { message: 'Required' }).max(100, { message: 'At most 100 characters' }).nullable(),
  performance_status: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { message: 'Performance status is 0 to 4' }).nullable(),
  rediscuss: z.boolean(),
}) satisfies z.ZodType<MdtOutcome>;

/** One MDT listing of the pathway, as `GET /api/cancer/:id` shows it under `mdt`. */
export interface CancerMdtDiscussion {
  listing_id: string;
  meeting_id: string;
  meeting_date: string;
  tumour_site: string;
  meeting_status: 'planned' | 'held' | 'cancelled';
  position: number;
  reason: string;
  discussion: 'full' | 'standard_of_care';
  ready: boolean;
  outcome: MdtOutcome | null;
  outcome_communicated_date: string | null;
}

// ---------------------------------------------------------------------------------------------
// Requests

const patientFields = PathwayCreateSchema.shape;

/**
 * The writable fields. Rules between fields (screening programme iff screening, upgrade iff
 * consultant upgrade, dates in order, nothing after a ruling-out, nothing after today) are checked
 * by the service on the row as it would be after the write, so a PATCH is judged whole.
 */
const CancerPathwayFields = {
  patient_id: patientFields.patient_id,
  patient_name: patientFields.patient_name,
  nhs_number: NhsNumberSchema.nullable(),
  tumour_site: z.enum(TUMOUR_SITES, { message: 'Unknown tumour site' }),
  route: z.enum(CANCER_ROUTES, { message: 'Route is usc, breast_symptomatic, screening, consultant_upgrade or other' }),
  screening_programme: z.enum(SCREENING_PROGRAMMES, { message: 'Screening programme is breast, bowel, cervical or lung' }).nullable(),
  referral_received_date: IsoDateSchema,
  upgrade_date: IsoDateSchema.nullable(),
  diagnosis: z.enum(CANCER_DIAGNOSES, { message: 'Diagnosis is cancer or ruled_out' }).nullable(),
  diagnosis_communicated_date: IsoDateSchema.nullable(),
  decision_to_treat_date: IsoDateSchema.nullable(),
  first_treatment_date: IsoDateSchema.nullable(),
  treatment_modality: z.enum(TREATMENT_MODALITIES, { message: 'Unknown treatment modality' }).nullable(),
  breach_reason: Prose.trim().min(1, { message: 'Required (or null)' }).max(2000, { message: 'At most 2000 characters' }).nullable(),
  ptl_pathway_id: z.uuid({ message: 'Not a valid id' }).nullable(),
};

/** The fields a client may write, in the order of the table. */
export const CANCER_PATHWAY_FIELDS = Object.keys(CancerPathwayFields) as (keyof typeof CancerPathwayFields)[];

/** POST /api/cancer */
export const CancerPathwayCreateSchema = z.strictObject({
  ...CancerPathwayFields,
  nhs_number: CancerPathwayFields.nhs_number.default(null),
  screening_programme: CancerPathwayFields.screening_programme.default(null),
  upgrade_date: CancerPathwayFields.upgrade_date.default(null),
  diagnosis: CancerPathwayFields.diagnosis.default(null),
  diagnosis_communicated_date: CancerPathwayFields.diagnosis_communicated_date.default(null),
  decision_to_treat_date: CancerPathwayFields.decision_to_treat_date.default(null),
  first_treatment_date: CancerPathwayFields.first_treatment_date.default(null),
  treatment_modality: CancerPathwayFields.treatment_modality.default(null),
  breach_reason: CancerPathwayFields.breach_reason.default(null),
  ptl_pathway_id: CancerPathwayFields.ptl_pathway_id.default(null),
});
export type CancerPathwayCreateInput = z.input<typeof CancerPathwayCreateSchema>;

/** PATCH /api/cancer/:id — any writable field, with the version read. */
export const CancerPathwayUpdateSchema = z.strictObject({
  version: VersionSchema,
  ...(Object.fromEntries(Object.entries(CancerPathwayFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof CancerPathwayFields]: z.ZodOptional<(typeof CancerPathwayFields)[K]>;
  }),
});
export type CancerPathwayUpdateInput = z.input<typeof CancerPathwayUpdateSchema>;

export const CANCER_SORTS = ['days_on_pathway', 'fds_due', 'treatment_62_due', 'patient_name'] as const;
export type CancerSort = (typeof CANCER_SORTS)[number];

/** GET /api/cancer */
export const CancerListQuerySchema = PageQuerySchema.extend({
  /** `open`: at least one clock running at `as_of` (default); `closed`: none. */
  state: z.enum(['open', 'closed', 'all']).default('open'),
  tumour_site: z.enum(TUMOUR_SITES).optional(),
  route: z.enum(CANCER_ROUTES).optional(),
  /** Pathways whose named clock is breached at `as_of`. */
  breached: z.enum(CANCER_CLOCKS).optional(),
  long_wait: z.literal('true').transform(() => true).optional(),
  q: Text.trim().min(1).max(100).optional(),
  /** Default: days on pathway, longest first; due dates and names soonest / A first. */
  sort: z.enum(CANCER_SORTS).default('days_on_pathway'),
  order: z.enum(['asc', 'desc']).optional(),
  as_of: IsoDateSchema.optional(),
  /** Admins only: whose rows to read. */
  user_id: z.uuid({ message: 'Not a valid id' }).optional(),
}).strict();
export type CancerListQuery = z.output<typeof CancerListQuerySchema>;

/** GET /api/cancer/:id — `user_id` (admins): the person the pathway must belong to. */
export const CancerGetQuerySchema = z.strictObject({
  as_of: IsoDateSchema.optional(),
  user_id: z.uuid({ message: 'Not a valid id' }).optional(),
});
export type CancerGetQuery = z.output<typeof CancerGetQuerySchema>;

/** GET /api/cancer/stats */
export const CancerStatsQuerySchema = z.strictObject({
  month: Text.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Use the month format YYYY-MM' }).optional(),
  as_of: IsoDateSchema.optional(),
  /** Admins only: whose rows to read. */
  user_id: z.uuid({ message: 'Not a valid id' }).optional(),
});
export type CancerStatsQuery = z.output<typeof CancerStatsQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Responses

export interface CancerPathway {
  id: string;
  patient_id: string;
  patient_name: string;
  nhs_number: string | null;
  tumour_site: TumourSite;
  route: CancerRoute;
  screening_programme: ScreeningProgramme | null;
  referral_received_date: string;
  upgrade_date: string | null;
  diagnosis: CancerDiagnosis | null;
  diagnosis_communicated_date: string | null;
  decision_to_treat_date: string | null;
  first_treatment_date: string | null;
  treatment_modality: TreatmentModality | null;
  breach_reason: string | null;
  ptl_pathway_id: string | null;
  clocks: CancerClocks;
  version: number;
  created_at: string;
  updated_at: string;
}

/** GET /api/cancer/:id adds the pathway's MDT listings. */
export interface CancerPathwayDetail extends CancerPathway {
  mdt: CancerMdtDiscussion[];
}

export const OPEN_DAY_BUCKETS = ['0-28', '29-62', '63-103', '104+'] as const;
export type OpenDayBucket = (typeof OPEN_DAY_BUCKETS)[number];

export interface CancerStandardResult {
  standard: CancerClockName;
  target_percent: number;
  /** Clocks of this standard stopped in the month (by `as_of`). */
  stopped: number;
  met: number;
  breached: number;
  /** met ÷ stopped × 100, one decimal; null when none stopped. */
  percent_met: number | null;
}

export interface CancerStats {
  month: string;
  as_of: string;
  standards: CancerStandardResult[];
  /** Pathways whose 62-day clock is running at `as_of`, by days on pathway. */
  open_by_days: Record<OpenDayBucket, number>;
  /** Running clocks (any standard) whose due date is within the 7 days from `as_of` (as_of … as_of + 6). */
  due_next_7_days: number;
}
