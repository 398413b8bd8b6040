-- The audit trail of module data: every insert, update and delete on a module table (the PTL, its
-- events, medical records, secretary tasks, trackers, and each module table later issues add) is
-- appended here in the changing transaction, with who, when, which table and row, and the row
-- before and after. The row's owner reads their own trail, admins read everyone's, and nobody can
-- change or remove an entry: there is no grant or policy for it, and a trigger refuses it even to
-- the table's owner, except when the account the entries belong to is erased.
--
-- A table joins with one line: `select private.enable_audit('public.<table>', '<owner column>');`
-- The triggers are statement-level with transition tables, so a 100,000-row import writes its
-- trail in one set-based insert per statement, not one trigger call per row.

create table public.audit_trail (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  owner_id uuid not null references public.accounts (id) on delete cascade,
  actor_id uuid,
  table_name text not null,
  row_id uuid not null,
  action text not null,
  before jsonb,
  after jsonb,
  constraint audit_trail_action_known check (action in ('insert', 'update', 'delete')),
  constraint audit_trail_images check (
    (action = 'insert' and before is null and after is not null)
    or (action = 'update' and before is not null and after is not null)
    or (action = 'delete' and before is not null and after is null))
);
comment on table public.audit_trail is 'Append-only history of every change to module rows, written by triggers; the owner and admins read it.';

-- owner_id leads the policy's index, which also serves the newest-first trail; one row's history
-- finds its few entries by row_id alone. Each index costs every entry of a 100,000-row import, so
-- there are just these two.
create index audit_trail_owner_idx on public.audit_trail (owner_id, id desc);
create index audit_trail_row_id_idx on public.audit_trail (row_id);

alter table public.audit_trail enable row level security;
revoke all on table public.audit_trail from public, anon, authenticated, service_role, app_admin;
grant select on table public.audit_trail to authenticated;

-- The owner of the changed rows reads their own trail.
create policy "A user reads the trail of their own data"
  on public.audit_trail for select to authenticated
  using (owner_id = (select auth.uid()));

-- Admins read every trail, read-only.
create policy "Admins read every trail"
  on public.audit_trail for select to app_admin
  using (true);

-- Entries are never changed, and removed only with the account they belong to: the cascade from
-- public.accounts runs after the account's row is gone, which is the one case let through.
create or replace function private.audit_trail_append_only()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from public.accounts a where a.id = old.owner_id) then
    return old;
  end if;
  raise exception 'the audit trail is append-only' using errcode = '42501';
end;
$$;
revoke all on function private.audit_trail_append_only() from public, anon, authenticated, service_role;

create trigger audit_trail_append_only
  before update or delete on public.audit_trail
  for each row execute function private.audit_trail_append_only();

create or replace function private.audit_trail_no_truncate()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  raise exception 'the audit trail is append-only' using errcode = '42501';
end;
$$;
revoke all on function private.audit_trail_no_truncate() from public, anon, authenticated, service_role;

create trigger audit_trail_no_truncate
  before truncate on public.audit_trail
  for each statement execute function private.audit_trail_no_truncate();

-- Writes the trail of one statement. tg_argv[0] names the owner column. Security definer: clients
-- hold no grant on the trail. The actor is the signed-in caller (null for the server's own work).
-- Rows deleted because their owner's account was erased leave no entry: their trail goes with the
-- account, and an entry for an owner who no longer exists could not be kept anyway.
create or replace function private.audit_changes()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  owner_col text := tg_argv[0];
begin
  if tg_op = 'INSERT' then
    execute format(
      'insert into public.audit_trail (owner_id, actor_id, table_name, row_id, action, before, after)
       select n.%I, auth.uid(), %L, n.id, ''insert'', null, to_jsonb(n) from new_rows n', owner_col, tg_table_name);
  elsif tg_op = 'UPDATE' then
    -- Rows an update left exactly as they were are not changes.
    execute format(
      'insert into public.audit_trail (owner_id, actor_id, table_name, row_id, action, before, after)
       select n.%I, auth.uid(), %L, n.id, ''update'', to_jsonb(o), to_jsonb(n)
         from old_rows o join new_rows n on n.id = o.id
        where to_jsonb(o) is distinct from to_jsonb(n)', owner_col, tg_table_name);
  else
    execute format(
      'insert into public.audit_trail (owner_id, actor_id, table_name, row_id, action, before, after)
       select o.%1$I, auth.uid(), %2$L, o.id, ''delete'', to_jsonb(o), null from old_rows o
        where exists (select 1 from public.accounts a where a.id = o.%1$I)', owner_col, tg_table_name);
  end if;
  return null;
end;
$$;
revoke all on function private.audit_changes() from public, anon, authenticated, service_role;

-- Puts a table on the trail: three statement-level triggers (PostgreSQL allows transition tables
-- on single-event triggers only). Called by migrations, never by clients.
create or replace function private.enable_audit(p_table regclass, p_owner_column text)
returns void
language plpgsql
set search_path = ''
as $$
declare
  t text := p_table::text;
  base text := replace(replace(p_table::text, 'public.', ''), '.', '_');
begin
  execute format('create trigger %I after insert on %s referencing new table as new_rows for each statement execute function private.audit_changes(%L)',
                 base || '_audit_insert', t, p_owner_column);
  execute format('create trigger %I after update on %s referencing old table as old_rows new table as new_rows for each statement execute function private.audit_changes(%L)',
                 base || '_audit_update', t, p_owner_column);
  execute format('create trigger %I after delete on %s referencing old table as old_rows for each statement execute function private.audit_changes(%L)',
                 base || '_audit_delete', t, p_owner_column);
end;
$$;
revoke all on function private.enable_audit(regclass, text) from public, anon, authenticated, service_role;

select private.enable_audit('public.ptl_patients', 'user_id');
select private.enable_audit('public.ptl_events', 'user_id');
-- A record's trail is its writing doctor's: the doctor owns the record, the patient reads it.
select private.enable_audit('public.medical_records', 'doctor_id');
