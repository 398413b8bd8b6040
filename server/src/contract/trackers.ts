import { z } from 'zod';
import { PageQuerySchema } from './pagination.js';
import { Line, Prose, Text, VersionSchema } from './primitives.js';

/**
 * Trackers: small per-user registers (communications, consent, funding…) that share one shape —
 * a patient, an optional PTL pathway, a status moving through a workflow, and a few fields of
 * their own. Each is one declarative definition on the server; `GET /api/trackers` hands the
 * definitions to the client, which renders every tracker from them.
 */

export const TRACKER_FIELD_TYPES = ['text', 'textarea', 'date', 'enum', 'number'] as const;
export type TrackerFieldType = (typeof TRACKER_FIELD_TYPES)[number];

/** One field of a tracker as the client renders it (`options` for enums). */
export interface TrackerFieldView {
  name: string;
  label: string;
  type: TrackerFieldType;
  required: boolean;
  options?: string[];
  /** Human labels for `options`, in the same order. */
  option_labels?: string[];
  /** Dates: may this one be after today (e.g. a reply due date)? */
  future_allowed?: boolean;
  help?: string;
  /** Worked out by the server at read time (shown, never sent). */
  computed?: boolean;
}

/** A tracker's definition as `GET /api/trackers` describes it. */
export interface TrackerDefinitionView {
  module: string;
  name: string;
  description: string;
  read_only: boolean;
  fields: TrackerFieldView[];
  /** Columns of the list, in order: the row's own (`patient_name`, `status`, `updated_at`…) and field names. */
  columns: string[];
  /** A bar chart over the listed rows: a group per `category` field value, a bar per numeric `series` field. */
  chart?: { title: string; category: string; series: string[] };
  statuses: string[];
  status_labels: Record<string, string>;
  /** Allowed moves: `{ from: [to, …] }`; a status with no entry is final. */
  transitions: Record<string, string[]>;
}

export interface TrackerListResponse {
  items: TrackerDefinitionView[];
}

export type TrackerFieldValue = string | number | null;

/** One tracker row. */
export interface TrackerItem {
  id: string;
  module: string;
  patient_id: string | null;
  patient_name: string | null;
  pathway_id: string | null;
  status: string;
  fields: Record<string, TrackerFieldValue>;
  notes: string;
  version: number;
  created_at: string;
  updated_at: string;
}

const patientId = Line.trim().regex(/^[A-Za-z0-9._/-]{1,40}$/, { message: 'Letters, digits and . _ / - only, at most 40' });
const patientName = Line.trim().min(1, { message: 'Required' }).max(200, { message: 'At most 200 characters' });
const notes = Prose.max(5000, { message: 'At most 5000 characters' });

/**
 * The parts every tracker row has. `fields` is checked against the module's own definition by
 * the server (unknown fields refused there too).
 */
export const TrackerItemCreateSchema = z.strictObject({
  patient_id: patientId.nullable().default(null),
  patient_name: patientName.nullable().default(null),
  pathway_id: z.uuid({ message: 'Not a valid id' }).nullable().default(null),
  status: Text.max(40).optional(),
  fields: z.record(Text.max(60), z.unknown()).default({}),
  notes: notes.default(''),
});
export type TrackerItemCreateInput = z.input<typeof TrackerItemCreateSchema>;

export const TrackerItemUpdateSchema = z.strictObject({
  version: VersionSchema,
  patient_id: patientId.nullable().optional(),
  patient_name: patientName.nullable().optional(),
  pathway_id: z.uuid({ message: 'Not a valid id' }).nullable().optional(),
  status: Text.max(40).optional(),
  /** A partial set: the fields named here change, the others stay. */
  fields: z.record(Text.max(60), z.unknown()).optional(),
  notes: notes.optional(),
});
export type TrackerItemUpdateInput = z.input<typeof TrackerItemUpdateSchema>;

/** GET /api/trackers/:module */
export const TrackerItemListQuerySchema = PageQuerySchema.extend({
  status: Text.max(40).optional(),
  pathway_id: z.uuid({ message: 'Not a valid id' }).optional(),
  q: Text.trim().min(1).max(100).optional(),
  /** Admins only: whose rows to read. */
  user_id: z.uuid({ message: 'Not a valid id' }).optional(),
}).strict();
export type TrackerItemListQuery = z.output<typeof TrackerItemListQuerySchema>;
