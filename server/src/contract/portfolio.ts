import { z } from 'zod';
import type { SecretaryTask } from './secretary.js';
import type { Appointment, ClinicTemplate, Slot } from './booking.js';
import type { CancerPathway } from './cancer.js';
import type { ExportMdtMeeting } from './mdt.js';
import type { TrackerItem } from './trackers.js';
import type { ExportQualityAudit, PathwayValidation } from './quality.js';
import type { TrailEntry } from './trail.js';
import type { RttReturnRecord } from './reports.js';
import { Text } from './primitives.js';
import type { Role, TrainingLevel } from './accounts.js';
import type { CaseCategory, CaseDomain } from './cases.js';
import { PageQuerySchema } from './pagination.js';
import type { GlobalRating, SessionRole, SessionStatus } from './sessions.js';

/**
 * The portfolio: a trainee's progress built up from their practice sessions, assessments and
 * clinical-administration work. `GET /api/portfolio` returns the caller's; admins read a trainee's
 * through `GET /api/admin/trainees/:id/portfolio` (the same document, read-only).
 */

/** Clinical-administration modules shown in the portfolio, in this order. */
export const PORTFOLIO_MODULES = [
  { id: 'ptl', name: 'Patient Tracking List (RTT)' },
  { id: 'cancer', name: 'Cancer pathways' },
  { id: 'mdt', name: 'MDT meetings' },
  { id: 'booking', name: 'Clinic booking' },
  { id: 'secretary', name: 'Medical secretary tasks' },
  { id: 'quality', name: 'Data quality audits' },
  { id: 'reports', name: 'Monthly RTT returns' },
  { id: 'trackers', name: 'Trackers' },
] as const;
export type PortfolioModuleId = (typeof PORTFOLIO_MODULES)[number]['id'];

/**
 * A module's activity: its counts by name (a module's own: `pathways`, `appointments`…), the same in
 * words, and when the person last changed anything in it. `available: false` means the module does
 * not exist yet: no counts, not zeros.
 */
export type PortfolioModule =
  | { id: PortfolioModuleId; name: string; available: true; counts: Record<string, number>; summary: string; last_at: string | null }
  | { id: PortfolioModuleId; name: string; available: false; counts: null; summary: null; last_at: null };

/** One practice session the person took part in, as the portfolio shows it. */
export interface PortfolioSession {
  id: string;
  datetime_utc: string;
  /** When the station completed; null unless `status` is `completed`. */
  completed_at: string | null;
  status: SessionStatus;
  role: SessionRole;
  partner: { user_id: string; first_name: string; last_name: string } | null;
  /** What the viewer may know of the case (the reveal rules apply to the trainee's own view). */
  case: { case_name: string | null; category: CaseCategory | null; domain: CaseDomain | null };
  /** Marks received (as the candidate) or given (as the actor), 0–4 per mark-scheme domain. */
  marks: Record<string, number> | null;
  global_rating: GlobalRating | null;
}

/** One point of a domain's score series: the mark received in one completed station. */
export interface ScorePoint {
  session_id: string;
  at: string;
  mark: number;
}

export interface ScoreSeries {
  domain: string;
  name: string;
  /** Oldest first, as a chart draws them. */
  points: ScorePoint[];
  average: number;
}

export const TIMELINE_KINDS = [
  'session_completed',
  'session_scheduled',
  'session_no_show',
  'session_cancelled',
  'reflection_written',
  'ptl_pathways_added',
  'ptl_events_recorded',
  'case_written',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  title: string;
  detail: string | null;
  session_id: string | null;
}

export interface Portfolio {
  person: {
    user_id: string;
    first_name: string;
    last_name: string;
    training_level: TrainingLevel | null;
    role: Role;
    member_since: string;
  };
  generated_at: string;
  summary: {
    sessions_total: number;
    sessions_completed: number;
    completed_as_candidate: number;
    completed_as_actor: number;
    upcoming: number;
    no_shows: number;
    /** Mean mark received per mark-scheme domain (0–4, two decimals), over completed stations as the candidate. */
    average_marks: Record<string, number>;
    /** Mean of all marks received (0–4, two decimals), or null before the first marked station. */
    overall_average: number | null;
    feedback_given: number;
    last_activity_at: string | null;
  };
  /** Names of the mark-scheme domains that appear in `average_marks` and `score_series`. */
  domains: { id: string; name: string }[];
  score_series: ScoreSeries[];
  global_ratings: { counts: Record<GlobalRating, number>; items: { session_id: string; at: string; rating: GlobalRating }[] };
  /** Newest first. */
  feedback_received: { session_id: string; at: string; global_rating: GlobalRating | null; strengths: string; improvements: string; case_name: string | null }[];
  /** Newest first. */
  reflections: { session_id: string; at: string; text: string; case_name: string | null }[];
  modules: PortfolioModule[];
  /** Newest first; at most TIMELINE_MAX entries. */
  timeline: TimelineEntry[];
  /** Newest first. */
  sessions: PortfolioSession[];
}

export const TIMELINE_MAX = 200;

// ---------------------------------------------------------------------------------------------
// Admin progress monitor

/** Who the monitor lists: people in training. Patients and admins are not trainees. */
export const MONITORED_ROLES = ['trainee', 'doctor'] as const satisfies readonly Role[];

export const PROGRESS_SORTS = ['name', 'last_seen_at', 'last_activity_at', 'sessions_completed', 'overall_average'] as const;
export type ProgressSort = (typeof PROGRESS_SORTS)[number];

/** GET /api/admin/progress */
export const ProgressQuerySchema = z.strictObject({
  q: Text.trim().min(1).max(100).optional(),
  sort: z.enum(PROGRESS_SORTS, { message: 'Unknown sort' }).default('name'),
  dir: z.enum(['asc', 'desc']).optional(),
  ...PageQuerySchema.shape,
});
export type ProgressQuery = z.output<typeof ProgressQuerySchema>;

/** One trainee's row in the monitor. */
export interface TraineeProgress {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  role: Role;
  training_level: TrainingLevel | null;
  created_at: string;
  last_seen_at: string | null;
  /** Completed stations, in either role (= as candidate + as actor). */
  sessions_completed: number;
  sessions_as_candidate: number;
  sessions_as_actor: number;
  /** Mean mark received per domain as the candidate (0–4, two decimals). */
  average_marks: Record<string, number>;
  overall_average: number | null;
  /** The latest session, PTL or case-writing activity; null when there has been none. */
  last_activity_at: string | null;
  ptl_pathways: number;
  /**
   * Each module's counts, as the trainee's portfolio shows them (`{ ptl: { pathways, open_pathways,
   * events }, reports: { returns }, … }`), in the portfolio's module order.
   */
  modules: Partial<Record<PortfolioModuleId, Record<string, number>>>;
}

/** GET /api/admin/audit */
export const AuditQuerySchema = z.strictObject({
  subject_id: z.uuid().optional(),
  ...PageQuerySchema.shape,
});
export type AuditQuery = z.output<typeof AuditQuerySchema>;

export const AUDIT_ACTIONS = ['progress.list', 'trainee.portfolio'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  admin: { id: string; email: string | null };
  subject: { id: string; first_name: string | null; last_name: string | null } | null;
  detail: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// GET /api/portfolio/export — the caller's complete personal data (docs/export-format.md).

export const EXPORT_FORMAT = 'osce-platform-export';
export const EXPORT_VERSION = 1;

export interface PortfolioExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exported_at: string;
  account: { id: string; email: string; role: Role; created_at: string; last_seen_at: string | null };
  profile: { first_name: string; last_name: string; training_level: TrainingLevel; avatar: string | null; version: number; created_at: string; updated_at: string } | null;
  ptl: { pathways: ExportPathway[] };
  cases: ExportCase[];
  sessions: ExportSession[];
  transcripts: { session_id: string; segments: { speaker: SessionRole; at_ms: number; text: string; author_id: string; created_at: string }[] }[];
  assessments: ExportAssessment[];
  medical_records: { id: string; role: 'doctor' | 'patient'; doctor_id: string; patient_id: string; title: string; notes: string; version: number; created_at: string; updated_at: string }[];
  /** Every tracker row, by tracker module (`consent`, `communications`…), oldest first. */
  trackers: Record<string, TrackerItem[]>;
  secretary_tasks: SecretaryTask[];
  /** Clinic templates, oldest first. */
  clinic_templates: ClinicTemplate[];
  /** Every slot generated from them, by date and time (status as the API shows it). */
  clinic_slots: Slot[];
  /** Appointments, oldest first, with the ids of the RTT events each wrote on its pathway. */
  appointments: Appointment[];
  /** Every data quality audit run, oldest first, with its findings (`findings_list`, errors first). */
  quality_audits: ExportQualityAudit[];
  /** Every pathway validation, oldest first. */
  pathway_validations: PathwayValidation[];
  /** Every cancer pathway, oldest first, with its clocks as of the export's day. */
  cancer_pathways: CancerPathway[];
  /** Every MDT meeting, oldest first, with its listings (position order) and its actions. */
  mdt_meetings: ExportMdtMeeting[];
  /** Every monthly RTT return the person produced (month, census, headline figures), oldest first. */
  rtt_returns: RttReturnRecord[];
  /** The audit trail of the person's own data, oldest first. */
  audit_trail: TrailEntry[];
}

export interface ExportPathway {
  id: string;
  patient_id: string;
  patient_name: string;
  nhs_number: string | null;
  specialty: string;
  referral_date: string;
  clock_start_date: string;
  pathway_type: string;
  priority: string | null;
  current_status: string;
  clock_state: string;
  clock_period_start: string;
  clock_stop_date: string | null;
  on_ptl: boolean;
  version: number;
  created_at: string;
  updated_at: string;
  events: { id: string; event_type: string; event_date: string; rtt_status: string; appointment_communicated: boolean; note: string; created_at: string }[];
}

export interface ExportCase {
  id: string;
  case_name: string;
  internal_name: string;
  category: CaseCategory;
  domain: CaseDomain;
  condition: string | null;
  candidate_brief: unknown;
  actor_brief: unknown;
  mark_scheme: unknown;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ExportSession {
  id: string;
  role: SessionRole;
  host_id: string | null;
  guest_id: string | null;
  candidate_id: string | null;
  datetime_utc: string;
  type: string;
  status: SessionStatus;
  phase: string;
  preset: string;
  timing: { reading_s: number; consultation_s: number; feedback_s: number; warning_s: number | null };
  station_started_at: string | null;
  completed_at: string | null;
  previous_session_id: string | null;
  created_at: string;
  updated_at: string;
  /** Only where the reveal rules give it to you (the actor; the candidate from feedback on). */
  case_id: string | null;
  /** What you may read of the case (GET /api/sessions/:id/brief), or null. */
  case: Record<string, unknown> | null;
  gaps: unknown[];
}

export interface ExportAssessment {
  session_id: string;
  role: SessionRole;
  marks: Record<string, number>;
  checklist: Record<string, boolean>;
  global_rating: GlobalRating | null;
  feedback: { strengths: string; improvements: string };
  self_reflection: string;
  elicited_facts: string[];
  auto_analysis: unknown;
  completed_at: string | null;
  updated_at: string;
}

/**
 * The score chart's line colours and dash patterns, shared by the page and the printable portfolio:
 * the dashes keep the lines apart in black-and-white print and for colour-blind readers.
 */
export const SCORE_SERIES_STYLES = [
  { stroke: '#005eb8', dash: '' },
  { stroke: '#d5281b', dash: '6 3' },
  { stroke: '#007f3b', dash: '2 3' },
  { stroke: '#7c2855', dash: '8 3 2 3' },
  { stroke: '#ed8b00', dash: '1 2' },
  { stroke: '#330072', dash: '10 4' },
  { stroke: '#00a499', dash: '4 2 1 2' },
  { stroke: '#425563', dash: '3 6' },
] as const;
