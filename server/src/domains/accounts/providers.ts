// What the accounts domain adds to the app: registration, sign-in and out, password reset and
// erasure under /api/auth, and the account's part of the documents about a person.
import type { Role } from '../../contract/accounts.js';
import { authRateLimits } from '../../http/rate-limits.js';
import { iso, isoOrNull } from '../facts.js';
import { defineDomain } from '../registry.js';
import { findVisibleAccount } from './repo.js';
import { accountsRoutes } from './routes.js';
import { createAccountsService, type AccountsService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    accounts: AccountsService;
  }
}

export const accountsDomain = defineDomain({
  name: 'accounts',
  // Erasure asks every domain what leaving does to its rows (their `onErase`), through the
  // registry's composed providers; realtime is already attached (auth/ authenticates handshakes).
  services: ({ db, mailer, realtime, config, providers, forgetSignIns }) =>
    createAccountsService({ db, mailer, realtime, forgetSignIns, sessionTtlHours: config.sessionTtlHours, prepareErasure: (id) => providers.onErase(id) }),
  mounts: [
    {
      path: '/auth',
      routes: ({ accounts, profiles }, { config, appUrl, rateLimitStores }) =>
        accountsRoutes({
          accounts,
          ownProfile: (auth) => profiles.getOwn(auth),
          limits: authRateLimits(config.rateLimits, rateLimitStores),
          sessionTtlHours: config.sessionTtlHours,
          appUrl,
        }),
    },
  ],
  providers: () => ({
    async exportFor(tx, userId) {
      const a = await findVisibleAccount(tx, userId);
      if (!a) return {};
      return { account: { id: a.id, email: a.email, role: a.role as Role, created_at: iso(a.created_at), last_seen_at: isoOrNull(a.last_seen_at) } };
    },
    async portfolioFacts(tx, userId) {
      const a = await findVisibleAccount(tx, userId);
      return a ? { account: { user_id: a.id, role: a.role, created_at: a.created_at } } : {};
    },
  }),
});
