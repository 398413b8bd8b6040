import { z } from 'zod';
import { PageQuerySchema } from './pagination.js';
import { IsoDateSchema, Prose, VersionSchema } from './primitives.js';

/**
 * Data quality audits and waiting-list validation (`/api/quality`; API-modules.md, "Data quality").
 * An audit runs the eleven rules below over the caller's PTL and cancer pathways at `as_of`.
 */

/** The rules, in the contract's order, with their severity and what they look at. */
export const QUALITY_RULES = [
  { rule: 'nhs_number_missing', severity: 'warning', targets: ['ptl', 'cancer'], name: 'NHS number missing' },
  { rule: 'nhs_number_invalid', severity: 'error', targets: ['ptl', 'cancer'], name: 'NHS number fails the check digit' },
  { rule: 'date_order', severity: 'error', targets: ['ptl', 'cancer'], name: 'Dates out of order or in the future' },
  { rule: 'duplicate_open_pathway', severity: 'error', targets: ['ptl'], name: 'Duplicate open pathway' },
  { rule: 'breached_no_booking', severity: 'error', targets: ['ptl'], name: 'Over 18 weeks with nothing booked' },
  { rule: 'breach_soon_no_booking', severity: 'warning', targets: ['ptl'], name: 'Breaching soon with nothing booked' },
  { rule: 'no_recent_activity', severity: 'warning', targets: ['ptl'], name: 'No recent activity' },
  { rule: 'status_contradicts_clock', severity: 'error', targets: ['ptl'], name: 'Status contradicts the clock' },
  { rule: 'clock_warning', severity: 'warning', targets: ['ptl'], name: 'RTT engine warning' },
  { rule: 'cancer_fds_overdue', severity: 'warning', targets: ['cancer'], name: 'Faster Diagnosis overdue' },
  { rule: 'cancer_long_wait_104', severity: 'error', targets: ['cancer'], name: '104-day wait, untreated' },
] as const;
export type QualityRule = (typeof QUALITY_RULES)[number]['rule'];
export const QUALITY_RULE_NAMES = QUALITY_RULES.map((r) => r.rule) as unknown as readonly [QualityRule, ...QualityRule[]];

export const FINDING_SEVERITIES = ['error', 'warning'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_TARGET_TYPES = ['ptl', 'cancer'] as const;
export type FindingTargetType = (typeof FINDING_TARGET_TYPES)[number];
export const FINDING_STATUSES = ['open', 'resolved', 'accepted'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const VALIDATION_KINDS = ['technical', 'administrative', 'clinical'] as const;
export type ValidationKind = (typeof VALIDATION_KINDS)[number];
export const VALIDATION_OUTCOMES = ['still_waiting', 'data_corrected', 'priority_set', 'remove_treated', 'remove_no_longer_required'] as const;
export type ValidationOutcome = (typeof VALIDATION_OUTCOMES)[number];

export const QUALITY_DEFAULTS = { inactive_weeks: 12, soon_weeks: 4 } as const;

const weeks = (min: number, max: number) =>
  z.coerce.number({ message: 'A number of weeks' }).int({ message: 'Whole weeks' }).min(min, { message: `At least ${min}` }).max(max, { message: `At most ${max}` });
const adminUserId = z.uuid({ message: 'Not a valid id' }).optional();

/** POST /api/quality/audits — `as_of` (default today) may not be after today. */
export const AuditCreateSchema = z.strictObject({
  as_of: IsoDateSchema.optional(),
  inactive_weeks: weeks(1, 104).default(QUALITY_DEFAULTS.inactive_weeks),
  soon_weeks: weeks(1, 12).default(QUALITY_DEFAULTS.soon_weeks),
});
export type AuditCreateInput = z.input<typeof AuditCreateSchema>;

/** GET /api/quality/audits — newest first. Admins may add `user_id`. */
export const AuditListQuerySchema = PageQuerySchema.extend({ user_id: adminUserId }).strict();
export type AuditListQuery = z.output<typeof AuditListQuerySchema>;

/** GET /api/quality/audits/:id (and other single reads): admins may add `user_id` (ignored: the row says whose it is). */
export const ReadQuerySchema = z.strictObject({ user_id: adminUserId });

/** GET /api/quality/audits/:id/findings — errors first, then by rule and record. */
export const FindingListQuerySchema = PageQuerySchema.extend({
  rule: z.enum(QUALITY_RULE_NAMES, { message: 'Unknown rule' }).optional(),
  status: z.enum(FINDING_STATUSES, { message: 'Status is open, resolved or accepted' }).optional(),
  user_id: adminUserId,
}).strict();
export type FindingListQuery = z.output<typeof FindingListQuerySchema>;

const reason = Prose.trim().min(1, { message: 'Say why' }).max(500, { message: 'At most 500 characters' });

/** PATCH /api/quality/findings/:id — a reason is required to resolve or accept; reopening clears it. */
export const FindingUpdateSchema = z
  .strictObject({
    version: VersionSchema,
    status: z.enum(FINDING_STATUSES, { message: 'Status is open, resolved or accepted' }),
    reason: reason.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status !== 'open' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the finding is resolved or accepted' });
  });
export type FindingUpdateInput = z.input<typeof FindingUpdateSchema>;

/** GET /api/quality/score?from=&to= — the runs made on those days (England), oldest first. */
export const ScoreQuerySchema = z
  .strictObject({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional(), user_id: adminUserId })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'The end comes before the start' });
export type ScoreQuery = z.output<typeof ScoreQuerySchema>;

/** POST /api/quality/validations — `validated_on` may not be after today. */
export const ValidationCreateSchema = z.strictObject({
  pathway_id: z.uuid({ message: 'Not a valid id' }),
  kind: z.enum(VALIDATION_KINDS, { message: 'Kind is technical, administrative or clinical' }),
  outcome: z.enum(VALIDATION_OUTCOMES, { message: 'Unknown outcome' }),
  validated_on: IsoDateSchema,
  note: Prose.max(2000, { message: 'At most 2000 characters' }).default(''),
});
export type ValidationCreateInput = z.input<typeof ValidationCreateSchema>;

/** GET /api/quality/validations — newest first. */
export const ValidationListQuerySchema = PageQuerySchema.extend({
  pathway_id: z.uuid({ message: 'Not a valid id' }).optional(),
  kind: z.enum(VALIDATION_KINDS, { message: 'Kind is technical, administrative or clinical' }).optional(),
  user_id: adminUserId,
}).strict();
export type ValidationListQuery = z.output<typeof ValidationListQuerySchema>;

/**
 * GET /api/quality/validation-queue — an extension of the contract (issue #12): the caller's
 * running, on-PTL pathways with no activity (event, appointment, validation, nor clock start) in
 * the last `weeks` weeks, longest wait first.
 */
export const ValidationQueueQuerySchema = PageQuerySchema.extend({
  weeks: weeks(1, 104).default(QUALITY_DEFAULTS.inactive_weeks),
  user_id: adminUserId,
}).strict();
export type ValidationQueueQuery = z.output<typeof ValidationQueueQuerySchema>;

export interface AuditSettings {
  inactive_weeks: number;
  soon_weeks: number;
}

/** One run, as POST returns it and the list shows it; counts are as they were when the run was made. */
export interface QualityAudit {
  id: string;
  ran_at: string;
  as_of: string;
  settings: AuditSettings;
  records_checked: number;
  findings: number;
  open_findings: number;
  by_rule: Partial<Record<QualityRule, number>>;
  /** 100 × records with no open finding ÷ records checked, one decimal; null when none were checked. */
  score: number | null;
  version: number;
}

export interface QualityFinding {
  id: string;
  audit_id: string;
  rule: QualityRule;
  severity: FindingSeverity;
  target: { type: FindingTargetType; id: string; label: string; href: string };
  message: string;
  /** What to fix. */
  detail: string;
  status: FindingStatus;
  reason: string | null;
  decided_at: string | null;
  version: number;
}

/**
 * GET /api/quality/findings/:id (an extension): the finding with the record as it is now, or
 * null when the record was deleted since the run.
 */
export interface QualityFindingDetail extends QualityFinding {
  record: Record<string, string | number | boolean | null> | null;
}

export interface QualityScorePoint {
  audit_id: string;
  ran_at: string;
  score: number | null;
  records_checked: number;
  open_findings: number;
}

export interface PathwayValidation {
  id: string;
  pathway_id: string;
  kind: ValidationKind;
  outcome: ValidationOutcome;
  validated_on: string;
  note: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export const ACTIVITY_KINDS = ['clock_start', 'event', 'appointment', 'validation'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** One pathway due for validation. */
export interface ValidationQueueItem {
  pathway_id: string;
  patient_id: string;
  patient_name: string;
  specialty: string;
  priority: string | null;
  clock_start_date: string;
  days_waited: number;
  last_activity: { date: string; kind: ActivityKind };
  /** The latest validation of the pathway, if any. */
  last_validation: { validated_on: string; kind: ValidationKind; outcome: ValidationOutcome } | null;
}

/** In the personal-data export: each run with its findings. */
export interface ExportQualityAudit extends QualityAudit {
  findings_list: QualityFinding[];
}
