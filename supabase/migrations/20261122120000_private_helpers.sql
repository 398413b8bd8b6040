-- The private schema: helper functions that policies call, and tables no client role may read.
-- Client roles get usage on the schema only so policies can call its functions; every table in it
-- stays without grants, and every function is granted explicitly.

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to anon, authenticated, service_role;

-- Every mutable row carries `version` and `updated_at`; this keeps both honest whoever updates it,
-- so optimistic concurrency cannot be bypassed by a client that forgets to bump the version.
create or replace function private.bump_version()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.version := old.version + 1;
  new.updated_at := now();
  return new;
end;
$$;
revoke all on function private.bump_version() from public;
