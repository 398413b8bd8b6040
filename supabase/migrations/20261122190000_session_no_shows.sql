-- No-shows: when each participant first joined the room, so a session nobody started within ten
-- minutes of its start is recorded against whoever never came; the board counts a host's no-shows
-- only where the host was the one missing.

alter table public.practice_sessions add column host_joined_at timestamptz;
alter table public.practice_sessions add column guest_joined_at timestamptz;

create or replace view public.session_board as
select s.id, s.host_id, s.datetime_utc, s.type, s.status, s.host_role, s.version,
       c.category, c.domain, (s.guest_id is not null) as has_guest,
       (select count(*)::int from public.practice_sessions h where h.host_id = s.host_id and h.status = 'completed') as host_completed,
       (select count(*)::int from public.practice_sessions h
         where h.status = 'no_show'
           and ((h.host_id = s.host_id and h.host_joined_at is null) or (h.guest_id = s.host_id and h.guest_joined_at is null))) as host_no_show
  from public.practice_sessions s
  left join public.cases c on c.id = s.case_id
 where s.status in ('open', 'matched');
