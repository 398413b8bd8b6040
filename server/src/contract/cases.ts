import { z } from 'zod';
import { Text, VersionSchema } from './primitives.js';
import { PageQuerySchema } from './pagination.js';

/** What kind of station a case is. */
export const CASE_CATEGORIES = ['history_taking', 'examination', 'communication', 'data_interpretation', 'ethics'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

/** The clinical area a case belongs to. */
export const CASE_DOMAINS = [
  'cardiology',
  'respiratory',
  'gastroenterology',
  'neurology',
  'endocrinology',
  'renal',
  'haematology',
  'infectious_disease',
  'musculoskeletal',
  'dermatology',
  'psychiatry',
  'obstetrics_gynaecology',
  'paediatrics',
  'elderly_care',
  'surgery',
  'urology',
  'ent',
  'ophthalmology',
  'oncology',
  'emergency_medicine',
  'general_practice',
  'medical_ethics_law',
] as const;
export type CaseDomain = (typeof CASE_DOMAINS)[number];

const line = (max = 2000) => Text.trim().min(1, { message: 'Required' }).max(max, { message: `At most ${max} characters` });
const slug = Text.regex(/^[a-z0-9_]{1,40}$/, { message: 'Lower-case letters, digits and _ only' });

/** What the candidate reads before the station: where they are and what to do. */
export const CandidateBriefSchema = z.strictObject({
  setting: line(500),
  task: line(1000),
  /** Observations, results or background handed to the candidate. */
  information: z.array(line(500)).max(20).default([]),
});
export type CandidateBrief = z.output<typeof CandidateBriefSchema>;

/** One thing the simulated patient knows: said unprompted, or only when the candidate asks. */
export const CaseFactSchema = z.strictObject({
  id: slug,
  text: line(500),
  disclosure: z.enum(['volunteer', 'if_asked']),
});
export type CaseFact = z.output<typeof CaseFactSchema>;

/** How the actor plays the patient (or relative), and what they know. */
export const ActorBriefSchema = z
  .strictObject({
    role: line(200),
    opening_line: line(500),
    persona: line(1000),
    facts: z.array(CaseFactSchema).min(1).max(60),
    ideas: line(1000),
    concerns: line(1000),
    expectations: line(1000),
    emotional_cues: z.array(line(300)).max(10).default([]),
    questions_to_ask: z.array(line(300)).max(10).default([]),
  })
  .refine((b) => new Set(b.facts.map((f) => f.id)).size === b.facts.length, { message: 'Fact ids must be unique', path: ['facts'] });
export type ActorBrief = z.output<typeof ActorBriefSchema>;

/** The examiner's marking guide: domains marked 0–4 and the checklist items under them. */
export const MarkSchemeSchema = z
  .strictObject({
    domains: z
      .array(z.strictObject({ id: slug, name: line(100), descriptor: line(1000) }))
      .min(1)
      .max(8),
    checklist: z.array(z.strictObject({ id: slug, domain: slug, text: line(300) })).max(40),
  })
  .refine((m) => m.checklist.every((c) => m.domains.some((d) => d.id === c.domain)), {
    message: 'Every checklist item must belong to one of the domains',
    path: ['checklist'],
  });
export type MarkScheme = z.output<typeof MarkSchemeSchema>;

/** The default domains of the domain document: data gathering, clinical management, interpersonal skills. */
export const DEFAULT_MARK_DOMAINS = [
  { id: 'data_gathering', name: 'Data gathering', descriptor: 'Takes a focused history or examination and gathers the information needed.' },
  { id: 'clinical_management', name: 'Clinical management', descriptor: 'Makes a safe, appropriate plan and explains it.' },
  { id: 'interpersonal_skills', name: 'Interpersonal skills', descriptor: 'Builds rapport, listens, explores ideas, concerns and expectations, and checks understanding.' },
] as const;

/** POST /api/cases — admins may add to the shared bank with `shared: true`. */
export const CaseCreateSchema = z.strictObject({
  case_name: line(120),
  internal_name: line(120),
  category: z.enum(CASE_CATEGORIES, { message: 'Unknown category' }),
  domain: z.enum(CASE_DOMAINS, { message: 'Unknown clinical domain' }),
  condition: line(200),
  candidate_brief: CandidateBriefSchema,
  actor_brief: ActorBriefSchema,
  mark_scheme: MarkSchemeSchema,
  shared: z.boolean().default(false),
});
export type CaseCreateInput = z.input<typeof CaseCreateSchema>;

/** PATCH /api/cases/:id */
export const CaseUpdateSchema = z.strictObject({
  version: VersionSchema,
  case_name: line(120).optional(),
  internal_name: line(120).optional(),
  category: z.enum(CASE_CATEGORIES).optional(),
  domain: z.enum(CASE_DOMAINS).optional(),
  condition: line(200).optional(),
  candidate_brief: CandidateBriefSchema.optional(),
  actor_brief: ActorBriefSchema.optional(),
  mark_scheme: MarkSchemeSchema.optional(),
});
export type CaseUpdateInput = z.input<typeof CaseUpdateSchema>;

/** GET /api/cases */
export const CaseListQuerySchema = z.strictObject({
  ...PageQuerySchema.shape,
  category: z.enum(CASE_CATEGORIES).optional(),
  domain: z.enum(CASE_DOMAINS).optional(),
  q: Text.trim().min(1).max(100).optional(),
  /** `shared`: the curated bank; `mine`: the caller's private cases. */
  source: z.enum(['all', 'shared', 'mine']).default('all'),
});
export type CaseListQuery = z.output<typeof CaseListQuerySchema>;

/** A case as the library lists it: never briefs, condition or mark scheme. */
export interface CaseListItem {
  id: string;
  case_name: string;
  category: CaseCategory;
  domain: CaseDomain;
  shared: boolean;
}

/** The whole case, for its owner (or an admin) only. */
export interface CaseDetail extends CaseListItem {
  internal_name: string;
  condition: string;
  candidate_brief: CandidateBrief;
  actor_brief: ActorBrief;
  mark_scheme: MarkScheme;
  owner_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
