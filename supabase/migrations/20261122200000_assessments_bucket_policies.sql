-- The private `assessments` bucket's access rules as storage.objects policies, for a real Supabase
-- project: objects live at `{session_id}/transcript.json` and `{session_id}/assessment.json`; the
-- host and the guest of that session read them; only the host writes or deletes (the server writes
-- on the participants' behalf). On plain PostgreSQL and PGlite, which have no Supabase Storage, a
-- stand-in storage.objects with the columns the policies use is created first, so the very same
-- policy SQL runs, and is tested, everywhere.

do $$
begin
  if to_regclass('storage.objects') is null then
    create schema if not exists storage;
    create table storage.objects (
      id uuid primary key default gen_random_uuid(),
      bucket_id text not null,
      name text not null,
      owner uuid default auth.uid(),
      metadata jsonb,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (bucket_id, name)
    );
    comment on table storage.objects is 'Stand-in for Supabase Storage''s object table (plain PostgreSQL/PGlite only).';
    alter table storage.objects enable row level security;
    grant usage on schema storage to authenticated;
    grant select, insert, update, delete on storage.objects to authenticated;
  end if;
  if to_regclass('storage.buckets') is not null then
    execute $sql$insert into storage.buckets (id, name, public) values ('assessments', 'assessments', false) on conflict (id) do nothing$sql$;
  end if;
end $$;

-- Whether the caller is the host (or, with any_participant, the host or guest) of the session an
-- object path starts with. Security definer: the caller may not be able to see the session row itself.
create or replace function private.assessments_object_access(object_name text, any_participant boolean)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.practice_sessions s
     where s.id::text = split_part(object_name, '/', 1)
       and (s.host_id = (select auth.uid()) or (any_participant and s.guest_id = (select auth.uid())))
  );
$$;
revoke all on function private.assessments_object_access(text, boolean) from public;
grant execute on function private.assessments_object_access(text, boolean) to authenticated;

-- The host and the guest of a session read its documents.
create policy "Participants read their session's assessment documents"
  on storage.objects for select to authenticated
  using (bucket_id = 'assessments' and (select private.assessments_object_access(name, true)));

-- Only the host writes a session's documents.
create policy "The host writes their session's assessment documents"
  on storage.objects for insert to authenticated
  with check (bucket_id = 'assessments' and (select private.assessments_object_access(name, false)));

-- Only the host replaces them.
create policy "The host updates their session's assessment documents"
  on storage.objects for update to authenticated
  using (bucket_id = 'assessments' and (select private.assessments_object_access(name, false)))
  with check (bucket_id = 'assessments' and (select private.assessments_object_access(name, false)));

-- Only the host deletes them.
create policy "The host deletes their session's assessment documents"
  on storage.objects for delete to authenticated
  using (bucket_id = 'assessments' and (select private.assessments_object_access(name, false)));
