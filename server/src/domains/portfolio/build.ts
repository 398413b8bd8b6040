// The portfolio document from plain rows: score series, averages, counts and the timeline. Pure
// functions with no I/O, so the same builder serves the trainee's own view, the admin's read-only
// view and the printable page, and is unit-tested on its own.
import { DEFAULT_MARK_DOMAINS, type CaseCategory, type CaseDomain } from '../../contract/cases.js';
import type { Role, TrainingLevel } from '../../contract/accounts.js';
import {
  PORTFOLIO_MODULES,
  TIMELINE_MAX,
  type Portfolio,
  type PortfolioModule,
  type PortfolioModuleId,
  type PortfolioSession,
  type ScoreSeries,
  type TimelineEntry,
} from '../../contract/portfolio.js';
import { GLOBAL_RATING_LABELS, GLOBAL_RATINGS, type GlobalRating, type SessionStatus } from '../../contract/sessions.js';
import { iso, type CaseFact, type Instant, type ModuleFacts, type PortfolioFacts, type PtlFacts, type SessionFact } from '../facts.js';

export type { PtlFacts, SessionFact } from '../facts.js';

export interface PortfolioInput {
  person: {
    user_id: string;
    first_name: string;
    last_name: string;
    training_level: string | null;
    role: string;
    created_at: Instant;
  };
  sessions: SessionFact[];
  ptl: PtlFacts;
  cases: CaseFact[];
  /** The other modules' activity, from their domains (the PTL's comes from `ptl`). */
  modules: Partial<Record<PortfolioModuleId, ModuleFacts>>;
  now: Date;
}

const EMPTY_PTL: PtlFacts = { pathways: 0, open_pathways: 0, events: 0, pathways_by_day: [], events_by_day: [], last_at: null };

/**
 * The builder's input from every domain's facts (registry providers), or null when the viewer may
 * not see the person. A domain that is not there adds nothing: no sessions, no PTL work, no cases.
 */
export function portfolioInput(facts: PortfolioFacts, now: Date): PortfolioInput | null {
  const { account, profile } = facts;
  if (!account) return null;
  return {
    person: {
      user_id: account.user_id,
      first_name: profile?.first_name ?? '',
      last_name: profile?.last_name ?? '',
      training_level: profile?.training_level ?? null,
      role: account.role,
      created_at: account.created_at,
    },
    sessions: facts.sessions ?? [],
    ptl: facts.ptl ?? EMPTY_PTL,
    cases: facts.cases ?? [],
    modules: facts.modules ?? {},
    now,
  };
}

const UPCOMING: ReadonlySet<SessionStatus> = new Set(['open', 'matched', 'live']);

const time = (at: Instant) => (typeof at === 'string' ? Date.parse(at) : at.getTime());

/** Two decimals, as marks are shown (0–4). */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function mean(values: readonly number[]): number | null {
  return values.length ? round2(values.reduce((a, b) => a + b, 0) / values.length) : null;
}

/** `data_gathering` → `Data gathering`, for a domain no mark scheme in view names. */
export function humanise(id: string): string {
  const words = id.replace(/_/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}

function isRating(value: string | null): value is GlobalRating {
  return value !== null && (GLOBAL_RATINGS as readonly string[]).includes(value);
}

/** Marks received: completed stations where the person was the candidate and the actor marked. */
export function markedAsCandidate(sessions: readonly SessionFact[]): (SessionFact & { assessment: NonNullable<SessionFact['assessment']>; completed_at: Instant })[] {
  return sessions
    .filter((s) => s.status === 'completed' && s.role === 'candidate' && s.completed_at !== null && s.assessment !== null)
    .map((s) => s as SessionFact & { assessment: NonNullable<SessionFact['assessment']>; completed_at: Instant });
}

/** Domain names: from the mark schemes in view, then the default domains, then the id itself. */
export function domainNames(sessions: readonly SessionFact[]): Map<string, string> {
  const names = new Map<string, string>(DEFAULT_MARK_DOMAINS.map((d) => [d.id, d.name]));
  for (const s of sessions) for (const d of s.scheme_domains ?? []) names.set(d.id, d.name);
  return names;
}

/**
 * One series per mark-scheme domain of the marks received, oldest first, each with its mean.
 * Domains are ordered as the default scheme orders them, then by name.
 */
export function scoreSeries(sessions: readonly SessionFact[]): ScoreSeries[] {
  const names = domainNames(sessions);
  const byDomain = new Map<string, ScoreSeries['points']>();
  const marked = [...markedAsCandidate(sessions)].sort((a, b) => time(a.completed_at) - time(b.completed_at) || a.id.localeCompare(b.id));
  for (const s of marked) {
    for (const [domain, mark] of Object.entries(s.assessment.marks)) {
      if (typeof mark !== 'number' || !Number.isFinite(mark)) continue;
      let points = byDomain.get(domain);
      if (!points) byDomain.set(domain, (points = []));
      points.push({ session_id: s.id, at: iso(s.completed_at), mark });
    }
  }
  const order = DEFAULT_MARK_DOMAINS.map((d) => d.id as string);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return [...byDomain.entries()]
    .map(([domain, points]) => ({ domain, name: names.get(domain) ?? humanise(domain), points, average: mean(points.map((p) => p.mark)) ?? 0 }))
    .sort((a, b) => rank(a.domain) - rank(b.domain) || a.name.localeCompare(b.name));
}

/** Mean mark per domain from the series, as `{ domain: mean }`. */
export function averageMarks(series: readonly ScoreSeries[]): Record<string, number> {
  return Object.fromEntries(series.map((s) => [s.domain, s.average]));
}

function partnerName(s: SessionFact): string | null {
  if (!s.partner) return null;
  const name = `${s.partner.first_name} ${s.partner.last_name}`.trim();
  return name || null;
}

function sessionDetail(s: SessionFact, extra: (string | null)[] = []): string | null {
  const parts = [s.case_name, partnerName(s) ? `with ${partnerName(s)}` : null, ...extra].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : null;
}

/** Everything that happened, newest first, at most `TIMELINE_MAX` entries. */
export function timeline(input: Pick<PortfolioInput, 'sessions' | 'ptl' | 'cases'>): TimelineEntry[] {
  const entries: (TimelineEntry & { t: number; n: number })[] = [];
  const add = (at: Instant, e: Omit<TimelineEntry, 'at'>) => entries.push({ ...e, at: iso(at), t: time(at), n: entries.length });
  for (const s of input.sessions) {
    const role = s.role === 'candidate' ? 'the candidate' : 'the actor';
    if (s.status === 'completed') {
      const rating = isRating(s.assessment?.global_rating ?? null) ? `rated ${GLOBAL_RATING_LABELS[s.assessment!.global_rating as GlobalRating].toLowerCase()}` : null;
      add(s.completed_at ?? s.datetime_utc, { kind: 'session_completed', title: `Completed a station as ${role}`, detail: sessionDetail(s, [rating]), session_id: s.id });
      const reflection = s.role === 'candidate' ? s.assessment?.self_reflection.trim() : '';
      if (reflection) add(s.completed_at ?? s.datetime_utc, { kind: 'reflection_written', title: 'Wrote a self-reflection', detail: s.case_name, session_id: s.id });
    } else if (UPCOMING.has(s.status)) {
      add(s.datetime_utc, { kind: 'session_scheduled', title: `Station planned as ${role}`, detail: sessionDetail(s), session_id: s.id });
    } else if (s.status === 'no_show') {
      add(s.datetime_utc, { kind: 'session_no_show', title: 'Station not held (no-show)', detail: sessionDetail(s), session_id: s.id });
    } else if (s.status === 'cancelled') {
      add(s.datetime_utc, { kind: 'session_cancelled', title: 'Station cancelled', detail: sessionDetail(s), session_id: s.id });
    }
  }
  for (const d of input.ptl.pathways_by_day) {
    add(d.at, { kind: 'ptl_pathways_added', title: d.count === 1 ? 'Added 1 pathway to the PTL' : `Added ${d.count} pathways to the PTL`, detail: null, session_id: null });
  }
  for (const d of input.ptl.events_by_day) {
    add(d.at, { kind: 'ptl_events_recorded', title: d.count === 1 ? 'Recorded 1 RTT event' : `Recorded ${d.count} RTT events`, detail: null, session_id: null });
  }
  for (const c of input.cases) add(c.created_at, { kind: 'case_written', title: 'Wrote a case', detail: c.case_name, session_id: null });
  return entries
    .sort((a, b) => b.t - a.t || a.n - b.n)
    .slice(0, TIMELINE_MAX)
    .map(({ t: _t, n: _n, ...e }) => e);
}

/**
 * Every module in the contract's order: the PTL from its own facts, the others from what their
 * domains report. A module no domain reports on does not exist yet and says so instead of zeros.
 */
export function modules(ptl: PtlFacts, reported: Partial<Record<PortfolioModuleId, ModuleFacts>>): PortfolioModule[] {
  const facts: Partial<Record<PortfolioModuleId, ModuleFacts>> = {
    ...reported,
    ptl: {
      counts: { pathways: ptl.pathways, open_pathways: ptl.open_pathways, events: ptl.events },
      summary: `${plural(ptl.pathways, 'pathway')} managed (${ptl.open_pathways} open), ${plural(ptl.events, 'RTT event')} recorded`,
      last_at: ptl.last_at,
    },
  };
  return PORTFOLIO_MODULES.map((m): PortfolioModule => {
    const f = facts[m.id];
    if (!f) return { id: m.id, name: m.name, available: false, counts: null, summary: null, last_at: null };
    return { id: m.id, name: m.name, available: true, counts: { ...f.counts }, summary: f.summary ?? countsInWords(f.counts), last_at: f.last_at === null ? null : iso(f.last_at) };
  });
}

/** `{ pathways: 3, open: 1 }` → "3 pathways, 1 open": a module's counts in its own order. */
export function countsInWords(counts: Record<string, number>): string {
  const parts = Object.entries(counts).map(([name, n]) => `${n} ${name.replaceAll('_', ' ')}`);
  return parts.length ? parts.join(', ') : 'No activity yet';
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function latest(values: (Instant | null | undefined)[]): string | null {
  let best: Instant | null = null;
  for (const v of values) if (v != null && (best === null || time(v) > time(best))) best = v;
  return best === null ? null : iso(best);
}

function presentSession(s: SessionFact): PortfolioSession {
  return {
    id: s.id,
    datetime_utc: iso(s.datetime_utc),
    completed_at: s.status === 'completed' && s.completed_at ? iso(s.completed_at) : null,
    status: s.status,
    role: s.role,
    partner: s.partner,
    case: { case_name: s.case_name, category: s.category as CaseCategory | null, domain: s.domain as CaseDomain | null },
    marks: s.status === 'completed' && s.assessment && Object.keys(s.assessment.marks).length ? s.assessment.marks : null,
    global_rating: s.status === 'completed' && isRating(s.assessment?.global_rating ?? null) ? (s.assessment!.global_rating as GlobalRating) : null,
  };
}

/** The whole portfolio document. */
export function buildPortfolio(input: PortfolioInput): Portfolio {
  const { sessions, ptl, cases, person, now } = input;
  const completed = sessions.filter((s) => s.status === 'completed');
  const marked = markedAsCandidate(sessions);
  const newestFirst = <T extends { at: string }>(items: T[]) => items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const series = scoreSeries(sessions);
  const allMarks = marked.flatMap((s) => Object.values(s.assessment.marks).filter((m): m is number => typeof m === 'number'));

  const counts = Object.fromEntries(GLOBAL_RATINGS.map((r) => [r, 0])) as Record<GlobalRating, number>;
  const ratings: Portfolio['global_ratings']['items'] = [];
  for (const s of marked) {
    const rating = s.assessment.global_rating;
    if (!isRating(rating)) continue;
    counts[rating]++;
    ratings.push({ session_id: s.id, at: iso(s.completed_at), rating });
  }

  return {
    person: {
      user_id: person.user_id,
      first_name: person.first_name,
      last_name: person.last_name,
      training_level: person.training_level as TrainingLevel | null,
      role: person.role as Role,
      member_since: iso(person.created_at),
    },
    generated_at: now.toISOString(),
    summary: {
      sessions_total: sessions.length,
      sessions_completed: completed.length,
      completed_as_candidate: completed.filter((s) => s.role === 'candidate').length,
      completed_as_actor: completed.filter((s) => s.role === 'actor').length,
      upcoming: sessions.filter((s) => UPCOMING.has(s.status)).length,
      no_shows: sessions.filter((s) => s.status === 'no_show').length,
      average_marks: averageMarks(series),
      overall_average: mean(allMarks),
      feedback_given: completed.filter((s) => s.role === 'actor' && s.assessment && isRating(s.assessment.global_rating)).length,
      last_activity_at: latest([
        ...completed.map((s) => s.completed_at),
        ptl.last_at,
        ...cases.map((c) => c.created_at),
        ...Object.values(input.modules).map((m) => m.last_at),
      ]),
    },
    domains: series.map((s) => ({ id: s.domain, name: s.name })),
    score_series: series,
    global_ratings: { counts, items: newestFirst(ratings) },
    feedback_received: newestFirst(
      marked
        .filter((s) => s.assessment.strengths.trim() || s.assessment.improvements.trim())
        .map((s) => ({
          session_id: s.id,
          at: iso(s.completed_at),
          global_rating: isRating(s.assessment.global_rating) ? s.assessment.global_rating : null,
          strengths: s.assessment.strengths,
          improvements: s.assessment.improvements,
          case_name: s.case_name,
        })),
    ),
    reflections: newestFirst(
      completed
        .filter((s) => s.role === 'candidate' && s.completed_at && s.assessment?.self_reflection.trim())
        .map((s) => ({ session_id: s.id, at: iso(s.completed_at!), text: s.assessment!.self_reflection, case_name: s.case_name })),
    ),
    modules: modules(ptl, input.modules),
    timeline: timeline({ sessions, ptl, cases }),
    sessions: [...sessions].sort((a, b) => time(b.datetime_utc) - time(a.datetime_utc) || a.id.localeCompare(b.id)).map(presentSession),
  };
}
