/**
 * The scorecard's arithmetic, kept pure (no DOM) so it is tested on its own:
 * domain marks and totals, the checklist by domain, the analysis as evidence chips pointing into the
 * transcript, and the comparison with earlier attempts at the same case.
 */

// By relative path, not the `$contract` alias, so the unit tests import this file as it is.
import { AUTO_ANALYSIS_EVIDENCE_CHECKS, type AutoAnalysis, type AutoAnalysisEvidenceCheck } from '../../../../server/src/contract/sessions.js';

export type { AutoAnalysis };

/** Every domain is marked 0–4 (the contract's AssessmentMarksSchema). */
export const DOMAIN_MAX = 4;

export interface SchemeLike {
  domains: readonly { id: string; name: string }[];
  checklist: readonly { id: string; domain: string; text: string }[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Json => (isObject(v) ? v : {});
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): boolean => v === true;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `data_gathering` → "Data gathering", for an id whose name the viewer cannot see. */
export const humanise = (id: string): string => {
  const text = id.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

// ---------------------------------------------------------------------------------------------------
// Marks

export interface DomainScore {
  id: string;
  name: string;
  /** Null when the actor has not marked it (yet). */
  mark: number | null;
  /** The domain's checklist items met, of how many. */
  met: number;
  items: number;
}

/**
 * One row per mark-scheme domain, in the scheme's order; marks for a domain the scheme does not
 * list (a scheme the viewer cannot see) follow, named from their id.
 */
export function domainScores(scheme: SchemeLike | null, marks: Record<string, number>, ticks: Record<string, boolean>): DomainScore[] {
  const known = scheme?.domains ?? [];
  const items = scheme?.checklist ?? [];
  const rows: DomainScore[] = known.map((d) => {
    const own = items.filter((c) => c.domain === d.id);
    return { id: d.id, name: d.name, mark: marks[d.id] ?? null, met: own.filter((c) => ticks[c.id] === true).length, items: own.length };
  });
  for (const [id, mark] of Object.entries(marks)) {
    if (!known.some((d) => d.id === id)) rows.push({ id, name: humanise(id), mark, met: 0, items: 0 });
  }
  return rows;
}

/** The sum of the marks given and the most they could have been (every domain counts towards the maximum). */
export function totalOf(rows: readonly Pick<DomainScore, 'mark'>[]): { total: number; max: number; marked: number } {
  const marked = rows.filter((r) => r.mark !== null);
  return { total: marked.reduce((sum, r) => sum + (r.mark ?? 0), 0), max: rows.length * DOMAIN_MAX, marked: marked.length };
}

/** A share 0–1 as a whole percentage ("75%"); "—" when there is none. */
export const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);

export type RatingTone = 'fail' | 'borderline' | 'pass';

/** The colour family of a global rating: fails red, borderline amber, passes green. */
export function ratingTone(rating: string | null): RatingTone | null {
  if (rating === 'clear_fail' || rating === 'fail') return 'fail';
  if (rating === 'borderline') return 'borderline';
  if (rating === 'pass' || rating === 'clear_pass') return 'pass';
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Checklist

export interface ChecklistGroup {
  id: string;
  name: string;
  items: { id: string; text: string; met: boolean }[];
}

/** The checklist under its domains, in the scheme's order; ticks the scheme does not list come last, under "Other". */
export function checklistGroups(scheme: SchemeLike | null, ticks: Record<string, boolean>): ChecklistGroup[] {
  const domains = scheme?.domains ?? [];
  const items = scheme?.checklist ?? [];
  const groups: ChecklistGroup[] = domains
    .map((d) => ({ id: d.id, name: d.name, items: items.filter((c) => c.domain === d.id).map((c) => ({ id: c.id, text: c.text, met: ticks[c.id] === true })) }))
    .filter((g) => g.items.length > 0);
  const orphans = items.filter((c) => !domains.some((d) => d.id === c.domain)).map((c) => ({ id: c.id, text: c.text, met: ticks[c.id] === true }));
  for (const [id, met] of Object.entries(ticks)) {
    if (!items.some((c) => c.id === id)) orphans.push({ id, text: humanise(id), met });
  }
  if (orphans.length) groups.push({ id: '', name: 'Other', items: orphans });
  return groups;
}

// ---------------------------------------------------------------------------------------------------
// The automatic analysis

/** The checks the server's analysis backs with a quote. */
export const EVIDENCE_CHECKS = AUTO_ANALYSIS_EVIDENCE_CHECKS;
export type EvidenceCheck = AutoAnalysisEvidenceCheck;

export const EVIDENCE_LABELS: Record<EvidenceCheck, { found: string; missing: string }> = {
  introduced_self: { found: 'Introduced themselves', missing: 'No introduction heard' },
  checked_identity: { found: 'Checked identity', missing: 'Identity not checked' },
  ideas: { found: 'Explored ideas', missing: 'Ideas not explored' },
  concerns: { found: 'Explored concerns', missing: 'Concerns not explored' },
  expectations: { found: 'Explored expectations', missing: 'Expectations not explored' },
  safety_netting: { found: 'Safety-netted', missing: 'No safety-netting heard' },
};


const isEvidenceCheck = (v: unknown): v is EvidenceCheck => (EVIDENCE_CHECKS as readonly unknown[]).includes(v);

/** The server's `auto_analysis` (computed when the station completes), read leniently: older documents lack parts. */
export function readAutoAnalysis(value: unknown): AutoAnalysis | null {
  if (!isObject(value)) return null;
  const d = obj(value.disclosure);
  const t = obj(value.talk_share);
  const q = obj(value.questions);
  const i = obj(value.introduction);
  const ice = obj(value.ice);
  const evidence: AutoAnalysis['evidence'] = [];
  for (const e of Array.isArray(value.evidence) ? value.evidence : []) {
    if (isObject(e) && isEvidenceCheck(e.check) && Number.isInteger(e.segment_index)) {
      evidence.push({ check: e.check, segment_index: e.segment_index as number, quote: str(e.quote) });
    }
  }
  return {
    disclosure: {
      if_asked_total: num(d.if_asked_total),
      elicited: num(d.elicited),
      coverage: numOrNull(d.coverage),
      missed: (Array.isArray(d.missed) ? d.missed : []).filter(isObject).map((m) => ({ id: str(m.id), text: str(m.text) })),
    },
    talk_share: { candidate: numOrNull(t.candidate), actor: numOrNull(t.actor) },
    questions: { total: num(q.total), open: num(q.open), open_share: numOrNull(q.open_share) },
    introduction: { introduced_self: bool(i.introduced_self), checked_identity: bool(i.checked_identity) },
    ice: { ideas: bool(ice.ideas), concerns: bool(ice.concerns), expectations: bool(ice.expectations) },
    safety_netting: bool(value.safety_netting),
    jargon: (Array.isArray(value.jargon) ? value.jargon : []).filter(isObject).map((j) => ({ term: str(j.term), explained: bool(j.explained) })).filter((j) => j.term !== ''),
    evidence,
  };
}

export interface TranscriptLine {
  speaker: 'candidate' | 'actor';
  at_ms: number;
  text: string;
}

/** A chip of the analysis: what was (or was not) heard, and where in the transcript. */
export interface AnalysisChip {
  key: string;
  label: string;
  /** `good`: done; `missing`: not heard; `warning`: said, but not as it should be (unexplained jargon). */
  tone: 'good' | 'missing' | 'warning';
  quote: string | null;
  /** The transcript segment it points at, when that segment is on the page. */
  segment: number | null;
}

const withinTranscript = (index: number | null, lines: readonly TranscriptLine[]): number | null =>
  index !== null && index >= 0 && index < lines.length ? index : null;

/**
 * The six communication checks as chips, each found one with its quote and segment, and the jargon
 * the candidate used; done first, then to work on, then not heard. Segment indices refer to the
 * transcript in the server's order, which the transcript endpoint shares.
 */
export function analysisChips(analysis: AutoAnalysis, lines: readonly TranscriptLine[]): AnalysisChip[] {
  const found: Record<EvidenceCheck, boolean> = {
    introduced_self: analysis.introduction.introduced_self,
    checked_identity: analysis.introduction.checked_identity,
    ideas: analysis.ice.ideas,
    concerns: analysis.ice.concerns,
    expectations: analysis.ice.expectations,
    safety_netting: analysis.safety_netting,
  };
  const chips: AnalysisChip[] = EVIDENCE_CHECKS.map((check) => {
    const evidence = analysis.evidence.find((e) => e.check === check);
    const heard = found[check] || evidence !== undefined;
    return {
      key: check,
      label: heard ? EVIDENCE_LABELS[check].found : EVIDENCE_LABELS[check].missing,
      tone: heard ? 'good' : 'missing',
      quote: evidence?.quote || null,
      segment: withinTranscript(evidence?.segment_index ?? null, lines),
    };
  });
  const jargon = [...analysis.jargon].sort((a, b) => Number(a.explained) - Number(b.explained));
  for (const j of jargon) {
    const segment = termSegment(j.term, lines);
    chips.push({
      key: `jargon:${j.term}`,
      label: j.explained ? `“${j.term}” explained` : `“${j.term}” not explained`,
      tone: j.explained ? 'good' : 'warning',
      quote: segment === null ? null : quoteAround(lines[segment]!.text, j.term),
      segment,
    });
  }
  // What went well, then what to work on, then what was not heard; each group keeps its order.
  const rank = { good: 0, warning: 1, missing: 2 } as const;
  return chips.map((chip, i) => ({ chip, i })).sort((a, b) => rank[a.chip.tone] - rank[b.chip.tone] || a.i - b.i).map(({ chip }) => chip);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const termPattern = (term: string): RegExp => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(term)}(e?s)?(?![\\p{L}\\p{N}])`, 'iu');

/** The first candidate segment that uses `term` as a whole word (or its plural), or null. */
export function termSegment(term: string, lines: readonly TranscriptLine[]): number | null {
  const pattern = termPattern(term);
  const index = lines.findIndex((l) => l.speaker === 'candidate' && pattern.test(l.text));
  return index < 0 ? null : index;
}

/** The sentence-sized piece of `text` around `term`: at most `max` characters, marked with "…" where cut. */
export function quoteAround(text: string, term: string, max = 120): string {
  if (text.length <= max) return text;
  const at = Math.max(0, text.search(termPattern(term)));
  const start = Math.max(0, Math.min(at - 40, text.length - max));
  const end = Math.min(text.length, start + max);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/** The id a transcript segment carries on the page, so a chip can link to `#…` it. */
export const segmentAnchor = (index: number): string => `t-${index}`;

/** `65_400` ms into the consultation → `1:05`. */
export function transcriptTime(atMs: number): string {
  const seconds = Math.max(0, Math.floor(atMs / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------
// Earlier attempts

export interface AttemptLike {
  session_id: string;
  completed_at: string | null;
  marks: Record<string, number>;
  global_rating: string | null;
}

export interface AttemptRow {
  session_id: string;
  completed_at: string | null;
  /** Per domain, in the order of `domains`; null where that attempt has no mark. */
  marks: (number | null)[];
  total: number;
  max: number;
  global_rating: string | null;
  current: boolean;
}

/** Earlier attempts (oldest first) then this one, each totalled over the current scheme's domains. */
export function attemptRows(domains: readonly { id: string }[], earlier: readonly AttemptLike[], current: AttemptLike): AttemptRow[] {
  const row = (a: AttemptLike, isCurrent: boolean): AttemptRow => {
    const marks = domains.map((d) => a.marks[d.id] ?? null);
    return {
      session_id: a.session_id,
      completed_at: a.completed_at,
      marks,
      total: marks.reduce<number>((sum, m) => sum + (m ?? 0), 0),
      max: domains.length * DOMAIN_MAX,
      global_rating: a.global_rating,
      current: isCurrent,
    };
  };
  return [...earlier.map((a) => row(a, false)), row(current, true)];
}

/** This attempt's change per domain against the one before it; null where either has no mark. */
export function domainChanges(rows: readonly AttemptRow[]): (number | null)[] {
  const current = rows[rows.length - 1];
  const previous = rows[rows.length - 2];
  if (!current || !previous) return [];
  return current.marks.map((m, i) => {
    const before = previous.marks[i];
    return m === null || before === null || before === undefined ? null : m - before;
  });
}

/** "+1", "−2", "±0" (a true minus sign), for a change in marks. */
export function signed(change: number): string {
  if (change > 0) return `+${change}`;
  if (change < 0) return `−${Math.abs(change)}`;
  return '±0';
}

/** The trend in words: how the total moved since the last attempt and since the first. */
export function trendSentence(rows: readonly AttemptRow[]): string {
  if (rows.length < 2) return 'Your first attempt at this case.';
  const current = rows[rows.length - 1]!;
  const previous = rows[rows.length - 2]!;
  const first = rows[0]!;
  const sinceLast = current.total - previous.total;
  const lastWords = sinceLast === 0 ? 'the same total as last time' : `${Math.abs(sinceLast)} ${Math.abs(sinceLast) === 1 ? 'mark' : 'marks'} ${sinceLast > 0 ? 'up on' : 'down on'} last time`;
  const attempt = `Attempt ${rows.length} at this case`;
  if (rows.length === 2) return `${attempt}: ${lastWords}.`;
  const sinceFirst = current.total - first.total;
  const firstWords = sinceFirst === 0 ? 'level with your first' : `${signed(sinceFirst)} since your first`;
  return `${attempt}: ${lastWords}, ${firstWords}.`;
}

/** Points of a small line chart of the totals: x from 0 to `width`, y from `height` (0 marks) to 0 (the maximum). */
export function sparkline(rows: readonly AttemptRow[], width: number, height: number): { x: number; y: number }[] {
  const max = Math.max(1, ...rows.map((r) => r.max));
  const step = rows.length > 1 ? width / (rows.length - 1) : 0;
  return rows.map((r, i) => ({ x: Math.round(i * step * 10) / 10, y: Math.round((height - (r.total / max) * height) * 10) / 10 }));
}

// ---------------------------------------------------------------------------------------------------
// Interruptions

/** `65` → "1 min 5 s". */
export function durationWords(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** One sentence for the times the station's clock stood still, or null when it never did. */
export function interruptionsSentence(gaps: readonly { seconds: number }[]): string | null {
  if (gaps.length === 0) return null;
  const total = gaps.reduce((sum, g) => sum + g.seconds, 0);
  const times = gaps.length === 1 ? 'once' : gaps.length === 2 ? 'twice' : `${gaps.length} times`;
  return `The clock stood still ${times}, ${durationWords(total)} in all; that time was given back.`;
}
