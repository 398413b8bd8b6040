import type { TrackerFieldType } from '$contract';
import type { ApiResult } from '../api';
import { formatDate, formatDateTime } from '../dates';
import { humanise, inSentence } from './format';

/**
 * What the generic list, detail and form pages are driven by: the fields a row has, the columns
 * of its list and its status workflow. The trackers get theirs from the server (`GET /api/trackers`),
 * other modules write theirs in a few lines; neither writes a field block by hand.
 */

/** The form's values: every input holds text ('' = empty) until the page turns them into a body. */
export type FormValues = Record<string, string>;

/** `pathway` picks one of the user's PTL pathways. */
export type FieldType = TrackerFieldType | 'pathway';

export interface FieldDef {
  /** Where the value lives in a row and in a body (`title`, `fields.procedure`); API errors with this path show beside it. */
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  /** Enums: the values, and their labels in the same order. */
  options?: readonly string[];
  optionLabels?: readonly string[];
  /** Dates: may it be after today? */
  futureAllowed?: boolean;
  help?: string;
  maxlength?: number;
  /** Enums: the empty choice's text, instead of "Not set". */
  emptyLabel?: string;
  /** What an empty input sends: null (default), or '' for text the contract never lets be null (notes). */
  emptyAs?: null | '';
  /** Shown (and sent) only while this holds for the values being edited. */
  shownWhen?: (values: FormValues) => boolean;
  /** Worked out by the server: shown in lists and on the row's page, never in a form. */
  computed?: boolean;
}

export interface ColumnDef<Row> {
  key: string;
  label: string;
  text: (row: Row) => string;
  numeric?: boolean;
}

/** Statuses and the allowed moves between them; a status with no moves is final. */
export interface Workflow {
  statuses: readonly string[];
  labels: Readonly<Record<string, string>>;
  transitions: Readonly<Record<string, readonly string[]>>;
}

export interface ModuleDef<Row> {
  /** The module's name, as the page heading (`Consent`, `Tasks`). */
  name: string;
  /** One row, in a sentence (`entry`, `task`). */
  noun: string;
  description?: string;
  /** The form's fields, in order (the status is added by the form from the workflow). */
  fields: readonly FieldDef[];
  columns: readonly ColumnDef<Row>[];
  workflow: Workflow | null;
  readOnly: boolean;
  /** The row's link text in lists and its page heading. */
  title: (row: Row) => string;
  href: (row: Row) => string;
}

/**
 * What the generic pages need of a resource (`api.trackers.items(m)`, `api.secretary.tasks`).
 * `update` takes the module's own body; the detail page only ever sends `{ version, status }`
 * with a status from the workflow, hence the `never`.
 */
export interface KitResource<Row> {
  get: (id: string) => Promise<ApiResult<Row>>;
  create: (input: never) => Promise<ApiResult<Row>>;
  update: (id: string, input: never) => Promise<ApiResult<Row>>;
  remove: (id: string) => Promise<ApiResult<void>>;
}

/** How a page names one of a row's columns in its history and shows its values; null leaves it out. */
export type Describe = (key: string) => { label: string; show?: (value: unknown) => string; /** Place in the list of changes (the form's order). */ rank?: number } | null;

/** A history's `Describe` from a definition: its fields by key (`fields.procedure`), the status by the workflow. */
export function describeFrom(fields: readonly FieldDef[], workflow: Workflow | null, extra: Record<string, string> = {}): Describe {
  return (key) => {
    const rank = fields.findIndex((f) => f.key === key);
    if (key === 'status' && workflow) return { label: 'Status', show: (v) => (typeof v === 'string' ? statusLabel(workflow, v) : displayAny(v)), rank: -1 };
    const field = fields[rank];
    if (field) return { label: field.label, show: (v) => displayValue(field, v), rank };
    return { label: extra[key] ?? humanise(key) };
  };
}

/** The value at `key` (`fields.procedure` reads `row.fields.procedure`). */
export function readPath(row: unknown, key: string): unknown {
  let value: unknown = row;
  for (const part of key.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

export function statusLabel(workflow: Workflow | null, status: string): string {
  return workflow?.labels[status] ?? humanise(status);
}

/** The statuses a row at `from` may move to (never to where it is). */
export function allowedMoves(workflow: Workflow | null, from: string): string[] {
  return (workflow?.transitions[from] ?? []).filter((to) => to !== from);
}

export function optionLabel(field: FieldDef, value: string): string {
  const index = field.options?.indexOf(value) ?? -1;
  return (index >= 0 ? field.optionLabels?.[index] : undefined) ?? humanise(value);
}

export function fieldOptions(field: FieldDef): { value: string; label: string }[] {
  return (field.options ?? []).map((value) => ({ value, label: optionLabel(field, value) }));
}

/** A stored value as the pages show it: enum labels, dates in words, '—' for nothing. */
export function displayValue(field: Pick<FieldDef, 'type' | 'options' | 'optionLabels'> & Partial<FieldDef>, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field.type === 'pathway') return 'Linked';
  if (field.type === 'enum' && typeof value === 'string') return optionLabel(field as FieldDef, value);
  if (field.type === 'date' && typeof value === 'string') return formatDate(value);
  if (typeof value === 'number') return new Intl.NumberFormat('en-GB').format(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** Any value, guessing from its shape: timestamps and dates in words. */
export function displayAny(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
    return value;
  }
  if (typeof value === 'number') return new Intl.NumberFormat('en-GB').format(value);
  return JSON.stringify(value);
}

/** Form values for a row (or empty ones for a new row), one string per field. */
export function toFormValues(fields: readonly FieldDef[], row: unknown | null): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const value = row === null ? undefined : readPath(row, field.key);
    values[field.key] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/** A field's text as the body carries it: numbers as numbers, '' as null. */
export function fromFormValue(field: FieldDef, text: string): string | number | null {
  const trimmed = field.type === 'textarea' ? text : text.trim();
  if (trimmed.trim() === '') return field.emptyAs === '' ? '' : null;
  if (field.type === 'number') {
    const n = Number(trimmed);
    return Number.isFinite(n) ? n : trimmed;
  }
  return trimmed;
}

/** The fields that show for these values. */
export function visibleFields(fields: readonly FieldDef[], values: FormValues): FieldDef[] {
  return fields.filter((f) => !f.shownWhen || f.shownWhen(values));
}

/** Required fields left empty and numbers that are not numbers, as field errors (the server checks again). */
export function checkRequired(fields: readonly FieldDef[], values: FormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of visibleFields(fields, values)) {
    const text = (values[field.key] ?? '').trim();
    if (field.required && text === '') errors[field.key] = field.type === 'enum' || field.type === 'pathway' ? `Choose ${inSentence(field.label)}` : `Enter ${inSentence(field.label)}`;
    else if (field.type === 'number' && text !== '' && !Number.isFinite(Number(text))) errors[field.key] = `${field.label} must be a number`;
  }
  return errors;
}

/** The column for one of a row's own keys or a field, labelled and shown as the field says. */
export function columnFor<Row>(key: string, fields: readonly FieldDef[], workflow: Workflow | null, labels: Record<string, string> = {}): ColumnDef<Row> {
  const field = fields.find((f) => f.key === key || f.key === `fields.${key}`);
  if (key === 'status') return { key, label: labels[key] ?? 'Status', text: (row) => statusLabel(workflow, String(readPath(row, 'status') ?? '')) };
  if (field) return { key, label: labels[key] ?? field.label, text: (row) => displayValue(field, readPath(row, field.key)), numeric: field.type === 'number' };
  return { key, label: labels[key] ?? humanise(key), text: (row) => displayAny(readPath(row, key)) };
}

/**
 * The request body for these values: each shown field at its key, nested by dots
 * (`fields.procedure` → `{ fields: { procedure } }`); a hidden field is sent empty.
 */
export function buildBody(fields: readonly FieldDef[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const shown = new Set(visibleFields(fields, values).map((f) => f.key));
  for (const field of fields) {
    const value = shown.has(field.key) ? fromFormValue(field, values[field.key] ?? '') : field.emptyAs === '' ? '' : null;
    const parts = field.key.split('.');
    let target = body;
    for (const part of parts.slice(0, -1)) {
      const next = target[part];
      if (next === null || typeof next !== 'object') target[part] = {};
      target = target[part] as Record<string, unknown>;
    }
    target[parts[parts.length - 1]!] = value;
  }
  return body;
}

/**
 * The status select of a form. An existing row stays where it is or takes one of the moves its
 * workflow allows; a new one may be left to start where the server puts it (the first status,
 * unless the module's rules say otherwise) or start at a status reachable from there.
 */
export function statusField(workflow: Workflow, current: string | null): FieldDef {
  const first = workflow.statuses[0] ?? '';
  const options = current === null ? [first, ...allowedMoves(workflow, first)] : [current, ...allowedMoves(workflow, current)];
  return {
    key: 'status',
    label: 'Status',
    type: 'enum',
    required: current !== null,
    options,
    optionLabels: options.map((s) => statusLabel(workflow, s)),
    emptyLabel: current === null ? `Where it starts (${statusLabel(workflow, first)})` : undefined,
    help:
      current === null
        ? 'Only the statuses allowed from the start are offered.'
        : `Now ${statusLabel(workflow, current)}: only the moves allowed from there are offered.`,
  };
}

