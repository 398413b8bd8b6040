-- The disconnect-aware clock and the second station in the same room.
--
-- Pauses: while a station is paused its phase does not run out; on resume the phase's end moves on
-- by the time it stood still, so nobody loses reading or consultation time to a dropped connection.
-- Each pause is kept as a gap (who dropped or who paused, from when to when) for the feedback sheet.
-- Only the server (owner connection) pauses, resumes and records gaps; participants read them.
--
-- Next station: after a completed station either participant starts the next one with the roles
-- swapped: a new session row for the same pair, same room link, no case yet (the new actor picks).

alter table public.practice_sessions
  add column paused_at timestamptz,
  add column pause_reason text,
  add column previous_session_id uuid references public.practice_sessions (id) on delete cascade,
  add constraint practice_sessions_pause_reason_known check (pause_reason is null or pause_reason in ('disconnect', 'actor')),
  add constraint practice_sessions_pause_consistent check ((paused_at is null) = (pause_reason is null)),
  add constraint practice_sessions_paused_only_live check (paused_at is null or status = 'live');

-- One next station per station, so two clicks at once still make one.
create unique index practice_sessions_previous_session_key on public.practice_sessions (previous_session_id)
  where previous_session_id is not null;

-- The stations of one pair share the room link: it stays unique per first station only.
alter table public.practice_sessions drop constraint practice_sessions_room_url_key;
create unique index practice_sessions_room_url_key on public.practice_sessions (room_url) where previous_session_id is null;
create index practice_sessions_room_url_idx on public.practice_sessions (room_url, created_at);

-- The scheduler skips paused stations.
drop index public.practice_sessions_live_deadline_idx;
create index practice_sessions_live_deadline_idx on public.practice_sessions (phase_ends_at) where status = 'live' and paused_at is null;

grant select (paused_at, pause_reason, previous_session_id) on table public.practice_sessions to authenticated;

create table public.session_station_gaps (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.practice_sessions (id) on delete cascade,
  phase text not null,
  reason text not null,
  -- Whose connection dropped, or the actor who paused.
  user_id uuid references public.accounts (id) on delete set null,
  started_at timestamptz not null,
  ended_at timestamptz,
  constraint session_station_gaps_phase_pausable check (phase in ('reading', 'consultation')),
  constraint session_station_gaps_reason_known check (reason in ('disconnect', 'actor')),
  constraint session_station_gaps_ordered check (ended_at is null or ended_at >= started_at)
);
comment on table public.session_station_gaps is 'Times a station stood still (a dropped connection or the actor''s pause); written by the server, read by the two participants.';
create index session_station_gaps_session_idx on public.session_station_gaps (session_id, started_at);
create index session_station_gaps_user_idx on public.session_station_gaps (user_id);
-- At most one pause open at a time.
create unique index session_station_gaps_one_open on public.session_station_gaps (session_id) where ended_at is null;

alter table public.session_station_gaps enable row level security;
revoke all on table public.session_station_gaps from anon, authenticated, app_admin;
grant select on table public.session_station_gaps to authenticated;

create policy "Participants read their station's gaps"
  on public.session_station_gaps for select to authenticated
  using (exists (
    select 1 from public.practice_sessions s
     where s.id = session_id and (s.host_id = (select auth.uid()) or s.guest_id = (select auth.uid()))
  ));

create policy "Admins read every station's gaps"
  on public.session_station_gaps for select to app_admin
  using (true);

-- Starts (or, when it exists already, finds) the station after a completed one: same pair, same
-- room, same timing, roles swapped and no case. Either participant may call it.
-- Errors: PT404 not a participant, PT409 not completed yet or the partner has left.
create or replace function public.start_next_station(p_session_id uuid)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  s public.practice_sessions;
  next_id uuid;
begin
  select * into s from public.practice_sessions where id = p_session_id;
  if not found or caller is null or (caller <> s.host_id and caller is distinct from s.guest_id) then
    raise exception 'no such session' using errcode = 'PT404';
  end if;
  if s.status <> 'completed' then
    raise exception 'the next station can start once this one is completed' using errcode = 'PT409';
  end if;
  if s.guest_id is null then
    raise exception 'your partner has left this session' using errcode = 'PT409';
  end if;
  insert into public.practice_sessions (host_id, guest_id, datetime_utc, type, room_url, host_role, status, preset,
                                        reading_s, consultation_s, feedback_s, warning_s, previous_session_id,
                                        host_joined_at, guest_joined_at)
  -- Milliseconds, as every other session time: clients hand times back at that precision.
  values (s.host_id, s.guest_id, date_trunc('milliseconds', now()), s.type, s.room_url, case s.host_role when 'candidate' then 'actor' else 'candidate' end,
          'matched', s.preset, s.reading_s, s.consultation_s, s.feedback_s, s.warning_s, s.id, now(), now())
  on conflict (previous_session_id) where previous_session_id is not null do nothing
  returning id into next_id;
  if next_id is null then
    select id into next_id from public.practice_sessions where previous_session_id = s.id;
  end if;
  return next_id;
end;
$$;
revoke all on function public.start_next_station(uuid) from public;
grant execute on function public.start_next_station(uuid) to authenticated;
