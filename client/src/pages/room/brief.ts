import type { ActorBrief, CandidateBrief, CaseFact, MarkScheme } from '$contract';

/**
 * The brief endpoint types the briefs as `unknown` (they are stored JSON): these read them
 * leniently, keeping what has the expected shape, so one odd field never hides a whole brief.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : []);

export function readCandidateBrief(value: unknown): CandidateBrief | null {
  if (!isObject(value)) return null;
  return { setting: text(value.setting), task: text(value.task), information: texts(value.information) };
}

function readFact(value: unknown, index: number): CaseFact | null {
  if (!isObject(value) || !text(value.text)) return null;
  return {
    id: text(value.id) || `fact_${index + 1}`,
    text: text(value.text),
    disclosure: value.disclosure === 'if_asked' ? 'if_asked' : 'volunteer',
  };
}

export function readActorBrief(value: unknown): ActorBrief | null {
  if (!isObject(value)) return null;
  const facts = Array.isArray(value.facts) ? value.facts.map(readFact).filter((f): f is CaseFact => f !== null) : [];
  return {
    role: text(value.role),
    opening_line: text(value.opening_line),
    persona: text(value.persona),
    facts,
    ideas: text(value.ideas),
    concerns: text(value.concerns),
    expectations: text(value.expectations),
    emotional_cues: texts(value.emotional_cues),
    questions_to_ask: texts(value.questions_to_ask),
  };
}

export function readMarkScheme(value: unknown): MarkScheme | null {
  if (!isObject(value)) return null;
  const domains = (Array.isArray(value.domains) ? value.domains : [])
    .filter(isObject)
    .map((d) => ({ id: text(d.id), name: text(d.name) || text(d.id), descriptor: text(d.descriptor) }))
    .filter((d) => d.name !== '');
  const checklist = (Array.isArray(value.checklist) ? value.checklist : [])
    .filter(isObject)
    .map((c, i) => ({ id: text(c.id) || `item_${i + 1}`, domain: text(c.domain), text: text(c.text) }))
    .filter((c) => c.text !== '');
  return { domains, checklist };
}
