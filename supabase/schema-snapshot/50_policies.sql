-- Row-level security: which tables have it, and every policy, by table and name. A table with it and no policy is closed to every client role.
-- Generated from a freshly migrated database by `npx tsx scripts/schema-snapshot.ts`; do not edit.
-- To change anything, add a migration (docs/migrations.md), then regenerate this snapshot.

alter table private.auth_sessions enable row level security;

alter table private.credentials enable row level security;

alter table private.host_session_counts enable row level security;

alter table private.password_reset_tokens enable row level security;

alter table public.accounts enable row level security;
create policy "A user reads their own account"
  on public.accounts for select to authenticated
  using (id = ( SELECT auth.uid() AS uid));
create policy "Admins read every account"
  on public.accounts for select to app_admin
  using (true);

alter table public.admin_audit_log enable row level security;
create policy "Admins read the audit trail"
  on public.admin_audit_log for select to app_admin
  using (true);
create policy "Admins record their own views"
  on public.admin_audit_log for insert to app_admin
  with check (admin_id = ( SELECT auth.uid() AS uid));

alter table public.appointments enable row level security;
create policy "A user books their own appointments"
  on public.appointments for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.clinic_slots s
  WHERE ((s.id = appointments.slot_id) AND (s.user_id = ( SELECT auth.uid() AS uid))))) AND ((pathway_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.ptl_patients p
  WHERE ((p.id = appointments.pathway_id) AND (p.user_id = ( SELECT auth.uid() AS uid)))))));
create policy "A user deletes their own appointments"
  on public.appointments for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user reads their own appointments"
  on public.appointments for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user records outcomes on their own appointments"
  on public.appointments for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every appointment"
  on public.appointments for select to app_admin
  using (true);

alter table public.audit_trail enable row level security;
create policy "A user reads the trail of their own data"
  on public.audit_trail for select to authenticated
  using (owner_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every trail"
  on public.audit_trail for select to app_admin
  using (true);

alter table public.cancer_pathways enable row level security;
create policy "A user adds their own cancer pathways"
  on public.cancer_pathways for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND ((ptl_pathway_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.ptl_patients p
  WHERE ((p.id = cancer_pathways.ptl_pathway_id) AND (p.user_id = ( SELECT auth.uid() AS uid)))))));
create policy "A user deletes their own cancer pathways"
  on public.cancer_pathways for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user edits their own cancer pathways"
  on public.cancer_pathways for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND ((ptl_pathway_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.ptl_patients p
  WHERE ((p.id = cancer_pathways.ptl_pathway_id) AND (p.user_id = ( SELECT auth.uid() AS uid)))))));
create policy "A user reads their own cancer pathways"
  on public.cancer_pathways for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every cancer pathway"
  on public.cancer_pathways for select to app_admin
  using (true);

alter table public.case_content enable row level security;
create policy "A user deletes the content of their own cases"
  on public.case_content for delete to authenticated
  using (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = case_content.case_id) AND (c.owner_id = ( SELECT auth.uid() AS uid)))));
create policy "A user edits the content of their own cases"
  on public.case_content for update to authenticated
  using (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = case_content.case_id) AND (c.owner_id = ( SELECT auth.uid() AS uid)))))
  with check (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = case_content.case_id) AND (c.owner_id = ( SELECT auth.uid() AS uid)))));
create policy "A user reads the content of their own cases"
  on public.case_content for select to authenticated
  using (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = case_content.case_id) AND (c.owner_id = ( SELECT auth.uid() AS uid)))));
create policy "A user writes the content of their own cases"
  on public.case_content for insert to authenticated
  with check (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = case_content.case_id) AND (c.owner_id = ( SELECT auth.uid() AS uid)))));
create policy "Admins edit the content of the shared bank"
  on public.case_content for update to app_admin
  using (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = case_content.case_id) AND (c.owner_id IS NULL))))
  with check (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = case_content.case_id) AND (c.owner_id IS NULL))));
create policy "Admins read the content of every case"
  on public.case_content for select to app_admin
  using (true);
create policy "Admins write the content of the shared bank"
  on public.case_content for insert to app_admin
  with check (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = case_content.case_id) AND (c.owner_id IS NULL))));

alter table public.cases enable row level security;
create policy "A user adds their own private cases"
  on public.cases for insert to authenticated
  with check (owner_id = ( SELECT auth.uid() AS uid));
create policy "A user deletes their own cases"
  on public.cases for delete to authenticated
  using (owner_id = ( SELECT auth.uid() AS uid));
create policy "A user edits their own cases"
  on public.cases for update to authenticated
  using (owner_id = ( SELECT auth.uid() AS uid))
  with check (owner_id = ( SELECT auth.uid() AS uid));
create policy "Admins add to the shared bank"
  on public.cases for insert to app_admin
  with check (owner_id IS NULL);
create policy "Admins browse every case"
  on public.cases for select to app_admin
  using (true);
create policy "Admins delete from the shared bank"
  on public.cases for delete to app_admin
  using (owner_id IS NULL);
create policy "Admins edit the shared bank"
  on public.cases for update to app_admin
  using (owner_id IS NULL)
  with check (owner_id IS NULL);
create policy "Signed-in users browse the shared bank and their own cases"
  on public.cases for select to authenticated
  using ((owner_id IS NULL) OR (owner_id = ( SELECT auth.uid() AS uid)));

alter table public.clinic_slots enable row level security;
create policy "A user adds slots to their own clinics"
  on public.clinic_slots for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.clinic_templates c
  WHERE ((c.id = clinic_slots.clinic_id) AND (c.user_id = ( SELECT auth.uid() AS uid))))));
create policy "A user edits their own clinic slots"
  on public.clinic_slots for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "A user reads their own clinic slots"
  on public.clinic_slots for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every clinic slot"
  on public.clinic_slots for select to app_admin
  using (true);

alter table public.clinic_templates enable row level security;
create policy "A user adds their own clinic templates"
  on public.clinic_templates for insert to authenticated
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "A user deletes their own clinic templates"
  on public.clinic_templates for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user edits their own clinic templates"
  on public.clinic_templates for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "A user reads their own clinic templates"
  on public.clinic_templates for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every clinic template"
  on public.clinic_templates for select to app_admin
  using (true);

alter table public.mail_outbox enable row level security;
create policy "Admins read the mail outbox"
  on public.mail_outbox for select to app_admin
  using (true);

alter table public.mdt_actions enable row level security;
create policy "A user adds actions to their own MDT listings"
  on public.mdt_actions for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.mdt_listings l
  WHERE ((l.id = mdt_actions.listing_id) AND (l.meeting_id = mdt_actions.meeting_id) AND (l.user_id = ( SELECT auth.uid() AS uid))))));
create policy "A user deletes their own MDT actions"
  on public.mdt_actions for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user edits their own MDT actions"
  on public.mdt_actions for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.mdt_listings l
  WHERE ((l.id = mdt_actions.listing_id) AND (l.meeting_id = mdt_actions.meeting_id) AND (l.user_id = ( SELECT auth.uid() AS uid))))));
create policy "A user reads their own MDT actions"
  on public.mdt_actions for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every MDT action"
  on public.mdt_actions for select to app_admin
  using (true);

alter table public.mdt_listings enable row level security;
create policy "A user deletes their own MDT listings"
  on public.mdt_listings for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user edits their own MDT listings"
  on public.mdt_listings for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.mdt_meetings m
  WHERE ((m.id = mdt_listings.meeting_id) AND (m.user_id = ( SELECT auth.uid() AS uid))))) AND (EXISTS ( SELECT 1
   FROM public.cancer_pathways c
  WHERE ((c.id = mdt_listings.cancer_pathway_id) AND (c.user_id = ( SELECT auth.uid() AS uid))))));
create policy "A user lists their own pathways at their own MDT meetings"
  on public.mdt_listings for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.mdt_meetings m
  WHERE ((m.id = mdt_listings.meeting_id) AND (m.user_id = ( SELECT auth.uid() AS uid))))) AND (EXISTS ( SELECT 1
   FROM public.cancer_pathways c
  WHERE ((c.id = mdt_listings.cancer_pathway_id) AND (c.user_id = ( SELECT auth.uid() AS uid))))));
create policy "A user reads their own MDT listings"
  on public.mdt_listings for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every MDT listing"
  on public.mdt_listings for select to app_admin
  using (true);

alter table public.mdt_meetings enable row level security;
create policy "A user adds their own MDT meetings"
  on public.mdt_meetings for insert to authenticated
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "A user deletes their own MDT meetings"
  on public.mdt_meetings for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user edits their own MDT meetings"
  on public.mdt_meetings for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "A user reads their own MDT meetings"
  on public.mdt_meetings for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every MDT meeting"
  on public.mdt_meetings for select to app_admin
  using (true);

alter table public.medical_records enable row level security;
create policy "A doctor writes records about patients as themselves"
  on public.medical_records for insert to authenticated
  with check ((doctor_id = ( SELECT auth.uid() AS uid)) AND private.may_write_medical_record(doctor_id, patient_id));
create policy "The doctor and the patient of a record read it"
  on public.medical_records for select to authenticated
  using ((doctor_id = ( SELECT auth.uid() AS uid)) OR (patient_id = ( SELECT auth.uid() AS uid)));
create policy "The writing doctor deletes their records"
  on public.medical_records for delete to authenticated
  using (doctor_id = ( SELECT auth.uid() AS uid));
create policy "The writing doctor edits their records"
  on public.medical_records for update to authenticated
  using (doctor_id = ( SELECT auth.uid() AS uid))
  with check (doctor_id = ( SELECT auth.uid() AS uid));

alter table public.pathway_validations enable row level security;
create policy "A user adds their own pathway validations"
  on public.pathway_validations for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.ptl_patients p
  WHERE ((p.id = pathway_validations.pathway_id) AND (p.user_id = ( SELECT auth.uid() AS uid))))));
create policy "A user reads their own pathway validations"
  on public.pathway_validations for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every pathway validation"
  on public.pathway_validations for select to app_admin
  using (true);

alter table public.practice_sessions enable row level security;
create policy "A host publishes their own sessions"
  on public.practice_sessions for insert to authenticated
  with check ((host_id = ( SELECT auth.uid() AS uid)) AND ((case_id IS NULL) OR ((host_role = 'actor'::text) AND (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = practice_sessions.case_id) AND ((c.owner_id IS NULL) OR (c.owner_id = ( SELECT auth.uid() AS uid)))))))));
create policy "Admins read every session"
  on public.practice_sessions for select to app_admin
  using (true);
create policy "Participants read their sessions"
  on public.practice_sessions for select to authenticated
  using ((host_id = ( SELECT auth.uid() AS uid)) OR (guest_id = ( SELECT auth.uid() AS uid)));
create policy "Participants update their sessions within their rights"
  on public.practice_sessions for update to authenticated
  using ((host_id = ( SELECT auth.uid() AS uid)) OR (guest_id = ( SELECT auth.uid() AS uid)))
  with check (((host_id = ( SELECT auth.uid() AS uid)) OR (guest_id = ( SELECT auth.uid() AS uid))) AND ((case_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.cases c
  WHERE ((c.id = practice_sessions.case_id) AND ((c.owner_id IS NULL) OR (c.owner_id = ( SELECT auth.uid() AS uid))))))));

alter table public.profiles enable row level security;
create policy "A user creates their own profile"
  on public.profiles for insert to authenticated
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "A user deletes their own profile"
  on public.profiles for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user updates their own profile"
  on public.profiles for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "Anyone reads profiles"
  on public.profiles for select to anon, authenticated
  using (true);

alter table public.ptl_events enable row level security;
create policy "A user deletes their own pathway events"
  on public.ptl_events for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user reads their own pathway events"
  on public.ptl_events for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user records events on their own pathways"
  on public.ptl_events for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.ptl_patients p
  WHERE ((p.id = ptl_events.pathway_id) AND (p.user_id = ( SELECT auth.uid() AS uid))))));
create policy "Admins read every pathway event"
  on public.ptl_events for select to app_admin
  using (true);

alter table public.ptl_open_counts enable row level security;
create policy "A user reads their own PTL counts"
  on public.ptl_open_counts for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every PTL count"
  on public.ptl_open_counts for select to app_admin
  using (true);

alter table public.ptl_patients enable row level security;
create policy "A user adds their own pathways"
  on public.ptl_patients for insert to authenticated
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "A user deletes their own pathways"
  on public.ptl_patients for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user reads their own pathways"
  on public.ptl_patients for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user updates their own pathways"
  on public.ptl_patients for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every pathway"
  on public.ptl_patients for select to app_admin
  using (true);

alter table public.quality_audits enable row level security;
create policy "A user adds their own quality audits"
  on public.quality_audits for insert to authenticated
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "A user reads their own quality audits"
  on public.quality_audits for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every quality audit"
  on public.quality_audits for select to app_admin
  using (true);

alter table public.quality_findings enable row level security;
create policy "A user adds their own quality findings"
  on public.quality_findings for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.quality_audits a
  WHERE ((a.id = quality_findings.audit_id) AND (a.user_id = ( SELECT auth.uid() AS uid))))));
create policy "A user decides on their own quality findings"
  on public.quality_findings for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "A user reads their own quality findings"
  on public.quality_findings for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every quality finding"
  on public.quality_findings for select to app_admin
  using (true);

alter table public.rtt_returns enable row level security;
create policy "A user deletes their own RTT returns"
  on public.rtt_returns for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user reads their own RTT returns"
  on public.rtt_returns for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user records their own RTT returns"
  on public.rtt_returns for insert to authenticated
  with check (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every RTT return"
  on public.rtt_returns for select to app_admin
  using (true);

alter table public.secretary_tasks enable row level security;
create policy "A user adds their own tasks"
  on public.secretary_tasks for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND ((pathway_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.ptl_patients p
  WHERE ((p.id = secretary_tasks.pathway_id) AND (p.user_id = ( SELECT auth.uid() AS uid)))))));
create policy "A user deletes their own tasks"
  on public.secretary_tasks for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user edits their own tasks"
  on public.secretary_tasks for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND ((pathway_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.ptl_patients p
  WHERE ((p.id = secretary_tasks.pathway_id) AND (p.user_id = ( SELECT auth.uid() AS uid)))))));
create policy "A user reads their own tasks"
  on public.secretary_tasks for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every task"
  on public.secretary_tasks for select to app_admin
  using (true);

alter table public.session_assessments enable row level security;
create policy "Admins read every assessment"
  on public.session_assessments for select to app_admin
  using (true);
create policy "Participants read the assessment, the candidate from feedback"
  on public.session_assessments for select to authenticated
  using (EXISTS ( SELECT 1
   FROM public.practice_sessions s
  WHERE ((s.id = session_assessments.session_id) AND (((s.host_role = 'actor'::text) AND (s.host_id = ( SELECT auth.uid() AS uid))) OR ((s.host_role = 'candidate'::text) AND (s.guest_id = ( SELECT auth.uid() AS uid))) OR ((s.candidate_id = ( SELECT auth.uid() AS uid)) AND (s.phase = ANY (ARRAY['feedback'::text, 'completed'::text])))))));

alter table public.session_station_gaps enable row level security;
create policy "Admins read every station's gaps"
  on public.session_station_gaps for select to app_admin
  using (true);
create policy "Participants read their station's gaps"
  on public.session_station_gaps for select to authenticated
  using (EXISTS ( SELECT 1
   FROM public.practice_sessions s
  WHERE ((s.id = session_station_gaps.session_id) AND ((s.host_id = ( SELECT auth.uid() AS uid)) OR (s.guest_id = ( SELECT auth.uid() AS uid))))));

alter table public.session_transcript_segments enable row level security;
create policy "Admins read every transcript"
  on public.session_transcript_segments for select to app_admin
  using (true);
create policy "Participants add segments during the consultation"
  on public.session_transcript_segments for insert to authenticated
  with check ((author_id = ( SELECT auth.uid() AS uid)) AND (EXISTS ( SELECT 1
   FROM public.practice_sessions s
  WHERE ((s.id = session_transcript_segments.session_id) AND ((s.host_id = ( SELECT auth.uid() AS uid)) OR (s.guest_id = ( SELECT auth.uid() AS uid))) AND (s.phase = ANY (ARRAY['consultation'::text, 'feedback'::text]))))));
create policy "Participants read their session's transcript"
  on public.session_transcript_segments for select to authenticated
  using (EXISTS ( SELECT 1
   FROM public.practice_sessions s
  WHERE ((s.id = session_transcript_segments.session_id) AND ((s.host_id = ( SELECT auth.uid() AS uid)) OR (s.guest_id = ( SELECT auth.uid() AS uid))))));

alter table public.tracker_items enable row level security;
create policy "A user adds their own tracker rows"
  on public.tracker_items for insert to authenticated
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND ((pathway_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.ptl_patients p
  WHERE ((p.id = tracker_items.pathway_id) AND (p.user_id = ( SELECT auth.uid() AS uid)))))));
create policy "A user deletes their own tracker rows"
  on public.tracker_items for delete to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "A user edits their own tracker rows"
  on public.tracker_items for update to authenticated
  using (user_id = ( SELECT auth.uid() AS uid))
  with check ((user_id = ( SELECT auth.uid() AS uid)) AND ((pathway_id IS NULL) OR (EXISTS ( SELECT 1
   FROM public.ptl_patients p
  WHERE ((p.id = tracker_items.pathway_id) AND (p.user_id = ( SELECT auth.uid() AS uid)))))));
create policy "A user reads their own tracker rows"
  on public.tracker_items for select to authenticated
  using (user_id = ( SELECT auth.uid() AS uid));
create policy "Admins read every tracker row"
  on public.tracker_items for select to app_admin
  using (true);

alter table storage.objects enable row level security;
create policy "Participants read their session's assessment documents"
  on storage.objects for select to authenticated
  using ((bucket_id = 'assessments'::text) AND ( SELECT private.assessments_object_access(objects.name, true) AS assessments_object_access));
create policy "The host deletes their session's assessment documents"
  on storage.objects for delete to authenticated
  using ((bucket_id = 'assessments'::text) AND ( SELECT private.assessments_object_access(objects.name, false) AS assessments_object_access));
create policy "The host updates their session's assessment documents"
  on storage.objects for update to authenticated
  using ((bucket_id = 'assessments'::text) AND ( SELECT private.assessments_object_access(objects.name, false) AS assessments_object_access))
  with check ((bucket_id = 'assessments'::text) AND ( SELECT private.assessments_object_access(objects.name, false) AS assessments_object_access));
create policy "The host writes their session's assessment documents"
  on storage.objects for insert to authenticated
  with check ((bucket_id = 'assessments'::text) AND ( SELECT private.assessments_object_access(objects.name, false) AS assessments_object_access));
