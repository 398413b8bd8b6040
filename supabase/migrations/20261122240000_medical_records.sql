-- Medical records: a doctor writes a record about a patient account; the patient reads every record
-- about them, the doctor the records they wrote, and nobody else any (admins neither: there is no
-- admin policy on purpose). Only an account whose role is `doctor` writes, only as itself, and only
-- about an account whose role is `patient`. Accounts RLS shows a user their own row alone, so the
-- role checks go through narrow security-definer helpers that answer for the caller only.

create table public.medical_records (
  id uuid primary key default gen_random_uuid(),
  doctor_id uuid not null references public.accounts (id) on delete cascade,
  patient_id uuid not null references public.accounts (id) on delete cascade,
  title text not null,
  notes text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint medical_records_title_length check (char_length(title) between 1 and 200 and title = btrim(title)),
  constraint medical_records_notes_length check (char_length(notes) between 1 and 20000 and notes ~ '[^[:space:]]'),
  constraint medical_records_not_self check (doctor_id <> patient_id)
);
comment on table public.medical_records is 'Records a doctor writes about a patient; readable by those two accounts only, written by the doctor only.';
-- Both serve the policies (doctor_id, patient_id) and the newest-first lists of each side.
create index medical_records_doctor_id_idx on public.medical_records (doctor_id, created_at desc, id desc);
create index medical_records_patient_id_idx on public.medical_records (patient_id, created_at desc, id desc);

create trigger medical_records_bump_version
  before update on public.medical_records
  for each row execute function private.bump_version();

-- Who wrote a record and whom it is about never change, whoever updates it (the owner connection
-- included); client roles are also kept off those columns by the grants below.
create or replace function private.medical_records_guard()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if (new.doctor_id, new.patient_id) is distinct from (old.doctor_id, old.patient_id) then
    raise exception 'the doctor and the patient of a medical record never change' using errcode = '42501';
  end if;
  return new;
end;
$$;
revoke all on function private.medical_records_guard() from public;

create trigger medical_records_guard
  before update on public.medical_records
  for each row execute function private.medical_records_guard();

-- Whether the caller may write a record as p_doctor_id about p_patient_id: the caller is that
-- doctor, their account's role is doctor, and the other account's role is patient. It answers for
-- the caller only (false for anyone who is not a doctor), so it tells no one else any account's role.
create or replace function private.may_write_medical_record(p_doctor_id uuid, p_patient_id uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select p_doctor_id = (select auth.uid())
     and exists (select 1 from public.accounts d where d.id = p_doctor_id and d.role = 'doctor')
     and exists (select 1 from public.accounts p where p.id = p_patient_id and p.role = 'patient');
$$;
revoke all on function private.may_write_medical_record(uuid, uuid) from public;
grant execute on function private.may_write_medical_record(uuid, uuid) to authenticated;

-- A doctor names the patient by email (or account id); this returns the patient's account id, or
-- null when there is no such account, when it is not a patient's, or when the caller is not a
-- doctor. The three look the same, so nobody learns whether a non-patient account exists.
create or replace function public.resolve_patient_account(p_email text, p_id uuid)
returns uuid
language sql
stable
security definer
set search_path = ''
as $$
  select p.id
    from public.accounts p
   where ((p_email is not null and p.email = lower(btrim(p_email))) or (p_email is null and p.id = p_id))
     and p.role = 'patient'
     and exists (select 1 from public.accounts d where d.id = (select auth.uid()) and d.role = 'doctor');
$$;
revoke all on function public.resolve_patient_account(text, uuid) from public;
grant execute on function public.resolve_patient_account(text, uuid) to authenticated;

alter table public.medical_records enable row level security;
revoke all on table public.medical_records from anon, authenticated, app_admin;
grant select, delete on table public.medical_records to authenticated;
grant insert (doctor_id, patient_id, title, notes) on table public.medical_records to authenticated;
grant update (title, notes) on table public.medical_records to authenticated;

-- The doctor reads the records they wrote; the patient reads every record about them.
create policy "The doctor and the patient of a record read it"
  on public.medical_records for select to authenticated
  using (doctor_id = (select auth.uid()) or patient_id = (select auth.uid()));

-- Only a doctor writes records, only as themselves, and only about a patient account.
create policy "A doctor writes records about patients as themselves"
  on public.medical_records for insert to authenticated
  with check (doctor_id = (select auth.uid()) and private.may_write_medical_record(doctor_id, patient_id));

-- Only the doctor who wrote a record edits it (its title and notes; the grants and the guard keep
-- the doctor and the patient fixed). A patient never writes.
create policy "The writing doctor edits their records"
  on public.medical_records for update to authenticated
  using (doctor_id = (select auth.uid()))
  with check (doctor_id = (select auth.uid()));

-- Only the doctor who wrote a record deletes it.
create policy "The writing doctor deletes their records"
  on public.medical_records for delete to authenticated
  using (doctor_id = (select auth.uid()));
