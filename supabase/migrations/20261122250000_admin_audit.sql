-- The admin audit trail: every time an admin's request reveals a trainee's data (the progress
-- monitor's list, one trainee's portfolio) the server records it here in the same transaction as
-- the read, so a view that happened is always on record and a failed read leaves nothing. The
-- trail is append-only for everyone: no role has an update or delete grant, and admins can only
-- record their own views.
--
-- Also what the monitor needs to read a trainee's portfolio as app_admin: the case a session used.

create table public.admin_audit_log (
  id bigint generated always as identity primary key,
  admin_id uuid not null references public.accounts (id) on delete cascade,
  action text not null,
  -- The trainee whose data was shown; null when the view covered everyone (the list).
  subject_id uuid references public.accounts (id) on delete set null,
  detail jsonb not null default '{}'::jsonb,
  at timestamptz not null default now(),
  constraint admin_audit_log_action_format check (action ~ '^[a-z_]+(\.[a-z_]+)*$' and char_length(action) <= 100),
  constraint admin_audit_log_detail_object check (jsonb_typeof(detail) = 'object')
);
comment on table public.admin_audit_log is 'Append-only record of admins viewing trainees'' data; admins insert their own rows and read all, nobody updates or deletes.';
create index admin_audit_log_at_idx on public.admin_audit_log (at desc, id desc);
create index admin_audit_log_admin_id_idx on public.admin_audit_log (admin_id);
create index admin_audit_log_subject_id_idx on public.admin_audit_log (subject_id);

alter table public.admin_audit_log enable row level security;
revoke all on table public.admin_audit_log from anon, authenticated, app_admin;
-- Signed-in users may ask, and row-level security answers nothing (there is no policy for them):
-- a trainee sees an empty trail rather than an error. app_admin inherits this grant.
grant select on table public.admin_audit_log to authenticated;
-- Admins write the who, what and whom; the id and the time are the database's.
grant insert (admin_id, action, subject_id, detail) on table public.admin_audit_log to app_admin;

-- Admins read the whole trail: each admin's views are visible to every other admin.
create policy "Admins read the audit trail"
  on public.admin_audit_log for select to app_admin
  using (true);

-- An admin records only their own views; nobody can put a view in someone else's name.
create policy "Admins record their own views"
  on public.admin_audit_log for insert to app_admin
  with check (admin_id = (select auth.uid()));

-- Which case a session used is hidden from client roles (a candidate must not learn it before
-- feedback; 20261122210000). Admins already read every case and its content, so the column tells
-- them nothing new, and the monitor needs it to name the case of each station in a trainee's
-- portfolio. Admins still have no write grant on sessions.
grant select (case_id) on table public.practice_sessions to app_admin;
