// What the cancer pathways module adds to the app: the pathways under /api/cancer, the services the
// MDT domain reads them through, the person's pathways in their personal-data export and their
// counts in the portfolio.
import { todayInEngland } from '../../kit/dates.js';
import { defineDomain } from '../registry.js';
import { cancerRoutes } from './routes.js';
import { createCancerService, type CancerService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    cancer: CancerService;
  }
}

export const cancerDomain = defineDomain({
  name: 'cancer',
  services: ({ db }) => createCancerService({ db, today: () => todayInEngland() }),
  mounts: [{ path: '/cancer', routes: ({ cancer }) => cancerRoutes({ cancer }) }],
  providers: ({ cancer }) => ({
    exportFor: async (tx, userId) => ({ cancer_pathways: await cancer.exportFor(tx, userId) }),
    async portfolioFacts(tx, userId) {
      const { pathways, open, breached, last_at } = await cancer.portfolioCounts(tx, userId);
      return {
        modules: {
          cancer: {
            counts: { pathways, open, breached },
            summary: `${pathways} cancer ${pathways === 1 ? 'pathway' : 'pathways'} (${open} open, ${breached} with a breached standard)`,
            last_at,
          },
        },
      };
    },
  }),
});
