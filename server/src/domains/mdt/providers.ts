// What the MDT domain adds to the app: the meetings, their lists and actions under /api/mdt; each
// pathway's MDT listings on the cancer pathway (through the cancer domain's services); the
// person's meetings in their personal-data export and its figures in their portfolio.
import { todayInEngland } from '../../kit/dates.js';
import { defineDomain } from '../registry.js';
import { exportMeetings } from './present.js';
import { activity, exportRows } from './repo.js';
import { mdtRoutes } from './routes.js';
import { createMdtService, type MdtService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    mdt: MdtService;
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const mdtDomain = defineDomain({
  name: 'mdt',
  services: ({ db }, domains) => {
    const cancer = domains.get('cancer');
    const mdt = createMdtService({ db, cancer, today: () => todayInEngland() });
    cancer.attachDiscussions(mdt.discussionsOf);
    return mdt;
  },
  mounts: [{ path: '/mdt', routes: ({ mdt }) => mdtRoutes({ mdt }) }],
  providers: () => ({
    exportFor: async (tx, userId) => ({ mdt_meetings: exportMeetings(await exportRows(tx, userId)) }),
    async portfolioFacts(tx, userId) {
      const { meetings, patients_discussed, outcomes_recorded, last_at } = await activity(tx, userId);
      return {
        modules: {
          mdt: {
            counts: { meetings, patients_discussed, outcomes_recorded },
            summary: `${plural(meetings, 'meeting')}, ${plural(patients_discussed, 'patient')} discussed, ${plural(outcomes_recorded, 'outcome')} recorded`,
            last_at,
          },
        },
      };
    },
  }),
});
