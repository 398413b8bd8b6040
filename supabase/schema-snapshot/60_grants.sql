-- Privileges of every role but the owner (PUBLIC included), by object. Compare test/integration/grants.test.ts, whose allow-list they must match.
-- Generated from a freshly migrated database by `npx tsx scripts/schema-snapshot.ts`; do not edit.
-- To change anything, add a migration (docs/migrations.md), then regenerate this snapshot.

grant usage on schema private to authenticated;

grant usage on schema public to public;

grant select on table public.accounts to authenticated;

grant insert (action, admin_id, detail, subject_id) on table public.admin_audit_log to app_admin;
grant select on table public.admin_audit_log to authenticated;

grant select, delete on table public.appointments to authenticated;
grant insert (booked_on, communicated, pathway_id, patient_id, patient_name, slot_id, user_id) on table public.appointments to authenticated;
grant update (clinic_outcome, discharge_date, outcome_date, rebooked_as, status) on table public.appointments to authenticated;

grant select on table public.audit_trail to authenticated;

grant select, delete on table public.cancer_pathways to authenticated;
grant insert (breach_reason, decision_to_treat_date, diagnosis, diagnosis_communicated_date, first_treatment_date, nhs_number, patient_id, patient_name, ptl_pathway_id, referral_received_date, route, screening_programme, treatment_modality, tumour_site, upgrade_date, user_id) on table public.cancer_pathways to authenticated;
grant update (breach_reason, decision_to_treat_date, diagnosis, diagnosis_communicated_date, first_treatment_date, nhs_number, patient_id, patient_name, ptl_pathway_id, referral_received_date, route, screening_programme, treatment_modality, tumour_site, upgrade_date) on table public.cancer_pathways to authenticated;

grant select, insert, update, delete on table public.case_content to authenticated;

grant select, delete on table public.cases to authenticated;
grant insert (case_name, category, domain, internal_name, owner_id) on table public.cases to authenticated;
grant update (case_name, category, domain, internal_name) on table public.cases to authenticated;

grant select on table public.clinic_slots to authenticated;
grant insert (clinic_id, date, end_time, kind, start_time, user_id) on table public.clinic_slots to authenticated;
grant update (cancelled) on table public.clinic_slots to authenticated;

grant select, delete on table public.clinic_templates to authenticated;
grant insert (cancelled_dates, clinician, end_time, name, new_slots, slot_minutes, specialty, start_time, user_id, valid_from, valid_to, weekday) on table public.clinic_templates to authenticated;
grant update (cancelled_dates, clinician, end_time, name, new_slots, slot_minutes, specialty, start_time, valid_from, valid_to, weekday) on table public.clinic_templates to authenticated;

grant select on table public.mail_outbox to app_admin;

grant select, delete on table public.mdt_actions to authenticated;
grant insert (description, done, due_date, listing_id, meeting_id, owner, user_id) on table public.mdt_actions to authenticated;
grant update (description, done, due_date, owner) on table public.mdt_actions to authenticated;

grant select, delete on table public.mdt_listings to authenticated;
grant insert ("position", cancer_pathway_id, checklist, discussion, meeting_id, outcome, outcome_communicated_date, reason, user_id) on table public.mdt_listings to authenticated;
grant update ("position", checklist, discussion, outcome, outcome_communicated_date, reason) on table public.mdt_listings to authenticated;

grant select, delete on table public.mdt_meetings to authenticated;
grant insert (attendees, meeting_date, notes, start_time, status, tumour_site, user_id) on table public.mdt_meetings to authenticated;
grant update (attendees, meeting_date, notes, start_time, status, tumour_site) on table public.mdt_meetings to authenticated;

grant select, delete on table public.medical_records to authenticated;
grant insert (doctor_id, notes, patient_id, title) on table public.medical_records to authenticated;
grant update (notes, title) on table public.medical_records to authenticated;

grant select on table public.pathway_validations to authenticated;
grant insert (kind, note, outcome, pathway_id, user_id, validated_on) on table public.pathway_validations to authenticated;

grant select (case_id) on table public.practice_sessions to app_admin;
grant select (candidate_id, consultation_s, created_at, datetime_utc, feedback_s, guest_id, guest_joined_at, host_id, host_joined_at, host_role, id, pause_reason, paused_at, phase, phase_ends_at, phase_started_at, preset, previous_session_id, reading_s, room_url, station_started_at, status, type, updated_at, version, warning_s) on table public.practice_sessions to authenticated;
grant insert (case_id, consultation_s, datetime_utc, feedback_s, host_id, host_role, preset, reading_s, type, warning_s) on table public.practice_sessions to authenticated;
grant update (case_id, consultation_s, datetime_utc, feedback_s, host_role, preset, reading_s, type, warning_s) on table public.practice_sessions to authenticated;

grant select on table public.profiles to anon;
grant select, delete on table public.profiles to authenticated;
grant insert (avatar, first_name, last_name, training_level, user_id) on table public.profiles to authenticated;
grant update (avatar, first_name, last_name, training_level) on table public.profiles to authenticated;

grant select, delete on table public.ptl_events to authenticated;
grant insert (appointment_communicated, event_date, event_type, note, pathway_id, rtt_status, user_id) on table public.ptl_events to authenticated;

grant select on table public.ptl_open_counts to authenticated;

grant select, delete on table public.ptl_patients to authenticated;
grant insert (clock_period_start, clock_start_date, clock_state, clock_stop_date, current_status, nhs_number, on_ptl, pathway_type, patient_id, patient_name, priority, referral_date, specialty, user_id) on table public.ptl_patients to authenticated;
grant update (clock_period_start, clock_start_date, clock_state, clock_stop_date, current_status, nhs_number, on_ptl, pathway_type, patient_id, patient_name, priority, referral_date, specialty) on table public.ptl_patients to authenticated;

grant select on table public.quality_audits to authenticated;
grant insert (as_of, counts, records_checked, score, settings, user_id) on table public.quality_audits to authenticated;

grant select on table public.quality_findings to authenticated;
grant insert (audit_id, decided_at, detail, label, message, reason, rule, severity, status, target_id, target_type, user_id) on table public.quality_findings to authenticated;
grant update (decided_at, reason, status) on table public.quality_findings to authenticated;

grant select, delete on table public.rtt_returns to authenticated;
grant insert (census_date, month, over_52_weeks, provisional, total, user_id, within_18_weeks) on table public.rtt_returns to authenticated;

grant select, delete on table public.secretary_tasks to authenticated;
grant insert (due_date, notes, pathway_id, patient_id, patient_name, priority, status, title, type, user_id, waiting_on) on table public.secretary_tasks to authenticated;
grant update (due_date, notes, pathway_id, patient_id, patient_name, priority, status, title, type, waiting_on) on table public.secretary_tasks to authenticated;

grant select on table public.session_assessments to authenticated;

grant select on table public.session_board to anon;
grant select on table public.session_board to authenticated;

grant select on table public.session_station_gaps to authenticated;

grant select on table public.session_transcript_segments to authenticated;
grant insert (at_ms, author_id, session_id, speaker, text) on table public.session_transcript_segments to authenticated;

grant select, delete on table public.tracker_items to authenticated;
grant insert (fields, module, notes, pathway_id, patient_id, patient_name, status, user_id) on table public.tracker_items to authenticated;
grant update (fields, notes, pathway_id, patient_id, patient_name, status) on table public.tracker_items to authenticated;

grant execute on function private.assessments_object_access(object_name text, any_participant boolean) to authenticated;

grant execute on function private.may_write_medical_record(p_doctor_id uuid, p_patient_id uuid) to authenticated;

grant execute on function public.cancel_session(p_session_id uuid) to authenticated;

grant execute on function public.resolve_patient_account(p_email text, p_id uuid) to authenticated;

grant execute on function public.session_brief(p_session_id uuid) to authenticated;

grant execute on function public.session_case_id(p_session_id uuid) to authenticated;

grant execute on function public.session_has_case(p_session_id uuid) to authenticated;

grant execute on function public.signup_session(p_session_id uuid, p_expected_version integer) to authenticated;

grant execute on function public.start_next_station(p_session_id uuid) to authenticated;

grant execute on function public.withdraw_session(p_session_id uuid) to authenticated;
