import type { AccountRegisterSchema, PasswordResetConfirmInput } from '../../contract/accounts.js';
import type { z } from 'zod';
import type { Db } from '../../db/types.js';
import { conflict, unauthenticated, validationFailed } from '../../errors.js';
import type { Mailer } from '../../mail/mailer.js';
import type { RealtimeGateway } from '../../realtime/gateway.js';
import * as signIns from '../../auth/auth-sessions.admin.repo.js';
import type { AuthContext } from '../../auth/context.js';
import { newToken, tokenDigest } from '../../auth/tokens.js';
import * as repo from './accounts.admin.repo.js';
import { hashPassword, verifyPassword } from './password.js';

const RESET_VALID_MINUTES = 30;

export interface AccountsDeps {
  db: Db;
  mailer: Mailer;
  realtime: RealtimeGateway;
  sessionTtlHours: number;
  /** Forgets this instance's kept sign-ins after a logout, a reset or an erasure; none to forget outside the server. */
  forgetSignIns?: () => void;
  /**
   * What else an erasure changes for other people: runs before the account goes (reading what will
   * change) and returns what tells them once it has. In the server this is every domain's `onErase`
   * put together by the registry (domains/registry.ts); the admin CLI erases nobody and passes none.
   */
  prepareErasure?: (accountId: string) => Promise<() => Promise<void>>;
}

export type AccountsService = ReturnType<typeof createAccountsService>;

export function createAccountsService({ db, mailer, realtime, sessionTtlHours, forgetSignIns = () => {}, prepareErasure }: AccountsDeps) {
  function isUniqueViolation(err: unknown) {
    return (err as { code?: string }).code === '23505';
  }

  return {
    /** Creates the account, its credentials and its profile in one transaction; never signs in. */
    async register(input: z.output<typeof AccountRegisterSchema>): Promise<repo.AccountRow> {
      const passwordHash = await hashPassword(input.password);
      try {
        return await db.transaction((tx) => repo.insertAccount(tx, { ...input, passwordHash }));
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('An account with this email already exists');
        throw err;
      }
    },

    /** Wrong email and wrong password fail identically, in the same time. */
    async login(email: string, password: string, meta: { userAgent?: string; ip?: string }) {
      const found = await repo.findByEmailWithHash(db, email);
      const ok = await verifyPassword(found?.password_hash ?? null, password);
      if (!found || !ok) throw unauthenticated('Email or password is incorrect');
      const token = newToken();
      const { password_hash: _omit, ...account } = found;
      const sessionId = await signIns.createSession(db, {
        accountId: account.id,
        tokenHash: tokenDigest(token),
        ttlHours: sessionTtlHours,
        userAgent: meta.userAgent,
        ip: meta.ip,
      });
      return { account, token, sessionId };
    },

    async logout(auth: AuthContext): Promise<void> {
      await signIns.revokeSession(db, auth.sessionId);
      forgetSignIns();
      realtime.disconnectAuthSessions([auth.sessionId]);
    },

    /** Always succeeds from the caller's point of view, so it never reveals whether an email is registered. */
    async requestPasswordReset(email: string, appUrl: string): Promise<void> {
      const account = await repo.findByEmail(db, email);
      if (!account) return;
      const token = newToken();
      await repo.createResetToken(db, account.id, tokenDigest(token), RESET_VALID_MINUTES);
      const link = `${appUrl}/reset-password?token=${encodeURIComponent(token)}`;
      await mailer.send({
        to: account.email,
        subject: 'Reset your password',
        text:
          `Someone asked to reset the password for ${account.email}.\n\n` +
          `To choose a new password, open this link within ${RESET_VALID_MINUTES} minutes:\n${link}\n\n` +
          'The link works once. If you did not ask for this, ignore this message; your password stays as it is.',
      });
    },

    /** Sets the new password and revokes every session of the account, all or nothing. */
    async confirmPasswordReset(input: PasswordResetConfirmInput): Promise<void> {
      const passwordHash = await hashPassword(input.password);
      const revoked = await db.transaction(async (tx) => {
        const accountId = await repo.consumeResetToken(tx, tokenDigest(input.token));
        if (!accountId) {
          throw validationFailed('This reset link is invalid, used or expired', [
            { path: 'token', message: 'This reset link is invalid, used or expired; ask for a new one' },
          ]);
        }
        await repo.setPasswordHash(tx, accountId, passwordHash);
        return signIns.revokeAllSessions(tx, accountId);
      });
      forgetSignIns();
      realtime.disconnectAuthSessions(revoked);
    },

    /** Erases the account and, through cascades, everything it owns. The password confirms intent. */
    async erase(auth: AuthContext, password: string): Promise<void> {
      const hash = await repo.findHashById(db, auth.account.id);
      if (!(await verifyPassword(hash, password))) {
        throw validationFailed('Password is incorrect', [{ path: 'password', message: 'Password is incorrect' }]);
      }
      const tellOthers = await prepareErasure?.(auth.account.id);
      await db.transaction((tx) => repo.deleteAccount(tx, auth.account.id));
      forgetSignIns();
      realtime.disconnectUser(auth.account.id);
      await tellOthers?.();
    },
  };
}
