-- Account erasure and the sessions a user hosted. Until now they went with the host, completed
-- ones too, so the guest lost those stations (marks received, feedback, reflection) from their
-- portfolio. Now, as for a guest's erasure, a completed station stays in the other participant's
-- record without its host; every other hosted session (open, under way, cancelled, no-show) is
-- deleted with the host, as before.
--
-- Either way, what stays holds none of the erased participant's own words: their transcript lines
-- already go with them (segments reference their author), and the candidate's self-reflection,
-- theirs alone, is cleared. The actor's marks and feedback stay: they are about the candidate.

alter table public.practice_sessions alter column host_id drop not null;
alter table public.practice_sessions drop constraint practice_sessions_host_id_fkey;
alter table public.practice_sessions add constraint practice_sessions_host_id_fkey
  foreign key (host_id) references public.profiles (user_id) on delete set null;
alter table public.practice_sessions add constraint practice_sessions_host_left_only_when_completed
  check (host_id is not null or status = 'completed');

-- Runs before the profile goes, so the foreign key's "set null" then meets completed sessions only.
create or replace function private.profile_erasure()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  delete from public.practice_sessions where host_id = old.user_id and status <> 'completed';
  update public.session_assessments a set self_reflection = ''
    from public.practice_sessions s
   where s.id = a.session_id and s.candidate_id = old.user_id and a.self_reflection <> '';
  return old;
end;
$$;
revoke all on function private.profile_erasure() from public;

create trigger profiles_before_erasure
  before delete on public.profiles
  for each row execute function private.profile_erasure();

-- The participant checks compared with `<>` and `=`, which a missing host turns into "unknown" (and
-- would have let anyone through): spelled out with `is [not] distinct from`. A session whose host
-- has left has nobody to run the next station with.
create or replace function public.session_brief(p_session_id uuid)
returns jsonb
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  s public.practice_sessions;
  c public.cases;
  k public.case_content;
  role text;
  stage integer;
  result jsonb;
begin
  select * into s from public.practice_sessions where id = p_session_id;
  if not found or caller is null or (caller is distinct from s.host_id and caller is distinct from s.guest_id) then
    return null;
  end if;
  role := case when (caller is not distinct from s.host_id) = (s.host_role = 'candidate') then 'candidate' else 'actor' end;
  stage := array_position(array['waiting', 'reading', 'consultation', 'feedback', 'completed'], s.phase);
  result := jsonb_build_object('role', role, 'phase', s.phase, 'category', null, 'domain', null);
  if s.case_id is null then
    return result;
  end if;
  select * into c from public.cases where id = s.case_id;
  select * into k from public.case_content where case_id = s.case_id;
  result := result || jsonb_build_object('category', c.category, 'domain', c.domain);
  if role = 'actor' then
    return result || jsonb_build_object('case_name', c.case_name, 'condition', k.condition, 'candidate_brief', k.candidate_brief,
                                        'actor_brief', k.actor_brief, 'mark_scheme', k.mark_scheme);
  end if;
  if stage >= 2 then
    result := result || jsonb_build_object('candidate_brief', k.candidate_brief);
  end if;
  if stage >= 4 then
    result := result || jsonb_build_object('case_name', c.case_name, 'condition', k.condition, 'actor_brief', k.actor_brief);
  end if;
  if stage >= 5 then
    result := result || jsonb_build_object('mark_scheme', k.mark_scheme);
  end if;
  return result;
end;
$$;
revoke all on function public.session_brief(uuid) from public;
grant execute on function public.session_brief(uuid) to authenticated;

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
  if not found or caller is null or (caller is distinct from s.host_id and caller is distinct from s.guest_id) then
    raise exception 'no such session' using errcode = 'PT404';
  end if;
  if s.status <> 'completed' then
    raise exception 'the next station can start once this one is completed' using errcode = 'PT409';
  end if;
  if s.guest_id is null or s.host_id is null then
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
