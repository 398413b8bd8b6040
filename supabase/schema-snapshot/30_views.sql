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
    COALESCE(n.completed, 0) AS host_completed,
    COALESCE(n.no_show, 0) AS host_no_show,
    s.preset,
    s.reading_s,
    s.consultation_s,
    s.feedback_s,
    s.warning_s
   FROM public.practice_sessions s
     LEFT JOIN public.cases c ON c.id = s.case_id
     LEFT JOIN private.host_session_counts n ON n.user_id = s.host_id
  WHERE s.status = ANY (ARRAY['open'::text, 'matched'::text]);
comment on view public.session_board is 'The discovery board: board columns of open and matched sessions, readable by everyone.';
