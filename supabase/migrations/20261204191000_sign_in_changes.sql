-- Each instance keeps the sign-ins it has looked up in memory for a few seconds (issue #17), so a
-- request does not cost a database round trip to know who sent it. Anything that ends or narrows a
-- sign-in, or changes the account it speaks for, notifies `sign_ins_changed`, and every instance
-- drops what it keeps: a revocation (logout, password reset, an operator), an expiry brought
-- forward, a deleted session, an account's role or email changed, an account erased.
--
-- The sliding expiry's touch (last_used_at, a later expires_at) notifies nobody: a kept sign-in
-- carries the expiry it was read with, which the touch only moves later.

-- Row-level for updates, so the condition can compare old and new; PostgreSQL sends one
-- notification per transaction however many rows fire it.
create trigger auth_sessions_sign_ins_changed
  after update on private.auth_sessions
  for each row
  when (new.revoked_at is distinct from old.revoked_at or new.expires_at < old.expires_at
        or new.token_hash is distinct from old.token_hash or new.account_id is distinct from old.account_id)
  execute function private.notify_channel('sign_ins_changed');
create trigger auth_sessions_sign_ins_ended
  after delete or truncate on private.auth_sessions
  for each statement execute function private.notify_channel('sign_ins_changed');

create trigger accounts_sign_ins_changed
  after update on public.accounts
  for each row
  when (new.role is distinct from old.role or new.email is distinct from old.email)
  execute function private.notify_channel('sign_ins_changed');
create trigger accounts_sign_ins_ended
  after delete or truncate on public.accounts
  for each statement execute function private.notify_channel('sign_ins_changed');
