-- Which case a session uses is part of what the candidate must not know before feedback (with the
-- id they could look the name up in the library). So client roles may no longer select the case_id
-- column; session_case_id() hands it out by the reveal rules instead: to the actor, and to the
-- candidate from feedback on. session_has_case() tells both whether one is chosen.

revoke select on table public.practice_sessions from authenticated;
grant select (id, host_id, guest_id, datetime_utc, type, room_url, candidate_id, host_role, status, phase, phase_started_at,
              phase_ends_at, preset, reading_s, consultation_s, feedback_s, warning_s, version, created_at, updated_at,
              station_started_at, host_joined_at, guest_joined_at)
  on table public.practice_sessions to authenticated;

create or replace function public.session_case_id(p_session_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select s.case_id
    from public.practice_sessions s
   where s.id = p_session_id
     and (
       (s.host_role = 'actor' and s.host_id = (select auth.uid()))
       or (s.host_role = 'candidate' and s.guest_id = (select auth.uid()))
       or (s.candidate_id = (select auth.uid()) and s.phase in ('feedback', 'completed'))
     );
$$;

create or replace function public.session_has_case(p_session_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select s.case_id is not null
    from public.practice_sessions s
   where s.id = p_session_id and (s.host_id = (select auth.uid()) or s.guest_id = (select auth.uid()));
$$;
revoke all on function public.session_case_id(uuid), public.session_has_case(uuid) from public;
grant execute on function public.session_case_id(uuid), public.session_has_case(uuid) to authenticated;
