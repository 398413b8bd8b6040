// What the audit trail adds to the app: /api/audit, and the trail of the person's own data in
// their personal-data export. The trail is written by database triggers, never by a service.
import { defineDomain } from '../registry.js';
import { exportTrail } from './repo.js';
import { trailRoutes } from './routes.js';
import { createTrailService, presentTrail, type TrailService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    trail: TrailService;
  }
}

export const trailDomain = defineDomain({
  name: 'trail',
  services: ({ db }) => createTrailService({ db }),
  mounts: [{ path: '/audit', routes: ({ trail }) => trailRoutes({ trail }) }],
  providers: () => ({
    exportFor: async (tx, userId) => ({ audit_trail: (await exportTrail(tx, userId)).map(presentTrail) }),
  }),
});
