-- Transcript segments of a station, stored one by one as they arrive (each committed before it is
-- acknowledged, so nothing acknowledged is lost); written to the assessments bucket on completion.

create table public.session_transcript_segments (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references public.practice_sessions (id) on delete cascade,
  author_id uuid not null default auth.uid() references public.accounts (id) on delete cascade,
  speaker text not null,
  at_ms integer not null,
  text text not null,
  created_at timestamptz not null default now(),
  constraint session_transcript_segments_speaker_known check (speaker in ('candidate', 'actor')),
  constraint session_transcript_segments_at_ms_sane check (at_ms between 0 and 21600000),
  constraint session_transcript_segments_text_length check (char_length(text) between 1 and 2000)
);
comment on table public.session_transcript_segments is 'What was said in a station, segment by segment; readable by its two participants only.';
create index session_transcript_segments_session_idx on public.session_transcript_segments (session_id, at_ms, created_at);
create index session_transcript_segments_author_idx on public.session_transcript_segments (author_id);

alter table public.session_transcript_segments enable row level security;
revoke all on table public.session_transcript_segments from anon, authenticated, app_admin;
grant select on table public.session_transcript_segments to authenticated;
grant insert (session_id, author_id, speaker, at_ms, text) on table public.session_transcript_segments to authenticated;

-- The two participants read their session's transcript.
create policy "Participants read their session's transcript"
  on public.session_transcript_segments for select to authenticated
  using (exists (
    select 1 from public.practice_sessions s
     where s.id = session_id and (s.host_id = (select auth.uid()) or s.guest_id = (select auth.uid()))
  ));

-- Admins read every transcript, read-only.
create policy "Admins read every transcript"
  on public.session_transcript_segments for select to app_admin
  using (true);

-- A participant adds segments as themselves, during the consultation (or feedback, for late ones).
create policy "Participants add segments during the consultation"
  on public.session_transcript_segments for insert to authenticated
  with check (
    author_id = (select auth.uid())
    and exists (
      select 1 from public.practice_sessions s
       where s.id = session_id and (s.host_id = (select auth.uid()) or s.guest_id = (select auth.uid()))
         and s.phase in ('consultation', 'feedback')
    )
  );

-- When the station started (the actor's start), for the transcript document. Set by the server only.
alter table public.practice_sessions add column station_started_at timestamptz;
