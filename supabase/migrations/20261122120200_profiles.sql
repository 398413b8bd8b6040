-- Profiles: the public face of an account (name, training level, avatar) shown on the session board.
-- Everyone may read them; a user writes only their own.

create table public.profiles (
  user_id uuid primary key default auth.uid() references public.accounts (id) on delete cascade,
  first_name text not null,
  last_name text not null,
  training_level text not null,
  avatar text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_first_name_length check (char_length(first_name) between 1 and 100),
  constraint profiles_last_name_length check (char_length(last_name) between 1 and 100),
  constraint profiles_training_level_known check (training_level in (
    'medical_student', 'foundation_year_1', 'foundation_year_2', 'core_trainee', 'specialty_trainee',
    'img_plab', 'staff_grade', 'consultant', 'general_practitioner', 'nurse_or_ahp', 'other', 'not_applicable'
  )),
  constraint profiles_avatar_url check (avatar is null or (char_length(avatar) <= 2048 and avatar ~ '^https?://'))
);
comment on table public.profiles is 'Public profile of each account; user_id is the account id (auth.uid()).';

create trigger profiles_bump_version
  before update on public.profiles
  for each row execute function private.bump_version();

alter table public.profiles enable row level security;
revoke all on table public.profiles from anon, authenticated;
grant select on table public.profiles to anon, authenticated;
grant insert (user_id, first_name, last_name, training_level, avatar) on table public.profiles to authenticated;
grant update (first_name, last_name, training_level, avatar) on table public.profiles to authenticated;
grant delete on table public.profiles to authenticated;

-- Profiles are what the public board shows about hosts, so anyone, signed in or not, may read them.
create policy "Anyone reads profiles"
  on public.profiles for select to anon, authenticated
  using (true);

-- A user creates only their own profile row.
create policy "A user creates their own profile"
  on public.profiles for insert to authenticated
  with check (user_id = (select auth.uid()));

-- A user edits only their own profile, and cannot move it to someone else's id.
create policy "A user updates their own profile"
  on public.profiles for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

-- A user may delete their own profile (part of erasing the account).
create policy "A user deletes their own profile"
  on public.profiles for delete to authenticated
  using (user_id = (select auth.uid()));
