import { DEFAULT_MARK_DOMAINS, type CaseCreateInput, type CaseDetail, type CaseUpdateInput, type User } from '$contract';
import type { Disclosure } from './labels';

/** The contract's limits, mirrored for `maxlength` and the add buttons. */
export const CASE_LIMITS = {
  caseName: 120,
  internalName: 120,
  condition: 200,
  setting: 500,
  task: 1000,
  information: { items: 20, length: 500 },
  role: 200,
  openingLine: 500,
  persona: 1000,
  facts: { min: 1, items: 60, length: 500, id: 40 },
  ice: 1000,
  emotionalCues: { items: 10, length: 300 },
  questions: { items: 10, length: 300 },
  domains: { min: 1, items: 8, name: 100, descriptor: 1000 },
  checklist: { items: 40, length: 300 },
} as const;

/** Every list row has a key of its own, so keyed blocks, ids and focus survive reordering. */
let lastKey = 0;
export const newKey = (): number => ++lastKey;

export interface TextRow {
  key: number;
  text: string;
}

export interface FactRow {
  key: number;
  /** Blank: made from the text when the case is saved. */
  id: string;
  text: string;
  disclosure: Disclosure;
}

export interface DomainRow {
  key: number;
  /** Kept as loaded (assessments refer to it); blank for a new domain, then made from the name. */
  id: string;
  name: string;
  descriptor: string;
}

export interface ChecklistRow {
  key: number;
  id: string;
  /** The `key` of the domain row it belongs to, as the select holds it; '' when none is chosen. */
  domain: string;
  text: string;
}

/** The case form's values, as the inputs hold them. */
export interface CaseValues {
  case_name: string;
  internal_name: string;
  category: string;
  domain: string;
  condition: string;
  setting: string;
  task: string;
  information: TextRow[];
  role: string;
  opening_line: string;
  persona: string;
  facts: FactRow[];
  ideas: string;
  concerns: string;
  expectations: string;
  emotional_cues: TextRow[];
  questions_to_ask: TextRow[];
  domains: DomainRow[];
  checklist: ChecklistRow[];
  shared: boolean;
}

export const textRow = (text = ''): TextRow => ({ key: newKey(), text });
export const factRow = (): FactRow => ({ key: newKey(), id: '', text: '', disclosure: 'volunteer' });
export const domainRow = (): DomainRow => ({ key: newKey(), id: '', name: '', descriptor: '' });
export const checklistRow = (domain = ''): ChecklistRow => ({ key: newKey(), id: '', domain, text: '' });

export function emptyValues(): CaseValues {
  return {
    case_name: '',
    internal_name: '',
    category: '',
    domain: '',
    condition: '',
    setting: '',
    task: '',
    information: [],
    role: '',
    opening_line: '',
    persona: '',
    facts: [factRow()],
    ideas: '',
    concerns: '',
    expectations: '',
    emotional_cues: [],
    questions_to_ask: [],
    domains: DEFAULT_MARK_DOMAINS.map((d) => ({ key: newKey(), id: d.id, name: d.name, descriptor: d.descriptor })),
    checklist: [],
    shared: false,
  };
}

export function toValues(c: CaseDetail): CaseValues {
  const domains = c.mark_scheme.domains.map((d) => ({ key: newKey(), id: d.id, name: d.name, descriptor: d.descriptor }));
  const domainKey = (id: string) => String(domains.find((d) => d.id === id)?.key ?? '');
  return {
    case_name: c.case_name,
    internal_name: c.internal_name,
    category: c.category,
    domain: c.domain,
    condition: c.condition,
    setting: c.candidate_brief.setting,
    task: c.candidate_brief.task,
    information: c.candidate_brief.information.map((text) => textRow(text)),
    role: c.actor_brief.role,
    opening_line: c.actor_brief.opening_line,
    persona: c.actor_brief.persona,
    facts: c.actor_brief.facts.map((f) => ({ key: newKey(), id: f.id, text: f.text, disclosure: f.disclosure })),
    ideas: c.actor_brief.ideas,
    concerns: c.actor_brief.concerns,
    expectations: c.actor_brief.expectations,
    emotional_cues: c.actor_brief.emotional_cues.map((text) => textRow(text)),
    questions_to_ask: c.actor_brief.questions_to_ask.map((text) => textRow(text)),
    domains,
    checklist: c.mark_scheme.checklist.map((item) => ({
      key: newKey(),
      id: item.id,
      domain: domainKey(item.domain),
      text: item.text,
    })),
    shared: c.shared,
  };
}

/** `Chest pain, worse on exertion` → `chest_pain_worse_on_exertion` (at most `max` characters). */
export function snakeCase(text: string, max: number = CASE_LIMITS.facts.id): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, max)
    .replace(/_+$/, '');
}

/**
 * The ids a list will be saved with: typed ids as they are; blank ones made from each row's text,
 * made unique against every other id (`_2`, `_3`…), or `<fallback>_<n>` when the text has no letters.
 */
export function resolveIds(rows: readonly { id: string; source: string }[], fallback: string): string[] {
  const typed = rows.map((r) => r.id.trim());
  const taken = new Set(typed.filter(Boolean));
  return rows.map((row, i) => {
    const own = typed[i] ?? '';
    if (own) return own;
    const base = snakeCase(row.source) || `${fallback}_${i + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) {
      const suffix = `_${n}`;
      id = `${base.slice(0, CASE_LIMITS.facts.id - suffix.length).replace(/_+$/, '')}${suffix}`;
    }
    taken.add(id);
    return id;
  });
}

export const factIds = (facts: readonly FactRow[]): string[] =>
  resolveIds(
    facts.map((f) => ({ id: f.id, source: f.text })),
    'fact',
  );

export const domainIds = (domains: readonly DomainRow[]): string[] =>
  resolveIds(
    domains.map((d) => ({ id: d.id, source: d.name })),
    'domain',
  );

const checklistIds = (checklist: readonly ChecklistRow[]): string[] =>
  resolveIds(
    checklist.map((c) => ({ id: c.id, source: c.text })),
    'item',
  );

const texts = (rows: readonly TextRow[]): string[] => rows.map((r) => r.text);

type CaseBody = Omit<CaseCreateInput, 'shared'>;

/** Every section of the case as the API takes it (create and update alike). */
function caseBody(values: CaseValues): CaseBody {
  const fIds = factIds(values.facts);
  const dIds = domainIds(values.domains);
  const cIds = checklistIds(values.checklist);
  const idOfDomainKey = (key: string): string => {
    const index = values.domains.findIndex((d) => String(d.key) === key);
    return index >= 0 ? (dIds[index] ?? '') : '';
  };
  return {
    case_name: values.case_name,
    internal_name: values.internal_name,
    category: values.category as CaseCreateInput['category'],
    domain: values.domain as CaseCreateInput['domain'],
    condition: values.condition,
    candidate_brief: {
      setting: values.setting,
      task: values.task,
      information: texts(values.information),
    },
    actor_brief: {
      role: values.role,
      opening_line: values.opening_line,
      persona: values.persona,
      facts: values.facts.map((f, i) => ({ id: fIds[i] ?? '', text: f.text, disclosure: f.disclosure })),
      ideas: values.ideas,
      concerns: values.concerns,
      expectations: values.expectations,
      emotional_cues: texts(values.emotional_cues),
      questions_to_ask: texts(values.questions_to_ask),
    },
    mark_scheme: {
      domains: values.domains.map((d, i) => ({ id: dIds[i] ?? '', name: d.name, descriptor: d.descriptor })),
      checklist: values.checklist.map((c, i) => ({ id: cIds[i] ?? '', domain: idOfDomainKey(c.domain), text: c.text })),
    },
  };
}

/** The request body as typed; the contract schema checks it before it is sent. */
export function toCreateInput(values: CaseValues, shared: boolean): CaseCreateInput {
  return { ...caseBody(values), shared };
}

/** Every section is sent whole: the server replaces each one it is given. */
export function toUpdateInput(values: CaseValues, version: number): CaseUpdateInput {
  return { version, ...caseBody(values) };
}

export interface PathIssue {
  path: string;
  message: string;
}

/**
 * What the schema cannot say row by row: repeated fact ids, checklist items whose domain is gone,
 * and friendlier words for empty selects and empty lists.
 */
export function extraIssues(values: CaseValues, input: CaseBody): PathIssue[] {
  const issues: PathIssue[] = [];
  if (values.category === '') issues.push({ path: 'category', message: 'Choose a category' });
  if (values.domain === '') issues.push({ path: 'domain', message: 'Choose a clinical domain' });
  if (values.facts.length === 0) issues.push({ path: 'actor_brief.facts', message: 'Add at least one fact' });
  if (values.domains.length === 0) issues.push({ path: 'mark_scheme.domains', message: 'Add at least one marking domain' });

  const seen = new Map<string, number>();
  input.actor_brief.facts.forEach((f, i) => {
    const first = seen.get(f.id);
    if (first === undefined) seen.set(f.id, i);
    else issues.push({ path: `actor_brief.facts.${i}.id`, message: `Fact ${first + 1} already has the id ${f.id}` });
  });
  const domainSeen = new Set<string>();
  input.mark_scheme.domains.forEach((d, i) => {
    if (domainSeen.has(d.id)) issues.push({ path: `mark_scheme.domains.${i}.name`, message: 'Another domain has this name' });
    domainSeen.add(d.id);
  });
  input.mark_scheme.checklist.forEach((c, i) => {
    if (c.domain === '') {
      const message = values.checklist[i]?.domain === '' ? 'Choose a domain' : 'Its domain was removed: choose another';
      issues.push({ path: `mark_scheme.checklist.${i}.domain`, message });
    }
  });
  return issues;
}

/** Schema messages that read badly next to these inputs, replaced by path. */
export function friendlier(issue: PathIssue): PathIssue {
  if (/^actor_brief\.facts\.\d+\.id$/.test(issue.path)) {
    return { ...issue, message: `Use up to ${CASE_LIMITS.facts.id} lower-case letters, digits and _` };
  }
  if (/\.(information|emotional_cues|questions_to_ask|facts|checklist)$/.test(issue.path) && /too big|too_big|<=/i.test(issue.message)) {
    return { ...issue, message: 'That is more than a case can hold' };
  }
  return issue;
}

/**
 * Every path the form shows an error beside: the fields, each list, and each row and its inputs.
 * An error for anything deeper lands on the nearest of these.
 */
export function knownPaths(values: CaseValues): Set<string> {
  const paths = new Set<string>(['case_name', 'internal_name', 'category', 'domain', 'condition', 'shared']);
  const add = (prefix: string, count: number, fields: readonly string[]) => {
    paths.add(prefix);
    for (let i = 0; i < count; i++) {
      paths.add(`${prefix}.${i}`);
      for (const f of fields) paths.add(`${prefix}.${i}.${f}`);
    }
  };
  for (const f of ['setting', 'task']) paths.add(`candidate_brief.${f}`);
  add('candidate_brief.information', values.information.length, []);
  for (const f of ['role', 'opening_line', 'persona', 'ideas', 'concerns', 'expectations']) paths.add(`actor_brief.${f}`);
  add('actor_brief.facts', values.facts.length, ['id', 'text', 'disclosure']);
  add('actor_brief.emotional_cues', values.emotional_cues.length, []);
  add('actor_brief.questions_to_ask', values.questions_to_ask.length, []);
  add('mark_scheme.domains', values.domains.length, ['name', 'descriptor']);
  add('mark_scheme.checklist', values.checklist.length, ['text', 'domain']);
  return paths;
}

/** Owners change their own cases; admins change the shared bank (and read everything). */
export function mayChange(c: Pick<CaseDetail, 'shared' | 'owner_id'>, user: User | null): boolean {
  if (!user) return false;
  return c.shared ? user.role === 'admin' : c.owner_id === user.id;
}
