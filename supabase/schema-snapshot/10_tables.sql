-- Tables: columns, constraints, comments and indexes, by schema and name.
-- Generated from a freshly migrated database by `npx tsx scripts/schema-snapshot.ts`; do not edit.
-- To change anything, add a migration (docs/migrations.md), then regenerate this snapshot.

create table app_meta.schema_migrations (
  version text not null,
  name text not null,
  checksum text not null,
  applied_at timestamp with time zone default now() not null,
  constraint schema_migrations_pkey PRIMARY KEY (version)
);

create table app_meta.seed_runs (
  name text not null,
  checksum text not null,
  applied_at timestamp with time zone default now() not null,
  constraint seed_runs_pkey PRIMARY KEY (name)
);

create table private.auth_sessions (
  id uuid default gen_random_uuid() not null,
  account_id uuid not null,
  token_hash bytea not null,
  created_at timestamp with time zone default now() not null,
  last_used_at timestamp with time zone default now() not null,
  expires_at timestamp with time zone not null,
  revoked_at timestamp with time zone,
  user_agent text,
  ip text,
  constraint auth_sessions_pkey PRIMARY KEY (id),
  constraint auth_sessions_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE
);
comment on table private.auth_sessions is 'Server-side sessions; only the SHA-256 of each token is stored, so a leaked table cannot be replayed.';
CREATE INDEX auth_sessions_account_id_idx ON private.auth_sessions USING btree (account_id);
CREATE UNIQUE INDEX auth_sessions_token_hash_key ON private.auth_sessions USING btree (token_hash);

create table private.credentials (
  account_id uuid not null,
  password_hash text not null,
  updated_at timestamp with time zone default now() not null,
  constraint credentials_pkey PRIMARY KEY (account_id),
  constraint credentials_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE
);
comment on table private.credentials is 'argon2id password hashes; never readable by a client role.';

create table private.host_session_counts (
  user_id uuid not null,
  completed integer default 0 not null,
  no_show integer default 0 not null,
  constraint host_session_counts_pkey PRIMARY KEY (user_id),
  constraint host_session_counts_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.profiles(user_id) ON DELETE CASCADE,
  constraint host_session_counts_completed_check CHECK (completed >= 0),
  constraint host_session_counts_no_show_check CHECK (no_show >= 0)
);
comment on table private.host_session_counts is 'Each user''s completed and no-show stations as the board shows them, kept by a trigger on practice_sessions; no client role reads it directly.';

create table private.password_reset_tokens (
  token_hash bytea not null,
  account_id uuid not null,
  created_at timestamp with time zone default now() not null,
  expires_at timestamp with time zone not null,
  used_at timestamp with time zone,
  constraint password_reset_tokens_pkey PRIMARY KEY (token_hash),
  constraint password_reset_tokens_account_id_fkey FOREIGN KEY (account_id) REFERENCES public.accounts(id) ON DELETE CASCADE
);
comment on table private.password_reset_tokens is 'Single-use password reset tokens (hashed), valid for 30 minutes.';
CREATE INDEX password_reset_tokens_account_id_idx ON private.password_reset_tokens USING btree (account_id);

create table public.accounts (
  id uuid default gen_random_uuid() not null,
  email text not null,
  role text default 'trainee'::text not null,
  created_at timestamp with time zone default now() not null,
  last_seen_at timestamp with time zone,
  constraint accounts_pkey PRIMARY KEY (id),
  constraint accounts_email_length CHECK (char_length(email) >= 3 AND char_length(email) <= 254),
  constraint accounts_email_lowercase CHECK (email = lower(email)),
  constraint accounts_role_known CHECK (role = ANY (ARRAY['trainee'::text, 'doctor'::text, 'patient'::text, 'admin'::text]))
);
comment on table public.accounts is 'One row per person who can sign in; email is stored lower-cased and unique.';
CREATE UNIQUE INDEX accounts_email_key ON public.accounts USING btree (email);

create table public.admin_audit_log (
  id bigint generated always as identity not null,
  admin_id uuid not null,
  action text not null,
  subject_id uuid,
  detail jsonb default '{}'::jsonb not null,
  at timestamp with time zone default now() not null,
  constraint admin_audit_log_pkey PRIMARY KEY (id),
  constraint admin_audit_log_admin_id_fkey FOREIGN KEY (admin_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint admin_audit_log_subject_id_fkey FOREIGN KEY (subject_id) REFERENCES public.accounts(id) ON DELETE SET NULL,
  constraint admin_audit_log_action_format CHECK (action ~ '^[a-z_]+(\.[a-z_]+)*$'::text AND char_length(action) <= 100),
  constraint admin_audit_log_detail_object CHECK (jsonb_typeof(detail) = 'object'::text)
);
comment on table public.admin_audit_log is 'Append-only record of admins viewing trainees'' data; admins insert their own rows and read all, nobody updates or deletes.';
CREATE INDEX admin_audit_log_admin_id_idx ON public.admin_audit_log USING btree (admin_id);
CREATE INDEX admin_audit_log_at_idx ON public.admin_audit_log USING btree (at DESC, id DESC);
CREATE INDEX admin_audit_log_subject_id_idx ON public.admin_audit_log USING btree (subject_id);

create table public.appointments (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  slot_id uuid not null,
  clinic_id uuid not null,
  date date not null,
  start_time time without time zone not null,
  kind text not null,
  pathway_id uuid,
  patient_id text not null,
  patient_name text not null,
  booked_on date not null,
  communicated boolean default true not null,
  status text default 'booked'::text not null,
  outcome_date date,
  clinic_outcome text,
  discharge_date date,
  rebooked_as uuid,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint appointments_pkey PRIMARY KEY (id),
  constraint appointments_id_user_key UNIQUE (id, user_id),
  constraint appointments_clinic_id_fkey FOREIGN KEY (clinic_id) REFERENCES public.clinic_templates(id),
  constraint appointments_pathway_id_fkey FOREIGN KEY (pathway_id) REFERENCES public.ptl_patients(id) ON DELETE SET NULL,
  constraint appointments_rebooked_as_fkey FOREIGN KEY (rebooked_as, user_id) REFERENCES public.appointments(id, user_id) ON DELETE SET NULL (rebooked_as),
  constraint appointments_slot_id_fkey FOREIGN KEY (slot_id) REFERENCES public.clinic_slots(id),
  constraint appointments_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint appointments_booked_before_slot CHECK (booked_on <= date),
  constraint appointments_clinic_outcome_known CHECK (clinic_outcome IS NULL OR (clinic_outcome = ANY (ARRAY['follow_up'::text, 'decision_to_admit'::text, 'treatment_started'::text, 'active_monitoring_patient'::text, 'active_monitoring_clinician'::text, 'no_treatment_needed'::text, 'patient_declined_treatment'::text]))),
  constraint appointments_kind_known CHECK (kind = ANY (ARRAY['new'::text, 'follow_up'::text])),
  constraint appointments_not_rebooked_as_itself CHECK (rebooked_as IS NULL OR rebooked_as <> id),
  constraint appointments_outcome_fields CHECK (status = 'booked'::text AND outcome_date IS NULL AND clinic_outcome IS NULL AND discharge_date IS NULL AND rebooked_as IS NULL OR status = 'attended'::text AND outcome_date = date AND discharge_date IS NULL AND rebooked_as IS NULL OR status = 'dna'::text AND outcome_date = date AND clinic_outcome IS NULL AND (discharge_date IS NULL OR discharge_date >= date) OR (status = ANY (ARRAY['patient_cancelled'::text, 'hospital_cancelled'::text])) AND outcome_date >= booked_on AND outcome_date <= date AND clinic_outcome IS NULL AND discharge_date IS NULL),
  constraint appointments_patient_id_format CHECK (patient_id ~ '^[A-Za-z0-9._/-]{1,40}$'::text),
  constraint appointments_patient_name_length CHECK (char_length(patient_name) >= 1 AND char_length(patient_name) <= 200),
  constraint appointments_status_known CHECK (status = ANY (ARRAY['booked'::text, 'attended'::text, 'dna'::text, 'patient_cancelled'::text, 'hospital_cancelled'::text]))
);
comment on table public.appointments is 'Appointments a user booked into their own clinic slots, with outcomes; linked PTL pathways get RTT events noted booking:<id>.';
CREATE INDEX appointments_clinic_date_idx ON public.appointments USING btree (clinic_id, date);
CREATE UNIQUE INDEX appointments_live_slot_key ON public.appointments USING btree (slot_id) WHERE (status = ANY (ARRAY['booked'::text, 'attended'::text, 'dna'::text]));
CREATE INDEX appointments_pathway_id_idx ON public.appointments USING btree (pathway_id) WHERE (pathway_id IS NOT NULL);
CREATE INDEX appointments_rebooked_as_idx ON public.appointments USING btree (rebooked_as) WHERE (rebooked_as IS NOT NULL);
CREATE INDEX appointments_slot_id_idx ON public.appointments USING btree (slot_id);
CREATE INDEX appointments_user_date_idx ON public.appointments USING btree (user_id, date, start_time, id);

create table public.audit_trail (
  id bigint generated always as identity not null,
  at timestamp with time zone default now() not null,
  owner_id uuid not null,
  actor_id uuid,
  table_name text not null,
  row_id uuid not null,
  action text not null,
  before jsonb,
  after jsonb,
  constraint audit_trail_pkey PRIMARY KEY (id),
  constraint audit_trail_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint audit_trail_action_known CHECK (action = ANY (ARRAY['insert'::text, 'update'::text, 'delete'::text])),
  constraint audit_trail_images CHECK (action = 'insert'::text AND before IS NULL AND after IS NOT NULL OR action = 'update'::text AND before IS NOT NULL AND after IS NOT NULL OR action = 'delete'::text AND before IS NOT NULL AND after IS NULL)
);
comment on table public.audit_trail is 'Append-only history of every change to module rows, written by triggers; the owner and admins read it.';
CREATE INDEX audit_trail_owner_idx ON public.audit_trail USING btree (owner_id, id DESC);
CREATE INDEX audit_trail_row_id_idx ON public.audit_trail USING btree (row_id);

create table public.cancer_pathways (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
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
  ptl_pathway_id uuid,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint cancer_pathways_pkey PRIMARY KEY (id),
  constraint cancer_pathways_ptl_pathway_id_fkey FOREIGN KEY (ptl_pathway_id) REFERENCES public.ptl_patients(id) ON DELETE SET NULL,
  constraint cancer_pathways_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint cancer_pathways_breach_reason_length CHECK (breach_reason IS NULL OR char_length(breach_reason) >= 1 AND char_length(breach_reason) <= 2000),
  constraint cancer_pathways_dates_after_referral CHECK ((upgrade_date IS NULL OR upgrade_date >= referral_received_date) AND (diagnosis_communicated_date IS NULL OR diagnosis_communicated_date >= referral_received_date) AND (decision_to_treat_date IS NULL OR decision_to_treat_date >= referral_received_date) AND (first_treatment_date IS NULL OR first_treatment_date >= referral_received_date)),
  constraint cancer_pathways_diagnosis_known CHECK (diagnosis IS NULL OR (diagnosis = ANY (ARRAY['cancer'::text, 'ruled_out'::text]))),
  constraint cancer_pathways_diagnosis_told CHECK ((diagnosis IS NULL) = (diagnosis_communicated_date IS NULL)),
  constraint cancer_pathways_nhs_number_format CHECK (nhs_number IS NULL OR nhs_number ~ '^[0-9]{10}$'::text),
  constraint cancer_pathways_nothing_after_ruled_out CHECK (diagnosis IS DISTINCT FROM 'ruled_out'::text OR (decision_to_treat_date IS NULL OR decision_to_treat_date <= diagnosis_communicated_date) AND (first_treatment_date IS NULL OR first_treatment_date <= diagnosis_communicated_date) AND (upgrade_date IS NULL OR upgrade_date <= diagnosis_communicated_date)),
  constraint cancer_pathways_patient_id_format CHECK (patient_id ~ '^[A-Za-z0-9._/-]{1,40}$'::text),
  constraint cancer_pathways_patient_name_length CHECK (char_length(patient_name) >= 1 AND char_length(patient_name) <= 200),
  constraint cancer_pathways_route_known CHECK (route = ANY (ARRAY['usc'::text, 'breast_symptomatic'::text, 'screening'::text, 'consultant_upgrade'::text, 'other'::text])),
  constraint cancer_pathways_screening_iff CHECK ((route = 'screening'::text) = (screening_programme IS NOT NULL)),
  constraint cancer_pathways_screening_programme_known CHECK (screening_programme IS NULL OR (screening_programme = ANY (ARRAY['breast'::text, 'bowel'::text, 'cervical'::text, 'lung'::text]))),
  constraint cancer_pathways_treatment_after_decision CHECK (first_treatment_date IS NULL OR decision_to_treat_date IS NOT NULL AND decision_to_treat_date <= first_treatment_date),
  constraint cancer_pathways_treatment_modality_known CHECK (treatment_modality IS NULL OR (treatment_modality = ANY (ARRAY['surgery'::text, 'anti_cancer_drug'::text, 'radiotherapy'::text, 'hormone'::text, 'active_monitoring'::text, 'other'::text]))),
  constraint cancer_pathways_tumour_site_known CHECK (tumour_site = ANY (ARRAY['breast'::text, 'gynaecological'::text, 'haematological'::text, 'head_and_neck'::text, 'lower_gi'::text, 'upper_gi'::text, 'lung'::text, 'skin'::text, 'urological'::text, 'testicular'::text, 'brain_cns'::text, 'sarcoma'::text, 'childrens'::text, 'other'::text])),
  constraint cancer_pathways_upgrade_before_treatment CHECK (upgrade_date IS NULL OR first_treatment_date IS NULL OR upgrade_date <= first_treatment_date),
  constraint cancer_pathways_upgrade_iff CHECK ((route = 'consultant_upgrade'::text) = (upgrade_date IS NOT NULL))
);
comment on table public.cancer_pathways is 'A user''s own cancer pathways (CWT 28/31/62-day standards), optionally linked to one of their PTL pathways; clocks are computed by the server, never stored.';
CREATE INDEX cancer_pathways_ptl_pathway_id_idx ON public.cancer_pathways USING btree (ptl_pathway_id) WHERE (ptl_pathway_id IS NOT NULL);
CREATE INDEX cancer_pathways_user_idx ON public.cancer_pathways USING btree (user_id, created_at DESC, id DESC);

create table public.case_content (
  case_id uuid not null,
  condition text not null,
  candidate_brief jsonb not null,
  actor_brief jsonb not null,
  mark_scheme jsonb not null,
  constraint case_content_pkey PRIMARY KEY (case_id),
  constraint case_content_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE CASCADE,
  constraint case_content_condition_length CHECK (char_length(condition) >= 1 AND char_length(condition) <= 200),
  constraint case_content_shapes CHECK (jsonb_typeof(candidate_brief) = 'object'::text AND jsonb_typeof(actor_brief) = 'object'::text AND jsonb_typeof(mark_scheme) = 'object'::text)
);
comment on table public.case_content is 'What a candidate must not see early: condition, briefs, mark scheme. Readable by the case owner only.';

create table public.cases (
  id uuid default gen_random_uuid() not null,
  owner_id uuid,
  case_name text not null,
  internal_name text not null,
  category text not null,
  domain text not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint cases_pkey PRIMARY KEY (id),
  constraint cases_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint cases_case_name_length CHECK (char_length(case_name) >= 1 AND char_length(case_name) <= 120),
  constraint cases_category_known CHECK (category = ANY (ARRAY['history_taking'::text, 'examination'::text, 'communication'::text, 'data_interpretation'::text, 'ethics'::text])),
  constraint cases_domain_known CHECK (domain = ANY (ARRAY['cardiology'::text, 'respiratory'::text, 'gastroenterology'::text, 'neurology'::text, 'endocrinology'::text, 'renal'::text, 'haematology'::text, 'infectious_disease'::text, 'musculoskeletal'::text, 'dermatology'::text, 'psychiatry'::text, 'obstetrics_gynaecology'::text, 'paediatrics'::text, 'elderly_care'::text, 'surgery'::text, 'urology'::text, 'ent'::text, 'ophthalmology'::text, 'oncology'::text, 'emergency_medicine'::text, 'general_practice'::text, 'medical_ethics_law'::text])),
  constraint cases_internal_name_length CHECK (char_length(internal_name) >= 1 AND char_length(internal_name) <= 120)
);
comment on table public.cases is 'The case library: browsable facts of each case; owner_id null is the shared bank.';
CREATE INDEX cases_category_domain_idx ON public.cases USING btree (category, domain);
CREATE INDEX cases_owner_id_idx ON public.cases USING btree (owner_id);

create table public.clinic_slots (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  clinic_id uuid not null,
  date date not null,
  start_time time without time zone not null,
  end_time time without time zone not null,
  kind text not null,
  cancelled boolean default false not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint clinic_slots_pkey PRIMARY KEY (id),
  constraint clinic_slots_clinic_date_start_key UNIQUE (clinic_id, date, start_time),
  constraint clinic_slots_clinic_id_fkey FOREIGN KEY (clinic_id) REFERENCES public.clinic_templates(id) ON DELETE CASCADE,
  constraint clinic_slots_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint clinic_slots_kind_known CHECK (kind = ANY (ARRAY['new'::text, 'follow_up'::text])),
  constraint clinic_slots_times_order CHECK (end_time > start_time)
);
comment on table public.clinic_slots is 'Bookable slots generated from a user''s clinic templates; free, booked (a live appointment holds it) or cancelled.';
CREATE INDEX clinic_slots_user_date_idx ON public.clinic_slots USING btree (user_id, date, start_time, id);

create table public.clinic_templates (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  name text not null,
  specialty text not null,
  clinician text not null,
  weekday smallint not null,
  start_time time without time zone not null,
  end_time time without time zone not null,
  slot_minutes smallint not null,
  new_slots smallint default 0 not null,
  valid_from date not null,
  valid_to date,
  cancelled_dates date[] default '{}'::date[] not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint clinic_templates_pkey PRIMARY KEY (id),
  constraint clinic_templates_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint clinic_templates_cancelled_dates_size CHECK (cardinality(cancelled_dates) <= 500 AND array_position(cancelled_dates, NULL::date) IS NULL),
  constraint clinic_templates_capacity_at_least_one CHECK ((end_time - start_time) >= make_interval(mins => slot_minutes::integer)),
  constraint clinic_templates_clinician_length CHECK (char_length(clinician) >= 1 AND char_length(clinician) <= 200),
  constraint clinic_templates_name_length CHECK (char_length(name) >= 1 AND char_length(name) <= 200),
  constraint clinic_templates_new_slots_within_capacity CHECK (new_slots >= 0 AND make_interval(mins => (new_slots * slot_minutes)::integer) <= (end_time - start_time)),
  constraint clinic_templates_slot_minutes_range CHECK (slot_minutes >= 5 AND slot_minutes <= 240),
  constraint clinic_templates_specialty_length CHECK (char_length(specialty) >= 1 AND char_length(specialty) <= 100),
  constraint clinic_templates_valid_range CHECK (valid_to IS NULL OR valid_to >= valid_from),
  constraint clinic_templates_weekday_iso CHECK (weekday >= 1 AND weekday <= 7),
  constraint clinic_templates_whole_minutes CHECK (EXTRACT(second FROM start_time) = 0::numeric AND EXTRACT(second FROM end_time) = 0::numeric)
);
comment on table public.clinic_templates is 'A user''s weekly clinic sessions (clinician, weekday, times, slot length, new/follow-up split, validity, cancelled dates).';
CREATE INDEX clinic_templates_user_idx ON public.clinic_templates USING btree (user_id, weekday, start_time, id);

create table public.mail_outbox (
  id uuid default gen_random_uuid() not null,
  to_email text not null,
  subject text not null,
  body text not null,
  created_at timestamp with time zone default now() not null,
  constraint mail_outbox_pkey PRIMARY KEY (id)
);
comment on table public.mail_outbox is 'Mail the platform sent while no SMTP server was configured.';
CREATE INDEX mail_outbox_to_email_idx ON public.mail_outbox USING btree (to_email, created_at DESC);

create table public.mdt_actions (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  meeting_id uuid not null,
  listing_id uuid not null,
  description text not null,
  owner text not null,
  due_date date not null,
  done boolean default false not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint mdt_actions_pkey PRIMARY KEY (id),
  constraint mdt_actions_listing_fk FOREIGN KEY (listing_id, meeting_id) REFERENCES public.mdt_listings(id, meeting_id) ON DELETE CASCADE,
  constraint mdt_actions_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint mdt_actions_description_length CHECK (char_length(description) >= 1 AND char_length(description) <= 1000),
  constraint mdt_actions_owner_length CHECK (char_length(owner) >= 1 AND char_length(owner) <= 200)
);
comment on table public.mdt_actions is 'Actions agreed at an MDT meeting for a listed patient: what, who, by when, done.';
CREATE INDEX mdt_actions_listing_idx ON public.mdt_actions USING btree (listing_id, meeting_id);
CREATE INDEX mdt_actions_meeting_idx ON public.mdt_actions USING btree (meeting_id);
CREATE INDEX mdt_actions_user_due_idx ON public.mdt_actions USING btree (user_id, due_date, id);

create table public.mdt_listings (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  meeting_id uuid not null,
  cancer_pathway_id uuid not null,
  "position" integer not null,
  reason text not null,
  discussion text not null,
  checklist jsonb default '[]'::jsonb not null,
  outcome jsonb,
  outcome_communicated_date date,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint mdt_listings_pkey PRIMARY KEY (id),
  constraint mdt_listings_id_meeting_unique UNIQUE (id, meeting_id),
  constraint mdt_listings_once_per_meeting UNIQUE (meeting_id, cancer_pathway_id),
  constraint mdt_listings_position_unique UNIQUE (meeting_id, "position") DEFERRABLE INITIALLY DEFERRED,
  constraint mdt_listings_cancer_pathway_id_fkey FOREIGN KEY (cancer_pathway_id) REFERENCES public.cancer_pathways(id) ON DELETE CASCADE,
  constraint mdt_listings_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES public.mdt_meetings(id) ON DELETE CASCADE,
  constraint mdt_listings_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint mdt_listings_checklist_array CHECK (jsonb_typeof(checklist) = 'array'::text),
  constraint mdt_listings_communicated_needs_outcome CHECK (outcome_communicated_date IS NULL OR outcome IS NOT NULL),
  constraint mdt_listings_discussion_known CHECK (discussion = ANY (ARRAY['full'::text, 'standard_of_care'::text])),
  constraint mdt_listings_outcome_object CHECK (outcome IS NULL OR jsonb_typeof(outcome) = 'object'::text),
  constraint mdt_listings_position_positive CHECK ("position" >= 1),
  constraint mdt_listings_reason_length CHECK (char_length(reason) >= 1 AND char_length(reason) <= 1000)
);
comment on table public.mdt_listings is 'The patients (cancer pathways) listed for an MDT meeting, in order, with readiness checklist and outcome.';
CREATE INDEX mdt_listings_cancer_pathway_idx ON public.mdt_listings USING btree (cancer_pathway_id);
CREATE INDEX mdt_listings_user_idx ON public.mdt_listings USING btree (user_id, meeting_id);

create table public.mdt_meetings (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  tumour_site text not null,
  meeting_date date not null,
  start_time text,
  attendees jsonb default '[]'::jsonb not null,
  status text default 'planned'::text not null,
  notes text default ''::text not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint mdt_meetings_pkey PRIMARY KEY (id),
  constraint mdt_meetings_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint mdt_meetings_attendees_array CHECK (jsonb_typeof(attendees) = 'array'::text),
  constraint mdt_meetings_notes_length CHECK (char_length(notes) <= 5000),
  constraint mdt_meetings_start_time_format CHECK (start_time IS NULL OR start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'::text),
  constraint mdt_meetings_status_known CHECK (status = ANY (ARRAY['planned'::text, 'held'::text, 'cancelled'::text])),
  constraint mdt_meetings_tumour_site_known CHECK (tumour_site = ANY (ARRAY['breast'::text, 'gynaecological'::text, 'haematological'::text, 'head_and_neck'::text, 'lower_gi'::text, 'upper_gi'::text, 'lung'::text, 'skin'::text, 'urological'::text, 'testicular'::text, 'brain_cns'::text, 'sarcoma'::text, 'childrens'::text, 'other'::text]))
);
comment on table public.mdt_meetings is 'A user''s cancer MDT meetings: tumour site, date, attendees by role, status and notes.';
CREATE INDEX mdt_meetings_user_date_idx ON public.mdt_meetings USING btree (user_id, meeting_date, id);

create table public.medical_records (
  id uuid default gen_random_uuid() not null,
  doctor_id uuid not null,
  patient_id uuid not null,
  title text not null,
  notes text not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint medical_records_pkey PRIMARY KEY (id),
  constraint medical_records_doctor_id_fkey FOREIGN KEY (doctor_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint medical_records_patient_id_fkey FOREIGN KEY (patient_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint medical_records_not_self CHECK (doctor_id <> patient_id),
  constraint medical_records_notes_length CHECK (char_length(notes) >= 1 AND char_length(notes) <= 20000 AND notes ~ '[^[:space:]]'::text),
  constraint medical_records_title_length CHECK (char_length(title) >= 1 AND char_length(title) <= 200 AND title = btrim(title))
);
comment on table public.medical_records is 'Records a doctor writes about a patient; readable by those two accounts only, written by the doctor only.';
CREATE INDEX medical_records_doctor_id_idx ON public.medical_records USING btree (doctor_id, created_at DESC, id DESC);
CREATE INDEX medical_records_patient_id_idx ON public.medical_records USING btree (patient_id, created_at DESC, id DESC);

create table public.pathway_validations (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  pathway_id uuid not null,
  kind text not null,
  outcome text not null,
  validated_on date not null,
  note text default ''::text not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint pathway_validations_pkey PRIMARY KEY (id),
  constraint pathway_validations_pathway_id_fkey FOREIGN KEY (pathway_id) REFERENCES public.ptl_patients(id) ON DELETE CASCADE,
  constraint pathway_validations_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint pathway_validations_kind_known CHECK (kind = ANY (ARRAY['technical'::text, 'administrative'::text, 'clinical'::text])),
  constraint pathway_validations_note_length CHECK (char_length(note) <= 2000),
  constraint pathway_validations_outcome_known CHECK (outcome = ANY (ARRAY['still_waiting'::text, 'data_corrected'::text, 'priority_set'::text, 'remove_treated'::text, 'remove_no_longer_required'::text]))
);
comment on table public.pathway_validations is 'Technical, administrative and clinical validations of a user''s own PTL pathways (§4.4), with their outcome; activity for the data quality rules, never a change to a clock.';
CREATE INDEX pathway_validations_pathway_idx ON public.pathway_validations USING btree (pathway_id, validated_on DESC);
CREATE INDEX pathway_validations_user_idx ON public.pathway_validations USING btree (user_id, validated_on DESC, created_at DESC, id DESC);

create table public.practice_sessions (
  id uuid default gen_random_uuid() not null,
  host_id uuid default auth.uid(),
  guest_id uuid,
  datetime_utc timestamp with time zone not null,
  type text default 'mock'::text not null,
  room_url text default (('/room/'::text || replace((gen_random_uuid())::text, '-'::text, ''::text)) || replace((gen_random_uuid())::text, '-'::text, ''::text)) not null,
  case_id uuid,
  candidate_id uuid,
  host_role text not null,
  status text default 'open'::text not null,
  phase text default 'waiting'::text not null,
  phase_started_at timestamp with time zone,
  phase_ends_at timestamp with time zone,
  preset text default 'plab2'::text not null,
  reading_s integer not null,
  consultation_s integer not null,
  feedback_s integer not null,
  warning_s integer,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  station_started_at timestamp with time zone,
  host_joined_at timestamp with time zone,
  guest_joined_at timestamp with time zone,
  paused_at timestamp with time zone,
  pause_reason text,
  previous_session_id uuid,
  constraint practice_sessions_pkey PRIMARY KEY (id),
  constraint practice_sessions_candidate_id_fkey FOREIGN KEY (candidate_id) REFERENCES public.profiles(user_id) ON DELETE SET NULL,
  constraint practice_sessions_case_id_fkey FOREIGN KEY (case_id) REFERENCES public.cases(id) ON DELETE SET NULL,
  constraint practice_sessions_guest_id_fkey FOREIGN KEY (guest_id) REFERENCES public.profiles(user_id) ON DELETE SET NULL,
  constraint practice_sessions_host_id_fkey FOREIGN KEY (host_id) REFERENCES public.profiles(user_id) ON DELETE SET NULL,
  constraint practice_sessions_previous_session_id_fkey FOREIGN KEY (previous_session_id) REFERENCES public.practice_sessions(id) ON DELETE CASCADE,
  constraint practice_sessions_guest_not_host CHECK (guest_id IS NULL OR guest_id <> host_id),
  constraint practice_sessions_host_left_only_when_completed CHECK (host_id IS NOT NULL OR status = 'completed'::text),
  constraint practice_sessions_host_role_known CHECK (host_role = ANY (ARRAY['candidate'::text, 'actor'::text])),
  constraint practice_sessions_matched_has_guest CHECK ((status <> ALL (ARRAY['matched'::text, 'live'::text])) OR guest_id IS NOT NULL),
  constraint practice_sessions_open_has_no_guest CHECK (status <> 'open'::text OR guest_id IS NULL),
  constraint practice_sessions_pause_consistent CHECK ((paused_at IS NULL) = (pause_reason IS NULL)),
  constraint practice_sessions_pause_reason_known CHECK (pause_reason IS NULL OR (pause_reason = ANY (ARRAY['disconnect'::text, 'actor'::text]))),
  constraint practice_sessions_paused_only_live CHECK (paused_at IS NULL OR status = 'live'::text),
  constraint practice_sessions_phase_known CHECK (phase = ANY (ARRAY['waiting'::text, 'reading'::text, 'consultation'::text, 'feedback'::text, 'completed'::text])),
  constraint practice_sessions_preset_known CHECK (preset = ANY (ARRAY['plab2'::text, 'osce'::text, 'paces'::text, 'paces_20'::text, 'custom'::text])),
  constraint practice_sessions_status_known CHECK (status = ANY (ARRAY['open'::text, 'matched'::text, 'live'::text, 'completed'::text, 'cancelled'::text, 'no_show'::text])),
  constraint practice_sessions_timing_sane CHECK (reading_s >= 0 AND reading_s <= 1800 AND consultation_s >= 60 AND consultation_s <= 3600 AND feedback_s >= 0 AND feedback_s <= 3600 AND (warning_s IS NULL OR warning_s >= 0 AND warning_s <= (consultation_s - 1))),
  constraint practice_sessions_type_known CHECK (type = ANY (ARRAY['mock'::text, 'review'::text]))
);
comment on table public.practice_sessions is 'Peer practice sessions; participants read their own rows, everyone reads the board through session_board.';
CREATE INDEX practice_sessions_board_idx ON public.practice_sessions USING btree (datetime_utc) WHERE (status = ANY (ARRAY['open'::text, 'matched'::text]));
CREATE INDEX practice_sessions_case_id_idx ON public.practice_sessions USING btree (case_id) WHERE (case_id IS NOT NULL);
CREATE INDEX practice_sessions_guest_id_idx ON public.practice_sessions USING btree (guest_id);
CREATE INDEX practice_sessions_host_id_idx ON public.practice_sessions USING btree (host_id);
CREATE INDEX practice_sessions_live_deadline_idx ON public.practice_sessions USING btree (phase_ends_at) WHERE ((status = 'live'::text) AND (paused_at IS NULL));
CREATE UNIQUE INDEX practice_sessions_previous_session_key ON public.practice_sessions USING btree (previous_session_id) WHERE (previous_session_id IS NOT NULL);
CREATE INDEX practice_sessions_room_url_idx ON public.practice_sessions USING btree (room_url, created_at);
CREATE UNIQUE INDEX practice_sessions_room_url_key ON public.practice_sessions USING btree (room_url) WHERE (previous_session_id IS NULL);

create table public.profiles (
  user_id uuid default auth.uid() not null,
  first_name text not null,
  last_name text not null,
  training_level text not null,
  avatar text,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint profiles_pkey PRIMARY KEY (user_id),
  constraint profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint profiles_avatar_url CHECK (avatar IS NULL OR char_length(avatar) <= 2048 AND avatar ~ '^https?://'::text),
  constraint profiles_first_name_length CHECK (char_length(first_name) >= 1 AND char_length(first_name) <= 100),
  constraint profiles_last_name_length CHECK (char_length(last_name) >= 1 AND char_length(last_name) <= 100),
  constraint profiles_training_level_known CHECK (training_level = ANY (ARRAY['medical_student'::text, 'foundation_year_1'::text, 'foundation_year_2'::text, 'core_trainee'::text, 'specialty_trainee'::text, 'img_plab'::text, 'staff_grade'::text, 'consultant'::text, 'general_practitioner'::text, 'nurse_or_ahp'::text, 'other'::text, 'not_applicable'::text]))
);
comment on table public.profiles is 'Public profile of each account; user_id is the account id (auth.uid()).';

create table public.ptl_events (
  id uuid default gen_random_uuid() not null,
  pathway_id uuid not null,
  user_id uuid default auth.uid() not null,
  event_type text not null,
  event_date date not null,
  rtt_status text not null,
  appointment_communicated boolean default true not null,
  note text default ''::text not null,
  seq bigint generated always as identity not null,
  created_at timestamp with time zone default now() not null,
  constraint ptl_events_pkey PRIMARY KEY (id),
  constraint ptl_events_pathway_id_fkey FOREIGN KEY (pathway_id) REFERENCES public.ptl_patients(id) ON DELETE CASCADE,
  constraint ptl_events_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint ptl_events_note_length CHECK (char_length(note) <= 2000),
  constraint ptl_events_rtt_status_format CHECK (rtt_status ~ '^[0-9]{2}$'::text),
  constraint ptl_events_type_known CHECK (event_type = ANY (ARRAY['outpatient_attended'::text, 'diagnostics'::text, 'decision_to_admit'::text, 'pre_op_assessment'::text, 'first_appointment_dna'::text, 'later_appointment_dna'::text, 'discharged_after_dna'::text, 'patient_cancelled'::text, 'hospital_cancelled'::text, 'patient_requested_delay'::text, 'admitted_not_treated'::text, 'treatment_outpatient'::text, 'treatment_admitted'::text, 'active_monitoring_patient'::text, 'active_monitoring_clinician'::text, 'decision_not_to_treat'::text, 'added_to_transplant_list'::text, 'patient_declined_treatment'::text, 'patient_died'::text, 'rebooked_after_dna'::text, 'clinician_reoffer_after_dna'::text, 'decision_to_treat_after_monitoring'::text, 'new_period_second_side'::text, 'new_period_new_treatment'::text, 'transferred_out'::text]))
);
comment on table public.ptl_events is 'What happened on each RTT pathway, in date order (seq breaks ties by recording order).';
CREATE INDEX ptl_events_pathway_idx ON public.ptl_events USING btree (pathway_id, event_date, seq);
CREATE INDEX ptl_events_user_id_idx ON public.ptl_events USING btree (user_id);

create table public.ptl_open_counts (
  user_id uuid not null,
  specialty text not null,
  clock_period_start date not null,
  pathways integer not null,
  constraint ptl_open_counts_pkey PRIMARY KEY (user_id, specialty, clock_period_start),
  constraint ptl_open_counts_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE
);
comment on table public.ptl_open_counts is 'Open RTT clocks per user, specialty and period start; maintained by triggers on ptl_patients.';

create table public.ptl_patients (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  patient_id text not null,
  patient_name text not null,
  nhs_number text,
  specialty text not null,
  referral_date date not null,
  clock_start_date date not null,
  pathway_type text not null,
  priority text,
  current_status text default 'awaiting_first_appointment'::text not null,
  clock_state text default 'running'::text not null,
  clock_period_start date not null,
  clock_stop_date date,
  on_ptl boolean default true not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint ptl_patients_pkey PRIMARY KEY (id),
  constraint ptl_patients_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint ptl_patients_clock_after_referral CHECK (clock_start_date >= referral_date),
  constraint ptl_patients_clock_state_known CHECK (clock_state = ANY (ARRAY['running'::text, 'stopped'::text, 'nullified'::text])),
  constraint ptl_patients_nhs_number_format CHECK (nhs_number IS NULL OR nhs_number ~ '^[0-9]{10}$'::text),
  constraint ptl_patients_pathway_type_known CHECK (pathway_type = ANY (ARRAY['routine'::text, 'urgent'::text, '2ww'::text, '62day'::text])),
  constraint ptl_patients_patient_id_format CHECK (patient_id ~ '^[A-Za-z0-9._/-]{1,40}$'::text),
  constraint ptl_patients_patient_name_length CHECK (char_length(patient_name) >= 1 AND char_length(patient_name) <= 200),
  constraint ptl_patients_priority_known CHECK (priority IS NULL OR (priority = ANY (ARRAY['P1a'::text, 'P1b'::text, 'P2'::text, 'P3'::text, 'P4'::text, 'P5'::text, 'P6'::text]))),
  constraint ptl_patients_stop_after_start CHECK (clock_stop_date IS NULL OR clock_stop_date >= clock_period_start)
);
comment on table public.ptl_patients is 'RTT pathways on a trainee''s own PTL; clock_* columns are derived from ptl_events by the server.';
CREATE INDEX ptl_patients_open_wait_idx ON public.ptl_patients USING btree (user_id, clock_period_start, id) WHERE ((clock_state = 'running'::text) AND on_ptl);
CREATE UNIQUE INDEX ptl_patients_user_patient_id_key ON public.ptl_patients USING btree (user_id, patient_id);

create table public.quality_audits (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  as_of date not null,
  settings jsonb not null,
  ran_at timestamp with time zone default now() not null,
  records_checked integer not null,
  counts jsonb not null,
  score numeric(4,1),
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint quality_audits_pkey PRIMARY KEY (id),
  constraint quality_audits_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint quality_audits_counts_object CHECK (jsonb_typeof(counts) = 'object'::text),
  constraint quality_audits_records_checked_range CHECK (records_checked >= 0),
  constraint quality_audits_score_iff_records CHECK ((score IS NULL) = (records_checked = 0)),
  constraint quality_audits_score_range CHECK (score IS NULL OR score >= 0::numeric AND score <= 100::numeric),
  constraint quality_audits_settings_object CHECK (jsonb_typeof(settings) = 'object'::text)
);
comment on table public.quality_audits is 'A user''s data quality audit runs over their own PTL and cancer pathways: settings, census date, records checked, counts by rule and the score, fixed when the run was made.';
CREATE INDEX quality_audits_user_idx ON public.quality_audits USING btree (user_id, ran_at DESC, id DESC);

create table public.quality_findings (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  audit_id uuid not null,
  rule text not null,
  severity text not null,
  target_type text not null,
  target_id uuid not null,
  label text not null,
  message text not null,
  detail text default ''::text not null,
  status text default 'open'::text not null,
  reason text,
  decided_at timestamp with time zone,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint quality_findings_pkey PRIMARY KEY (id),
  constraint quality_findings_audit_id_fkey FOREIGN KEY (audit_id) REFERENCES public.quality_audits(id) ON DELETE CASCADE,
  constraint quality_findings_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint quality_findings_decision CHECK (status = 'open'::text AND reason IS NULL AND decided_at IS NULL OR status <> 'open'::text AND reason IS NOT NULL AND decided_at IS NOT NULL),
  constraint quality_findings_detail_length CHECK (char_length(detail) <= 4000),
  constraint quality_findings_label_length CHECK (char_length(label) >= 1 AND char_length(label) <= 300),
  constraint quality_findings_message_length CHECK (char_length(message) >= 1 AND char_length(message) <= 4000),
  constraint quality_findings_reason_length CHECK (reason IS NULL OR char_length(reason) >= 1 AND char_length(reason) <= 500),
  constraint quality_findings_rule_known CHECK (rule = ANY (ARRAY['nhs_number_missing'::text, 'nhs_number_invalid'::text, 'date_order'::text, 'duplicate_open_pathway'::text, 'breached_no_booking'::text, 'breach_soon_no_booking'::text, 'no_recent_activity'::text, 'status_contradicts_clock'::text, 'clock_warning'::text, 'cancer_fds_overdue'::text, 'cancer_long_wait_104'::text])),
  constraint quality_findings_severity_known CHECK (severity = ANY (ARRAY['error'::text, 'warning'::text])),
  constraint quality_findings_status_known CHECK (status = ANY (ARRAY['open'::text, 'resolved'::text, 'accepted'::text])),
  constraint quality_findings_target_type_known CHECK (target_type = ANY (ARRAY['ptl'::text, 'cancer'::text]))
);
comment on table public.quality_findings is 'One problem a data quality audit found on a PTL or cancer pathway (target_id, no foreign key), with its decision: open, resolved or accepted with a reason.';
CREATE INDEX quality_findings_audit_idx ON public.quality_findings USING btree (audit_id, rule, label, id);
CREATE INDEX quality_findings_user_idx ON public.quality_findings USING btree (user_id, created_at DESC, id DESC);

create table public.rtt_returns (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  month text not null,
  census_date date not null,
  provisional boolean not null,
  total integer not null,
  within_18_weeks integer not null,
  over_52_weeks integer not null,
  produced_at timestamp with time zone default now() not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint rtt_returns_pkey PRIMARY KEY (id),
  constraint rtt_returns_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint rtt_returns_census_in_month CHECK (to_char(census_date::timestamp with time zone, 'YYYY-MM'::text) = month),
  constraint rtt_returns_counts CHECK (total >= 0 AND within_18_weeks >= 0 AND within_18_weeks <= total AND over_52_weeks >= 0 AND over_52_weeks <= total),
  constraint rtt_returns_month_format CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'::text)
);
comment on table public.rtt_returns is 'Monthly RTT returns (incomplete pathways at the census) a user produced, with their headline figures.';
CREATE INDEX rtt_returns_user_produced_idx ON public.rtt_returns USING btree (user_id, produced_at DESC, id DESC);

create table public.secretary_tasks (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  title text not null,
  type text not null,
  patient_id text,
  patient_name text,
  pathway_id uuid,
  priority text default 'normal'::text not null,
  due_date date,
  status text default 'todo'::text not null,
  waiting_on text,
  notes text default ''::text not null,
  completed_at timestamp with time zone,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint secretary_tasks_pkey PRIMARY KEY (id),
  constraint secretary_tasks_pathway_id_fkey FOREIGN KEY (pathway_id) REFERENCES public.ptl_patients(id) ON DELETE SET NULL,
  constraint secretary_tasks_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint secretary_tasks_done_when CHECK ((status = 'done'::text) = (completed_at IS NOT NULL)),
  constraint secretary_tasks_notes_length CHECK (char_length(notes) <= 5000),
  constraint secretary_tasks_patient_id_format CHECK (patient_id IS NULL OR patient_id ~ '^[A-Za-z0-9._/-]{1,40}$'::text),
  constraint secretary_tasks_patient_name_length CHECK (patient_name IS NULL OR char_length(patient_name) >= 1 AND char_length(patient_name) <= 200),
  constraint secretary_tasks_priority_known CHECK (priority = ANY (ARRAY['low'::text, 'normal'::text, 'high'::text, 'urgent'::text])),
  constraint secretary_tasks_status_known CHECK (status = ANY (ARRAY['todo'::text, 'in_progress'::text, 'waiting'::text, 'done'::text])),
  constraint secretary_tasks_title_length CHECK (char_length(title) >= 1 AND char_length(title) <= 200),
  constraint secretary_tasks_type_known CHECK (type = ANY (ARRAY['typing'::text, 'chasing_results'::text, 'booking_follow_up'::text, 'referral_triage'::text, 'patient_query'::text, 'other'::text])),
  constraint secretary_tasks_waiting_on CHECK (status <> 'waiting'::text OR waiting_on IS NOT NULL),
  constraint secretary_tasks_waiting_on_length CHECK (waiting_on IS NULL OR char_length(waiting_on) >= 1 AND char_length(waiting_on) <= 200)
);
comment on table public.secretary_tasks is 'A user''s own medical-secretary tasks, optionally linked to one of their PTL pathways.';
CREATE INDEX secretary_tasks_pathway_id_idx ON public.secretary_tasks USING btree (pathway_id) WHERE (pathway_id IS NOT NULL);
CREATE INDEX secretary_tasks_user_due_idx ON public.secretary_tasks USING btree (user_id, due_date, id);

create table public.session_assessments (
  session_id uuid not null,
  marks jsonb default '{}'::jsonb not null,
  checklist jsonb default '{}'::jsonb not null,
  global_rating text,
  strengths text default ''::text not null,
  improvements text default ''::text not null,
  self_reflection text default ''::text not null,
  elicited_facts text[] default '{}'::text[] not null,
  auto_analysis jsonb,
  completed_at timestamp with time zone,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint session_assessments_pkey PRIMARY KEY (session_id),
  constraint session_assessments_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.practice_sessions(id) ON DELETE CASCADE,
  constraint session_assessments_rating_known CHECK (global_rating IS NULL OR (global_rating = ANY (ARRAY['clear_fail'::text, 'fail'::text, 'borderline'::text, 'pass'::text, 'clear_pass'::text]))),
  constraint session_assessments_text_lengths CHECK (char_length(strengths) <= 4000 AND char_length(improvements) <= 4000 AND char_length(self_reflection) <= 4000)
);
comment on table public.session_assessments is 'Marks, feedback, self-reflection, disclosure tracker and auto-analysis of a station; participants read it, the candidate from feedback.';

create table public.session_station_gaps (
  id uuid default gen_random_uuid() not null,
  session_id uuid not null,
  phase text not null,
  reason text not null,
  user_id uuid,
  started_at timestamp with time zone not null,
  ended_at timestamp with time zone,
  constraint session_station_gaps_pkey PRIMARY KEY (id),
  constraint session_station_gaps_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.practice_sessions(id) ON DELETE CASCADE,
  constraint session_station_gaps_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE SET NULL,
  constraint session_station_gaps_ordered CHECK (ended_at IS NULL OR ended_at >= started_at),
  constraint session_station_gaps_phase_pausable CHECK (phase = ANY (ARRAY['reading'::text, 'consultation'::text])),
  constraint session_station_gaps_reason_known CHECK (reason = ANY (ARRAY['disconnect'::text, 'actor'::text]))
);
comment on table public.session_station_gaps is 'Times a station stood still (a dropped connection or the actor''s pause); written by the server, read by the two participants.';
CREATE UNIQUE INDEX session_station_gaps_one_open ON public.session_station_gaps USING btree (session_id) WHERE (ended_at IS NULL);
CREATE INDEX session_station_gaps_session_idx ON public.session_station_gaps USING btree (session_id, started_at);
CREATE INDEX session_station_gaps_user_idx ON public.session_station_gaps USING btree (user_id);

create table public.session_transcript_segments (
  id uuid default gen_random_uuid() not null,
  session_id uuid not null,
  author_id uuid default auth.uid() not null,
  speaker text not null,
  at_ms integer not null,
  text text not null,
  created_at timestamp with time zone default now() not null,
  constraint session_transcript_segments_pkey PRIMARY KEY (id),
  constraint session_transcript_segments_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint session_transcript_segments_session_id_fkey FOREIGN KEY (session_id) REFERENCES public.practice_sessions(id) ON DELETE CASCADE,
  constraint session_transcript_segments_at_ms_sane CHECK (at_ms >= 0 AND at_ms <= 21600000),
  constraint session_transcript_segments_speaker_known CHECK (speaker = ANY (ARRAY['candidate'::text, 'actor'::text])),
  constraint session_transcript_segments_text_length CHECK (char_length(text) >= 1 AND char_length(text) <= 2000)
);
comment on table public.session_transcript_segments is 'What was said in a station, segment by segment; readable by its two participants only.';
CREATE INDEX session_transcript_segments_author_idx ON public.session_transcript_segments USING btree (author_id);
CREATE INDEX session_transcript_segments_session_idx ON public.session_transcript_segments USING btree (session_id, at_ms, created_at);

create table public.tracker_items (
  id uuid default gen_random_uuid() not null,
  user_id uuid default auth.uid() not null,
  module text not null,
  patient_id text,
  patient_name text,
  pathway_id uuid,
  status text not null,
  fields jsonb default '{}'::jsonb not null,
  notes text default ''::text not null,
  version integer default 1 not null,
  created_at timestamp with time zone default now() not null,
  updated_at timestamp with time zone default now() not null,
  constraint tracker_items_pkey PRIMARY KEY (id),
  constraint tracker_items_pathway_id_fkey FOREIGN KEY (pathway_id) REFERENCES public.ptl_patients(id) ON DELETE SET NULL,
  constraint tracker_items_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.accounts(id) ON DELETE CASCADE,
  constraint tracker_items_fields_object CHECK (jsonb_typeof(fields) = 'object'::text),
  constraint tracker_items_module_format CHECK (module ~ '^[a-z][a-z0-9_]{0,39}$'::text),
  constraint tracker_items_notes_length CHECK (char_length(notes) <= 5000),
  constraint tracker_items_patient_id_format CHECK (patient_id IS NULL OR patient_id ~ '^[A-Za-z0-9._/-]{1,40}$'::text),
  constraint tracker_items_patient_name_length CHECK (patient_name IS NULL OR char_length(patient_name) >= 1 AND char_length(patient_name) <= 200),
  constraint tracker_items_status_format CHECK (status ~ '^[a-z][a-z0-9_]{0,39}$'::text)
);
comment on table public.tracker_items is 'Rows of every tracker module a user keeps; fields and workflow come from the module''s definition.';
CREATE INDEX tracker_items_pathway_id_idx ON public.tracker_items USING btree (pathway_id) WHERE (pathway_id IS NOT NULL);
CREATE INDEX tracker_items_user_module_idx ON public.tracker_items USING btree (user_id, module, updated_at DESC, id DESC);
