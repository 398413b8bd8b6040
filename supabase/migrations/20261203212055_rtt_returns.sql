-- Monthly RTT returns a user has produced: one row each time they ran the commissioner report
-- (GET /api/reports/rtt-incomplete), with the month, its census date, whether it was provisional
-- (the current month, counted at today) and its headline figures. It is the history of returns the
-- user made and the portfolio's "reports produced"; the report itself is always recomputed from the
-- PTL, so nothing here is read back into a figure. Made from the owned-table template
-- (docs/adding-a-module.md): owner column with auth.uid() default, version trigger, one policy per
-- operation, admin read, explicit grants, an index on every policy column, and the audit trail.

create table public.rtt_returns (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  month text not null,
  census_date date not null,
  provisional boolean not null,
  total integer not null,
  within_18_weeks integer not null,
  over_52_weeks integer not null,
  produced_at timestamptz not null default now(),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint rtt_returns_month_format check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  -- The census is the month's last day, or a day inside the month while it is provisional.
  constraint rtt_returns_census_in_month check (to_char(census_date, 'YYYY-MM') = month),
  constraint rtt_returns_counts check (total >= 0 and within_18_weeks between 0 and total and over_52_weeks between 0 and total)
);
comment on table public.rtt_returns is 'Monthly RTT returns (incomplete pathways at the census) a user produced, with their headline figures.';

-- user_id leads the policy index and the history's newest-first order.
create index rtt_returns_user_produced_idx on public.rtt_returns (user_id, produced_at desc, id desc);

create trigger rtt_returns_bump_version
  before update on public.rtt_returns
  for each row execute function private.bump_version();

alter table public.rtt_returns enable row level security;
revoke all on table public.rtt_returns from public, anon, authenticated, service_role, app_admin;
-- A return is a record of what was produced: written once, never edited; the user may delete theirs.
grant select, delete on table public.rtt_returns to authenticated;
grant insert (user_id, month, census_date, provisional, total, within_18_weeks, over_52_weeks)
  on table public.rtt_returns to authenticated;

-- A user reads their own returns.
create policy "A user reads their own RTT returns"
  on public.rtt_returns for select to authenticated
  using (user_id = (select auth.uid()));

-- Admins read every return, read-only.
create policy "Admins read every RTT return"
  on public.rtt_returns for select to app_admin
  using (true);

-- A user records returns as themselves only (a return links to nothing but its owner).
create policy "A user records their own RTT returns"
  on public.rtt_returns for insert to authenticated
  with check (user_id = (select auth.uid()));

-- A user deletes their own returns.
create policy "A user deletes their own RTT returns"
  on public.rtt_returns for delete to authenticated
  using (user_id = (select auth.uid()));

select private.enable_audit('public.rtt_returns', 'user_id');
