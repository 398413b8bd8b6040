-- Functions and procedures, by schema, name and arguments: the definition in force now.
-- Generated from a freshly migrated database by `npx tsx scripts/schema-snapshot.ts`; do not edit.
-- To change anything, add a migration (docs/migrations.md), then regenerate this snapshot.

-- private.appointments_from_slot()
CREATE OR REPLACE FUNCTION private.appointments_from_slot()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  s record;
begin
  select clinic_id, date, start_time, kind, cancelled into s
    from public.clinic_slots where id = new.slot_id for share;
  if not found then
    raise exception 'no such slot' using errcode = 'PT404';
  end if;
  if s.cancelled then
    raise exception 'the slot is cancelled' using errcode = 'PT409';
  end if;
  new.clinic_id := s.clinic_id;
  new.date := s.date;
  new.start_time := s.start_time;
  new.kind := s.kind;
  return new;
end;
$function$;

-- private.assessments_object_access(object_name text, any_participant boolean)
CREATE OR REPLACE FUNCTION private.assessments_object_access(object_name text, any_participant boolean)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select exists (
    select 1 from public.practice_sessions s
     where s.id::text = split_part(object_name, '/', 1)
       and (s.host_id = (select auth.uid()) or (any_participant and s.guest_id = (select auth.uid())))
  );
$function$;

-- private.audit_changes()
CREATE OR REPLACE FUNCTION private.audit_changes()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

-- private.audit_trail_append_only()
CREATE OR REPLACE FUNCTION private.audit_trail_append_only()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if tg_op = 'DELETE' and not exists (select 1 from public.accounts a where a.id = old.owner_id) then
    return old;
  end if;
  raise exception 'the audit trail is append-only' using errcode = '42501';
end;
$function$;

-- private.audit_trail_no_truncate()
CREATE OR REPLACE FUNCTION private.audit_trail_no_truncate()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  raise exception 'the audit trail is append-only' using errcode = '42501';
end;
$function$;

-- private.bump_version()
CREATE OR REPLACE FUNCTION private.bump_version()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  new.version := old.version + 1;
  new.updated_at := now();
  return new;
end;
$function$;

-- private.count_session(r public.practice_sessions, sign integer)
CREATE OR REPLACE FUNCTION private.count_session(r public.practice_sessions, sign integer)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

-- private.enable_audit(p_table regclass, p_owner_column text)
CREATE OR REPLACE FUNCTION private.enable_audit(p_table regclass, p_owner_column text)
 RETURNS void
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
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
$function$;

-- private.may_write_medical_record(p_doctor_id uuid, p_patient_id uuid)
CREATE OR REPLACE FUNCTION private.may_write_medical_record(p_doctor_id uuid, p_patient_id uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select p_doctor_id = (select auth.uid())
     and exists (select 1 from public.accounts d where d.id = p_doctor_id and d.role = 'doctor')
     and exists (select 1 from public.accounts p where p.id = p_patient_id and p.role = 'patient');
$function$;

-- private.medical_records_guard()
CREATE OR REPLACE FUNCTION private.medical_records_guard()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if (new.doctor_id, new.patient_id) is distinct from (old.doctor_id, old.patient_id) then
    raise exception 'the doctor and the patient of a medical record never change' using errcode = '42501';
  end if;
  return new;
end;
$function$;

-- private.notify_channel()
CREATE OR REPLACE FUNCTION private.notify_channel()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform pg_notify(tg_argv[0], '');
  return null;
end;
$function$;

-- private.practice_sessions_count()
CREATE OR REPLACE FUNCTION private.practice_sessions_count()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform private.count_session(old, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform private.count_session(new, 1);
  end if;
  return null;
end;
$function$;

-- private.practice_sessions_guard()
CREATE OR REPLACE FUNCTION private.practice_sessions_guard()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
declare
  caller uuid := (select auth.uid());
  is_client boolean := current_user in ('authenticated', 'app_admin', 'anon');
  actor_id uuid;
begin
  if tg_op = 'UPDATE' then
    -- A guest who erased their account leaves the slot open again; a station under way with them
    -- ends (cancelled, its clock stopped for good); a finished one stays in the host's record.
    if new.guest_id is null and old.guest_id is not null then
      if new.status = 'matched' then
        new.status := 'open';
      elsif new.status = 'live' then
        new.status := 'cancelled';
        new.paused_at := null;
        new.pause_reason := null;
        update public.session_station_gaps set ended_at = now() where session_id = new.id and ended_at is null;
      end if;
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
$function$;

-- private.profile_erasure()
CREATE OR REPLACE FUNCTION private.profile_erasure()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  delete from public.practice_sessions where host_id = old.user_id and status <> 'completed';
  update public.session_assessments a set self_reflection = ''
    from public.practice_sessions s
   where s.id = a.session_id and s.candidate_id = old.user_id and a.self_reflection <> '';
  return old;
end;
$function$;

-- private.ptl_open_counts_after_delete()
CREATE OR REPLACE FUNCTION private.ptl_open_counts_after_delete()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.ptl_open_counts_apply(coalesce((
    select jsonb_agg(jsonb_build_object('user_id', user_id, 'specialty', specialty, 'clock_period_start', clock_period_start, 'delta', -n))
      from (select user_id, specialty, clock_period_start, count(*) as n from old_rows
             where clock_state = 'running' and on_ptl group by 1, 2, 3) g), '[]'::jsonb));
  return null;
end;
$function$;

-- private.ptl_open_counts_after_insert()
CREATE OR REPLACE FUNCTION private.ptl_open_counts_after_insert()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.ptl_open_counts_apply(coalesce((
    select jsonb_agg(jsonb_build_object('user_id', user_id, 'specialty', specialty, 'clock_period_start', clock_period_start, 'delta', n))
      from (select user_id, specialty, clock_period_start, count(*) as n from new_rows
             where clock_state = 'running' and on_ptl group by 1, 2, 3) g), '[]'::jsonb));
  return null;
end;
$function$;

-- private.ptl_open_counts_after_update()
CREATE OR REPLACE FUNCTION private.ptl_open_counts_after_update()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  perform private.ptl_open_counts_apply(coalesce((
    select jsonb_agg(jsonb_build_object('user_id', user_id, 'specialty', specialty, 'clock_period_start', clock_period_start, 'delta', n))
      from (select user_id, specialty, clock_period_start, sum(delta) as n
              from (select user_id, specialty, clock_period_start, 1 as delta from new_rows where clock_state = 'running' and on_ptl
                    union all
                    select user_id, specialty, clock_period_start, -1 from old_rows where clock_state = 'running' and on_ptl) d
             group by 1, 2, 3 having sum(delta) <> 0) g), '[]'::jsonb));
  return null;
end;
$function$;

-- private.ptl_open_counts_apply(changes jsonb)
CREATE OR REPLACE FUNCTION private.ptl_open_counts_apply(changes jsonb)
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
  with delta as (
    select (x ->> 'user_id')::uuid as user_id, x ->> 'specialty' as specialty,
           (x ->> 'clock_period_start')::date as clock_period_start, sum((x ->> 'delta')::int)::int as n
      from jsonb_array_elements(changes) as x
     group by 1, 2, 3
  ),
  -- One statement may not modify a row twice, so counters that reach zero are deleted and the
  -- others updated: two disjoint sets.
  emptied as (
    delete from public.ptl_open_counts c
     using delta d
     where d.n < 0 and c.pathways + d.n <= 0
       and c.user_id = d.user_id and c.specialty = d.specialty and c.clock_period_start = d.clock_period_start
  ),
  decreased as (
    update public.ptl_open_counts c set pathways = c.pathways + d.n
      from delta d
     where d.n < 0 and c.pathways + d.n > 0
       and c.user_id = d.user_id and c.specialty = d.specialty and c.clock_period_start = d.clock_period_start
  )
  insert into public.ptl_open_counts as c (user_id, specialty, clock_period_start, pathways)
  select user_id, specialty, clock_period_start, n from delta where n > 0
  on conflict (user_id, specialty, clock_period_start)
  do update set pathways = c.pathways + excluded.pathways;
$function$;

-- private.secretary_tasks_completed_at()
CREATE OR REPLACE FUNCTION private.secretary_tasks_completed_at()
 RETURNS trigger
 LANGUAGE plpgsql
 SET search_path TO ''
AS $function$
begin
  if new.status = 'done' and (tg_op = 'INSERT' or old.status <> 'done') then
    new.completed_at := now();
  elsif new.status <> 'done' then
    new.completed_at := null;
  end if;
  -- Who a task waits on means nothing once it is not waiting.
  if new.status <> 'waiting' then
    new.waiting_on := null;
  end if;
  return new;
end;
$function$;

-- public.cancel_session(p_session_id uuid)
CREATE OR REPLACE FUNCTION public.cancel_session(p_session_id uuid)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
begin
  update public.practice_sessions
     set status = 'cancelled'
   where id = p_session_id and host_id = (select auth.uid()) and status in ('open', 'matched');
  if not found then
    raise exception 'no session of yours to cancel' using errcode = 'PT404';
  end if;
  return p_session_id;
end;
$function$;

-- public.resolve_patient_account(p_email text, p_id uuid)
CREATE OR REPLACE FUNCTION public.resolve_patient_account(p_email text, p_id uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select p.id
    from public.accounts p
   where ((p_email is not null and p.email = lower(btrim(p_email))) or (p_email is null and p.id = p_id))
     and p.role = 'patient'
     and exists (select 1 from public.accounts d where d.id = (select auth.uid()) and d.role = 'doctor');
$function$;

-- public.session_brief(p_session_id uuid)
CREATE OR REPLACE FUNCTION public.session_brief(p_session_id uuid)
 RETURNS jsonb
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

-- public.session_case_id(p_session_id uuid)
CREATE OR REPLACE FUNCTION public.session_case_id(p_session_id uuid)
 RETURNS uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select s.case_id
    from public.practice_sessions s
   where s.id = p_session_id
     and (
       (s.host_role = 'actor' and s.host_id = (select auth.uid()))
       or (s.host_role = 'candidate' and s.guest_id = (select auth.uid()))
       or (s.candidate_id = (select auth.uid()) and s.phase in ('feedback', 'completed'))
     );
$function$;

-- public.session_has_case(p_session_id uuid)
CREATE OR REPLACE FUNCTION public.session_has_case(p_session_id uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO ''
AS $function$
  select s.case_id is not null
    from public.practice_sessions s
   where s.id = p_session_id and (s.host_id = (select auth.uid()) or s.guest_id = (select auth.uid()));
$function$;

-- public.signup_session(p_session_id uuid, p_expected_version integer)
CREATE OR REPLACE FUNCTION public.signup_session(p_session_id uuid, p_expected_version integer)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

-- public.start_next_station(p_session_id uuid)
CREATE OR REPLACE FUNCTION public.start_next_station(p_session_id uuid)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;

-- public.withdraw_session(p_session_id uuid)
CREATE OR REPLACE FUNCTION public.withdraw_session(p_session_id uuid)
 RETURNS uuid
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO ''
AS $function$
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
$function$;
