-- The board showed each host's completed and no-show stations by counting them per board row, one
-- count scanning every session in the table: the board slowed down as history grew (issue #17).
-- The figures are now kept as stored counters, moved by a trigger on every write to
-- practice_sessions, so the board reads them with one join on a primary key.
--
-- What is counted is unchanged (20261122190000_session_no_shows.sql): `completed` is the stations
-- the user hosted that completed; `no_show` is the no-show stations in which the user, as host or
-- as guest, never joined.

create table private.host_session_counts (
  user_id uuid primary key references public.profiles (user_id) on delete cascade,
  completed integer not null default 0 check (completed >= 0),
  no_show integer not null default 0 check (no_show >= 0)
);
comment on table private.host_session_counts is
  'Each user''s completed and no-show stations as the board shows them, kept by a trigger on practice_sessions; no client role reads it directly.';
-- Only the triggers below (security definer) and the board view (its owner's rights) touch it: row-level
-- security with no policy, and no grant, keeps every client role out.
alter table private.host_session_counts enable row level security;
revoke all on table private.host_session_counts from public, anon, authenticated, app_admin;

-- Adds `sign` (1 or -1) times the row's contribution to its participants' counters. A participant
-- whose profile is gone (an erasure cascading through its sessions) has no counters to keep.
create function private.count_session(r public.practice_sessions, sign integer)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  who uuid;
  completed_by integer;
  no_show_by integer;
begin
  foreach who in array array[r.host_id, r.guest_id] loop
    continue when who is null;
    completed_by := case when r.status = 'completed' and who = r.host_id then sign else 0 end;
    no_show_by := case
      when r.status = 'no_show' and ((who = r.host_id and r.host_joined_at is null) or (who = r.guest_id and r.guest_joined_at is null)) then sign
      else 0
    end;
    continue when completed_by = 0 and no_show_by = 0;
    if sign > 0 then
      insert into private.host_session_counts as c (user_id, completed, no_show)
      select who, completed_by, no_show_by
       where exists (select 1 from public.profiles p where p.user_id = who)
      on conflict (user_id) do update
        set completed = c.completed + excluded.completed, no_show = c.no_show + excluded.no_show;
    else
      -- Not an upsert: the checks would refuse the proposed negative row before any conflict.
      update private.host_session_counts
         set completed = completed + completed_by, no_show = no_show + no_show_by
       where user_id = who;
    end if;
  end loop;
end;
$$;
revoke all on function private.count_session(public.practice_sessions, integer) from public;

create function private.practice_sessions_count()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.count_session(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.count_session(new, 1);
  end if;
  return null;
end;
$$;
revoke all on function private.practice_sessions_count() from public;

create trigger practice_sessions_count_insert_delete
  after insert or delete on public.practice_sessions
  for each row execute function private.practice_sessions_count();

-- Most updates (phases, versions, pauses) change nothing that is counted.
create trigger practice_sessions_count_update
  after update on public.practice_sessions
  for each row
  when ((old.status, old.host_id, old.guest_id, old.host_joined_at is null, old.guest_joined_at is null)
        is distinct from (new.status, new.host_id, new.guest_id, new.host_joined_at is null, new.guest_joined_at is null))
  execute function private.practice_sessions_count();

-- Counters for the history already there.
insert into private.host_session_counts (user_id, completed, no_show)
select p.user_id,
       (select count(*)::int from public.practice_sessions h where h.host_id = p.user_id and h.status = 'completed'),
       (select count(*)::int from public.practice_sessions h
         where h.status = 'no_show'
           and ((h.host_id = p.user_id and h.host_joined_at is null) or (h.guest_id = p.user_id and h.guest_joined_at is null)))
  from public.profiles p;

-- The whole current board (replacing 20261204040500_session_board_timings.sql's), reading the
-- counters. Same columns in the same order; the view keeps its owner, rights and grants.
create or replace view public.session_board as
select s.id, s.host_id, s.datetime_utc, s.type, s.status, s.host_role, s.version,
       c.category, c.domain, (s.guest_id is not null) as has_guest,
       coalesce(n.completed, 0) as host_completed,
       coalesce(n.no_show, 0) as host_no_show,
       s.preset, s.reading_s, s.consultation_s, s.feedback_s, s.warning_s
  from public.practice_sessions s
  left join public.cases c on c.id = s.case_id
  left join private.host_session_counts n on n.user_id = s.host_id
 where s.status in ('open', 'matched');

-- Whatever the board shows changed: sessions, the hosts' profiles, the cases' category and domain.
-- Every instance listens on this channel and drops its cached board (notifications are sent at
-- commit, and only once per transaction however many rows changed).
-- Notifies the channel its trigger names (the first trigger argument), with no payload: listeners
-- only need to know that something changed. Shared by every cache that follows the database.
create function private.notify_channel()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_notify(tg_argv[0], '');
  return null;
end;
$$;
revoke all on function private.notify_channel() from public;

create trigger practice_sessions_board_changed
  after insert or update or delete or truncate on public.practice_sessions
  for each statement execute function private.notify_channel('board_changed');
create trigger profiles_board_changed
  after insert or update or delete or truncate on public.profiles
  for each statement execute function private.notify_channel('board_changed');
create trigger cases_board_changed
  after insert or update or delete or truncate on public.cases
  for each statement execute function private.notify_channel('board_changed');
