-- Trackers: one table for every tracker module (communications, consent, funding, exceptions,
-- patient choice, transfers, and those added later). A tracker is a declarative definition on the
-- server (server/src/domains/trackers/modules/); its own fields live in `fields` (jsonb), checked
-- against the definition by the server, and its workflow is the definition's. So a new tracker
-- needs no migration. The rows follow the owned-table template (docs/adding-a-module.md).

create table public.tracker_items (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  module text not null,
  patient_id text,
  patient_name text,
  pathway_id uuid references public.ptl_patients (id) on delete set null,
  status text not null,
  fields jsonb not null default '{}'::jsonb,
  notes text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint tracker_items_module_format check (module ~ '^[a-z][a-z0-9_]{0,39}$'),
  constraint tracker_items_status_format check (status ~ '^[a-z][a-z0-9_]{0,39}$'),
  constraint tracker_items_patient_id_format check (patient_id is null or patient_id ~ '^[A-Za-z0-9._/-]{1,40}$'),
  constraint tracker_items_patient_name_length check (patient_name is null or char_length(patient_name) between 1 and 200),
  constraint tracker_items_fields_object check (jsonb_typeof(fields) = 'object'),
  constraint tracker_items_notes_length check (char_length(notes) <= 5000)
);
comment on table public.tracker_items is 'Rows of every tracker module a user keeps; fields and workflow come from the module''s definition.';

-- user_id leads: the policy, and each module's newest-first list.
create index tracker_items_user_module_idx on public.tracker_items (user_id, module, updated_at desc, id desc);
-- A pathway's tracker rows; also serves the pathway policy check and the FK.
create index tracker_items_pathway_id_idx on public.tracker_items (pathway_id) where pathway_id is not null;

create trigger tracker_items_bump_version
  before update on public.tracker_items
  for each row execute function private.bump_version();

alter table public.tracker_items enable row level security;
revoke all on table public.tracker_items from public, anon, authenticated, service_role, app_admin;
grant select, delete on table public.tracker_items to authenticated;
grant insert (user_id, module, patient_id, patient_name, pathway_id, status, fields, notes)
  on table public.tracker_items to authenticated;
-- The module of a row never changes.
grant update (patient_id, patient_name, pathway_id, status, fields, notes)
  on table public.tracker_items to authenticated;

-- A user reads their own tracker rows.
create policy "A user reads their own tracker rows"
  on public.tracker_items for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every tracker row, read-only.
create policy "Admins read every tracker row"
  on public.tracker_items for select to app_admin
  using (true);

-- A user adds rows as themselves, linked (if at all) to a pathway of their own.
create policy "A user adds their own tracker rows"
  on public.tracker_items for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and (pathway_id is null or exists (select 1 from public.ptl_patients p where p.id = pathway_id and p.user_id = (select auth.uid())))
  );

-- A user edits their own rows, and may link them only to their own pathways.
create policy "A user edits their own tracker rows"
  on public.tracker_items for update to authenticated
  using (user_id = (select auth.uid()))
  with check (
    user_id = (select auth.uid())
    and (pathway_id is null or exists (select 1 from public.ptl_patients p where p.id = pathway_id and p.user_id = (select auth.uid())))
  );

-- A user deletes their own rows.
create policy "A user deletes their own tracker rows"
  on public.tracker_items for delete to authenticated
  using (user_id = (select auth.uid()));

select private.enable_audit('public.tracker_items', 'user_id');
