// What the admin domain adds to the app: the progress monitor, a trainee's read-only portfolio and
// the audit trail under /api/admin, and the audit-trail writer other domains record views with.
import { defineDomain } from '../registry.js';
import { adminRoutes } from './routes.js';
import { createAdminService, type AdminService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    admin: AdminService;
  }
}

export const adminDomain = defineDomain({
  name: 'admin',
  services: ({ db }, domains) => {
    const portfolio = domains.get('portfolio');
    return createAdminService({ db, readPortfolio: (tx, userId) => portfolio.read(tx, userId, 'admin') });
  },
  mounts: [{ path: '/admin', routes: ({ admin }) => adminRoutes({ admin }) }],
});
