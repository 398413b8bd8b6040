// The privileges every client role holds, read from the catalog and compared with an explicit
// allow-list, on a database that starts the way a Supabase project does: its default privileges
// hand every object `postgres` creates in `public` to anon, authenticated and service_role. So the
// migrations must state every grant themselves, and any widening (a new grant, a forgotten revoke,
// a new function left executable by PUBLIC) fails here until the allow-list is changed on purpose.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOOTSTRAP_FILE, migrate } from '../../server/src/db/migrator.js';
import type { Queryable } from '../../server/src/db/types.js';
import { createTestDb, dbTargets, type TestDb } from '../helpers/db.js';

/** What Supabase's own init migrations leave in place before ours run (supabase/postgres, initial schema). */
const SUPABASE_DEFAULT_PRIVILEGES = `
  grant usage on schema public to anon, authenticated, service_role;
  alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
  alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
  alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;
`;

/**
 * The roles requests run as (anon, authenticated; app_admin for admins, which inherits
 * authenticated), and service_role, which the product never uses.
 */
const ROLES = ['anon', 'app_admin', 'authenticated', 'service_role'];

/**
 * The schemas whose objects are listed. `auth` is Supabase's own (bootstrap.sql only imitates it on
 * plain PostgreSQL and PGlite), so only its schema-level privileges are checked, not its functions.
 */
const OBJECT_SCHEMAS = ['app_meta', 'private', 'public', 'storage'];

const SESSION_COLUMNS =
  'candidate_id, consultation_s, created_at, datetime_utc, feedback_s, guest_id, guest_joined_at, host_id, host_joined_at, ' +
  'host_role, id, pause_reason, paused_at, phase, phase_ends_at, phase_started_at, preset, previous_session_id, reading_s, ' +
  'room_url, station_started_at, status, type, updated_at, version, warning_s';

/**
 * Everything the client roles may hold, one `role kind object privilege` line each; a column grant
 * names its columns. PGlite (PostgreSQL 17 or later) would also list MAINTAIN where it is granted; it is not.
 */
const ALLOWED = [
  // Schemas. `public` is usable by everyone (PostgreSQL's default for PUBLIC, and Supabase's); it
  // gives nothing by itself. `private` is for authenticated only: its two helper functions below.
  'anon schema auth USAGE',
  'anon schema public USAGE',
  'app_admin schema public USAGE',
  'authenticated schema auth USAGE',
  'authenticated schema private USAGE',
  'authenticated schema public USAGE',
  'authenticated schema storage USAGE',
  'service_role schema auth USAGE',
  'service_role schema public USAGE',

  // Anonymous visitors read the board and the hosts' profiles, nothing else.
  'anon table public.profiles SELECT',
  'anon view public.session_board SELECT',

  // Signed-in users: their own rows, as row-level security lets them.
  'authenticated table public.accounts SELECT',
  'authenticated table public.admin_audit_log SELECT',
  // The audit trail: read-only for everyone; its triggers write it.
  'authenticated table public.audit_trail SELECT',
  'authenticated table public.case_content DELETE',
  'authenticated table public.case_content INSERT',
  'authenticated table public.case_content SELECT',
  'authenticated table public.case_content UPDATE',
  'authenticated table public.cases DELETE',
  'authenticated table public.cases INSERT(case_name, category, domain, internal_name, owner_id)',
  'authenticated table public.cases SELECT',
  'authenticated table public.cases UPDATE(case_name, category, domain, internal_name)',
  'authenticated table public.medical_records DELETE',
  'authenticated table public.medical_records INSERT(doctor_id, notes, patient_id, title)',
  'authenticated table public.medical_records SELECT',
  'authenticated table public.medical_records UPDATE(notes, title)',
  'authenticated table public.practice_sessions INSERT(case_id, consultation_s, datetime_utc, feedback_s, host_id, host_role, preset, reading_s, type, warning_s)',
  `authenticated table public.practice_sessions SELECT(${SESSION_COLUMNS})`,
  'authenticated table public.practice_sessions UPDATE(case_id, consultation_s, datetime_utc, feedback_s, host_role, preset, reading_s, type, warning_s)',
  'authenticated table public.profiles DELETE',
  'authenticated table public.profiles INSERT(avatar, first_name, last_name, training_level, user_id)',
  'authenticated table public.profiles SELECT',
  'authenticated table public.profiles UPDATE(avatar, first_name, last_name, training_level)',
  'authenticated table public.ptl_events DELETE',
  'authenticated table public.ptl_events INSERT(appointment_communicated, event_date, event_type, note, pathway_id, rtt_status, user_id)',
  'authenticated table public.ptl_events SELECT',
  'authenticated table public.ptl_open_counts SELECT',
  'authenticated table public.ptl_patients DELETE',
  'authenticated table public.ptl_patients INSERT(clock_period_start, clock_start_date, clock_state, clock_stop_date, current_status, nhs_number, on_ptl, pathway_type, patient_id, patient_name, priority, referral_date, specialty, user_id)',
  'authenticated table public.ptl_patients SELECT',
  'authenticated table public.ptl_patients UPDATE(clock_period_start, clock_start_date, clock_state, clock_stop_date, current_status, nhs_number, on_ptl, pathway_type, patient_id, patient_name, priority, referral_date, specialty)',
  // Monthly RTT returns produced: written once as the owner, never edited (20261203212055_rtt_returns.sql).
  'authenticated table public.rtt_returns DELETE',
  'authenticated table public.rtt_returns INSERT(census_date, month, over_52_weeks, provisional, total, user_id, within_18_weeks)',
  'authenticated table public.rtt_returns SELECT',
  'authenticated table public.session_assessments SELECT',
  'authenticated table public.session_station_gaps SELECT',
  'authenticated table public.session_transcript_segments INSERT(at_ms, author_id, session_id, speaker, text)',
  'authenticated table public.session_transcript_segments SELECT',
  // Secretary tasks and tracker rows: the owner's, as the owned-table template grants (docs/adding-a-module.md).
  'authenticated table public.secretary_tasks DELETE',
  'authenticated table public.secretary_tasks INSERT(due_date, notes, pathway_id, patient_id, patient_name, priority, status, title, type, user_id, waiting_on)',
  'authenticated table public.secretary_tasks SELECT',
  'authenticated table public.secretary_tasks UPDATE(due_date, notes, pathway_id, patient_id, patient_name, priority, status, title, type, waiting_on)',
  'authenticated table public.tracker_items DELETE',
  'authenticated table public.tracker_items INSERT(fields, module, notes, pathway_id, patient_id, patient_name, status, user_id)',
  'authenticated table public.tracker_items SELECT',
  'authenticated table public.tracker_items UPDATE(fields, notes, pathway_id, patient_id, patient_name, status)',
  // Clinic booking: the owner's, as the owned-table template grants. Slots are never deleted one by
  // one (they go with their template) and only their `cancelled` changes; an appointment's slot
  // columns come from its trigger and only its outcome changes.
  'authenticated table public.appointments DELETE',
  'authenticated table public.appointments INSERT(booked_on, communicated, pathway_id, patient_id, patient_name, slot_id, user_id)',
  'authenticated table public.appointments SELECT',
  'authenticated table public.appointments UPDATE(clinic_outcome, discharge_date, outcome_date, rebooked_as, status)',
  'authenticated table public.clinic_slots INSERT(clinic_id, date, end_time, kind, start_time, user_id)',
  'authenticated table public.clinic_slots SELECT',
  'authenticated table public.clinic_slots UPDATE(cancelled)',
  'authenticated table public.clinic_templates DELETE',
  'authenticated table public.clinic_templates INSERT(cancelled_dates, clinician, end_time, name, new_slots, slot_minutes, specialty, start_time, user_id, valid_from, valid_to, weekday)',
  'authenticated table public.clinic_templates SELECT',
  'authenticated table public.clinic_templates UPDATE(cancelled_dates, clinician, end_time, name, new_slots, slot_minutes, specialty, start_time, valid_from, valid_to, weekday)',
  // Cancer pathways: the owner's, as the owned-table template grants (the clocks are computed, never stored).
  'authenticated table public.cancer_pathways DELETE',
  'authenticated table public.cancer_pathways INSERT(breach_reason, decision_to_treat_date, diagnosis, diagnosis_communicated_date, first_treatment_date, nhs_number, patient_id, patient_name, ptl_pathway_id, referral_received_date, route, screening_programme, treatment_modality, tumour_site, upgrade_date, user_id)',
  'authenticated table public.cancer_pathways SELECT',
  'authenticated table public.cancer_pathways UPDATE(breach_reason, decision_to_treat_date, diagnosis, diagnosis_communicated_date, first_treatment_date, nhs_number, patient_id, patient_name, ptl_pathway_id, referral_received_date, route, screening_programme, treatment_modality, tumour_site, upgrade_date)',
  // MDT meetings, their listings and actions: the owner's, as the owned-table template grants; a
  // listing never changes meeting or pathway, an action never changes listing.
  'authenticated table public.mdt_actions DELETE',
  'authenticated table public.mdt_actions INSERT(description, done, due_date, listing_id, meeting_id, owner, user_id)',
  'authenticated table public.mdt_actions SELECT',
  'authenticated table public.mdt_actions UPDATE(description, done, due_date, owner)',
  'authenticated table public.quality_audits INSERT(as_of, counts, records_checked, score, settings, user_id)',
  'authenticated table public.quality_audits SELECT',
  'authenticated table public.quality_findings INSERT(audit_id, decided_at, detail, label, message, reason, rule, severity, status, target_id, target_type, user_id)',
  'authenticated table public.quality_findings SELECT',
  'authenticated table public.quality_findings UPDATE(decided_at, reason, status)',
  'authenticated table public.pathway_validations INSERT(kind, note, outcome, pathway_id, user_id, validated_on)',
  'authenticated table public.pathway_validations SELECT',
  'authenticated table public.mdt_listings DELETE',
  'authenticated table public.mdt_listings INSERT(cancer_pathway_id, checklist, discussion, meeting_id, outcome, outcome_communicated_date, position, reason, user_id)',
  'authenticated table public.mdt_listings SELECT',
  'authenticated table public.mdt_listings UPDATE(checklist, discussion, outcome, outcome_communicated_date, position, reason)',
  'authenticated table public.mdt_meetings DELETE',
  'authenticated table public.mdt_meetings INSERT(attendees, meeting_date, notes, start_time, status, tumour_site, user_id)',
  'authenticated table public.mdt_meetings SELECT',
  'authenticated table public.mdt_meetings UPDATE(attendees, meeting_date, notes, start_time, status, tumour_site)',
  'authenticated view public.session_board SELECT',
  // The stand-in for Supabase Storage's table (plain PostgreSQL and PGlite only); policies decide.
  'authenticated table storage.objects DELETE',
  'authenticated table storage.objects INSERT',
  'authenticated table storage.objects SELECT',
  'authenticated table storage.objects UPDATE',

  // The functions signed-in users call (sessions, station, records) and the helpers their policies call.
  'authenticated function private.assessments_object_access(object_name text, any_participant boolean) EXECUTE',
  'authenticated function private.may_write_medical_record(p_doctor_id uuid, p_patient_id uuid) EXECUTE',
  'authenticated function public.cancel_session(p_session_id uuid) EXECUTE',
  'authenticated function public.resolve_patient_account(p_email text, p_id uuid) EXECUTE',
  'authenticated function public.session_brief(p_session_id uuid) EXECUTE',
  'authenticated function public.session_case_id(p_session_id uuid) EXECUTE',
  'authenticated function public.session_has_case(p_session_id uuid) EXECUTE',
  'authenticated function public.signup_session(p_session_id uuid, p_expected_version integer) EXECUTE',
  'authenticated function public.start_next_station(p_session_id uuid) EXECUTE',
  'authenticated function public.withdraw_session(p_session_id uuid) EXECUTE',

  // Admins' own grants, on top of everything they inherit from authenticated.
  'app_admin table public.admin_audit_log INSERT(action, admin_id, detail, subject_id)',
  'app_admin table public.mail_outbox SELECT',
  'app_admin table public.practice_sessions SELECT(case_id)',
].sort();

const KIND = `case c.relkind when 'v' then 'view' when 'm' then 'view' when 'S' then 'sequence' else 'table' end`;

/**
 * Every privilege granted to each role itself or to PUBLIC (which every role has), read from the
 * ACLs; a missing ACL is read as PostgreSQL's built-in default for its kind of object (functions:
 * EXECUTE for PUBLIC). anon, authenticated and service_role are NOINHERIT members of nothing, so
 * for them this is all they hold; app_admin also holds whatever authenticated holds.
 */
async function privileges(db: Queryable, roles = ROLES, withPublic = true): Promise<string[]> {
  const { rows } = await db.query<{ line: string }>(
    `with r as (
       select oid, rolname from pg_catalog.pg_roles where rolname = any($1::text[])
       union all
       -- PUBLIC (grantee 0) counts for every role.
       select 0::oid, rolname from pg_catalog.pg_roles where rolname = any($1::text[]) and $3::boolean
     ),
     lines as (
       select r.rolname || ' schema ' || n.nspname || ' ' || a.privilege_type as line
         from pg_catalog.pg_namespace n
         cross join lateral aclexplode(coalesce(n.nspacl, acldefault('n'::"char", n.nspowner))) a
         join r on r.oid = a.grantee
        where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
       union all
       select r.rolname || ' ' || ${KIND} || ' ' || n.nspname || '.' || c.relname || ' ' || a.privilege_type
         from pg_catalog.pg_class c
         join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         cross join lateral aclexplode(coalesce(c.relacl, acldefault((case when c.relkind = 'S' then 's' else 'r' end)::"char", c.relowner))) a
         join r on r.oid = a.grantee
        where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and n.nspname = any($2::text[])
       union all
       select r.rolname || ' ' || ${KIND} || ' ' || n.nspname || '.' || c.relname || ' ' || a.privilege_type
              || '(' || string_agg(att.attname, ', ' order by att.attname) || ')'
         from pg_catalog.pg_attribute att
         join pg_catalog.pg_class c on c.oid = att.attrelid
         join pg_catalog.pg_namespace n on n.oid = c.relnamespace
         cross join lateral aclexplode(att.attacl) a
         join r on r.oid = a.grantee
        where att.attnum > 0 and not att.attisdropped and att.attacl is not null and n.nspname = any($2::text[])
        group by r.rolname, c.relkind, n.nspname, c.relname, a.privilege_type
       union all
       select r.rolname || ' function ' || n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ') '
              || a.privilege_type
         from pg_catalog.pg_proc p
         join pg_catalog.pg_namespace n on n.oid = p.pronamespace
         cross join lateral aclexplode(coalesce(p.proacl, acldefault('f'::"char", p.proowner))) a
         join r on r.oid = a.grantee
        where n.nspname = any($2::text[])
     )
     select distinct line from lines order by line`,
    [roles, OBJECT_SCHEMAS, withPublic],
  );
  return rows.map((r) => r.line).sort();
}

// The same on PGlite and on the PostgreSQL server: both keep ACLs and default privileges as any
// PostgreSQL does, so nothing here is skipped.
describe.each(dbTargets)('privileges of the client roles on %s', (target) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await createTestDb(target, { migrate: false });
    // The bootstrap creates anon, authenticated and service_role; then Supabase's default
    // privileges go in, and only then do the migrations run (the bootstrap again, harmlessly).
    await t.db.exec(await readFile(BOOTSTRAP_FILE, 'utf8'));
    await t.db.exec(SUPABASE_DEFAULT_PRIVILEGES);
    await migrate(t.db);
  });
  afterAll(() => t?.drop());

  it('every role holds exactly the allow-listed privileges, despite Supabase’s default privileges', async () => {
    expect(await privileges(t.db)).toEqual(ALLOWED);
  });

  it('service_role holds nothing beyond schema usage: the product never connects as it', async () => {
    expect(await privileges(t.db, ['service_role'])).toEqual(ALLOWED.filter((l) => l.startsWith('service_role ')));
    expect(ALLOWED.filter((l) => l.startsWith('service_role ')).every((l) => l.includes(' schema '))).toBe(true);
  });

  it('objects a later migration creates in public start with no client grants', async () => {
    await t.db.transaction(async (tx) => {
      await tx.exec(`
        create table public.grants_probe (id bigint generated always as identity primary key, note text);
        create view public.grants_probe_view as select id from public.grants_probe;
        create sequence public.grants_probe_seq;
        create function public.grants_probe_fn() returns int language sql as 'select 1';
      `);
      // Nothing granted to the client roles by name; the function still has PostgreSQL's built-in
      // EXECUTE for PUBLIC, which no schema-level default can take away: hence the rule that every
      // migration revokes all on each function from public (docs/migrations.md).
      const probe = (lines: string[]) => lines.filter((l) => l.includes('grants_probe'));
      expect(probe(await privileges(tx, ['anon', 'authenticated', 'service_role'], false))).toEqual([]);
      expect(probe(await privileges(tx, ['anon']))).toEqual(['anon function public.grants_probe_fn() EXECUTE']);
      await tx.exec('revoke all on function public.grants_probe_fn() from public');
      expect(probe(await privileges(tx, ['anon', 'authenticated', 'service_role']))).toEqual([]);
      await tx.exec('drop function public.grants_probe_fn(); drop sequence public.grants_probe_seq; drop view public.grants_probe_view; drop table public.grants_probe;');
    });
  });
});
