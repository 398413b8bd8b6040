-- Patient Tracking List: each trainee's own RTT pathways and the events recorded on them.
-- The clock columns are derived by the server's RTT engine from the events every time they change,
-- so the list can be filtered and sorted by wait in SQL; clients never send them.

create table public.ptl_patients (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  patient_id text not null,
  patient_name text not null,
  nhs_number text,
  specialty text not null,
  referral_date date not null,
  clock_start_date date not null,
  pathway_type text not null,
  priority text,
  current_status text not null default 'awaiting_first_appointment',
  clock_state text not null default 'running',
  clock_period_start date not null,
  clock_stop_date date,
  on_ptl boolean not null default true,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint ptl_patients_patient_id_format check (patient_id ~ '^[A-Za-z0-9._/-]{1,40}$'),
  constraint ptl_patients_patient_name_length check (char_length(patient_name) between 1 and 200),
  constraint ptl_patients_nhs_number_format check (nhs_number is null or nhs_number ~ '^[0-9]{10}$'),
  constraint ptl_patients_clock_after_referral check (clock_start_date >= referral_date),
  constraint ptl_patients_pathway_type_known check (pathway_type in ('routine', 'urgent', '2ww', '62day')),
  constraint ptl_patients_priority_known check (priority is null or priority in ('P1a', 'P1b', 'P2', 'P3', 'P4', 'P5', 'P6')),
  constraint ptl_patients_clock_state_known check (clock_state in ('running', 'stopped', 'nullified')),
  constraint ptl_patients_stop_after_start check (clock_stop_date is null or clock_stop_date >= clock_period_start)
);
comment on table public.ptl_patients is 'RTT pathways on a trainee''s own PTL; clock_* columns are derived from ptl_events by the server.';

-- Also the owner index every policy uses (user_id leads it). Indexes are kept to what the hot
-- queries need: each one more costs every row of a 100,000-row import.
create unique index ptl_patients_user_patient_id_key on public.ptl_patients (user_id, patient_id);
-- The PTL proper: open clocks, longest wait (earliest period start) first. A filter (specialty,
-- priority…) walks this index in order and skips non-matching rows, which stays fast for a page.
create index ptl_patients_open_wait_idx on public.ptl_patients (user_id, clock_period_start, id)
  where clock_state = 'running' and on_ptl;

create trigger ptl_patients_bump_version
  before update on public.ptl_patients
  for each row execute function private.bump_version();

alter table public.ptl_patients enable row level security;
revoke all on table public.ptl_patients from anon, authenticated;
grant select, delete on table public.ptl_patients to authenticated;
grant insert (user_id, patient_id, patient_name, nhs_number, specialty, referral_date, clock_start_date, pathway_type,
              priority, current_status, clock_state, clock_period_start, clock_stop_date, on_ptl)
  on table public.ptl_patients to authenticated;
grant update (patient_id, patient_name, nhs_number, specialty, referral_date, clock_start_date, pathway_type,
              priority, current_status, clock_state, clock_period_start, clock_stop_date, on_ptl)
  on table public.ptl_patients to authenticated;

-- A trainee sees their own pathways only.
create policy "A user reads their own pathways"
  on public.ptl_patients for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins follow every trainee's work, read-only: there is no admin write policy.
create policy "Admins read every pathway"
  on public.ptl_patients for select to app_admin
  using (true);

-- A trainee adds pathways to their own PTL only.
create policy "A user adds their own pathways"
  on public.ptl_patients for insert to authenticated
  with check (user_id = (select auth.uid()));

-- A trainee changes only their own pathways and cannot hand one to someone else.
create policy "A user updates their own pathways"
  on public.ptl_patients for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- A trainee removes only their own pathways.
create policy "A user deletes their own pathways"
  on public.ptl_patients for delete to authenticated
  using (user_id = (select auth.uid()));

create table public.ptl_events (
  id uuid primary key default gen_random_uuid(),
  pathway_id uuid not null references public.ptl_patients (id) on delete cascade,
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  event_type text not null,
  event_date date not null,
  rtt_status text not null,
  appointment_communicated boolean not null default true,
  note text not null default '',
  seq bigint generated always as identity,
  created_at timestamptz not null default now(),
  constraint ptl_events_rtt_status_format check (rtt_status ~ '^[0-9]{2}$'),
  constraint ptl_events_note_length check (char_length(note) <= 2000),
  constraint ptl_events_type_known check (event_type in (
    'outpatient_attended', 'diagnostics', 'decision_to_admit', 'pre_op_assessment', 'first_appointment_dna',
    'later_appointment_dna', 'discharged_after_dna', 'patient_cancelled', 'hospital_cancelled',
    'patient_requested_delay', 'admitted_not_treated', 'treatment_outpatient', 'treatment_admitted',
    'active_monitoring_patient', 'active_monitoring_clinician', 'decision_not_to_treat', 'added_to_transplant_list',
    'patient_declined_treatment', 'patient_died', 'rebooked_after_dna', 'clinician_reoffer_after_dna',
    'decision_to_treat_after_monitoring', 'new_period_second_side', 'new_period_new_treatment', 'transferred_out'
  ))
);
comment on table public.ptl_events is 'What happened on each RTT pathway, in date order (seq breaks ties by recording order).';

create index ptl_events_pathway_idx on public.ptl_events (pathway_id, event_date, seq);
create index ptl_events_user_id_idx on public.ptl_events (user_id);

alter table public.ptl_events enable row level security;
revoke all on table public.ptl_events from anon, authenticated;
grant select, delete on table public.ptl_events to authenticated;
grant insert (pathway_id, user_id, event_type, event_date, rtt_status, appointment_communicated, note)
  on table public.ptl_events to authenticated;

-- A trainee sees the events of their own pathways only.
create policy "A user reads their own pathway events"
  on public.ptl_events for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every event, read-only.
create policy "Admins read every pathway event"
  on public.ptl_events for select to app_admin
  using (true);

-- An event is recorded by the pathway's owner, on a pathway they own.
create policy "A user records events on their own pathways"
  on public.ptl_events for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.ptl_patients p where p.id = pathway_id and p.user_id = (select auth.uid()))
  );

-- A trainee removes only their own events (events are corrected by removing and re-recording).
create policy "A user deletes their own pathway events"
  on public.ptl_events for delete to authenticated
  using (user_id = (select auth.uid()));

-- Open clocks counted per user, specialty and period start, kept exact by statement-level triggers,
-- so the PTL's statistics read a few thousand counters instead of scanning every pathway.
create table public.ptl_open_counts (
  user_id uuid not null references public.accounts (id) on delete cascade,
  specialty text not null,
  clock_period_start date not null,
  pathways integer not null,
  primary key (user_id, specialty, clock_period_start)
);
comment on table public.ptl_open_counts is 'Open RTT clocks per user, specialty and period start; maintained by triggers on ptl_patients.';

alter table public.ptl_open_counts enable row level security;
revoke all on table public.ptl_open_counts from anon, authenticated;
grant select on table public.ptl_open_counts to authenticated;

-- A trainee reads the counters of their own PTL only.
create policy "A user reads their own PTL counts"
  on public.ptl_open_counts for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every trainee's counters, read-only.
create policy "Admins read every PTL count"
  on public.ptl_open_counts for select to app_admin
  using (true);

-- Applies the change a statement made: rows that left the open set count down, rows that joined count
-- up. Only increases may create a counter; a decrease finds its counter or nothing (when an account
-- is erased its counters go first, by cascade). Only the counters touched are checked for zero.
-- Security definer because clients have no write grant on the counters; it only ever moves them by
-- what the (RLS-checked) statement on ptl_patients itself did.
create or replace function private.ptl_open_counts_apply(changes jsonb)
returns void
language sql
security definer
set search_path = ''
as $$
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
$$;
revoke all on function private.ptl_open_counts_apply(jsonb) from public;

create or replace function private.ptl_open_counts_after_insert()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.ptl_open_counts_apply(coalesce((
    select jsonb_agg(jsonb_build_object('user_id', user_id, 'specialty', specialty, 'clock_period_start', clock_period_start, 'delta', n))
      from (select user_id, specialty, clock_period_start, count(*) as n from new_rows
             where clock_state = 'running' and on_ptl group by 1, 2, 3) g), '[]'::jsonb));
  return null;
end;
$$;

create or replace function private.ptl_open_counts_after_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform private.ptl_open_counts_apply(coalesce((
    select jsonb_agg(jsonb_build_object('user_id', user_id, 'specialty', specialty, 'clock_period_start', clock_period_start, 'delta', -n))
      from (select user_id, specialty, clock_period_start, count(*) as n from old_rows
             where clock_state = 'running' and on_ptl group by 1, 2, 3) g), '[]'::jsonb));
  return null;
end;
$$;

create or replace function private.ptl_open_counts_after_update()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
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
$$;
revoke all on function private.ptl_open_counts_after_insert(), private.ptl_open_counts_after_delete(),
  private.ptl_open_counts_after_update() from public;

create trigger ptl_patients_open_counts_insert
  after insert on public.ptl_patients
  referencing new table as new_rows
  for each statement execute function private.ptl_open_counts_after_insert();
create trigger ptl_patients_open_counts_delete
  after delete on public.ptl_patients
  referencing old table as old_rows
  for each statement execute function private.ptl_open_counts_after_delete();
create trigger ptl_patients_open_counts_update
  after update on public.ptl_patients
  referencing old table as old_rows new table as new_rows
  for each statement execute function private.ptl_open_counts_after_update();
