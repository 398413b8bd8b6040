-- Cancer pathways: each user's own register of patients on the three Cancer Waiting Times
-- standards in force since October 2023 (28-day Faster Diagnosis, 31-day decision to treat to
-- first treatment, 62-day referral or consultant upgrade to first treatment), optionally linked to
-- one of the user's own PTL pathways. Only the recorded dates are stored: the clocks are computed
-- from them at a census date (`as_of`) by the server, in TypeScript for one row and as SQL
-- expressions for lists, so nothing derived can go stale. Made from the owned-table template
-- (docs/adding-a-module.md). The checks below restate the contract's date rules so that a clock
-- whose stop falls before its start cannot be stored whoever writes the row.

create table public.cancer_pathways (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  patient_id text not null,
  patient_name text not null,
  nhs_number text,
  tumour_site text not null,
  route text not null,
  screening_programme text,
  referral_received_date date not null,
  upgrade_date date,
  diagnosis text,
  diagnosis_communicated_date date,
  decision_to_treat_date date,
  first_treatment_date date,
  treatment_modality text,
  breach_reason text,
  ptl_pathway_id uuid references public.ptl_patients (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cancer_pathways_patient_id_format check (patient_id ~ '^[A-Za-z0-9._/-]{1,40}$'),
  constraint cancer_pathways_patient_name_length check (char_length(patient_name) between 1 and 200),
  constraint cancer_pathways_nhs_number_format check (nhs_number is null or nhs_number ~ '^[0-9]{10}$'),
  constraint cancer_pathways_tumour_site_known check (tumour_site in (
    'breast', 'gynaecological', 'haematological', 'head_and_neck', 'lower_gi', 'upper_gi', 'lung', 'skin',
    'urological', 'testicular', 'brain_cns', 'sarcoma', 'childrens', 'other')),
  constraint cancer_pathways_route_known check (route in ('usc', 'breast_symptomatic', 'screening', 'consultant_upgrade', 'other')),
  constraint cancer_pathways_screening_programme_known check (screening_programme is null or screening_programme in ('breast', 'bowel', 'cervical', 'lung')),
  constraint cancer_pathways_diagnosis_known check (diagnosis is null or diagnosis in ('cancer', 'ruled_out')),
  constraint cancer_pathways_treatment_modality_known check (treatment_modality is null or treatment_modality in (
    'surgery', 'anti_cancer_drug', 'radiotherapy', 'hormone', 'active_monitoring', 'other')),
  constraint cancer_pathways_breach_reason_length check (breach_reason is null or char_length(breach_reason) between 1 and 2000),
  -- A screening programme exactly when the referral came from screening.
  constraint cancer_pathways_screening_iff check ((route = 'screening') = (screening_programme is not null)),
  -- An upgrade date exactly on the consultant-upgrade route, never after the first treatment.
  constraint cancer_pathways_upgrade_iff check ((route = 'consultant_upgrade') = (upgrade_date is not null)),
  constraint cancer_pathways_upgrade_before_treatment check (upgrade_date is null or first_treatment_date is null or upgrade_date <= first_treatment_date),
  -- A diagnosis is recorded with the date the patient was told, or not at all.
  constraint cancer_pathways_diagnosis_told check ((diagnosis is null) = (diagnosis_communicated_date is null)),
  -- Nothing happens on a pathway before its referral was received.
  constraint cancer_pathways_dates_after_referral check (
    (upgrade_date is null or upgrade_date >= referral_received_date)
    and (diagnosis_communicated_date is null or diagnosis_communicated_date >= referral_received_date)
    and (decision_to_treat_date is null or decision_to_treat_date >= referral_received_date)
    and (first_treatment_date is null or first_treatment_date >= referral_received_date)),
  -- A first treatment follows a decision to treat made on or before it.
  constraint cancer_pathways_treatment_after_decision check (
    first_treatment_date is null or (decision_to_treat_date is not null and decision_to_treat_date <= first_treatment_date)),
  -- Once cancer is ruled out nothing more happens on the pathway: no decision to treat, treatment
  -- or consultant upgrade dated after the day the patient was told.
  constraint cancer_pathways_nothing_after_ruled_out check (
    diagnosis is distinct from 'ruled_out'
    or ((decision_to_treat_date is null or decision_to_treat_date <= diagnosis_communicated_date)
        and (first_treatment_date is null or first_treatment_date <= diagnosis_communicated_date)
        and (upgrade_date is null or upgrade_date <= diagnosis_communicated_date)))
);
comment on table public.cancer_pathways is 'A user''s own cancer pathways (CWT 28/31/62-day standards), optionally linked to one of their PTL pathways; clocks are computed by the server, never stored.';

-- The owner leads the policy index and the list's default order (newest first).
create index cancer_pathways_user_idx on public.cancer_pathways (user_id, created_at desc, id desc);
-- The pathway link: serves the policies' PTL check, the foreign key's "on delete set null" and the PTL page.
create index cancer_pathways_ptl_pathway_id_idx on public.cancer_pathways (ptl_pathway_id) where ptl_pathway_id is not null;

create trigger cancer_pathways_bump_version
  before update on public.cancer_pathways
  for each row execute function private.bump_version();

alter table public.cancer_pathways enable row level security;
revoke all on table public.cancer_pathways from public, anon, authenticated, service_role, app_admin;
grant select, delete on table public.cancer_pathways to authenticated;
grant insert (user_id, patient_id, patient_name, nhs_number, tumour_site, route, screening_programme,
              referral_received_date, upgrade_date, diagnosis, diagnosis_communicated_date,
              decision_to_treat_date, first_treatment_date, treatment_modality, breach_reason, ptl_pathway_id)
  on table public.cancer_pathways to authenticated;
grant update (patient_id, patient_name, nhs_number, tumour_site, route, screening_programme,
              referral_received_date, upgrade_date, diagnosis, diagnosis_communicated_date,
              decision_to_treat_date, first_treatment_date, treatment_modality, breach_reason, ptl_pathway_id)
  on table public.cancer_pathways to authenticated;

-- A user reads their own cancer pathways.
create policy "A user reads their own cancer pathways"
  on public.cancer_pathways for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every cancer pathway, read-only: there is no admin write policy.
create policy "Admins read every cancer pathway"
  on public.cancer_pathways for select to app_admin
  using (true);

-- A user adds cancer pathways as themselves, linked (if at all) to a PTL pathway of their own: the
-- subquery runs under the PTL's own policy, so another user's pathway is simply not there.
create policy "A user adds their own cancer pathways"
  on public.cancer_pathways for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and (ptl_pathway_id is null or exists (select 1 from public.ptl_patients p where p.id = ptl_pathway_id and p.user_id = (select auth.uid())))
  );

-- A user edits their own cancer pathways, and may link them only to their own PTL pathways.
create policy "A user edits their own cancer pathways"
  on public.cancer_pathways for update to authenticated
  using (user_id = (select auth.uid()))
  with check (
    user_id = (select auth.uid())
    and (ptl_pathway_id is null or exists (select 1 from public.ptl_patients p where p.id = ptl_pathway_id and p.user_id = (select auth.uid())))
  );

-- A user deletes their own cancer pathways.
create policy "A user deletes their own cancer pathways"
  on public.cancer_pathways for delete to authenticated
  using (user_id = (select auth.uid()));

-- Every change on the audit trail (who, when, before and after), in the same transaction.
select private.enable_audit('public.cancer_pathways', 'user_id');
