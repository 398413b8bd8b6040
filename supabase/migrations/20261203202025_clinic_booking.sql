-- Clinic booking: a user's own clinic templates (a weekly session of one clinician), the slots
-- generated from them, and the appointments booked into those slots, each optionally linked to one
-- of the user's own PTL pathways (its outcomes become RTT events there, written by the server in
-- the same transaction). All three tables follow the owned-table template (docs/adding-a-module.md):
-- owner column with the auth.uid() default and erasure by cascade, version trigger, explicit grants,
-- one policy per operation, admin read, link checks in the policies, an index on every policy
-- column, and the audit trail.
--
-- The one rule the database itself guarantees: a slot holds at most one live appointment (booked,
-- attended or did-not-attend), by a partial unique index, so of concurrent bookings exactly one wins.

create table public.clinic_templates (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  name text not null,
  specialty text not null,
  clinician text not null,
  -- ISO weekday: 1 = Monday … 7 = Sunday.
  weekday smallint not null,
  start_time time not null,
  end_time time not null,
  slot_minutes smallint not null,
  -- The first new_slots slots of a session are for new patients, the rest for follow-ups.
  new_slots smallint not null default 0,
  valid_from date not null,
  valid_to date,
  cancelled_dates date[] not null default '{}',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint clinic_templates_name_length check (char_length(name) between 1 and 200),
  constraint clinic_templates_clinician_length check (char_length(clinician) between 1 and 200),
  constraint clinic_templates_specialty_length check (char_length(specialty) between 1 and 100),
  constraint clinic_templates_weekday_iso check (weekday between 1 and 7),
  constraint clinic_templates_whole_minutes check (extract(second from start_time) = 0 and extract(second from end_time) = 0),
  constraint clinic_templates_slot_minutes_range check (slot_minutes between 5 and 240),
  -- capacity = ⌊(end − start) ÷ slot_minutes⌋ ≥ 1, and new_slots ≤ capacity ⇔ new_slots · slot_minutes ≤ end − start.
  constraint clinic_templates_capacity_at_least_one check (end_time - start_time >= make_interval(mins => slot_minutes)),
  constraint clinic_templates_new_slots_within_capacity check (
    new_slots >= 0 and make_interval(mins => new_slots * slot_minutes) <= end_time - start_time),
  constraint clinic_templates_valid_range check (valid_to is null or valid_to >= valid_from),
  constraint clinic_templates_cancelled_dates_size check (cardinality(cancelled_dates) <= 500 and array_position(cancelled_dates, null) is null)
);
comment on table public.clinic_templates is 'A user''s weekly clinic sessions (clinician, weekday, times, slot length, new/follow-up split, validity, cancelled dates).';

-- user_id leads the policy index and the list's order (weekday, then start time).
create index clinic_templates_user_idx on public.clinic_templates (user_id, weekday, start_time, id);

create trigger clinic_templates_bump_version
  before update on public.clinic_templates
  for each row execute function private.bump_version();

alter table public.clinic_templates enable row level security;
revoke all on table public.clinic_templates from public, anon, authenticated, service_role, app_admin;
grant select, delete on table public.clinic_templates to authenticated;
grant insert (user_id, name, specialty, clinician, weekday, start_time, end_time, slot_minutes, new_slots, valid_from, valid_to, cancelled_dates)
  on table public.clinic_templates to authenticated;
grant update (name, specialty, clinician, weekday, start_time, end_time, slot_minutes, new_slots, valid_from, valid_to, cancelled_dates)
  on table public.clinic_templates to authenticated;

-- A user reads their own clinic templates.
create policy "A user reads their own clinic templates"
  on public.clinic_templates for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every clinic template, read-only.
create policy "Admins read every clinic template"
  on public.clinic_templates for select to app_admin
  using (true);

-- A user adds templates as themselves only.
create policy "A user adds their own clinic templates"
  on public.clinic_templates for insert to authenticated
  with check (user_id = (select auth.uid()));

-- A user edits their own templates and cannot hand one to someone else.
create policy "A user edits their own clinic templates"
  on public.clinic_templates for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- A user deletes their own templates (their slots go with them; appointments hold them back, below).
create policy "A user deletes their own clinic templates"
  on public.clinic_templates for delete to authenticated
  using (user_id = (select auth.uid()));

select private.enable_audit('public.clinic_templates', 'user_id');


create table public.clinic_slots (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  clinic_id uuid not null references public.clinic_templates (id) on delete cascade,
  date date not null,
  start_time time not null,
  end_time time not null,
  kind text not null,
  cancelled boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Slot generation is idempotent through this: a re-run inserts only what is missing.
  constraint clinic_slots_clinic_date_start_key unique (clinic_id, date, start_time),
  constraint clinic_slots_kind_known check (kind in ('new', 'follow_up')),
  constraint clinic_slots_times_order check (end_time > start_time)
);
comment on table public.clinic_slots is 'Bookable slots generated from a user''s clinic templates; free, booked (a live appointment holds it) or cancelled.';

-- user_id leads the policy index and the slot lists' order; the unique key above leads with clinic_id
-- (the clinic policy check, a clinic's day and the cascade from its template).
create index clinic_slots_user_date_idx on public.clinic_slots (user_id, date, start_time, id);

create trigger clinic_slots_bump_version
  before update on public.clinic_slots
  for each row execute function private.bump_version();

alter table public.clinic_slots enable row level security;
revoke all on table public.clinic_slots from public, anon, authenticated, service_role, app_admin;
-- No delete grant: slots go with their template (or the account), never one by one; a slot that
-- should not be booked is cancelled.
grant select on table public.clinic_slots to authenticated;
grant insert (user_id, clinic_id, date, start_time, end_time, kind) on table public.clinic_slots to authenticated;
grant update (cancelled) on table public.clinic_slots to authenticated;

-- A user reads their own slots.
create policy "A user reads their own clinic slots"
  on public.clinic_slots for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every slot, read-only.
create policy "Admins read every clinic slot"
  on public.clinic_slots for select to app_admin
  using (true);

-- A user adds slots as themselves, to a clinic of their own: the subquery runs under the templates'
-- own policy, so another user's clinic is simply not there.
create policy "A user adds slots to their own clinics"
  on public.clinic_slots for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.clinic_templates c where c.id = clinic_id and c.user_id = (select auth.uid()))
  );

-- A user cancels or reopens their own slots.
create policy "A user edits their own clinic slots"
  on public.clinic_slots for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

select private.enable_audit('public.clinic_slots', 'user_id');


create table public.appointments (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  -- No action (checked at the end of the statement), not cascade: a clinic whose slots hold
  -- appointments cannot be deleted, yet erasing the account removes all of them in one statement.
  slot_id uuid not null references public.clinic_slots (id),
  -- Copied from the slot by the trigger below, so they can never disagree with it; kept as plain
  -- columns for the lists, views and trackers that read appointments.
  clinic_id uuid not null references public.clinic_templates (id),
  date date not null,
  start_time time not null,
  kind text not null,
  pathway_id uuid references public.ptl_patients (id) on delete set null,
  patient_id text not null,
  patient_name text not null,
  booked_on date not null,
  communicated boolean not null default true,
  status text not null default 'booked',
  outcome_date date,
  clinic_outcome text,
  discharge_date date,
  -- The appointment this one was rebooked as. The foreign key carries the owner, so a rebooking
  -- can only point at an appointment of the same user: a policy cannot check this with a subquery
  -- on its own table (PostgreSQL refuses the recursion), the key does it for every writer.
  rebooked_as uuid,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint appointments_kind_known check (kind in ('new', 'follow_up')),
  constraint appointments_patient_id_format check (patient_id ~ '^[A-Za-z0-9._/-]{1,40}$'),
  constraint appointments_patient_name_length check (char_length(patient_name) between 1 and 200),
  constraint appointments_booked_before_slot check (booked_on <= date),
  constraint appointments_status_known check (status in ('booked', 'attended', 'dna', 'patient_cancelled', 'hospital_cancelled')),
  constraint appointments_clinic_outcome_known check (clinic_outcome is null or clinic_outcome in (
    'follow_up', 'decision_to_admit', 'treatment_started', 'active_monitoring_patient', 'active_monitoring_clinician',
    'no_treatment_needed', 'patient_declined_treatment')),
  constraint appointments_not_rebooked_as_itself check (rebooked_as is null or rebooked_as <> id),
  constraint appointments_id_user_key unique (id, user_id),
  constraint appointments_rebooked_as_fkey foreign key (rebooked_as, user_id)
    references public.appointments (id, user_id) on delete set null (rebooked_as),
  -- Each status carries exactly its own outcome fields: an attendance or DNA is dated the slot's day,
  -- a cancellation the day it was made (between booking and the slot), a discharge after the DNA.
  constraint appointments_outcome_fields check (
    (status = 'booked' and outcome_date is null and clinic_outcome is null and discharge_date is null and rebooked_as is null)
    or (status = 'attended' and outcome_date = date and discharge_date is null and rebooked_as is null)
    or (status = 'dna' and outcome_date = date and clinic_outcome is null and (discharge_date is null or discharge_date >= date))
    or (status in ('patient_cancelled', 'hospital_cancelled') and outcome_date between booked_on and date
        and clinic_outcome is null and discharge_date is null)
  )
);
comment on table public.appointments is 'Appointments a user booked into their own clinic slots, with outcomes; linked PTL pathways get RTT events noted booking:<id>.';

-- One live appointment per slot, whoever races for it: concurrent inserts wait on this index and
-- all but the first fail with 23505. Cancelled appointments free their slot.
create unique index appointments_live_slot_key on public.appointments (slot_id) where status in ('booked', 'attended', 'dna');
-- user_id leads the policy index and the lists' order (date, start time).
create index appointments_user_date_idx on public.appointments (user_id, date, start_time, id);
-- The slot policy check and the slot foreign key (every appointment of a slot, live or not).
create index appointments_slot_id_idx on public.appointments (slot_id);
-- A clinic's appointments: the day list, the statistics, and the template's foreign key.
create index appointments_clinic_date_idx on public.appointments (clinic_id, date);
-- A pathway's appointments; also serves the pathway policy check and the foreign key.
create index appointments_pathway_id_idx on public.appointments (pathway_id) where pathway_id is not null;
-- The rebooking link: the self-referencing foreign key (deleting the new appointment unlinks the old).
create index appointments_rebooked_as_idx on public.appointments (rebooked_as) where rebooked_as is not null;

-- Copies the slot's clinic, date, time and kind into a new appointment, and refuses a cancelled
-- slot. Security invoker: the slot is read under the caller's own policies (another user's slot is
-- not found), and locked for share so a concurrent cancellation of the slot waits for this booking.
create or replace function private.appointments_from_slot()
returns trigger
language plpgsql
set search_path = ''
as $$
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
$$;
revoke all on function private.appointments_from_slot() from public, anon, authenticated, service_role;

create trigger appointments_from_slot
  before insert on public.appointments
  for each row execute function private.appointments_from_slot();

create trigger appointments_bump_version
  before update on public.appointments
  for each row execute function private.bump_version();

alter table public.appointments enable row level security;
revoke all on table public.appointments from public, anon, authenticated, service_role, app_admin;
grant select, delete on table public.appointments to authenticated;
-- The slot's columns come from the trigger; a new appointment is always `booked`.
grant insert (user_id, slot_id, pathway_id, patient_id, patient_name, booked_on, communicated)
  on table public.appointments to authenticated;
-- Only outcomes change an appointment; a different slot is a rebooking (a new appointment).
grant update (status, outcome_date, clinic_outcome, discharge_date, rebooked_as)
  on table public.appointments to authenticated;

-- A user reads their own appointments.
create policy "A user reads their own appointments"
  on public.appointments for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every appointment, read-only.
create policy "Admins read every appointment"
  on public.appointments for select to app_admin
  using (true);

-- A user books as themselves, into a slot of their own, for a pathway of their own (if any): each
-- subquery runs under the linked table's own policy, so another user's row is simply not there.
create policy "A user books their own appointments"
  on public.appointments for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.clinic_slots s where s.id = slot_id and s.user_id = (select auth.uid()))
    and (pathway_id is null or exists (select 1 from public.ptl_patients p where p.id = pathway_id and p.user_id = (select auth.uid())))
  );

-- A user records outcomes on their own appointments (a rebooking points only at their own: the
-- foreign key on (rebooked_as, user_id) sees to that).
create policy "A user records outcomes on their own appointments"
  on public.appointments for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- A user deletes their own appointments (the server allows it only while booked).
create policy "A user deletes their own appointments"
  on public.appointments for delete to authenticated
  using (user_id = (select auth.uid()));

select private.enable_audit('public.appointments', 'user_id');
