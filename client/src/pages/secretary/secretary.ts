import {
  TASK_PRIORITIES,
  TASK_STATUS_LABELS,
  TASK_STATUSES,
  TASK_TRANSITIONS,
  TASK_TYPE_LABELS,
  TASK_TYPES,
  type SecretaryTask,
  type TaskPriority,
} from '$contract';
import { columnFor, type FieldDef, type ModuleDef, type Workflow } from '../../lib/kit/definition';
import { formatDate, todayInEngland } from '../../lib/dates';

/** The medical secretary's task list as the generic pages take it: the same kit the trackers use, defined here from the contract. */

export const PRIORITY_LABELS: Record<TaskPriority, string> = { urgent: 'Urgent', high: 'High', normal: 'Normal', low: 'Low' };

export const TASK_WORKFLOW: Workflow = { statuses: TASK_STATUSES, labels: TASK_STATUS_LABELS, transitions: TASK_TRANSITIONS };

export const taskHref = (id: string): string => `/secretary/${encodeURIComponent(id)}`;

const typeField: FieldDef = { key: 'type', label: 'Type', type: 'enum', required: true, options: TASK_TYPES, optionLabels: TASK_TYPES.map((t) => TASK_TYPE_LABELS[t]) };
const priorityField: FieldDef = {
  key: 'priority',
  label: 'Priority',
  type: 'enum',
  required: true,
  options: TASK_PRIORITIES,
  optionLabels: TASK_PRIORITIES.map((p) => PRIORITY_LABELS[p]),
};
const statusFilter: FieldDef = { key: 'status', label: 'Status', type: 'enum', required: false, options: TASK_STATUSES, optionLabels: TASK_STATUSES.map((s) => TASK_STATUS_LABELS[s]) };

export const TASK_FIELDS: readonly FieldDef[] = [
  { key: 'title', label: 'Title', type: 'text', required: true, maxlength: 200, help: 'What needs doing, e.g. “Type clinic letter for Mr Patel”.' },
  typeField,
  priorityField,
  { key: 'due_date', label: 'Due date', type: 'date', required: false, futureAllowed: true },
  { key: 'status', label: 'Status', type: 'enum', required: true },
  {
    key: 'waiting_on',
    label: 'Waiting on',
    type: 'text',
    required: true,
    maxlength: 200,
    help: 'Who or what the task is waiting for, e.g. “Histology report”.',
    shownWhen: (values) => values.status === 'waiting',
  },
  { key: 'patient_name', label: 'Patient name', type: 'text', required: false, maxlength: 200 },
  { key: 'patient_id', label: 'Patient ID', type: 'text', required: false, maxlength: 40, help: 'Your local reference: letters, digits and . _ / - only.' },
  { key: 'pathway_id', label: 'PTL pathway', type: 'pathway', required: false, help: 'A linked task shows on that pathway’s page.' },
  { key: 'notes', label: 'Notes', type: 'textarea', required: false, maxlength: 5000, emptyAs: '' },
];

/** Due date in words, and "overdue" in words too (never colour alone) while the task is open. */
function dueText(task: SecretaryTask): string {
  if (!task.due_date) return '—';
  const overdue = task.status !== 'done' && task.due_date < todayInEngland();
  return overdue ? `${formatDate(task.due_date)} (overdue)` : formatDate(task.due_date);
}

export const TASK_MODULE: ModuleDef<SecretaryTask> = {
  name: 'Tasks',
  noun: 'task',
  fields: TASK_FIELDS,
  columns: [
    columnFor<SecretaryTask>('title', TASK_FIELDS, TASK_WORKFLOW),
    { key: 'due_date', label: 'Due', text: dueText },
    columnFor<SecretaryTask>('priority', TASK_FIELDS, TASK_WORKFLOW),
    columnFor<SecretaryTask>('type', TASK_FIELDS, TASK_WORKFLOW),
    columnFor<SecretaryTask>('status', TASK_FIELDS, TASK_WORKFLOW),
    columnFor<SecretaryTask>('patient_name', TASK_FIELDS, TASK_WORKFLOW, { patient_name: 'Patient' }),
  ],
  workflow: TASK_WORKFLOW,
  readOnly: false,
  title: (task) => task.title,
  href: (task) => taskHref(task.id),
};

/** The list's filters beside the view and the search box. */
export const TASK_FILTER_FIELDS: readonly FieldDef[] = [typeField, statusFilter, priorityField].map((f) => ({ ...f, required: false }));

export const TASK_VIEWS = [
  { value: '', label: 'All' },
  { value: 'today', label: 'Due today' },
  { value: 'overdue', label: 'Overdue' },
] as const;
