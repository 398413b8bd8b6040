-- The timed station: the reveal rules for briefs, as the only way a participant reads a case's
-- content, and the index the phase scheduler polls.

-- What a participant may see of the session's case right now. The actor sees everything once a case
-- is chosen; the candidate sees the candidate brief from reading, the case name, condition and
-- actor brief from feedback, and the mark scheme when the station is completed. Category and
-- domain are always shown. Anyone else gets null. Security definer because case_content is
-- otherwise readable by the case's owner only.
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
  if not found or caller is null or (caller <> s.host_id and caller is distinct from s.guest_id) then
    return null;
  end if;
  role := case when (caller = s.host_id) = (s.host_role = 'candidate') then 'candidate' else 'actor' end;
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

-- The scheduler looks for running stations whose phase has run out.
create index practice_sessions_live_deadline_idx on public.practice_sessions (phase_ends_at) where status = 'live';
