-- The assessment of a station: the actor's marks and feedback, the candidate's self-reflection, the
-- disclosure tracker and the server's analysis of the transcript. Clients never write it directly:
-- the server checks who is marking what and writes it. Reading is for the two participants, and for
-- the candidate only from feedback on, so the disclosure tracker never reaches them early.

create table public.session_assessments (
  session_id uuid primary key references public.practice_sessions (id) on delete cascade,
  marks jsonb not null default '{}'::jsonb,
  checklist jsonb not null default '{}'::jsonb,
  global_rating text,
  strengths text not null default '',
  improvements text not null default '',
  self_reflection text not null default '',
  elicited_facts text[] not null default '{}',
  auto_analysis jsonb,
  completed_at timestamptz,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint session_assessments_rating_known check (global_rating is null or global_rating in ('clear_fail', 'fail', 'borderline', 'pass', 'clear_pass')),
  constraint session_assessments_text_lengths check (char_length(strengths) <= 4000 and char_length(improvements) <= 4000 and char_length(self_reflection) <= 4000)
);
comment on table public.session_assessments is 'Marks, feedback, self-reflection, disclosure tracker and auto-analysis of a station; participants read it, the candidate from feedback.';

create trigger session_assessments_bump_version
  before update on public.session_assessments
  for each row execute function private.bump_version();

alter table public.session_assessments enable row level security;
revoke all on table public.session_assessments from anon, authenticated, app_admin;
grant select on table public.session_assessments to authenticated;

-- The actor reads the assessment at any time; the candidate from feedback on.
create policy "Participants read the assessment, the candidate from feedback"
  on public.session_assessments for select to authenticated
  using (exists (
    select 1 from public.practice_sessions s
     where s.id = session_id
       and (
         (s.host_role = 'actor' and s.host_id = (select auth.uid()))
         or (s.host_role = 'candidate' and s.guest_id = (select auth.uid()))
         or (s.candidate_id = (select auth.uid()) and s.phase in ('feedback', 'completed'))
       )
  ));

-- Admins read every assessment (trainees' progress), read-only.
create policy "Admins read every assessment"
  on public.session_assessments for select to app_admin
  using (true);
