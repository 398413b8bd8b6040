-- The case library. What anyone signed in may browse (name, category, domain) lives in cases; what
-- must stay hidden from a candidate (condition, both briefs, mark scheme) lives in case_content,
-- which a client role can select only for a case it owns. Everyone else gets briefs through the
-- server's reveal rules for a session they take part in, never by selecting them.

create table public.cases (
  id uuid primary key default gen_random_uuid(),
  -- null: the shared bank, curated by admins.
  owner_id uuid references public.accounts (id) on delete cascade,
  case_name text not null,
  internal_name text not null,
  category text not null,
  domain text not null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint cases_case_name_length check (char_length(case_name) between 1 and 120),
  constraint cases_internal_name_length check (char_length(internal_name) between 1 and 120),
  constraint cases_category_known check (category in ('history_taking', 'examination', 'communication', 'data_interpretation', 'ethics')),
  constraint cases_domain_known check (domain in (
    'cardiology', 'respiratory', 'gastroenterology', 'neurology', 'endocrinology', 'renal', 'haematology',
    'infectious_disease', 'musculoskeletal', 'dermatology', 'psychiatry', 'obstetrics_gynaecology', 'paediatrics',
    'elderly_care', 'surgery', 'urology', 'ent', 'ophthalmology', 'oncology', 'emergency_medicine', 'general_practice',
    'medical_ethics_law'
  ))
);
comment on table public.cases is 'The case library: browsable facts of each case; owner_id null is the shared bank.';
create index cases_owner_id_idx on public.cases (owner_id);
create index cases_category_domain_idx on public.cases (category, domain);

create trigger cases_bump_version
  before update on public.cases
  for each row execute function private.bump_version();

create table public.case_content (
  case_id uuid primary key references public.cases (id) on delete cascade,
  condition text not null,
  candidate_brief jsonb not null,
  actor_brief jsonb not null,
  mark_scheme jsonb not null,
  constraint case_content_condition_length check (char_length(condition) between 1 and 200),
  constraint case_content_shapes check (
    jsonb_typeof(candidate_brief) = 'object' and jsonb_typeof(actor_brief) = 'object' and jsonb_typeof(mark_scheme) = 'object'
  )
);
comment on table public.case_content is 'What a candidate must not see early: condition, briefs, mark scheme. Readable by the case owner only.';

alter table public.cases enable row level security;
alter table public.case_content enable row level security;
revoke all on table public.cases, public.case_content from anon, authenticated, app_admin;
grant select, delete on table public.cases to authenticated;
grant insert (owner_id, case_name, internal_name, category, domain) on table public.cases to authenticated;
grant update (case_name, internal_name, category, domain) on table public.cases to authenticated;
grant select, insert, update, delete on table public.case_content to authenticated;

-- Signed-in users browse the shared bank and their own private cases (listing columns only;
-- the content is in case_content).
create policy "Signed-in users browse the shared bank and their own cases"
  on public.cases for select to authenticated
  using (owner_id is null or owner_id = (select auth.uid()));

-- Admins see every case, including trainees' private ones, to curate and support.
create policy "Admins browse every case"
  on public.cases for select to app_admin
  using (true);

-- A user writes private cases as themselves.
create policy "A user adds their own private cases"
  on public.cases for insert to authenticated
  with check (owner_id = (select auth.uid()));

-- Admins also add to the shared bank.
create policy "Admins add to the shared bank"
  on public.cases for insert to app_admin
  with check (owner_id is null);

-- Owners edit their own cases.
create policy "A user edits their own cases"
  on public.cases for update to authenticated
  using (owner_id = (select auth.uid()))
  with check (owner_id = (select auth.uid()));

-- Admins curate the shared bank; it stays shared.
create policy "Admins edit the shared bank"
  on public.cases for update to app_admin
  using (owner_id is null)
  with check (owner_id is null);

-- Owners remove their own cases.
create policy "A user deletes their own cases"
  on public.cases for delete to authenticated
  using (owner_id = (select auth.uid()));

-- Admins remove cases from the shared bank.
create policy "Admins delete from the shared bank"
  on public.cases for delete to app_admin
  using (owner_id is null);

-- The content of a case is readable and writable by its owner only; the shared bank's content by
-- admins only. A candidate can therefore never select a brief: sessions reveal it server-side.
create policy "A user reads the content of their own cases"
  on public.case_content for select to authenticated
  using (exists (select 1 from public.cases c where c.id = case_id and c.owner_id = (select auth.uid())));

create policy "Admins read the content of every case"
  on public.case_content for select to app_admin
  using (true);

create policy "A user writes the content of their own cases"
  on public.case_content for insert to authenticated
  with check (exists (select 1 from public.cases c where c.id = case_id and c.owner_id = (select auth.uid())));

create policy "Admins write the content of the shared bank"
  on public.case_content for insert to app_admin
  with check (exists (select 1 from public.cases c where c.id = case_id and c.owner_id is null));

create policy "A user edits the content of their own cases"
  on public.case_content for update to authenticated
  using (exists (select 1 from public.cases c where c.id = case_id and c.owner_id = (select auth.uid())))
  with check (exists (select 1 from public.cases c where c.id = case_id and c.owner_id = (select auth.uid())));

create policy "Admins edit the content of the shared bank"
  on public.case_content for update to app_admin
  using (exists (select 1 from public.cases c where c.id = case_id and c.owner_id is null))
  with check (exists (select 1 from public.cases c where c.id = case_id and c.owner_id is null));

create policy "A user deletes the content of their own cases"
  on public.case_content for delete to authenticated
  using (exists (select 1 from public.cases c where c.id = case_id and c.owner_id = (select auth.uid())));

-- Where the migrator records which version of supabase/seed.sql it loaded.
create table if not exists app_meta.seed_runs (
  name text primary key,
  checksum text not null,
  applied_at timestamptz not null default now()
);
