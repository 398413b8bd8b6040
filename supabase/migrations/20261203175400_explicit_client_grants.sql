-- Explicit grants for the client roles on everything the product exposes, whatever the database's
-- default privileges say.
--
-- A Supabase project's default privileges hand every table, view, sequence and function `postgres`
-- creates in public to anon, authenticated and service_role in full. The earlier migrations revoked
-- table grants from anon and authenticated but function grants only from public, so on Supabase anon
-- could execute every function in public, anon and authenticated held every privilege on the
-- session_board view (not only select), and service_role held full rights on every product table.
-- Plain PostgreSQL and PGlite have no such defaults, so nothing showed in tests until
-- test/integration/grants.test.ts started from Supabase's defaults.
--
-- So this migration (1) stops later objects in public from starting with client grants, (2) takes
-- every privilege away from the client roles on every object in public and private, and (3) grants
-- back exactly what the product uses: requests run as anon or authenticated (admins as app_admin,
-- which inherits authenticated); the server never connects as service_role, so it gets nothing.
-- Part (3) is the one place to read every client grant as of now. Later migrations revoke and grant
-- explicitly for each object they create (docs/migrations.md); test/integration/grants.test.ts holds
-- the allow-list they are checked against.

-- (1) For objects the migrating role creates in public from now on, Supabase's defaults no longer
-- apply. (Functions still get PostgreSQL's built-in EXECUTE for public, which no per-schema default
-- can remove: every migration revokes it per function.)
alter default privileges in schema public revoke all on tables from anon, authenticated, service_role;
alter default privileges in schema public revoke all on sequences from anon, authenticated, service_role;
alter default privileges in schema public revoke all on functions from anon, authenticated, service_role;

-- (2) Nothing for anyone but the owner on the product's tables, views, sequences and functions. An
-- extension's objects (on a Supabase project some may live in public) are left to the extension.
do $$
declare
  target text;
begin
  for target in
    select format('%s %I.%I', case c.relkind when 'S' then 'sequence' else 'table' end, n.nspname, c.relname)
      from pg_catalog.pg_class c
      join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ('public', 'private')
       and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
       and not exists (select 1 from pg_catalog.pg_depend d
                        where d.classid = 'pg_catalog.pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
    union all
    select format('routine %I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid))
      from pg_catalog.pg_proc p
      join pg_catalog.pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('public', 'private')
       and not exists (select 1 from pg_catalog.pg_depend d
                        where d.classid = 'pg_catalog.pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
  loop
    execute format('revoke all on %s from public, anon, authenticated, service_role, app_admin', target);
  end loop;
end $$;

-- (3) What the product uses.

-- The private schema: authenticated only, for the two helpers its policies call below. Its tables
-- (credentials, sessions, reset tokens) and trigger functions stay without any grant.
revoke all on schema private from public, anon, authenticated, service_role;
grant usage on schema private to authenticated;
grant execute on function private.may_write_medical_record(uuid, uuid) to authenticated;
grant execute on function private.assessments_object_access(text, boolean) to authenticated;

-- Anonymous visitors see the board and the hosts' profiles; everything else needs signing in.
grant select on table public.profiles to anon;
grant select on table public.session_board to anon, authenticated;

-- Accounts: a user reads their own row; admins (policy) every row. Written by the server as owner.
grant select on table public.accounts to authenticated;

-- Profiles: a user creates, edits and deletes their own (the id and the version are not theirs to set).
grant select, delete on table public.profiles to authenticated;
grant insert (user_id, first_name, last_name, training_level, avatar) on table public.profiles to authenticated;
grant update (first_name, last_name, training_level, avatar) on table public.profiles to authenticated;

-- The mail outbox holds reset links: admins read it, the server writes it.
grant select on table public.mail_outbox to app_admin;

-- The PTL: a trainee's own pathways and events; the clock columns' counters are read-only.
grant select, delete on table public.ptl_patients to authenticated;
grant insert (user_id, patient_id, patient_name, nhs_number, specialty, referral_date, clock_start_date, pathway_type,
              priority, current_status, clock_state, clock_period_start, clock_stop_date, on_ptl)
  on table public.ptl_patients to authenticated;
grant update (patient_id, patient_name, nhs_number, specialty, referral_date, clock_start_date, pathway_type,
              priority, current_status, clock_state, clock_period_start, clock_stop_date, on_ptl)
  on table public.ptl_patients to authenticated;
grant select, delete on table public.ptl_events to authenticated;
grant insert (pathway_id, user_id, event_type, event_date, rtt_status, appointment_communicated, note)
  on table public.ptl_events to authenticated;
grant select on table public.ptl_open_counts to authenticated;

-- The case library: listing columns in cases, the hidden content in case_content (policies keep
-- both to the owner, and the shared bank to admins).
grant select, delete on table public.cases to authenticated;
grant insert (owner_id, case_name, internal_name, category, domain) on table public.cases to authenticated;
grant update (case_name, internal_name, category, domain) on table public.cases to authenticated;
grant select, insert, update, delete on table public.case_content to authenticated;

-- Practice sessions: every column but case_id (handed out by session_case_id()'s reveal rules),
-- which admins read; sign-up, withdrawal, cancellation and the next station go through functions.
grant select (id, host_id, guest_id, datetime_utc, type, room_url, candidate_id, host_role, status, phase, phase_started_at,
              phase_ends_at, preset, reading_s, consultation_s, feedback_s, warning_s, version, created_at, updated_at,
              station_started_at, host_joined_at, guest_joined_at, paused_at, pause_reason, previous_session_id)
  on table public.practice_sessions to authenticated;
grant select (case_id) on table public.practice_sessions to app_admin;
grant insert (host_id, datetime_utc, type, case_id, host_role, preset, reading_s, consultation_s, feedback_s, warning_s)
  on table public.practice_sessions to authenticated;
grant update (datetime_utc, type, case_id, host_role, preset, reading_s, consultation_s, feedback_s, warning_s)
  on table public.practice_sessions to authenticated;

-- A station's transcript, assessment and gaps: participants read them; only transcript segments are
-- written by clients (as themselves), the rest by the server.
grant select on table public.session_transcript_segments to authenticated;
grant insert (session_id, author_id, speaker, at_ms, text) on table public.session_transcript_segments to authenticated;
grant select on table public.session_assessments to authenticated;
grant select on table public.session_station_gaps to authenticated;

-- Medical records: the doctor writes, both sides read; who wrote it and about whom never change.
grant select, delete on table public.medical_records to authenticated;
grant insert (doctor_id, patient_id, title, notes) on table public.medical_records to authenticated;
grant update (title, notes) on table public.medical_records to authenticated;

-- The admin audit trail: append-only; admins record their own views, signed-in users may ask and
-- row-level security shows them nothing.
grant select on table public.admin_audit_log to authenticated;
grant insert (admin_id, action, subject_id, detail) on table public.admin_audit_log to app_admin;

-- The functions signed-in users call. No sequence is granted: both are identity columns', which
-- need no privilege on their sequence.
grant execute on function public.signup_session(uuid, integer), public.withdraw_session(uuid), public.cancel_session(uuid),
  public.start_next_station(uuid), public.session_brief(uuid), public.session_case_id(uuid), public.session_has_case(uuid),
  public.resolve_patient_account(text, uuid)
  to authenticated;
