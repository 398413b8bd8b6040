import {
  TASK_PRIORITIES,
  TASK_STATUS_LABELS,
  TASK_TRANSITIONS,
  TASK_STATUSES,
  TASK_TYPES,
  type SecretaryTask,
  type TaskBulkStatusInput,
  type TaskPriority,
  type TaskStatus,
  type TaskType,
  type WorkloadResponse,
} from '../../contract/secretary.js';
import type { Db } from '../../db/types.js';
import { conflict, notFound, validationFailed } from '../../errors.js';
import { moveProblem } from '../../kit/workflow.js';
import { iso, ownedResource } from '../../kit/owned-resource.js';
import type { AuthContext } from '../../auth/context.js';
import * as repo from './repo.js';
import type { TaskRow } from './repo.js';

export type { TaskRow };

export function presentTask(r: TaskRow): SecretaryTask {
  return {
    id: r.id,
    title: r.title,
    type: r.type,
    patient_id: r.patient_id,
    patient_name: r.patient_name,
    pathway_id: r.pathway_id,
    priority: r.priority,
    due_date: r.due_date,
    status: r.status,
    waiting_on: r.waiting_on,
    notes: r.notes,
    completed_at: iso(r.completed_at),
    version: r.version,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
  };
}

/** Most urgent first after the due date; `array_position` keeps the key a plain integer for the cursor. */
const PRIORITY_RANK = `array_position(array[${TASK_PRIORITIES.map((p) => `'${p}'`).join(', ')}]::text[], t.priority)`;

const WRITABLE = ['title', 'type', 'patient_id', 'patient_name', 'pathway_id', 'priority', 'due_date', 'status', 'waiting_on', 'notes'] as const;

export type SecretaryService = ReturnType<typeof createSecretaryService>;

export function createSecretaryService({ db, today }: { db: Db; today: () => string }) {
  const tasks = ownedResource<TaskRow, SecretaryTask>(
    db,
    {
      noun: 'task',
      table: 'public.secretary_tasks',
      insertColumns: WRITABLE,
      updateColumns: WRITABLE,
      filters: {
        // today = due today and not done; overdue = due before today and not done.
        view: (v: 'today' | 'overdue', p, ctx) => `t.due_date ${v === 'today' ? '=' : '<'} ${p(ctx.today)}::date and t.status <> 'done'`,
        type: (v: string, p) => `t.type = ${p(v)}`,
        status: (v: string, p) => `t.status = ${p(v)}`,
        priority: (v: string, p) => `t.priority = ${p(v)}`,
        pathway_id: (v: string, p) => `t.pathway_id = ${p(v)}`,
      },
      search: ['t.title', 't.patient_name', 't.patient_id', 't.notes', 't.waiting_on'],
      // By due date (none last), then the most urgent.
      sort: {
        keys: [
          { expr: "coalesce(t.due_date, 'infinity'::date)", type: 'date' },
          { expr: PRIORITY_RANK, type: 'int' },
        ],
        dir: 'asc',
      },
      workflow: { column: 'status', workflow: { statuses: TASK_STATUSES, transitions: TASK_TRANSITIONS }, label: (s) => TASK_STATUS_LABELS[s as TaskStatus] ?? s },
      check: (next) =>
        next.status === 'waiting' && !next.waiting_on ? [{ path: 'waiting_on', message: 'Say who or what the task is waiting on' }] : [],
      present: presentTask,
    },
    today,
  );

  return {
    ...tasks,

    /**
     * One status for many tasks, all or nothing: every id must be the caller's (else 404) at the
     * version they hold (else 409), and then all change in one transaction.
     */
    async bulkStatus(auth: AuthContext, input: TaskBulkStatusInput): Promise<{ items: SecretaryTask[] }> {
      return db.asUser(auth.claims, async (tx) => {
        const ids = input.items.map((i) => i.id);
        const current = await repo.lockTasks(tx, ids);
        const byId = new Map(current.map((r) => [r.id, r]));
        const missing = ids.filter((id) => !byId.has(id));
        if (missing.length > 0) throw notFound(`${missing.length} of these tasks do not exist, or are not yours; nothing was changed`);
        const stale = input.items.filter((i) => byId.get(i.id)!.version !== i.version);
        if (stale.length > 0) throw conflict(`${stale.length} of these tasks changed since you loaded them; reload and try again — nothing was changed`);
        // One statement for all of them: the workflow allows every move between task statuses, and
        // the only rule (waiting needs waiting_on) is the same for every row and checked by the contract.
        for (const r of current) {
          const problem = moveProblem({ statuses: TASK_STATUSES, transitions: TASK_TRANSITIONS }, r.status, input.status);
          if (problem) throw validationFailed(problem, [{ path: 'status', message: problem }]);
        }
        const items = (await repo.setStatus(tx, ids, input.status, input.waiting_on ?? null)).map(presentTask);
        return { items };
      });
    },

    /** Seven days from `week` (a Monday; this week's by default): due and not done, done that day, due by type. */
    async workload(auth: AuthContext, week: string | undefined): Promise<WorkloadResponse> {
      const monday = week ?? mondayOf(today());
      const rows = await db.asUser(auth.claims, (tx) => repo.workload(tx, auth.account.id, monday));
      const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).map((date) => {
        const on = rows.filter((r) => r.date === date);
        const byType: Partial<Record<TaskType, number>> = {};
        for (const r of on) if (r.due > 0) byType[r.type] = (byType[r.type] ?? 0) + r.due;
        return { date, due: on.reduce((n, r) => n + r.due, 0), done: on.reduce((n, r) => n + r.done, 0), by_type: byType };
      });
      return { week: monday, days };
    },
  };
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

export { TASK_TYPES };
