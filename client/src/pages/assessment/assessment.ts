export { GLOBAL_RATING_LABELS } from '$contract';

export const assessmentHref = (sessionId: string): string => `/sessions/${encodeURIComponent(sessionId)}/assessment`;

/** "Data gathering: N of M facts drawn out (P%)"; without the percentage when there is nothing to draw out. */
export function coverageText(elicited: number, total: number): string {
  const pct = total > 0 ? ` (${Math.round((elicited / total) * 100)}%)` : '';
  return `Data gathering: ${elicited} of ${total} ${total === 1 ? 'fact' : 'facts'} drawn out${pct}`;
}

/** The server's `auto_analysis` (computed when the station completes), read leniently. */
export interface AutoAnalysis {
  disclosure: { if_asked_total: number; elicited: number; coverage: number | null; missed: { id: string; text: string }[] };
  talk_share: { candidate: number | null; actor: number | null };
  questions: { total: number; open: number; open_share: number | null };
  introduction: { introduced_self: boolean; checked_identity: boolean };
  ice: { ideas: boolean; concerns: boolean; expectations: boolean };
  safety_netting: boolean;
  jargon: { term: string; explained: boolean }[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Json => (isObject(v) ? v : {});
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown): boolean => v === true;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function readAutoAnalysis(value: unknown): AutoAnalysis | null {
  if (!isObject(value)) return null;
  const d = obj(value.disclosure);
  const t = obj(value.talk_share);
  const q = obj(value.questions);
  const i = obj(value.introduction);
  const ice = obj(value.ice);
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
  };
}

/** A 0–1 share as a whole percentage, or "—" when there is none. */
export const percent = (share: number | null): string => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** `data_gathering` → "Data gathering", for a domain whose name the viewer cannot see yet. */
export const humanise = (id: string): string => {
  const text = id.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
