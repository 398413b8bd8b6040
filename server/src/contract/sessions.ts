import { z } from 'zod';
import { IsoInstantSchema, Text, VersionSchema } from './primitives.js';
import type { CaseCategory, CaseDomain } from './cases.js';
import { CASE_DOMAINS } from './cases.js';
import type { PublicProfile } from './accounts.js';

export const SESSION_TYPES = ['mock', 'review'] as const;
export const SESSION_ROLES = ['candidate', 'actor'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];
export const SESSION_STATUSES = ['open', 'matched', 'live', 'completed', 'cancelled', 'no_show'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const SESSION_PHASES = ['waiting', 'reading', 'consultation', 'feedback', 'completed'] as const;
export type SessionPhase = (typeof SESSION_PHASES)[number];

/** Station timings of the domain document; feedback is 5 minutes in every preset. */
export const TIMING_PRESETS = {
  plab2: { reading_s: 90, consultation_s: 480, feedback_s: 300, warning_s: 120 },
  osce: { reading_s: 60, consultation_s: 600, feedback_s: 300, warning_s: 120 },
  paces: { reading_s: 300, consultation_s: 600, feedback_s: 300, warning_s: 120 },
  paces_20: { reading_s: 300, consultation_s: 1200, feedback_s: 300, warning_s: 120 },
} as const;
export const PRESETS = ['plab2', 'osce', 'paces', 'paces_20', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export const TimingSchema = z
  .strictObject({
    reading_s: z.number().int().min(0).max(1800),
    consultation_s: z.number().int().min(60).max(3600),
    feedback_s: z.number().int().min(0).max(3600),
    /** Seconds left in the consultation when the warning bell sounds; null for none. */
    warning_s: z.number().int().min(0).max(3600).nullable().default(null),
  })
  .refine((t) => t.warning_s === null || t.warning_s < t.consultation_s, { message: 'The warning must come before the end', path: ['warning_s'] });
export type Timing = z.output<typeof TimingSchema>;

const FutureInstant = IsoInstantSchema()
  .refine((s) => new Date(s).getTime() > Date.now(), { message: 'Choose a time in the future' });

/** POST /api/sessions — a candidate host publishes without a case (the actor picks it). */
export const SessionCreateSchema = z
  .strictObject({
    datetime_utc: FutureInstant,
    type: z.enum(SESSION_TYPES).default('mock'),
    host_role: z.enum(SESSION_ROLES, { message: 'Choose candidate or actor' }),
    case_id: z.uuid().nullable().default(null),
    preset: z.enum(PRESETS).default('plab2'),
    timing: TimingSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.host_role === 'candidate' && v.case_id) ctx.addIssue({ code: 'custom', path: ['case_id'], message: 'The actor picks the case; a candidate host publishes without one' });
    if (v.preset === 'custom' && !v.timing) ctx.addIssue({ code: 'custom', path: ['timing'], message: 'Give the timings for a custom station' });
    if (v.preset !== 'custom' && v.timing) ctx.addIssue({ code: 'custom', path: ['timing'], message: 'Timings come from the preset; choose custom to set them' });
  });
export type SessionCreateInput = z.input<typeof SessionCreateSchema>;

/** PATCH /api/sessions/:id — host only, except that a guest who is the actor may set `case_id`. */
export const SessionUpdateSchema = z.strictObject({
  version: VersionSchema,
  datetime_utc: FutureInstant.optional(),
  type: z.enum(SESSION_TYPES).optional(),
  case_id: z.uuid().nullable().optional(),
  preset: z.enum(PRESETS).optional(),
  timing: TimingSchema.optional(),
  swap_roles: z.literal(true).optional(),
});
export type SessionUpdateInput = z.input<typeof SessionUpdateSchema>;

export const SessionSignupSchema = z.strictObject({ version: VersionSchema });

/** What `POST /api/sessions/:id/signup` answers: the session as the new guest now sees it. */
export interface SessionSignupResult {
  session: ParticipantSession;
}

export const BoardQuerySchema = z.strictObject({
  from: IsoInstantSchema().optional(),
  to: IsoInstantSchema().optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  domain: z.enum(CASE_DOMAINS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type BoardQuery = z.output<typeof BoardQuerySchema>;

/** A session on the public board: never the room, the briefs, the condition or the case name. */
export interface BoardSession {
  id: string;
  host: PublicProfile & { completed: number; no_show: number };
  datetime_utc: string;
  type: (typeof SESSION_TYPES)[number];
  status: SessionStatus;
  host_role: SessionRole;
  category: CaseCategory | null;
  domain: CaseDomain | null;
  has_guest: boolean;
  /** What a sign-up must send back: it proves the visitor saw the session as it is now. */
  version: number;
  /** The station's timings, so a visitor knows how long it takes before signing up. */
  preset: Preset;
  timing: Timing;
}

/**
 * A session as its participants see it. `case_id` is null for the candidate until feedback:
 * with it they could look the case name up in the library.
 */
export interface ParticipantSession {
  id: string;
  /** Null once the host has erased their account (a completed station stays in the guest's record). */
  host_id: string | null;
  guest_id: string | null;
  candidate_id: string | null;
  host_role: SessionRole;
  your_role: SessionRole;
  datetime_utc: string;
  type: (typeof SESSION_TYPES)[number];
  room_url: string;
  case_id: string | null;
  has_case: boolean;
  status: SessionStatus;
  phase: SessionPhase;
  phase_ends_at: string | null;
  preset: Preset;
  timing: Timing;
  /** While the clock stands still: since when and why; the phase then has phase_ends_at − paused_at left. */
  paused_at: string | null;
  pause_reason: PauseReason | null;
  /** Every time the clock stood still, oldest first: shown on the feedback sheet. */
  gaps: StationGap[];
  /** The station before this one in the same room, and the one after it (roles swapped). */
  previous_session_id: string | null;
  next_session_id: string | null;
  version: number;
  created_at: string;
}

/** Why a station's clock stands still: a participant's connection dropped for over 10 s, or the actor paused it. */
export type PauseReason = 'disconnect' | 'actor';

export interface StationGap {
  phase: 'reading' | 'consultation';
  reason: PauseReason;
  /** Whose connection dropped, or the actor who paused. */
  user_id: string | null;
  started_at: string;
  /** Null while the station is still paused. */
  ended_at: string | null;
  /** How long the clock stood still (so far, while open). */
  seconds: number;
}

/** GET /api/sessions/:id/brief — what the caller may see now, by role and phase (the reveal rules). */
export interface SessionBrief {
  role: SessionRole;
  phase: SessionPhase;
  category: CaseCategory | null;
  domain: CaseDomain | null;
  case_name?: string;
  condition?: string;
  candidate_brief?: unknown;
  actor_brief?: unknown;
  mark_scheme?: unknown;
}

/** c→s `session:join` — participants only; the ack carries the session as they see it. */
export const SessionJoinSchema = z.strictObject({ session_id: z.uuid() });

/** c→s `session:advance` — the actor starts the station or moves it to the next phase. */
export const SessionAdvanceSchema = z.strictObject({
  session_id: z.uuid(),
  to: z.enum(['reading', 'consultation', 'feedback', 'completed']),
});
export type SessionAdvanceInput = z.input<typeof SessionAdvanceSchema>;

/** c→s `session:pause` / `session:resume` — the actor stops or restarts the station's clock. */
export const SessionPauseSchema = z.strictObject({ session_id: z.uuid() });

/** c→s `session:next` — after a completed station, either participant starts the next one with roles swapped. */
export const SessionNextSchema = z.strictObject({ session_id: z.uuid() });

/** POST /api/sessions/:id/video — how to connect the room's video, for participants in the time window. */
export interface VideoAccess {
  provider: 'livekit' | 'p2p';
  /** LiveKit: the server's URL. P2P: the room view's path (signalling runs over this app's socket). */
  url: string;
  room: string;
  token?: string;
  /** When the access stops being valid (ISO). */
  expires_at: string;
}

/** c↔s `rtc:signal` — WebRTC offers, answers and ICE candidates, relayed to the other participant only. */
export const RtcSignalSchema = z.strictObject({
  session_id: z.uuid(),
  data: z.strictObject({
    type: z.enum(['offer', 'answer', 'candidate', 'hangup']),
    sdp: Text.max(20_000).optional(),
    candidate: z.unknown().optional(),
  }),
});
export type RtcSignalInput = z.input<typeof RtcSignalSchema>;

/** One piece of what was said: by whom, when (ms from the start of the consultation), what. */
export const TranscriptSegmentInputSchema = z.strictObject({
  speaker: z.enum(SESSION_ROLES),
  at_ms: z.number().int().min(0).max(6 * 3_600_000),
  text: Text.trim().min(1, { message: 'Required' }).max(2000),
});
export type TranscriptSegmentInput = z.input<typeof TranscriptSegmentInputSchema>;

/** c→s `transcript:append` — acknowledged only once the segment is stored. */
export const TranscriptAppendSchema = TranscriptSegmentInputSchema.extend({ session_id: z.uuid() });
export type TranscriptAppendInput = z.input<typeof TranscriptAppendSchema>;

export interface TranscriptSegment {
  id: string;
  speaker: SessionRole;
  at_ms: number;
  text: string;
  created_at: string;
}

/** GET /api/sessions/:id/transcript, and assessments/{session_id}/transcript.json. */
export interface TranscriptDocument {
  session_id: string;
  case_id: string | null;
  started_at: string | null;
  segments: { speaker: SessionRole; at_ms: number; text: string }[];
}

export const GLOBAL_RATINGS = ['clear_fail', 'fail', 'borderline', 'pass', 'clear_pass'] as const;
export type GlobalRating = (typeof GLOBAL_RATINGS)[number];

/** The global ratings as people read them (the mark sheet, the assessment, the portfolio). */
export const GLOBAL_RATING_LABELS: Record<GlobalRating, string> = {
  clear_fail: 'Clear fail',
  fail: 'Fail',
  borderline: 'Borderline',
  pass: 'Pass',
  clear_pass: 'Clear pass',
};
const feedbackText = Text.trim().max(4000, { message: 'At most 4000 characters' });
const itemId = Text.regex(/^[a-z0-9_]{1,40}$/);

/** PUT /api/sessions/:id/assessment by the actor: marks 0–4 per mark-scheme domain, checklist, rating, feedback. */
export const AssessmentMarksSchema = z.strictObject({
  marks: z.record(itemId, z.number().int().min(0, { message: 'Marks run from 0 to 4' }).max(4, { message: 'Marks run from 0 to 4' })),
  checklist: z.record(itemId, z.boolean()).default({}),
  global_rating: z.enum(GLOBAL_RATINGS, { message: 'Choose a global rating' }),
  strengths: feedbackText.default(''),
  improvements: feedbackText.default(''),
});
export type AssessmentMarksInput = z.input<typeof AssessmentMarksSchema>;

/** PUT /api/sessions/:id/assessment by the candidate. */
export const SelfReflectionSchema = z.strictObject({ self_reflection: feedbackText.min(1, { message: 'Required' }) });
export type SelfReflectionInput = z.input<typeof SelfReflectionSchema>;

/** c→s `facts:elicited` — the actor ticks (or unticks) an if_asked fact the candidate drew out. */
export const FactsElicitedSchema = z.strictObject({ session_id: z.uuid(), fact_id: itemId, elicited: z.boolean().default(true) });
export type FactsElicitedInput = z.input<typeof FactsElicitedSchema>;

/** s→c `facts:elicited` — the disclosure tracker, to the actor only. */
export interface DisclosureState {
  session_id: string;
  elicited: string[];
  if_asked_total: number;
  coverage: number | null;
}

/** The checks of the automatic analysis that carry a quote as evidence, in the order `evidence` lists them. */
export const AUTO_ANALYSIS_EVIDENCE_CHECKS = Object.freeze([
  'introduced_self', 'checked_identity', 'ideas', 'concerns', 'expectations', 'safety_netting',
] as const);
export type AutoAnalysisEvidenceCheck = (typeof AUTO_ANALYSIS_EVIDENCE_CHECKS)[number];

/**
 * The server's automatic analysis of a finished station (`auto_analysis`), as it writes it now.
 * Documents stored by earlier versions may lack parts, so readers treat it leniently.
 */
export interface AutoAnalysis {
  disclosure: { if_asked_total: number; elicited: number; coverage: number | null; missed: { id: string; text: string }[] };
  talk_share: { candidate: number | null; actor: number | null };
  questions: { total: number; open: number; open_share: number | null };
  introduction: { introduced_self: boolean; checked_identity: boolean };
  ice: { ideas: boolean; concerns: boolean; expectations: boolean };
  safety_netting: boolean;
  jargon: { term: string; explained: boolean }[];
  /** Where each check was heard: the first candidate sentence, by its segment's place in the transcript. */
  evidence: { check: AutoAnalysisEvidenceCheck; segment_index: number; quote: string }[];
}

/** GET /api/sessions/:id/assessment, and assessments/{session_id}/assessment.json. */
export interface AssessmentDocument {
  session_id: string;
  case_id: string | null;
  candidate_id: string | null;
  actor_id: string | null;
  marks: Record<string, number>;
  checklist: Record<string, boolean>;
  global_rating: GlobalRating | null;
  feedback: { strengths: string; improvements: string };
  self_reflection: string;
  elicited_facts: string[];
  auto_analysis: unknown;
  /** Every time the station's clock stood still (dropped connections, the actor's pauses). */
  station_gaps: StationGap[];
  completed_at: string | null;
}

/** One earlier station of the same candidate with the same case, as the scorecard compares it. */
export interface AssessmentAttempt {
  session_id: string;
  datetime_utc: string;
  completed_at: string;
  marks: Record<string, number>;
  global_rating: GlobalRating | null;
}

/**
 * GET /api/sessions/:id/assessment/attempts — for the station's candidate only: their own completed
 * stations with the same case that finished before this one, oldest first (at most
 * ASSESSMENT_ATTEMPTS_MAX, the most recent).
 */
export interface AssessmentAttempts {
  session_id: string;
  attempts: AssessmentAttempt[];
}
export const ASSESSMENT_ATTEMPTS_MAX = 10;
