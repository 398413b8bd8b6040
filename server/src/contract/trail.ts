/** The audit trail of module data (`/api/audit`), apart from the admin oversight log (`/api/admin/audit`, in portfolio.ts). */
import { z } from 'zod';
import { PageQuerySchema } from './pagination.js';
import { IsoDateSchema, Text } from './primitives.js';

/** The module tables whose every change goes on the audit trail (a catalog test holds this to the triggers). */
export const TRAILED_TABLES = [
  'ptl_patients',
  'ptl_events',
  'medical_records',
  'tracker_items',
  'secretary_tasks',
  'cancer_pathways',
  'mdt_meetings',
  'mdt_listings',
  'mdt_actions',
  'clinic_templates',
  'clinic_slots',
  'appointments',
  'quality_audits',
  'quality_findings',
  'pathway_validations',
  'rtt_returns',
] as const;
export type TrailedTable = (typeof TRAILED_TABLES)[number];

export const TRAIL_ACTIONS = ['insert', 'update', 'delete'] as const;
export type TrailAction = (typeof TRAIL_ACTIONS)[number];

/** One change, written by a database trigger in the changing transaction; nobody can edit or remove it. */
export interface TrailEntry {
  id: number;
  at: string;
  owner_id: string | null;
  /** Who made the change; null when the server did it on its own (an import's clock update, erasure). */
  actor_id: string | null;
  table: string;
  row_id: string;
  action: TrailAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** GET /api/audit — newest first. Admins may add `user_id`. */
export const TrailQuerySchema = PageQuerySchema.extend({
  table: Text.max(63).optional(),
  row_id: z.uuid({ message: 'Not a valid id' }).optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  user_id: z.uuid({ message: 'Not a valid id' }).optional(),
}).strict();
export type TrailQuery = z.output<typeof TrailQuerySchema>;
