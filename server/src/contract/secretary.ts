import { z } from 'zod';
import { PageQuerySchema } from './pagination.js';
import { IsoDateSchema, Line, Prose, Text, VersionSchema } from './primitives.js';

/** Medical secretary tasks: the typing, chasing and booking a secretary's day is made of. */
export const TASK_TYPES = ['typing', 'chasing_results', 'booking_follow_up', 'referral_triage', 'patient_query', 'other'] as const;
export type TaskType = (typeof TASK_TYPES)[number];
export const TASK_TYPE_LABELS: Record<TaskType, string> = {
  typing: 'Typing',
  chasing_results: 'Chasing results',
  booking_follow_up: 'Booking follow-up',
  referral_triage: 'Referral triage',
  patient_query: 'Patient query',
  other: 'Other',
};

/** Most urgent first: the order the lists use after the due date. */
export const TASK_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_STATUSES = ['todo', 'in_progress', 'waiting', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { todo: 'To do', in_progress: 'In progress', waiting: 'Waiting', done: 'Done' };

/** Every move is allowed (a secretary reopens a task as often as results bounce back); listed for the kit's workflow. */
export const TASK_TRANSITIONS: Record<TaskStatus, TaskStatus[]> = {
  todo: ['in_progress', 'waiting', 'done'],
  in_progress: ['todo', 'waiting', 'done'],
  waiting: ['todo', 'in_progress', 'done'],
  done: ['todo', 'in_progress', 'waiting'],
};

const title = Line.trim().min(1, { message: 'Required' }).max(200, { message: 'At most 200 characters' });
const patientId = Line.trim().regex(/^[A-Za-z0-9._/-]{1,40}$/, { message: 'Letters, digits and . _ / - only, at most 40' });
const patientName = Line.trim().min(1, { message: 'Required' }).max(200, { message: 'At most 200 characters' });
const waitingOn = Line.trim().min(1, { message: 'Required' }).max(200, { message: 'At most 200 characters' });

const TaskFields = {
  title,
  type: z.enum(TASK_TYPES, { message: 'Unknown task type' }),
  patient_id: patientId.nullable(),
  patient_name: patientName.nullable(),
  pathway_id: z.uuid({ message: 'Not a valid id' }).nullable(),
  priority: z.enum(TASK_PRIORITIES, { message: 'Priority is low, normal, high or urgent' }),
  /** Future dates allowed: a task is usually due later. */
  due_date: IsoDateSchema.nullable(),
  status: z.enum(TASK_STATUSES, { message: 'Unknown status' }),
  waiting_on: waitingOn.nullable(),
  notes: Prose.max(5000, { message: 'At most 5000 characters' }),
};

const waitingNeedsWhom = (v: { status?: TaskStatus; waiting_on?: string | null }, ctx: z.RefinementCtx) => {
  if (v.status === 'waiting' && !v.waiting_on) ctx.addIssue({ code: 'custom', path: ['waiting_on'], message: 'Say who or what the task is waiting on' });
};

/** POST /api/secretary/tasks */
export const TaskCreateSchema = z
  .strictObject({
    title: TaskFields.title,
    type: TaskFields.type,
    patient_id: TaskFields.patient_id.default(null),
    patient_name: TaskFields.patient_name.default(null),
    pathway_id: TaskFields.pathway_id.default(null),
    priority: TaskFields.priority.default('normal'),
    due_date: TaskFields.due_date.default(null),
    status: TaskFields.status.default('todo'),
    waiting_on: TaskFields.waiting_on.default(null),
    notes: TaskFields.notes.default(''),
  })
  .superRefine(waitingNeedsWhom);
export type TaskCreateInput = z.input<typeof TaskCreateSchema>;

/** PATCH /api/secretary/tasks/:id — `waiting_on` is checked against the status the task ends up with. */
export const TaskUpdateSchema = z.strictObject({
  version: VersionSchema,
  title: TaskFields.title.optional(),
  type: TaskFields.type.optional(),
  patient_id: TaskFields.patient_id.optional(),
  patient_name: TaskFields.patient_name.optional(),
  pathway_id: TaskFields.pathway_id.optional(),
  priority: TaskFields.priority.optional(),
  due_date: TaskFields.due_date.optional(),
  status: TaskFields.status.optional(),
  waiting_on: TaskFields.waiting_on.optional(),
  notes: TaskFields.notes.optional(),
});
export type TaskUpdateInput = z.input<typeof TaskUpdateSchema>;

/** GET /api/secretary/tasks — by due date (none last), then priority. */
export const TaskListQuerySchema = PageQuerySchema.extend({
  view: z.enum(['today', 'overdue']).optional(),
  type: z.enum(TASK_TYPES).optional(),
  status: z.enum(TASK_STATUSES).optional(),
  priority: z.enum(TASK_PRIORITIES).optional(),
  pathway_id: z.uuid({ message: 'Not a valid id' }).optional(),
  q: Text.trim().min(1).max(100).optional(),
  /** Admins only: whose rows to read. */
  user_id: z.uuid({ message: 'Not a valid id' }).optional(),
}).strict();
export type TaskListQuery = z.output<typeof TaskListQuerySchema>;

/** POST /api/secretary/tasks/bulk — all or nothing. */
export const TaskBulkStatusSchema = z
  .strictObject({
    items: z
      .array(z.strictObject({ id: z.uuid({ message: 'Not a valid id' }), version: VersionSchema }))
      .min(1, { message: 'Choose at least one task' })
      .max(500, { message: 'At most 500 tasks at once' }),
    status: TaskFields.status,
    waiting_on: TaskFields.waiting_on.optional(),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.items.map((i) => i.id)).size !== v.items.length) ctx.addIssue({ code: 'custom', path: ['items'], message: 'A task is listed twice' });
    waitingNeedsWhom(v, ctx);
  });
export type TaskBulkStatusInput = z.input<typeof TaskBulkStatusSchema>;

/** GET /api/secretary/workload?week=<Monday> */
export const WorkloadQuerySchema = z.strictObject({
  week: IsoDateSchema.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, { message: 'Give the Monday the week starts on' }).optional(),
});

export interface SecretaryTask {
  id: string;
  title: string;
  type: TaskType;
  patient_id: string | null;
  patient_name: string | null;
  pathway_id: string | null;
  priority: TaskPriority;
  due_date: string | null;
  status: TaskStatus;
  waiting_on: string | null;
  notes: string;
  completed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface WorkloadDay {
  date: string;
  /** Tasks due that day and not done. */
  due: number;
  /** Tasks completed that day (England's date). */
  done: number;
  /** Due that day, by type. */
  by_type: Partial<Record<TaskType, number>>;
}

export interface WorkloadResponse {
  week: string;
  days: WorkloadDay[];
}
