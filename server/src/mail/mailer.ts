import nodemailer from 'nodemailer';
import type { Db } from '../db/types.js';
import { insertOutboxMail } from './outbox.admin.repo.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  readonly kind: 'outbox' | 'smtp';
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

/** With no mail server configured, mail lands in the local outbox table. */
export function outboxMailer(db: Db): Mailer {
  return {
    kind: 'outbox',
    send: (m) => insertOutboxMail(db, m),
    close: async () => {},
  };
}

export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
    async close() {
      transport.close();
    },
  };
}

export function createMailer(db: Db, cfg: { smtpUrl: string | undefined; mailFrom: string }): Mailer {
  return cfg.smtpUrl ? smtpMailer(cfg.smtpUrl, cfg.mailFrom) : outboxMailer(db);
}
