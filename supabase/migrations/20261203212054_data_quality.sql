-- Data quality audits and waiting-list validation (issue #12; API-modules.md, "Data quality").
-- An audit runs the contract's eleven rules over a user's own PTL and cancer pathways at a census
-- date and keeps the run (its settings, how many records it checked, its counts and its score,
-- fixed when it was made) with one finding per problem. A finding points at a PTL or a cancer
-- pathway by id with no foreign key (it can be either table); a deleted record leaves its finding
-- pointing at nothing, and the API then shows the record as gone. A finding is resolved or
-- accepted with a reason; the next run carries an acceptance over. A pathway validation records a
-- technical, administrative or clinical validation of a PTL pathway (§4.4): it is activity for the
-- "no recent activity" rule and the validation queue, and it never touches the pathway's clock.
-- All three tables are made from the owned-table template (docs/adding-a-module.md).

-- ---------------------------------------------------------------------------------------------
-- Audits: written once by the run, never edited (no update grant), removed with the account.

create table public.quality_audits (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  as_of date not null,
  settings jsonb not null,
  ran_at timestamptz not null default now(),
  records_checked integer not null,
  counts jsonb not null,
  score numeric(4, 1),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint quality_audits_records_checked_range check (records_checked >= 0),
  constraint quality_audits_score_range check (score is null or score between 0 and 100),
  -- No records, no score: 100 × clean ÷ checked is undefined then.
  constraint quality_audits_score_iff_records check ((score is null) = (records_checked = 0)),
  constraint quality_audits_settings_object check (jsonb_typeof(settings) = 'object'),
  constraint quality_audits_counts_object check (jsonb_typeof(counts) = 'object')
);
comment on table public.quality_audits is 'A user''s data quality audit runs over their own PTL and cancer pathways: settings, census date, records checked, counts by rule and the score, fixed when the run was made.';

-- The owner leads the policy index and the list's order (newest first); the score series reads it too.
create index quality_audits_user_idx on public.quality_audits (user_id, ran_at desc, id desc);

create trigger quality_audits_bump_version
  before update on public.quality_audits
  for each row execute function private.bump_version();

alter table public.quality_audits enable row level security;
revoke all on table public.quality_audits from public, anon, authenticated, service_role, app_admin;
grant select on table public.quality_audits to authenticated;
grant insert (user_id, as_of, settings, records_checked, counts, score) on table public.quality_audits to authenticated;

-- A user reads their own audits.
create policy "A user reads their own quality audits"
  on public.quality_audits for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every audit, read-only: there is no admin write policy.
create policy "Admins read every quality audit"
  on public.quality_audits for select to app_admin
  using (true);

-- A user runs audits as themselves only.
create policy "A user adds their own quality audits"
  on public.quality_audits for insert to authenticated
  with check (user_id = (select auth.uid()));

select private.enable_audit('public.quality_audits', 'user_id');

-- ---------------------------------------------------------------------------------------------
-- Findings: written by the run; afterwards only their decision (status, reason, decided_at) changes.

create table public.quality_findings (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  audit_id uuid not null references public.quality_audits (id) on delete cascade,
  rule text not null,
  severity text not null,
  target_type text not null,
  -- A PTL or a cancer pathway id (see the header: no foreign key across two tables).
  target_id uuid not null,
  label text not null,
  message text not null,
  detail text not null default '',
  status text not null default 'open',
  reason text,
  decided_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint quality_findings_rule_known check (rule in (
    'nhs_number_missing', 'nhs_number_invalid', 'date_order', 'duplicate_open_pathway', 'breached_no_booking',
    'breach_soon_no_booking', 'no_recent_activity', 'status_contradicts_clock', 'clock_warning',
    'cancer_fds_overdue', 'cancer_long_wait_104')),
  constraint quality_findings_severity_known check (severity in ('error', 'warning')),
  constraint quality_findings_target_type_known check (target_type in ('ptl', 'cancer')),
  constraint quality_findings_status_known check (status in ('open', 'resolved', 'accepted')),
  constraint quality_findings_label_length check (char_length(label) between 1 and 300),
  constraint quality_findings_message_length check (char_length(message) between 1 and 4000),
  constraint quality_findings_detail_length check (char_length(detail) <= 4000),
  constraint quality_findings_reason_length check (reason is null or char_length(reason) between 1 and 500),
  -- A decision has its reason and its time; an open finding has neither.
  constraint quality_findings_decision check (
    (status = 'open' and reason is null and decided_at is null)
    or (status <> 'open' and reason is not null and decided_at is not null))
);
comment on table public.quality_findings is 'One problem a data quality audit found on a PTL or cancer pathway (target_id, no foreign key), with its decision: open, resolved or accepted with a reason.';

-- The owner leads the policy index.
create index quality_findings_user_idx on public.quality_findings (user_id, created_at desc, id desc);
-- A run's findings in the list's order; serves the policies' audit check and the cascade too.
create index quality_findings_audit_idx on public.quality_findings (audit_id, rule, label, id);
-- No index on target_id: nothing looks findings up by record (the carry-over reads the previous
-- run's through audit_id), and a run writes a row per finding, so each index costs at scale.

create trigger quality_findings_bump_version
  before update on public.quality_findings
  for each row execute function private.bump_version();

alter table public.quality_findings enable row level security;
revoke all on table public.quality_findings from public, anon, authenticated, service_role, app_admin;
grant select on table public.quality_findings to authenticated;
grant insert (user_id, audit_id, rule, severity, target_type, target_id, label, message, detail, status, reason, decided_at)
  on table public.quality_findings to authenticated;
grant update (status, reason, decided_at) on table public.quality_findings to authenticated;

-- A user reads their own findings.
create policy "A user reads their own quality findings"
  on public.quality_findings for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every finding, read-only.
create policy "Admins read every quality finding"
  on public.quality_findings for select to app_admin
  using (true);

-- A user adds findings as themselves, to an audit of their own: the subquery runs under the
-- audits' own policy, so another user's audit is simply not there.
create policy "A user adds their own quality findings"
  on public.quality_findings for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.quality_audits a where a.id = audit_id and a.user_id = (select auth.uid()))
  );

-- A user decides on their own findings (the grant limits the change to the decision's columns).
create policy "A user decides on their own quality findings"
  on public.quality_findings for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

select private.enable_audit('public.quality_findings', 'user_id');
-- A run's findings are written by the run, not by a person, and the run itself is on the trail
-- (quality_audits): copying each of a 100,000-pathway run's findings into the trail doubled its
-- writes and took it past ten seconds. Decisions on a finding (its updates) stay on the trail.
drop trigger quality_findings_audit_insert on public.quality_findings;

-- ---------------------------------------------------------------------------------------------
-- Pathway validations: one per validation done; the PTL pathway they validate goes with them.

create table public.pathway_validations (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  pathway_id uuid not null references public.ptl_patients (id) on delete cascade,
  kind text not null,
  outcome text not null,
  validated_on date not null,
  note text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint pathway_validations_kind_known check (kind in ('technical', 'administrative', 'clinical')),
  constraint pathway_validations_outcome_known check (outcome in (
    'still_waiting', 'data_corrected', 'priority_set', 'remove_treated', 'remove_no_longer_required')),
  constraint pathway_validations_note_length check (char_length(note) <= 2000)
);
comment on table public.pathway_validations is 'Technical, administrative and clinical validations of a user''s own PTL pathways (§4.4), with their outcome; activity for the data quality rules, never a change to a clock.';

-- The owner leads the policy index and the list's order (newest first).
create index pathway_validations_user_idx on public.pathway_validations (user_id, validated_on desc, created_at desc, id desc);
-- A pathway's validations, latest first: the policies' pathway check, the cascade, the audit's and the queue's latest validation.
create index pathway_validations_pathway_idx on public.pathway_validations (pathway_id, validated_on desc);

create trigger pathway_validations_bump_version
  before update on public.pathway_validations
  for each row execute function private.bump_version();

alter table public.pathway_validations enable row level security;
revoke all on table public.pathway_validations from public, anon, authenticated, service_role, app_admin;
grant select on table public.pathway_validations to authenticated;
grant insert (user_id, pathway_id, kind, outcome, validated_on, note) on table public.pathway_validations to authenticated;

-- A user reads their own validations.
create policy "A user reads their own pathway validations"
  on public.pathway_validations for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every validation, read-only.
create policy "Admins read every pathway validation"
  on public.pathway_validations for select to app_admin
  using (true);

-- A user validates their own pathways only: the subquery runs under the PTL's own policy, so
-- another user's pathway is simply not there.
create policy "A user adds their own pathway validations"
  on public.pathway_validations for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.ptl_patients p where p.id = pathway_id and p.user_id = (select auth.uid()))
  );

select private.enable_audit('public.pathway_validations', 'user_id');
