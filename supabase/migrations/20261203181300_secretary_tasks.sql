-- Medical secretary tasks: a user's own to-do list of typing, chasing, booking and queries, each
-- optionally about a patient and linked to one of the user's own PTL pathways. Made from the
-- owned-table template (docs/adding-a-module.md): owner column with auth.uid() default, version
-- trigger, one policy per operation, admin read, explicit grants, an index on every policy column,
-- and the audit trail.

create table public.secretary_tasks (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  title text not null,
  type text not null,
  patient_id text,
  patient_name text,
  pathway_id uuid references public.ptl_patients (id) on delete set null,
  priority text not null default 'normal',
  due_date date,
  status text not null default 'todo',
  waiting_on text,
  notes text not null default '',
  completed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint secretary_tasks_title_length check (char_length(title) between 1 and 200),
  constraint secretary_tasks_type_known check (type in ('typing', 'chasing_results', 'booking_follow_up', 'referral_triage', 'patient_query', 'other')),
  constraint secretary_tasks_patient_id_format check (patient_id is null or patient_id ~ '^[A-Za-z0-9._/-]{1,40}$'),
  constraint secretary_tasks_patient_name_length check (patient_name is null or char_length(patient_name) between 1 and 200),
  constraint secretary_tasks_priority_known check (priority in ('low', 'normal', 'high', 'urgent')),
  constraint secretary_tasks_status_known check (status in ('todo', 'in_progress', 'waiting', 'done')),
  constraint secretary_tasks_waiting_on check (status <> 'waiting' or waiting_on is not null),
  constraint secretary_tasks_waiting_on_length check (waiting_on is null or char_length(waiting_on) between 1 and 200),
  constraint secretary_tasks_notes_length check (char_length(notes) <= 5000),
  constraint secretary_tasks_done_when check ((status = 'done') = (completed_at is not null))
);
comment on table public.secretary_tasks is 'A user''s own medical-secretary tasks, optionally linked to one of their PTL pathways.';

-- user_id leads the policy index and the due-date order the lists use.
create index secretary_tasks_user_due_idx on public.secretary_tasks (user_id, due_date, id);
-- A pathway's tasks, on the pathway page; also serves the pathway policy check and the FK.
create index secretary_tasks_pathway_id_idx on public.secretary_tasks (pathway_id) where pathway_id is not null;

create trigger secretary_tasks_bump_version
  before update on public.secretary_tasks
  for each row execute function private.bump_version();

-- completed_at follows the status, whoever changes it: set when a task becomes done, cleared
-- when it is reopened; waiting_on is kept only while the task waits.
create or replace function private.secretary_tasks_completed_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status = 'done' and (tg_op = 'INSERT' or old.status <> 'done') then
    new.completed_at := now();
  elsif new.status <> 'done' then
    new.completed_at := null;
  end if;
  -- Who a task waits on means nothing once it is not waiting.
  if new.status <> 'waiting' then
    new.waiting_on := null;
  end if;
  return new;
end;
$$;
revoke all on function private.secretary_tasks_completed_at() from public, anon, authenticated, service_role;

create trigger secretary_tasks_completed_at
  before insert or update on public.secretary_tasks
  for each row execute function private.secretary_tasks_completed_at();

alter table public.secretary_tasks enable row level security;
revoke all on table public.secretary_tasks from public, anon, authenticated, service_role, app_admin;
grant select, delete on table public.secretary_tasks to authenticated;
grant insert (user_id, title, type, patient_id, patient_name, pathway_id, priority, due_date, status, waiting_on, notes)
  on table public.secretary_tasks to authenticated;
grant update (title, type, patient_id, patient_name, pathway_id, priority, due_date, status, waiting_on, notes)
  on table public.secretary_tasks to authenticated;

-- A user reads their own tasks.
create policy "A user reads their own tasks"
  on public.secretary_tasks for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every task, read-only.
create policy "Admins read every task"
  on public.secretary_tasks for select to app_admin
  using (true);

-- A user adds tasks as themselves, linked (if at all) to a pathway of their own: the subquery runs
-- under the pathways' own policy, so another user's pathway is simply not there.
create policy "A user adds their own tasks"
  on public.secretary_tasks for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and (pathway_id is null or exists (select 1 from public.ptl_patients p where p.id = pathway_id and p.user_id = (select auth.uid())))
  );

-- A user edits their own tasks, and may link them only to their own pathways.
create policy "A user edits their own tasks"
  on public.secretary_tasks for update to authenticated
  using (user_id = (select auth.uid()))
  with check (
    user_id = (select auth.uid())
    and (pathway_id is null or exists (select 1 from public.ptl_patients p where p.id = pathway_id and p.user_id = (select auth.uid())))
  );

-- A user deletes their own tasks.
create policy "A user deletes their own tasks"
  on public.secretary_tasks for delete to authenticated
  using (user_id = (select auth.uid()));

select private.enable_audit('public.secretary_tasks', 'user_id');
