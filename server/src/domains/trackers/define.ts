import { z } from 'zod';
import type { AuthContext } from '../../auth/context.js';
import type { ErrorDetail } from '../../contract/errors.js';
import type { Page } from '../../contract/pagination.js';
import { IsoDateSchema, Line, Prose } from '../../contract/primitives.js';
import type { TrackerDefinitionView, TrackerFieldType, TrackerFieldValue, TrackerItem, TrackerItemListQuery } from '../../contract/trackers.js';
import type { Queryable } from '../../db/types.js';
import { withEscape, type Workflow } from '../../kit/workflow.js';
import type { ServiceDirectory } from '../registry.js';

/** One field of a tracker, declared once: the form, the list, the validation and the rules come from it. */
export interface TrackerFieldSpec {
  name: string;
  label: string;
  type: TrackerFieldType;
  required?: boolean;
  /** Required once the row is in one of these statuses (e.g. `signed_on` from `signed`). */
  requiredFrom?: readonly string[];
  options?: readonly string[];
  optionLabels?: readonly string[];
  /** Dates may not be after today in England unless this is set. */
  futureAllowed?: boolean;
  /** Dates: not before this other date field. */
  notBefore?: string;
  min?: number;
  max?: number;
  help?: string;
  /** Worked out at read time by the tracker's `compute` (never accepted in a body). */
  computed?: boolean;
}

/** What a computed field's values are worked out from: the owner's data, read in the request's transaction. */
export interface TrackerComputeContext {
  tx: Queryable;
  /** Whose rows these are (the caller, or the trainee an admin reads). */
  ownerId: string;
  today: string;
  /** Other domains' services (their in-transaction reads), by name. */
  services: ServiceDirectory;
}

/**
 * A read-only tracker whose rows are another domain's (the booking's `dna` and `cancellations`):
 * its list and row come from that domain's service, shaped as tracker rows.
 */
export interface TrackerView {
  list(auth: AuthContext, q: TrackerItemListQuery, services: ServiceDirectory): Promise<Page<TrackerItem>>;
  get(auth: AuthContext, id: string, services: ServiceDirectory): Promise<TrackerItem>;
}

/** What a tracker's own rule may say about a row as it would be after a write. */
export interface TrackerRuleResult {
  problems?: ErrorDetail[];
}

export interface TrackerRow {
  status: string;
  fields: Record<string, TrackerFieldValue>;
}

/** A tracker: everything about it in one declaration, from which the kit and the client do the rest. */
export interface TrackerDefinition {
  module: string;
  name: string;
  description: string;
  readOnly?: boolean;
  fields: readonly TrackerFieldSpec[];
  /** List columns: row columns (`patient_name`, `status`, `updated_at`) and field names. */
  columns: readonly string[];
  statuses: readonly string[];
  statusLabels: Readonly<Record<string, string>>;
  transitions: Readonly<Partial<Record<string, readonly string[]>>>;
  /** Where a new row starts when the create names no status; the first status by default. */
  initialStatus?: (row: TrackerRow) => string;
  /** Rules beyond the fields' own (e.g. a long delay needs clinical review). */
  rule?: (row: TrackerRow, before: TrackerRow | null) => ErrorDetail[];
  /** The `computed` fields' values for these rows, by row id. */
  compute?: (rows: readonly TrackerItem[], ctx: TrackerComputeContext) => Promise<Map<string, Record<string, TrackerFieldValue>>>;
  /** A read-only view over another domain's rows instead of rows of its own (needs `readOnly`). */
  view?: TrackerView;
  /** A bar chart over the list: one group per `category` value, one bar per numeric `series` field. */
  chart?: { title: string; category: string; series: readonly string[] };
}

/** Declares a tracker; checks the declaration itself so a typo fails at start, not in front of a user. */
export function defineTracker(def: TrackerDefinition): TrackerDefinition {
  const names = new Set(def.fields.map((f) => f.name));
  const problems: string[] = [];
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(def.module)) problems.push(`module "${def.module}" is not a lower-case slug`);
  for (const s of [...def.statuses, ...Object.keys(def.transitions), ...Object.values(def.transitions).flatMap((v) => v ?? [])]) {
    if (!def.statuses.includes(s)) problems.push(`status "${s}" is not among the statuses`);
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(s)) problems.push(`status "${s}" is not a lower-case slug`);
  }
  for (const s of def.statuses) if (!def.statusLabels[s]) problems.push(`status "${s}" has no label`);
  for (const c of def.columns) if (!names.has(c) && !['patient_name', 'patient_id', 'status', 'updated_at', 'created_at'].includes(c)) problems.push(`column "${c}" is neither a field nor a row column`);
  for (const f of def.fields) {
    if (f.type === 'enum' && !f.options?.length) problems.push(`enum field "${f.name}" has no options`);
    if (f.optionLabels && f.optionLabels.length !== f.options?.length) problems.push(`field "${f.name}" has ${f.optionLabels.length} labels for ${f.options?.length ?? 0} options`);
    if (f.notBefore && !names.has(f.notBefore)) problems.push(`field "${f.name}" is not before an unknown field "${f.notBefore}"`);
    for (const s of f.requiredFrom ?? []) if (!def.statuses.includes(s)) problems.push(`field "${f.name}" is required from an unknown status "${s}"`);
    if (f.computed && (f.required || f.requiredFrom)) problems.push(`computed field "${f.name}" cannot be required`);
  }
  if (def.fields.some((f) => f.computed) && !def.compute) problems.push('it has computed fields but no compute()');
  if (def.view && !def.readOnly) problems.push('a view must be read-only');
  if (def.chart) {
    if (!names.has(def.chart.category)) problems.push(`chart category "${def.chart.category}" is not a field`);
    for (const s of def.chart.series) if (def.fields.find((f) => f.name === s)?.type !== 'number') problems.push(`chart series "${s}" is not a number field`);
  }
  if (problems.length > 0) throw new Error(`tracker ${def.module}: ${problems.join('; ')}`);
  return def;
}

/** "any → to" in a tracker's transitions, for every status but `to` and the final ones. */
export const anyTo = withEscape;

export function workflowOf(def: TrackerDefinition): Workflow {
  return { statuses: def.statuses, transitions: def.transitions };
}

/** A field's value schema: what a client may send for it (null clears it). */
function valueSchema(f: TrackerFieldSpec): z.ZodType<TrackerFieldValue> {
  switch (f.type) {
    case 'text':
      return Line.trim().max(500, { message: 'At most 500 characters' }).transform((s) => (s === '' ? null : s)).nullable() as z.ZodType<TrackerFieldValue>;
    case 'textarea':
      return Prose.max(5000, { message: 'At most 5000 characters' }).transform((s) => (s.trim() === '' ? null : s)).nullable() as z.ZodType<TrackerFieldValue>;
    case 'date':
      return IsoDateSchema.nullable();
    case 'enum':
      return z.enum(f.options as [string, ...string[]], { message: `Choose one of: ${(f.optionLabels ?? f.options ?? []).join(', ')}` }).nullable();
    case 'number': {
      let n = z.number({ message: 'Enter a number' }).finite();
      if (f.min !== undefined) n = n.min(f.min, { message: `At least ${f.min}` });
      if (f.max !== undefined) n = n.max(f.max, { message: `At most ${f.max}` });
      return n.nullable();
    }
  }
}

/**
 * The schema of a tracker's `fields` object: its own writable fields only, each optional (rules
 * decide what is required); a computed one is refused by name.
 */
export function fieldsSchema(def: TrackerDefinition) {
  return z.strictObject(
    Object.fromEntries(
      def.fields.map((f) => [
        f.name,
        f.computed ? z.undefined({ message: `${f.label} is worked out by the tracker; it cannot be set` }).optional() : valueSchema(f).optional(),
      ]),
    ),
  );
}

const label = (def: TrackerDefinition, s: string) => def.statusLabels[s] ?? s;

/** The rules every tracker's fields follow, from their declarations, on the row as it would be. */
export function fieldProblems(def: TrackerDefinition, row: TrackerRow, today: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const f of def.fields) {
    if (f.computed) continue;
    const v = row.fields[f.name];
    const path = `fields.${f.name}`;
    if (v === null || v === undefined) {
      if (f.required) out.push({ path, message: `${f.label} is required` });
      else if (f.requiredFrom?.includes(row.status)) out.push({ path, message: `${f.label} is required once the row is ${label(def, row.status).toLowerCase()}` });
      continue;
    }
    if (f.type === 'date' && typeof v === 'string') {
      if (!f.futureAllowed && v > today) out.push({ path, message: `${f.label} cannot be after today` });
      const other = f.notBefore ? row.fields[f.notBefore] : null;
      const otherLabel = def.fields.find((g) => g.name === f.notBefore)?.label ?? f.notBefore;
      if (typeof other === 'string' && v < other) out.push({ path, message: `${f.label} cannot be before ${otherLabel}` });
    }
  }
  if (def.rule) out.push(...def.rule(row, null));
  return out;
}

/** What `GET /api/trackers` says of a tracker. */
export function describe(def: TrackerDefinition): TrackerDefinitionView {
  return {
    module: def.module,
    name: def.name,
    description: def.description,
    read_only: def.readOnly ?? false,
    fields: def.fields.map((f) => ({
      name: f.name,
      label: f.label,
      type: f.type,
      required: f.required ?? false,
      ...(f.options ? { options: [...f.options] } : {}),
      ...(f.optionLabels ? { option_labels: [...f.optionLabels] } : {}),
      ...(f.type === 'date' ? { future_allowed: f.futureAllowed ?? false } : {}),
      ...(f.help ? { help: f.help } : {}),
      ...(f.computed ? { computed: true } : {}),
    })),
    columns: [...def.columns],
    ...(def.chart ? { chart: { title: def.chart.title, category: def.chart.category, series: [...def.chart.series] } } : {}),
    statuses: [...def.statuses],
    status_labels: { ...def.statusLabels },
    transitions: Object.fromEntries(Object.entries(def.transitions).map(([k, v]) => [k, [...(v ?? [])]])),
  };
}

/** Whole calendar days from one `YYYY-MM-DD` to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
