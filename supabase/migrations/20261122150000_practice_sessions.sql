-- Practice sessions: published by a host, taken by one guest, run live later. The database itself
-- keeps a guest to sign-up and withdrawal (and, as the actor, choosing the case): a guard trigger
-- refuses every other change by a non-host, and sign-up is one guarded UPDATE inside a narrow
-- security-definer function, so of many concurrent sign-ups exactly one wins.

create table public.practice_sessions (
  id uuid primary key default gen_random_uuid(),
  host_id uuid not null default auth.uid() references public.profiles (user_id) on delete cascade,
  guest_id uuid references public.profiles (user_id) on delete set null,
  datetime_utc timestamptz not null,
  type text not null default 'mock',
  -- Unguessable and assigned here: clients have no grant on this column.
  room_url text not null default ('/room/' || replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')),
  case_id uuid references public.cases (id) on delete set null,
  candidate_id uuid references public.profiles (user_id) on delete set null,
  host_role text not null,
  status text not null default 'open',
  phase text not null default 'waiting',
  phase_started_at timestamptz,
  phase_ends_at timestamptz,
  preset text not null default 'plab2',
  reading_s integer not null,
  consultation_s integer not null,
  feedback_s integer not null,
  warning_s integer,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint practice_sessions_room_url_key unique (room_url),
  constraint practice_sessions_type_known check (type in ('mock', 'review')),
  constraint practice_sessions_host_role_known check (host_role in ('candidate', 'actor')),
  constraint practice_sessions_status_known check (status in ('open', 'matched', 'live', 'completed', 'cancelled', 'no_show')),
  constraint practice_sessions_phase_known check (phase in ('waiting', 'reading', 'consultation', 'feedback', 'completed')),
  constraint practice_sessions_preset_known check (preset in ('plab2', 'osce', 'paces', 'paces_20', 'custom')),
  constraint practice_sessions_timing_sane check (
    reading_s between 0 and 1800 and consultation_s between 60 and 3600 and feedback_s between 0 and 3600
    and (warning_s is null or warning_s between 0 and consultation_s - 1)
  ),
  constraint practice_sessions_guest_not_host check (guest_id is null or guest_id <> host_id),
  constraint practice_sessions_open_has_no_guest check (status <> 'open' or guest_id is null),
  constraint practice_sessions_matched_has_guest check (status not in ('matched', 'live', 'completed') or guest_id is not null)
);
comment on table public.practice_sessions is 'Peer practice sessions; participants read their own rows, everyone reads the board through session_board.';
create index practice_sessions_host_id_idx on public.practice_sessions (host_id);
create index practice_sessions_guest_id_idx on public.practice_sessions (guest_id);
create index practice_sessions_board_idx on public.practice_sessions (datetime_utc) where status in ('open', 'matched');

-- Keeps candidate_id in step with the roles, the version and timestamps honest, and every client to
-- what it may change: the host edits time, type, timing and roles (and the case when the host is the
-- actor); the guest, only when the guest is the actor, chooses the case; nobody else anything.
-- Sign-up, withdrawal, cancellation and the scheduler run as the owner, through their functions.
create or replace function private.practice_sessions_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  is_client boolean := current_user in ('authenticated', 'app_admin', 'anon');
  actor_id uuid;
begin
  if tg_op = 'UPDATE' then
    -- A guest who erased their account leaves the slot open again.
    if new.guest_id is null and old.guest_id is not null and new.status = 'matched' then
      new.status := 'open';
    end if;
    -- After a swap the new actor picks the case; the new candidate must not know it.
    if new.host_role <> old.host_role then
      if old.status not in ('open', 'matched') then
        raise exception 'roles can be swapped only before the session goes live' using errcode = 'PT409';
      end if;
      new.case_id := null;
    end if;
  end if;

  if tg_op = 'UPDATE' and is_client then
    if (new.guest_id, new.status, new.phase, new.phase_started_at, new.phase_ends_at, new.room_url, new.host_id)
       is distinct from (old.guest_id, old.status, old.phase, old.phase_started_at, old.phase_ends_at, old.room_url, old.host_id) then
      raise exception 'sign-up, status and phase change only through their functions' using errcode = '42501';
    end if;
    actor_id := case when old.host_role = 'actor' then old.host_id else old.guest_id end;
    if caller is distinct from old.host_id then
      if caller is distinct from old.guest_id or caller is distinct from actor_id
         or (new.datetime_utc, new.type, new.host_role, new.preset, new.reading_s, new.consultation_s, new.feedback_s, new.warning_s)
            is distinct from (old.datetime_utc, old.type, old.host_role, old.preset, old.reading_s, old.consultation_s, old.feedback_s, old.warning_s) then
        raise exception 'only the host may change this session; the guest may only choose the case as the actor' using errcode = '42501';
      end if;
    elsif old.host_role = 'candidate' and new.host_role = old.host_role and new.case_id is distinct from old.case_id then
      raise exception 'the actor picks the case' using errcode = 'PT400';
    end if;
  end if;

  new.candidate_id := case
    when new.guest_id is null then null
    when new.host_role = 'candidate' then new.host_id
    else new.guest_id
  end;
  if tg_op = 'UPDATE' then
    new.version := old.version + 1;
    new.updated_at := now();
  end if;
  return new;
end;
$$;
revoke all on function private.practice_sessions_guard() from public;

create trigger practice_sessions_guard
  before insert or update on public.practice_sessions
  for each row execute function private.practice_sessions_guard();

alter table public.practice_sessions enable row level security;
revoke all on table public.practice_sessions from anon, authenticated, app_admin;
grant select on table public.practice_sessions to authenticated;
grant insert (host_id, datetime_utc, type, case_id, host_role, preset, reading_s, consultation_s, feedback_s, warning_s)
  on table public.practice_sessions to authenticated;
grant update (datetime_utc, type, case_id, host_role, preset, reading_s, consultation_s, feedback_s, warning_s)
  on table public.practice_sessions to authenticated;

-- Participants read their own sessions in full; everyone else reads the board view.
create policy "Participants read their sessions"
  on public.practice_sessions for select to authenticated
  using (host_id = (select auth.uid()) or guest_id = (select auth.uid()));

-- Admins read every session, read-only.
create policy "Admins read every session"
  on public.practice_sessions for select to app_admin
  using (true);

-- A host publishes as themselves, with no guest yet; a candidate host publishes without a case (the
-- actor picks it), and an actor host only with a case they can see.
create policy "A host publishes their own sessions"
  on public.practice_sessions for insert to authenticated
  with check (
    host_id = (select auth.uid())
    and (case_id is null or (host_role = 'actor'
         and exists (select 1 from public.cases c where c.id = case_id and (c.owner_id is null or c.owner_id = (select auth.uid())))))
  );

-- The host edits their session; the guest reaches only the case choice (the guard trigger decides).
-- A chosen case must be one the person choosing it can see.
create policy "Participants update their sessions within their rights"
  on public.practice_sessions for update to authenticated
  using (host_id = (select auth.uid()) or guest_id = (select auth.uid()))
  with check (
    (host_id = (select auth.uid()) or guest_id = (select auth.uid()))
    and (case_id is null or exists (select 1 from public.cases c where c.id = case_id and (c.owner_id is null or c.owner_id = (select auth.uid()))))
  );

-- Sign up: one guarded UPDATE, so of any number of concurrent callers exactly one matches the row.
-- Errors: PT404 unknown, PT400 own session, PT409 taken, changed or past.
create or replace function public.signup_session(p_session_id uuid, p_expected_version integer)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  s public.practice_sessions;
begin
  if caller is null then
    raise exception 'sign in to sign up' using errcode = '42501';
  end if;
  update public.practice_sessions
     set guest_id = caller, status = 'matched'
   where id = p_session_id and version = p_expected_version and status = 'open' and guest_id is null
     and host_id <> caller and datetime_utc > now()
  returning * into s;
  if found then
    return s.id;
  end if;
  select * into s from public.practice_sessions where id = p_session_id;
  if not found or s.status = 'cancelled' then
    raise exception 'no such session' using errcode = 'PT404';
  elsif s.host_id = caller then
    raise exception 'you host this session' using errcode = 'PT400';
  else
    raise exception 'this session was taken or changed' using errcode = 'PT409';
  end if;
end;
$$;

-- Withdraw: the guest leaves before the session goes live; the slot opens again.
create or replace function public.withdraw_session(p_session_id uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.practice_sessions
     set guest_id = null, status = 'open',
         case_id = case when host_role = 'candidate' then null else case_id end
   where id = p_session_id and guest_id = (select auth.uid()) and status = 'matched';
  if not found then
    raise exception 'no session of yours to withdraw from' using errcode = 'PT404';
  end if;
  return p_session_id;
end;
$$;

-- Cancel: the host calls it off before it goes live.
create or replace function public.cancel_session(p_session_id uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.practice_sessions
     set status = 'cancelled'
   where id = p_session_id and host_id = (select auth.uid()) and status in ('open', 'matched');
  if not found then
    raise exception 'no session of yours to cancel' using errcode = 'PT404';
  end if;
  return p_session_id;
end;
$$;
revoke all on function public.signup_session(uuid, integer), public.withdraw_session(uuid), public.cancel_session(uuid) from public;
grant execute on function public.signup_session(uuid, integer), public.withdraw_session(uuid), public.cancel_session(uuid) to authenticated;

-- The public board: upcoming sessions with board columns only, for everyone (anonymous too).
-- It runs with its owner's rights on purpose, so it can show what the table keeps private to
-- participants, and it shows nothing else: no room, no case name, no briefs.
create view public.session_board as
select s.id, s.host_id, s.datetime_utc, s.type, s.status, s.host_role, s.version,
       c.category, c.domain, (s.guest_id is not null) as has_guest,
       (select count(*)::int from public.practice_sessions h where h.host_id = s.host_id and h.status = 'completed') as host_completed,
       (select count(*)::int from public.practice_sessions h where h.host_id = s.host_id and h.status = 'no_show') as host_no_show
  from public.practice_sessions s
  left join public.cases c on c.id = s.case_id
 where s.status in ('open', 'matched');
comment on view public.session_board is 'The discovery board: board columns of open and matched sessions, readable by everyone.';
revoke all on public.session_board from public;
grant select on public.session_board to anon, authenticated;
