// What the commissioner report adds to the app: the monthly RTT return under /api/reports, the
// returns the person produced in their personal-data export, and their count in the portfolio.
import { todayInEngland } from '../../kit/dates.js';
import { defineDomain } from '../registry.js';
import { exportReturns, returnActivity } from './repo.js';
import { reportsRoutes } from './routes.js';
import { createReportsService, presentReturnRecord, type ReportsService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    reports: ReportsService;
  }
}

export const reportsDomain = defineDomain({
  name: 'reports',
  services: ({ db }) => createReportsService({ db, today: () => todayInEngland() }),
  mounts: [{ path: '/reports', routes: ({ reports }) => reportsRoutes({ reports }) }],
  providers: () => ({
    exportFor: async (tx, userId) => ({ rtt_returns: (await exportReturns(tx, userId)).map(presentReturnRecord) }),
    async portfolioFacts(tx, userId) {
      const { returns, last_at } = await returnActivity(tx, userId);
      return { modules: { reports: { counts: { returns }, summary: `${returns} monthly RTT ${returns === 1 ? 'return' : 'returns'} produced`, last_at } } };
    },
  }),
});
