import { z } from 'zod';
import { MdtOutcomeSchema, TUMOUR_SITES, type CancerClocks, type MdtOutcome, type TumourSite } from './cancer.js';
import { PageQuerySchema } from './pagination.js';
import { IsoDateSchema, Line, Prose, VersionSchema } from './primitives.js';

/**
 * Cancer MDT meetings (`/api/mdt`, domain/nhs-waiting-times.md §5): a tumour-site team's meeting,
 * the patients listed for it in order with what is ready for their discussion, the outcome
 * recorded for each, and the actions agreed. MDT dates never start or stop a cancer clock (§2).
 */

export const ATTENDEE_ROLES = ['surgeon', 'physician', 'oncologist', 'radiologist', 'histopathologist', 'cns', 'coordinator', 'other'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];
export const ATTENDEE_ROLE_LABELS: Record<AttendeeRole, string> = {
  surgeon: 'Surgeon',
  physician: 'Physician',
  oncologist: 'Oncologist',
  radiologist: 'Radiologist',
  histopathologist: 'Histopathologist',
  cns: 'Clinical nurse specialist',
  coordinator: 'MDT coordinator',
  other: 'Other',
};

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = { planned: 'Planned', held: 'Held', cancelled: 'Cancelled' };

/** A meeting is held or cancelled; either can be undone (a slip of the hand, a meeting reinstated). */
export const MEETING_TRANSITIONS: Record<MeetingStatus, MeetingStatus[]> = {
  planned: ['held', 'cancelled'],
  held: ['planned'],
  cancelled: ['planned'],
};

/** Streamlined MDTs (§5): discussed in full, or listed and managed by an agreed standard of care. */
export const DISCUSSION_KINDS = ['full', 'standard_of_care'] as const;
export type DiscussionKind = (typeof DISCUSSION_KINDS)[number];

/** What a coordinator gathers before a patient is discussed (§5); offered by clients, not imposed. */
export const STANDARD_CHECKLIST_ITEMS = ['Results', 'Imaging', 'Histology'] as const;

export const MAX_ATTENDEES = 50;
export const MAX_CHECKLIST_ITEMS = 30;
/** A meeting's list is a morning's work; this only stops a runaway client. */
export const MAX_LISTINGS_PER_MEETING = 200;

const name = Line.trim().min(1, { message: 'Required' }).max(200, { message: 'At most 200 characters' });
const startTime = Line.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use the 24-hour time format HH:MM' });
const notes = Prose.max(5000, { message: 'At most 5000 characters' });
const reason = Prose.trim().min(1, { message: 'Required' }).max(1000, { message: 'At most 1000 characters' });
const id = z.uuid({ message: 'Not a valid id' });

export const AttendeeSchema = z.strictObject({
  name,
  role: z.enum(ATTENDEE_ROLES, { message: `Role is ${ATTENDEE_ROLES.join(', ')}` }),
});
export type Attendee = z.output<typeof AttendeeSchema>;

export const ChecklistItemSchema = z.strictObject({
  item: Line.trim().min(1, { message: 'Required' }).max(200, { message: 'At most 200 characters' }),
  ready: z.boolean({ message: 'true or false' }),
});
export type ChecklistItem = z.output<typeof ChecklistItemSchema>;

/** Each item once (case-insensitive): "Imaging" twice could be ready once and missing once. */
export const ChecklistSchema = z
  .array(ChecklistItemSchema)
  .max(MAX_CHECKLIST_ITEMS, { message: `At most ${MAX_CHECKLIST_ITEMS} items` })
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((i, n) => {
      const key = i.item.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [n, 'item'], message: `${i.item} is on the checklist twice` });
      seen.add(key);
    });
  });

const MeetingFields = {
  tumour_site: z.enum(TUMOUR_SITES, { message: 'Unknown tumour site' }),
  /** Future dates allowed: meetings are planned ahead. */
  meeting_date: IsoDateSchema,
  start_time: startTime.nullable(),
  attendees: z.array(AttendeeSchema).max(MAX_ATTENDEES, { message: `At most ${MAX_ATTENDEES} attendees` }),
  status: z.enum(MEETING_STATUSES, { message: 'Status is planned, held or cancelled' }),
  notes,
};

/** POST /api/mdt/meetings */
export const MeetingCreateSchema = z.strictObject({
  tumour_site: MeetingFields.tumour_site,
  meeting_date: MeetingFields.meeting_date,
  start_time: MeetingFields.start_time.default(null),
  attendees: MeetingFields.attendees.default([]),
  status: MeetingFields.status.default('planned'),
  notes: MeetingFields.notes.default(''),
});
export type MeetingCreateInput = z.input<typeof MeetingCreateSchema>;

/** PATCH /api/mdt/meetings/:id */
export const MeetingUpdateSchema = z.strictObject({
  version: VersionSchema,
  tumour_site: MeetingFields.tumour_site.optional(),
  meeting_date: MeetingFields.meeting_date.optional(),
  start_time: MeetingFields.start_time.optional(),
  attendees: MeetingFields.attendees.optional(),
  status: MeetingFields.status.optional(),
  notes: MeetingFields.notes.optional(),
});
export type MeetingUpdateInput = z.input<typeof MeetingUpdateSchema>;

const fromNotAfterTo = (v: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end of the range is before its start' });
};

/** GET /api/mdt/meetings — by date then start time (none last), both ends of `from`–`to` included. */
export const MeetingListQuerySchema = PageQuerySchema.extend({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  tumour_site: z.enum(TUMOUR_SITES, { message: 'Unknown tumour site' }).optional(),
  status: z.enum(MEETING_STATUSES, { message: 'Status is planned, held or cancelled' }).optional(),
  /** Admins only: whose rows to read. */
  user_id: id.optional(),
})
  .strict()
  .superRefine(fromNotAfterTo);
export type MeetingListQuery = z.output<typeof MeetingListQuerySchema>;

/** POST /api/mdt/meetings/:id/patients — appended at the end of the list. */
export const ListingCreateSchema = z.strictObject({
  cancer_pathway_id: id,
  reason,
  discussion: z.enum(DISCUSSION_KINDS, { message: 'Discussion is full or standard_of_care' }),
  checklist: ChecklistSchema.default([]),
});
export type ListingCreateInput = z.input<typeof ListingCreateSchema>;

/**
 * PATCH /api/mdt/meetings/:id/patients/:listing_id — `position` moves the patient within the list
 * (the others close up); `outcome_communicated_date` needs an outcome, is on or after the meeting
 * date and not after today.
 */
export const ListingUpdateSchema = z.strictObject({
  version: VersionSchema,
  position: z.number({ message: 'A position is a whole number' }).int({ message: 'A position is a whole number' }).min(1, { message: 'Positions start at 1' }).max(MAX_LISTINGS_PER_MEETING, { message: 'No such position' }).optional(),
  reason: reason.optional(),
  discussion: z.enum(DISCUSSION_KINDS, { message: 'Discussion is full or standard_of_care' }).optional(),
  checklist: ChecklistSchema.optional(),
  outcome: MdtOutcomeSchema.nullable().optional(),
  outcome_communicated_date: IsoDateSchema.nullable().optional(),
});
export type ListingUpdateInput = z.input<typeof ListingUpdateSchema>;

/** GET /api/mdt/meetings/:id/patients — the whole list (the printable one), clocks at `as_of`. */
export const ListingListQuerySchema = z.strictObject({
  as_of: IsoDateSchema.optional(),
});

/** POST /api/mdt/meetings/:id/patients/:listing_id/actions */
export const ActionCreateSchema = z.strictObject({
  description: Prose.trim().min(1, { message: 'Required' }).max(1000, { message: 'At most 1000 characters' }),
  owner: name,
  /** Future dates allowed: an action is due after the meeting. */
  due_date: IsoDateSchema,
});
export type ActionCreateInput = z.input<typeof ActionCreateSchema>;

/** PATCH /api/mdt/actions/:id */
export const ActionUpdateSchema = z.strictObject({
  version: VersionSchema,
  description: ActionCreateSchema.shape.description.optional(),
  owner: name.optional(),
  due_date: IsoDateSchema.optional(),
  done: z.boolean({ message: 'true or false' }).optional(),
});
export type ActionUpdateInput = z.input<typeof ActionUpdateSchema>;

const booleanQuery = z.enum(['true', 'false'], { message: 'true or false' }).transform((v) => v === 'true');

/** GET /api/mdt/actions — by due date; `open` = not done; `overdue` = not done and due before today. */
export const ActionListQuerySchema = PageQuerySchema.extend({
  open: booleanQuery.optional(),
  overdue: booleanQuery.optional(),
  meeting_id: id.optional(),
  /** Admins only: whose rows to read. */
  user_id: id.optional(),
}).strict();
export type ActionListQuery = z.output<typeof ActionListQuerySchema>;

/** How far ahead the coordinator looks for meetings to prepare: four weekly meetings. */
export const COORDINATOR_HORIZON_DAYS = 28;

/** GET /api/mdt/coordinator (an extension of the contract: the coordinator's desk in one call). */
export const CoordinatorQuerySchema = z.strictObject({
  as_of: IsoDateSchema.optional(),
  /** Planned meetings within this many days from `as_of` count as upcoming. */
  days: z.coerce.number({ message: 'A number of days' }).int({ message: 'A whole number of days' }).min(1, { message: 'At least 1 day' }).max(90, { message: 'At most 90 days' }).default(COORDINATOR_HORIZON_DAYS),
  /** Admins only: whose rows to read. */
  user_id: id.optional(),
});
export type CoordinatorQuery = z.output<typeof CoordinatorQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Responses

export interface MeetingSummary {
  /** Patients listed. */
  listed: number;
  /** Listings whose every checklist item is ready (an empty checklist is ready). */
  ready: number;
  /** Unready checklist items over all listings. */
  outstanding_items: number;
  outcomes_recorded: number;
  /** Outcomes recorded but not yet told to the patient. */
  outcomes_to_communicate: number;
  /** Actions not done. */
  open_actions: number;
}

export interface MdtMeeting {
  id: string;
  tumour_site: TumourSite;
  meeting_date: string;
  start_time: string | null;
  attendees: Attendee[];
  status: MeetingStatus;
  notes: string;
  summary: MeetingSummary;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MdtListing {
  id: string;
  meeting_id: string;
  cancer_pathway_id: string;
  patient_name: string;
  position: number;
  reason: string;
  discussion: DiscussionKind;
  checklist: ChecklistItem[];
  /** Every checklist item ready (an empty checklist is ready). */
  ready: boolean;
  outcome: MdtOutcome | null;
  outcome_communicated_date: string | null;
  /** The pathway's cancer clocks at `as_of` (the MDT never moves them). */
  clocks: CancerClocks;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface MdtAction {
  id: string;
  meeting_id: string;
  listing_id: string;
  description: string;
  owner: string;
  due_date: string;
  done: boolean;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Which meeting and patient a coordinator's line is about. */
export interface CoordinatorContext {
  meeting_id: string;
  meeting_date: string;
  tumour_site: TumourSite;
  listing_id: string;
  cancer_pathway_id: string;
  patient_name: string;
}

export interface CoordinatorView {
  as_of: string;
  days: number;
  /** Planned meetings from `as_of` to `as_of + days − 1`, soonest first. */
  upcoming: MdtMeeting[];
  /** Patients listed at those meetings with checklist items still missing, by meeting then position. */
  not_ready: (CoordinatorContext & { position: number; outstanding: string[]; clocks: CancerClocks })[];
  /** Outcomes recorded (at meetings up to `as_of`) and not yet told to the patient, longest waiting first. */
  to_communicate: (CoordinatorContext & { outcome: MdtOutcome; days_since_meeting: number; clocks: CancerClocks })[];
  /** Actions not done and due before `as_of`, most overdue first. */
  overdue_actions: (MdtAction & Omit<CoordinatorContext, 'listing_id' | 'meeting_id'> & { days_overdue: number })[];
}

// ---------------------------------------------------------------------------------------------
// The personal-data export (docs/export-format.md): stored values only, nothing computed.

export type ExportMdtListing = Omit<MdtListing, 'ready' | 'clocks'>;

export interface ExportMdtMeeting extends Omit<MdtMeeting, 'summary'> {
  /** In position order. */
  listings: ExportMdtListing[];
  /** Oldest first. */
  actions: MdtAction[];
}
