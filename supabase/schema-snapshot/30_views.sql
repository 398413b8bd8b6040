-- Views, by schema and name.
-- Generated from a freshly migrated database by `npx tsx scripts/schema-snapshot.ts`; do not edit.
-- To change anything, add a migration (docs/migrations.md), then regenerate this snapshot.

create view public.session_board as
 SELECT s.id,
    s.host_id,
    s.datetime_utc,
    s.type,
    s.status,
    s.host_role,
    s.version,
    c.category,
    c.domain,
    s.guest_id IS NOT NULL AS has_guest,
    ( SELECT count(*)::integer AS count
           FROM public.practice_sessions h
          WHERE h.host_id = s.host_id AND h.status = 'completed'::text) AS host_completed,
    ( SELECT count(*)::integer AS count
           FROM public.practice_sessions h
          WHERE h.status = 'no_show'::text AND (h.host_id = s.host_id AND h.host_joined_at IS NULL OR h.guest_id = s.host_id AND h.guest_joined_at IS NULL)) AS host_no_show,
    s.preset,
    s.reading_s,
    s.consultation_s,
    s.feedback_s,
    s.warning_s
   FROM public.practice_sessions s
     LEFT JOIN public.cases c ON c.id = s.case_id
  WHERE s.status = ANY (ARRAY['open'::text, 'matched'::text]);
comment on view public.session_board is 'The discovery board: board columns of open and matched sessions, readable by everyone.';
