-- Bootstrap: give a plain PostgreSQL (or PGlite) what a Supabase project already has, so the same
-- migrations and policies run on all three. Every step is guarded: on a real Supabase project it
-- finds the roles, the auth schema and its functions in place and leaves them untouched.
-- Runs at every start, before the migrations, under the migrator's advisory lock.

do $$
declare
  r text;
begin
  foreach r in array array['anon', 'authenticated', 'service_role'] loop
    if not exists (select from pg_catalog.pg_roles where rolname = r) then
      begin
        execute format('create role %I nologin noinherit', r);
      exception when duplicate_object or unique_violation then
        null; -- another database on this cluster created it a moment ago
      end;
    end if;
  end loop;
end $$;

-- The server's own connection switches into these roles per transaction (set local role), so it must
-- be a member of them unless it is a superuser already.
do $$
declare
  r text;
begin
  if not (select rolsuper from pg_catalog.pg_roles where rolname = current_user) then
    foreach r in array array['anon', 'authenticated', 'service_role'] loop
      if not pg_catalog.pg_has_role(current_user, r, 'member') then
        begin
          execute format('grant %I to %I', r, current_user);
        exception when others then
          raise warning 'could not grant % to %: %', r, current_user, sqlerrm;
        end;
      end if;
    end loop;
  end if;
end $$;

create schema if not exists auth;

do $$
begin
  if not exists (select from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'auth' and p.proname = 'jwt') then
    create function auth.jwt() returns jsonb language sql stable as $fn$
      select coalesce(
        nullif(current_setting('request.jwt.claim', true), ''),
        nullif(current_setting('request.jwt.claims', true), '')
      )::jsonb
    $fn$;
  end if;
  if not exists (select from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'auth' and p.proname = 'uid') then
    create function auth.uid() returns uuid language sql stable as $fn$
      select coalesce(
        nullif(current_setting('request.jwt.claim.sub', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
      )::uuid
    $fn$;
  end if;
  if not exists (select from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'auth' and p.proname = 'email') then
    create function auth.email() returns text language sql stable as $fn$
      select coalesce(
        nullif(current_setting('request.jwt.claim.email', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
      )::text
    $fn$;
  end if;
  if not exists (select from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'auth' and p.proname = 'role') then
    create function auth.role() returns text language sql stable as $fn$
      select coalesce(
        nullif(current_setting('request.jwt.claim.role', true), ''),
        (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
      )::text
    $fn$;
  end if;
end $$;

do $$
begin
  if not has_schema_privilege('authenticated', 'auth', 'usage') then
    grant usage on schema auth to anon, authenticated, service_role;
  end if;
  if not has_schema_privilege('authenticated', 'public', 'usage') then
    grant usage on schema public to anon, authenticated, service_role;
  end if;
end $$;

-- Where the migrator records what it applied; no client role can see it.
create schema if not exists app_meta;
revoke all on schema app_meta from public;
create table if not exists app_meta.schema_migrations (
  version text primary key,
  name text not null,
  checksum text not null,
  applied_at timestamptz not null default now()
);
