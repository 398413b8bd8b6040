-- Triggers, by table and name.
-- Generated from a freshly migrated database by `npx tsx scripts/schema-snapshot.ts`; do not edit.
-- To change anything, add a migration (docs/migrations.md), then regenerate this snapshot.

CREATE TRIGGER auth_sessions_sign_ins_changed AFTER UPDATE ON private.auth_sessions FOR EACH ROW WHEN (new.revoked_at IS DISTINCT FROM old.revoked_at OR new.expires_at < old.expires_at OR new.token_hash IS DISTINCT FROM old.token_hash OR new.account_id IS DISTINCT FROM old.account_id) EXECUTE FUNCTION private.notify_channel('sign_ins_changed');
CREATE TRIGGER auth_sessions_sign_ins_ended AFTER DELETE OR TRUNCATE ON private.auth_sessions FOR EACH STATEMENT EXECUTE FUNCTION private.notify_channel('sign_ins_changed');

CREATE TRIGGER accounts_sign_ins_changed AFTER UPDATE ON public.accounts FOR EACH ROW WHEN (new.role IS DISTINCT FROM old.role OR new.email IS DISTINCT FROM old.email) EXECUTE FUNCTION private.notify_channel('sign_ins_changed');
CREATE TRIGGER accounts_sign_ins_ended AFTER DELETE OR TRUNCATE ON public.accounts FOR EACH STATEMENT EXECUTE FUNCTION private.notify_channel('sign_ins_changed');

CREATE TRIGGER appointments_audit_delete AFTER DELETE ON public.appointments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER appointments_audit_insert AFTER INSERT ON public.appointments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER appointments_audit_update AFTER UPDATE ON public.appointments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER appointments_bump_version BEFORE UPDATE ON public.appointments FOR EACH ROW EXECUTE FUNCTION private.bump_version();
CREATE TRIGGER appointments_from_slot BEFORE INSERT ON public.appointments FOR EACH ROW EXECUTE FUNCTION private.appointments_from_slot();

CREATE TRIGGER audit_trail_append_only BEFORE DELETE OR UPDATE ON public.audit_trail FOR EACH ROW EXECUTE FUNCTION private.audit_trail_append_only();
CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON public.audit_trail FOR EACH STATEMENT EXECUTE FUNCTION private.audit_trail_no_truncate();

CREATE TRIGGER cancer_pathways_audit_delete AFTER DELETE ON public.cancer_pathways REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER cancer_pathways_audit_insert AFTER INSERT ON public.cancer_pathways REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER cancer_pathways_audit_update AFTER UPDATE ON public.cancer_pathways REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER cancer_pathways_bump_version BEFORE UPDATE ON public.cancer_pathways FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER cases_board_changed AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.cases FOR EACH STATEMENT EXECUTE FUNCTION private.notify_channel('board_changed');
CREATE TRIGGER cases_bump_version BEFORE UPDATE ON public.cases FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER clinic_slots_audit_delete AFTER DELETE ON public.clinic_slots REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER clinic_slots_audit_insert AFTER INSERT ON public.clinic_slots REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER clinic_slots_audit_update AFTER UPDATE ON public.clinic_slots REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER clinic_slots_bump_version BEFORE UPDATE ON public.clinic_slots FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER clinic_templates_audit_delete AFTER DELETE ON public.clinic_templates REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER clinic_templates_audit_insert AFTER INSERT ON public.clinic_templates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER clinic_templates_audit_update AFTER UPDATE ON public.clinic_templates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER clinic_templates_bump_version BEFORE UPDATE ON public.clinic_templates FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER mdt_actions_audit_delete AFTER DELETE ON public.mdt_actions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER mdt_actions_audit_insert AFTER INSERT ON public.mdt_actions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER mdt_actions_audit_update AFTER UPDATE ON public.mdt_actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER mdt_actions_bump_version BEFORE UPDATE ON public.mdt_actions FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER mdt_listings_audit_delete AFTER DELETE ON public.mdt_listings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER mdt_listings_audit_insert AFTER INSERT ON public.mdt_listings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER mdt_listings_audit_update AFTER UPDATE ON public.mdt_listings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER mdt_listings_bump_version BEFORE UPDATE ON public.mdt_listings FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER mdt_meetings_audit_delete AFTER DELETE ON public.mdt_meetings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER mdt_meetings_audit_insert AFTER INSERT ON public.mdt_meetings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER mdt_meetings_audit_update AFTER UPDATE ON public.mdt_meetings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER mdt_meetings_bump_version BEFORE UPDATE ON public.mdt_meetings FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER medical_records_audit_delete AFTER DELETE ON public.medical_records REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('doctor_id');
CREATE TRIGGER medical_records_audit_insert AFTER INSERT ON public.medical_records REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('doctor_id');
CREATE TRIGGER medical_records_audit_update AFTER UPDATE ON public.medical_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('doctor_id');
CREATE TRIGGER medical_records_bump_version BEFORE UPDATE ON public.medical_records FOR EACH ROW EXECUTE FUNCTION private.bump_version();
CREATE TRIGGER medical_records_guard BEFORE UPDATE ON public.medical_records FOR EACH ROW EXECUTE FUNCTION private.medical_records_guard();

CREATE TRIGGER pathway_validations_audit_delete AFTER DELETE ON public.pathway_validations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER pathway_validations_audit_insert AFTER INSERT ON public.pathway_validations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER pathway_validations_audit_update AFTER UPDATE ON public.pathway_validations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER pathway_validations_bump_version BEFORE UPDATE ON public.pathway_validations FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER practice_sessions_board_changed AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.practice_sessions FOR EACH STATEMENT EXECUTE FUNCTION private.notify_channel('board_changed');
CREATE TRIGGER practice_sessions_count_insert_delete AFTER INSERT OR DELETE ON public.practice_sessions FOR EACH ROW EXECUTE FUNCTION private.practice_sessions_count();
CREATE TRIGGER practice_sessions_count_update AFTER UPDATE ON public.practice_sessions FOR EACH ROW WHEN (old.status IS DISTINCT FROM new.status OR old.host_id IS DISTINCT FROM new.host_id OR old.guest_id IS DISTINCT FROM new.guest_id OR (old.host_joined_at IS NULL) IS DISTINCT FROM (new.host_joined_at IS NULL) OR (old.guest_joined_at IS NULL) IS DISTINCT FROM (new.guest_joined_at IS NULL)) EXECUTE FUNCTION private.practice_sessions_count();
CREATE TRIGGER practice_sessions_guard BEFORE INSERT OR UPDATE ON public.practice_sessions FOR EACH ROW EXECUTE FUNCTION private.practice_sessions_guard();

CREATE TRIGGER profiles_before_erasure BEFORE DELETE ON public.profiles FOR EACH ROW EXECUTE FUNCTION private.profile_erasure();
CREATE TRIGGER profiles_board_changed AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.profiles FOR EACH STATEMENT EXECUTE FUNCTION private.notify_channel('board_changed');
CREATE TRIGGER profiles_bump_version BEFORE UPDATE ON public.profiles FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER ptl_events_audit_delete AFTER DELETE ON public.ptl_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER ptl_events_audit_insert AFTER INSERT ON public.ptl_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER ptl_events_audit_update AFTER UPDATE ON public.ptl_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');

CREATE TRIGGER ptl_patients_audit_delete AFTER DELETE ON public.ptl_patients REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER ptl_patients_audit_insert AFTER INSERT ON public.ptl_patients REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER ptl_patients_audit_update AFTER UPDATE ON public.ptl_patients REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER ptl_patients_bump_version BEFORE UPDATE ON public.ptl_patients FOR EACH ROW EXECUTE FUNCTION private.bump_version();
CREATE TRIGGER ptl_patients_open_counts_delete AFTER DELETE ON public.ptl_patients REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.ptl_open_counts_after_delete();
CREATE TRIGGER ptl_patients_open_counts_insert AFTER INSERT ON public.ptl_patients REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.ptl_open_counts_after_insert();
CREATE TRIGGER ptl_patients_open_counts_update AFTER UPDATE ON public.ptl_patients REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.ptl_open_counts_after_update();

CREATE TRIGGER quality_audits_audit_delete AFTER DELETE ON public.quality_audits REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER quality_audits_audit_insert AFTER INSERT ON public.quality_audits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER quality_audits_audit_update AFTER UPDATE ON public.quality_audits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER quality_audits_bump_version BEFORE UPDATE ON public.quality_audits FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER quality_findings_audit_delete AFTER DELETE ON public.quality_findings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER quality_findings_audit_update AFTER UPDATE ON public.quality_findings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER quality_findings_bump_version BEFORE UPDATE ON public.quality_findings FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER rtt_returns_audit_delete AFTER DELETE ON public.rtt_returns REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER rtt_returns_audit_insert AFTER INSERT ON public.rtt_returns REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER rtt_returns_audit_update AFTER UPDATE ON public.rtt_returns REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER rtt_returns_bump_version BEFORE UPDATE ON public.rtt_returns FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER secretary_tasks_audit_delete AFTER DELETE ON public.secretary_tasks REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER secretary_tasks_audit_insert AFTER INSERT ON public.secretary_tasks REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER secretary_tasks_audit_update AFTER UPDATE ON public.secretary_tasks REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER secretary_tasks_bump_version BEFORE UPDATE ON public.secretary_tasks FOR EACH ROW EXECUTE FUNCTION private.bump_version();
CREATE TRIGGER secretary_tasks_completed_at BEFORE INSERT OR UPDATE ON public.secretary_tasks FOR EACH ROW EXECUTE FUNCTION private.secretary_tasks_completed_at();

CREATE TRIGGER session_assessments_bump_version BEFORE UPDATE ON public.session_assessments FOR EACH ROW EXECUTE FUNCTION private.bump_version();

CREATE TRIGGER tracker_items_audit_delete AFTER DELETE ON public.tracker_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER tracker_items_audit_insert AFTER INSERT ON public.tracker_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER tracker_items_audit_update AFTER UPDATE ON public.tracker_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION private.audit_changes('user_id');
CREATE TRIGGER tracker_items_bump_version BEFORE UPDATE ON public.tracker_items FOR EACH ROW EXECUTE FUNCTION private.bump_version();
