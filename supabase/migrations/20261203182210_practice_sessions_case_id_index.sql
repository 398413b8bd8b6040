-- An index on practice_sessions.case_id, the one column a policy reads that led no index on its
-- table (STYLE.md: an index on every column a policy reads; test/integration/rls-catalog.test.ts
-- now checks it). The policies that read it, "A host publishes their own sessions" and
-- "Participants update their sessions within their rights", read it in their with check clauses,
-- which look at the row being written and find no rows; what the index serves is the foreign key:
-- deleting a case (a user's own, an admin's from the shared bank, or every case of an erased
-- account) sets case_id to null in its sessions, and without an index each such delete scans every
-- session. Partial: a session without a case is never looked up by it. An index has no privileges,
-- so there is nothing to grant.

create index practice_sessions_case_id_idx on public.practice_sessions (case_id) where case_id is not null;
