-- The board shows each session's station timings: the preset and the reading, consultation and
-- feedback durations (and the warning bell), so a visitor knows how long a station takes before
-- signing up. Timings are no secret of the participants' (unlike the room, the case and the briefs).
--
-- `create or replace view` may only add columns at the end, so this is the whole current definition
-- of the board (it replaces 20261122190000_session_no_shows.sql's), with the timing columns last.
-- The view keeps its owner, its owner's rights and its grants.

create or replace view public.session_board as
select s.id, s.host_id, s.datetime_utc, s.type, s.status, s.host_role, s.version,
       c.category, c.domain, (s.guest_id is not null) as has_guest,
       (select count(*)::int from public.practice_sessions h where h.host_id = s.host_id and h.status = 'completed') as host_completed,
       (select count(*)::int from public.practice_sessions h
         where h.status = 'no_show'
           and ((h.host_id = s.host_id and h.host_joined_at is null) or (h.guest_id = s.host_id and h.guest_joined_at is null))) as host_no_show,
       s.preset, s.reading_s, s.consultation_s, s.feedback_s, s.warning_s
  from public.practice_sessions s
  left join public.cases c on c.id = s.case_id
 where s.status in ('open', 'matched');
