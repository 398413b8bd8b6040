-- Account erasure and the sessions a guest took part in. Erasing an account sets guest_id to null
-- in every session they joined as guest, which a completed (or running) session refused, so a guest
-- with a finished station could not erase their account. A finished session now keeps its record
-- for the host without a guest; one still open for sign-up reopens (as before); one under way is
-- cancelled.

alter table public.practice_sessions drop constraint practice_sessions_matched_has_guest;
alter table public.practice_sessions add constraint practice_sessions_matched_has_guest
  check (status not in ('matched', 'live') or guest_id is not null);

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
$$;
