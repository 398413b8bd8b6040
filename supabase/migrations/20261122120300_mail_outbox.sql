-- The local mail outbox: with no SMTP server configured, every mail the platform would send
-- (password resets, reminders) is written here instead, for admins to read and tests to check.

create table public.mail_outbox (
  id uuid primary key default gen_random_uuid(),
  to_email text not null,
  subject text not null,
  body text not null,
  created_at timestamptz not null default now()
);
create index mail_outbox_to_email_idx on public.mail_outbox (to_email, created_at desc);
comment on table public.mail_outbox is 'Mail the platform sent while no SMTP server was configured.';

alter table public.mail_outbox enable row level security;
revoke all on table public.mail_outbox from anon, authenticated, app_admin;
grant select on table public.mail_outbox to app_admin;

-- Only admins may read the outbox (it holds reset links); the server writes it as owner.
create policy "Admins read the mail outbox"
  on public.mail_outbox for select to app_admin
  using (true);
