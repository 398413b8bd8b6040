-- Accounts: who can sign in and with which role. Credentials, server-side sessions and reset tokens
-- live in the private schema, out of reach of every client role; the server reaches them only
-- through its owner connection (accounts.admin.repo.ts).

create table public.accounts (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  role text not null default 'trainee',
  created_at timestamptz not null default now(),
  last_seen_at timestamptz,
  constraint accounts_email_lowercase check (email = lower(email)),
  constraint accounts_email_length check (char_length(email) between 3 and 254),
  constraint accounts_role_known check (role in ('trainee', 'doctor', 'patient', 'admin'))
);
create unique index accounts_email_key on public.accounts (email);
comment on table public.accounts is 'One row per person who can sign in; email is stored lower-cased and unique.';

-- Admins act as their own database role, app_admin: it inherits everything authenticated may do
-- (their own rows) and is what every "admins read …" policy names. The server picks it from the
-- account's role when it opens the transaction, as Supabase's gateway picks the role from the JWT's
-- `role` claim; a caller connected as authenticated cannot switch to it (it is not a member), and
-- trainees' queries carry no admin check at all.
do $$
begin
  if not exists (select from pg_catalog.pg_roles where rolname = 'app_admin') then
    begin
      create role app_admin nologin inherit;
    exception when duplicate_object or unique_violation then
      null; -- another database on this cluster created it a moment ago
    end;
  end if;
  if not pg_catalog.pg_has_role('app_admin', 'authenticated', 'member') then
    begin
      grant authenticated to app_admin;
    exception when others then
      -- A concurrent grant from another database on the cluster; fine if it took effect.
      if not pg_catalog.pg_has_role('app_admin', 'authenticated', 'member') then raise; end if;
    end;
  end if;
  if not (select rolsuper from pg_catalog.pg_roles where rolname = current_user)
     and not pg_catalog.pg_has_role(current_user, 'app_admin', 'member') then
    execute format('grant app_admin to %I', current_user);
  end if;
end $$;

alter table public.accounts enable row level security;
revoke all on table public.accounts from anon, authenticated, app_admin;
grant select on table public.accounts to authenticated;

-- A signed-in user can see their own account row (email, role) and nobody else's.
create policy "A user reads their own account"
  on public.accounts for select to authenticated
  using (id = (select auth.uid()));

-- Admins oversee trainees' progress, so they may read every account; they still cannot change any.
create policy "Admins read every account"
  on public.accounts for select to app_admin
  using (true);

create table private.credentials (
  account_id uuid primary key references public.accounts (id) on delete cascade,
  password_hash text not null,
  updated_at timestamptz not null default now()
);
comment on table private.credentials is 'argon2id password hashes; never readable by a client role.';

create table private.auth_sessions (
  id uuid primary key default gen_random_uuid(),
  account_id uuid not null references public.accounts (id) on delete cascade,
  token_hash bytea not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  user_agent text,
  ip text
);
create unique index auth_sessions_token_hash_key on private.auth_sessions (token_hash);
create index auth_sessions_account_id_idx on private.auth_sessions (account_id);
comment on table private.auth_sessions is 'Server-side sessions; only the SHA-256 of each token is stored, so a leaked table cannot be replayed.';

create table private.password_reset_tokens (
  token_hash bytea primary key,
  account_id uuid not null references public.accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_reset_tokens_account_id_idx on private.password_reset_tokens (account_id);
comment on table private.password_reset_tokens is 'Single-use password reset tokens (hashed), valid for 30 minutes.';

-- Row-level security with no policies: even a mistaken grant would expose nothing.
alter table private.credentials enable row level security;
alter table private.auth_sessions enable row level security;
alter table private.password_reset_tokens enable row level security;
revoke all on table private.credentials, private.auth_sessions, private.password_reset_tokens from public, anon, authenticated;
