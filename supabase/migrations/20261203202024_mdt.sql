-- Cancer MDT meetings (domain/nhs-waiting-times.md §5): a tumour-site team's meeting with its
-- attendees, the patients listed for it in order (each a cancer pathway of the user's, once per
-- meeting, with a readiness checklist and, once discussed, the outcome and when it was told to the
-- patient), and the actions agreed for each patient (owner, due date). Three owned tables made from
-- the template (docs/adding-a-module.md). A meeting's listings and actions go with it, and a
-- listing goes with its pathway. MDT dates never start or stop a cancer clock (§2): nothing here
-- writes to the pathways.

create table public.mdt_meetings (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  tumour_site text not null,
  -- A meeting is planned ahead: the date may be in the future.
  meeting_date date not null,
  start_time text,
  attendees jsonb not null default '[]'::jsonb,
  status text not null default 'planned',
  notes text not null default '',
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint mdt_meetings_tumour_site_known check (tumour_site in (
    'breast', 'gynaecological', 'haematological', 'head_and_neck', 'lower_gi', 'upper_gi', 'lung',
    'skin', 'urological', 'testicular', 'brain_cns', 'sarcoma', 'childrens', 'other')),
  constraint mdt_meetings_start_time_format check (start_time is null or start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  constraint mdt_meetings_attendees_array check (jsonb_typeof(attendees) = 'array'),
  constraint mdt_meetings_status_known check (status in ('planned', 'held', 'cancelled')),
  constraint mdt_meetings_notes_length check (char_length(notes) <= 5000)
);
comment on table public.mdt_meetings is 'A user''s cancer MDT meetings: tumour site, date, attendees by role, status and notes.';

-- user_id leads the policy index and the date order the lists use.
create index mdt_meetings_user_date_idx on public.mdt_meetings (user_id, meeting_date, id);

create trigger mdt_meetings_bump_version
  before update on public.mdt_meetings
  for each row execute function private.bump_version();

alter table public.mdt_meetings enable row level security;
revoke all on table public.mdt_meetings from public, anon, authenticated, service_role, app_admin;
grant select, delete on table public.mdt_meetings to authenticated;
grant insert (user_id, tumour_site, meeting_date, start_time, attendees, status, notes)
  on table public.mdt_meetings to authenticated;
grant update (tumour_site, meeting_date, start_time, attendees, status, notes)
  on table public.mdt_meetings to authenticated;

create policy "A user reads their own MDT meetings"
  on public.mdt_meetings for select to authenticated
  using (user_id = (select auth.uid()));

create policy "Admins read every MDT meeting"
  on public.mdt_meetings for select to app_admin
  using (true);

create policy "A user adds their own MDT meetings"
  on public.mdt_meetings for insert to authenticated
  with check (user_id = (select auth.uid()));

create policy "A user edits their own MDT meetings"
  on public.mdt_meetings for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

create policy "A user deletes their own MDT meetings"
  on public.mdt_meetings for delete to authenticated
  using (user_id = (select auth.uid()));

select private.enable_audit('public.mdt_meetings', 'user_id');

-- ---------------------------------------------------------------------------------------------
-- The patients listed for a meeting, in order.

create table public.mdt_listings (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  meeting_id uuid not null references public.mdt_meetings (id) on delete cascade,
  cancer_pathway_id uuid not null references public.cancer_pathways (id) on delete cascade,
  position integer not null,
  reason text not null,
  -- Streamlined MDTs (§5): every patient is listed; some are discussed in full, the others follow
  -- an agreed standard of care.
  discussion text not null,
  checklist jsonb not null default '[]'::jsonb,
  outcome jsonb,
  outcome_communicated_date date,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint mdt_listings_position_positive check (position >= 1),
  constraint mdt_listings_reason_length check (char_length(reason) between 1 and 1000),
  constraint mdt_listings_discussion_known check (discussion in ('full', 'standard_of_care')),
  constraint mdt_listings_checklist_array check (jsonb_typeof(checklist) = 'array'),
  constraint mdt_listings_outcome_object check (outcome is null or jsonb_typeof(outcome) = 'object'),
  constraint mdt_listings_communicated_needs_outcome check (outcome_communicated_date is null or outcome is not null),
  -- A pathway is listed once per meeting: of two concurrent listings, one wins and the other
  -- fails here (the API's 409).
  constraint mdt_listings_once_per_meeting unique (meeting_id, cancer_pathway_id),
  -- Positions are dense and unique within a meeting. Deferred: a reorder moves several rows in
  -- turn, and only the transaction's end state must hold.
  constraint mdt_listings_position_unique unique (meeting_id, position) deferrable initially deferred,
  -- What the actions' foreign key points at, so an action's meeting is its listing's.
  constraint mdt_listings_id_meeting_unique unique (id, meeting_id)
);
comment on table public.mdt_listings is 'The patients (cancer pathways) listed for an MDT meeting, in order, with readiness checklist and outcome.';

-- user_id leads the policy index; meeting_id leads the two unique indexes above; a pathway's
-- listings (its MDT history, the FK's cascade and the pathway policy check).
create index mdt_listings_user_idx on public.mdt_listings (user_id, meeting_id);
create index mdt_listings_cancer_pathway_idx on public.mdt_listings (cancer_pathway_id);

create trigger mdt_listings_bump_version
  before update on public.mdt_listings
  for each row execute function private.bump_version();

alter table public.mdt_listings enable row level security;
revoke all on table public.mdt_listings from public, anon, authenticated, service_role, app_admin;
grant select, delete on table public.mdt_listings to authenticated;
grant insert (user_id, meeting_id, cancer_pathway_id, position, reason, discussion, checklist, outcome, outcome_communicated_date)
  on table public.mdt_listings to authenticated;
-- A listing stays with its meeting and its pathway.
grant update (position, reason, discussion, checklist, outcome, outcome_communicated_date)
  on table public.mdt_listings to authenticated;

create policy "A user reads their own MDT listings"
  on public.mdt_listings for select to authenticated
  using (user_id = (select auth.uid()));

create policy "Admins read every MDT listing"
  on public.mdt_listings for select to app_admin
  using (true);

-- Both links must be the user's own: the subqueries run under the meetings' and the pathways' own
-- policies, so another user's meeting or pathway is simply not there.
create policy "A user lists their own pathways at their own MDT meetings"
  on public.mdt_listings for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.mdt_meetings m where m.id = mdt_listings.meeting_id and m.user_id = (select auth.uid()))
    and exists (select 1 from public.cancer_pathways c where c.id = mdt_listings.cancer_pathway_id and c.user_id = (select auth.uid()))
  );

create policy "A user edits their own MDT listings"
  on public.mdt_listings for update to authenticated
  using (user_id = (select auth.uid()))
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.mdt_meetings m where m.id = mdt_listings.meeting_id and m.user_id = (select auth.uid()))
    and exists (select 1 from public.cancer_pathways c where c.id = mdt_listings.cancer_pathway_id and c.user_id = (select auth.uid()))
  );

create policy "A user deletes their own MDT listings"
  on public.mdt_listings for delete to authenticated
  using (user_id = (select auth.uid()));

select private.enable_audit('public.mdt_listings', 'user_id');

-- ---------------------------------------------------------------------------------------------
-- The actions agreed for a listed patient.

create table public.mdt_actions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  meeting_id uuid not null,
  listing_id uuid not null,
  description text not null,
  owner text not null,
  -- Actions are due later than the meeting: future dates allowed.
  due_date date not null,
  done boolean not null default false,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint mdt_actions_description_length check (char_length(description) between 1 and 1000),
  constraint mdt_actions_owner_length check (char_length(owner) between 1 and 200),
  -- The action goes with its listing (and so with the meeting and the pathway), and its meeting is
  -- always the listing's.
  constraint mdt_actions_listing_fk foreign key (listing_id, meeting_id)
    references public.mdt_listings (id, meeting_id) on delete cascade
);
comment on table public.mdt_actions is 'Actions agreed at an MDT meeting for a listed patient: what, who, by when, done.';

-- user_id leads the policy index and the due-date order of the list; a meeting's actions; a
-- listing's actions (the FK's cascade and the policy check).
create index mdt_actions_user_due_idx on public.mdt_actions (user_id, due_date, id);
create index mdt_actions_meeting_idx on public.mdt_actions (meeting_id);
create index mdt_actions_listing_idx on public.mdt_actions (listing_id, meeting_id);

create trigger mdt_actions_bump_version
  before update on public.mdt_actions
  for each row execute function private.bump_version();

alter table public.mdt_actions enable row level security;
revoke all on table public.mdt_actions from public, anon, authenticated, service_role, app_admin;
grant select, delete on table public.mdt_actions to authenticated;
grant insert (user_id, meeting_id, listing_id, description, owner, due_date, done)
  on table public.mdt_actions to authenticated;
grant update (description, owner, due_date, done)
  on table public.mdt_actions to authenticated;

create policy "A user reads their own MDT actions"
  on public.mdt_actions for select to authenticated
  using (user_id = (select auth.uid()));

create policy "Admins read every MDT action"
  on public.mdt_actions for select to app_admin
  using (true);

create policy "A user adds actions to their own MDT listings"
  on public.mdt_actions for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.mdt_listings l
                 where l.id = mdt_actions.listing_id and l.meeting_id = mdt_actions.meeting_id and l.user_id = (select auth.uid()))
  );

create policy "A user edits their own MDT actions"
  on public.mdt_actions for update to authenticated
  using (user_id = (select auth.uid()))
  with check (
    user_id = (select auth.uid())
    and exists (select 1 from public.mdt_listings l
                 where l.id = mdt_actions.listing_id and l.meeting_id = mdt_actions.meeting_id and l.user_id = (select auth.uid()))
  );

create policy "A user deletes their own MDT actions"
  on public.mdt_actions for delete to authenticated
  using (user_id = (select auth.uid()));

select private.enable_audit('public.mdt_actions', 'user_id');
