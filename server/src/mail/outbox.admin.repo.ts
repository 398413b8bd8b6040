// The outbox is written by the server itself (owner connection); only admins may read it via RLS.
import type { Queryable } from '../db/types.js';
import type { MailMessage } from './mailer.js';

export async function insertOutboxMail(q: Queryable, m: MailMessage): Promise<void> {
  await q.query('insert into public.mail_outbox (to_email, subject, body) values ($1, $2, $3)', [m.to, m.subject, m.text]);
}
