// What the domains' providers (registry.ts) hand over: each domain's part of the personal-data
// export and its facts for the portfolio. Types and two date helpers, no I/O and no domain: every
// domain writes in this vocabulary, and the portfolio domain puts the parts together into the
// documents whose shape contract/portfolio.ts fixes.
import type { PortfolioExport, PortfolioModuleId } from '../contract/portfolio.js';
import type { SessionRole, SessionStatus } from '../contract/sessions.js';

/** A time as a row gives it (the pg driver's Date) or as a test writes it (an ISO string). */
export type Instant = Date | string;

export function iso(at: Instant): string {
  return typeof at === 'string' ? new Date(at).toISOString() : at.toISOString();
}

export function isoOrNull(v: unknown): string | null {
  return v instanceof Date || typeof v === 'string' ? iso(v) : null;
}

/**
 * Whose eyes the rows are read for. `self`: the person's own, with each session's case only as
 * the reveal rules allow (session_brief()); `admin`: an admin reading a trainee's (role app_admin,
 * through the admins' read-only policies), who reads every case.
 */
export type Viewer = 'self' | 'admin';

// ---------------------------------------------------------------------------------------------
// The portfolio

/** One session the person took part in, with what the viewer may know of its case and assessment. */
export interface SessionFact {
  id: string;
  datetime_utc: Instant;
  status: SessionStatus;
  role: SessionRole;
  /** When the station completed (the assessment's completion, else the phase change); null otherwise. */
  completed_at: Instant | null;
  partner: { user_id: string; first_name: string; last_name: string } | null;
  case_name: string | null;
  category: string | null;
  domain: string | null;
  /** The mark scheme's domains, where the viewer may see the scheme: they name the marks' keys. */
  scheme_domains: { id: string; name: string }[] | null;
  assessment: {
    marks: Record<string, number>;
    global_rating: string | null;
    strengths: string;
    improvements: string;
    self_reflection: string;
  } | null;
}

export interface PtlFacts {
  pathways: number;
  open_pathways: number;
  events: number;
  /** Pathways added per day (UTC), newest first, with the latest time on that day. */
  pathways_by_day: { day: string; count: number; at: Instant }[];
  events_by_day: { day: string; count: number; at: Instant }[];
  /** The latest pathway change or event recorded. */
  last_at: Instant | null;
}

/**
 * One clinical-administration module's activity for the portfolio: counts by name, in the order
 * they read best (`{ pathways: 3, open: 1 }` reads "3 pathways, 1 open"), an optional sentence that
 * says it better, and the person's latest change in the module.
 */
export interface ModuleFacts {
  counts: Record<string, number>;
  summary?: string;
  last_at: Instant | null;
}

/** A case the person wrote. */
export interface CaseFact {
  id: string;
  case_name: string;
  created_at: Instant;
}

/**
 * One domain's facts about a person, under the key of the part it knows; the portfolio merges
 * every domain's (a key given twice is a mistake and fails loudly). `account` missing means the
 * viewer may not see the person.
 */
export interface PortfolioFacts {
  account?: { user_id: string; role: string; created_at: Instant };
  profile?: { first_name: string; last_name: string; training_level: string | null };
  sessions?: SessionFact[];
  ptl?: PtlFacts;
  cases?: CaseFact[];
  /** Each module's activity, by the module ids of contract/portfolio.ts; several domains add theirs. */
  modules?: Partial<Record<PortfolioModuleId, ModuleFacts>>;
}

// ---------------------------------------------------------------------------------------------
// The personal-data export

/** The export's sections; the portfolio adds the header (format, version, exported_at). */
export type ExportSections = Omit<PortfolioExport, 'format' | 'version' | 'exported_at'>;

/** One domain's sections of the export, each already in the contract's shape. */
export type ExportPart = Partial<ExportSections>;
