// Secretary tasks SQL beyond the kit's, run as the caller (RLS: a user's own tasks only).
import type { TaskPriority, TaskStatus, TaskType } from '../../contract/secretary.js';
import type { Queryable } from '../../db/types.js';

export interface TaskRow {
  id: string;
  user_id: string;
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
  completed_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}


/** Locks the caller's tasks among `ids`, in id order so concurrent bulk changes cannot deadlock. */
export async function lockTasks(tx: Queryable, ids: readonly string[]): Promise<{ id: string; version: number; status: TaskStatus }[]> {
  const { rows } = await tx.query<{ id: string; version: number; status: TaskStatus }>(
    'select id, version, status from public.secretary_tasks where id = any($1::uuid[]) order by id for update',
    [ids],
  );
  return rows;
}

/**
 * Per day of the week from `monday` and per type: tasks due that day and not done, and tasks
 * completed that day (by England's calendar).
 */
export async function workload(tx: Queryable, userId: string, monday: string): Promise<{ date: string; type: TaskType; due: number; done: number }[]> {
  const { rows } = await tx.query<{ date: string; type: TaskType; due: number; done: number }>(
    `with days as (select (($2::date + i))::date as d from generate_series(0, 6) as i),
          due as (select t.due_date as d, t.type, count(*)::int as n from public.secretary_tasks t
                   where t.user_id = $1 and t.status <> 'done' and t.due_date between $2::date and $2::date + 6
                   group by 1, 2),
          done as (select (t.completed_at at time zone 'Europe/London')::date as d, t.type, count(*)::int as n
                     from public.secretary_tasks t
                    where t.user_id = $1 and t.status = 'done'
                      and (t.completed_at at time zone 'Europe/London')::date between $2::date and $2::date + 6
                    group by 1, 2)
     select to_char(coalesce(due.d, done.d), 'YYYY-MM-DD') as date, coalesce(due.type, done.type) as type,
            coalesce(due.n, 0) as due, coalesce(done.n, 0) as done
       from due full join done on due.d = done.d and due.type = done.type
      order by 1, 2`,
    [userId, monday],
  );
  return rows;
}

/** The person's task counts for the portfolio, and their latest change. */
export async function taskActivity(tx: Queryable, userId: string): Promise<{ tasks: number; open: number; done: number; last_at: Date | null }> {
  const { rows } = await tx.query<{ tasks: number; open: number; done: number; last_at: Date | null }>(
    `select count(*)::int as tasks, count(*) filter (where status <> 'done')::int as open,
            count(*) filter (where status = 'done')::int as done, max(updated_at) as last_at
       from public.secretary_tasks where user_id = $1`,
    [userId],
  );
  return rows[0]!;
}

/** All the person's tasks, oldest first. */
export async function exportTasks(tx: Queryable, userId: string): Promise<TaskRow[]> {
  const { rows } = await tx.query<TaskRow>('select * from public.secretary_tasks where user_id = $1 order by created_at, id', [userId]);
  return rows;
}

/** Sets one status on the caller's tasks among `ids` in one statement (the triggers keep version, completed_at, waiting_on), in the order given. */
export async function setStatus(tx: Queryable, ids: readonly string[], status: TaskStatus, waitingOn: string | null): Promise<TaskRow[]> {
  const { rows } = await tx.query<TaskRow>(
    `update public.secretary_tasks t set status = $2, waiting_on = $3
      where t.id = any($1::uuid[])
      returning t.*`,
    [ids, status, waitingOn],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}
