// Operator commands that must never be reachable over HTTP. Usage:
//   npm run admin -- create-admin <email>
// With the embedded database, stop the server first (one process owns DATA_DIR at a time).
import 'dotenv/config';
import { loadConfig } from '../config.js';
import { EmailSchema } from '../contract/accounts.js';
import { migrate } from '../db/migrator.js';
import { openDatabase } from '../db/open.js';
import { ensureAdmin } from '../domains/accounts/admin-accounts.js';
import { createAccountsService } from '../domains/accounts/service.js';
import { createMailer } from '../mail/mailer.js';
import { offlineGateway } from '../realtime/gateway.js';

const USAGE = 'usage: npm run admin -- create-admin <email>';

async function main(argv: string[]) {
  const [command, emailArg] = argv;
  if (command !== 'create-admin' || !emailArg) {
    console.error(USAGE);
    return 2;
  }
  const email = EmailSchema.safeParse(emailArg);
  if (!email.success) {
    console.error(`not a valid email address: ${emailArg}`);
    return 2;
  }
  const config = loadConfig(process.env);
  const db = await openDatabase(config);
  try {
    await migrate(db);
    const { created } = await ensureAdmin(db, email.data);
    if (!created) {
      console.log(`${email.data} is an admin. The role applies at once, to existing sessions too.`);
      return 0;
    }
    // A brand-new admin sets their own password through the normal reset flow.
    const mailer = createMailer(db, config);
    const accounts = createAccountsService({ db, mailer, realtime: offlineGateway, sessionTtlHours: config.sessionTtlHours });
    const appUrl = config.publicUrl ?? `http://localhost:${config.port}`;
    await accounts.requestPasswordReset(email.data, appUrl);
    await mailer.close();
    console.log(`Created admin ${email.data}. A password-reset link was sent ${mailer.kind === 'smtp' ? 'by mail' : 'to the local outbox'}.`);
    if (mailer.kind === 'outbox') {
      const { rows } = await db.query<{ body: string }>(
        'select body from public.mail_outbox where to_email = $1 order by created_at desc limit 1',
        [email.data],
      );
      const link = rows[0]?.body.match(/https?:\/\/\S+/)?.[0];
      if (link) console.log(`Open this link within 30 minutes to choose a password:\n  ${link}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
