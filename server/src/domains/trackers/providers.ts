// What the trackers add to the app: every tracker defined in trackers/modules/ under
// /api/trackers, and the person's tracker rows, by module, in their personal-data export and
// their counts in the portfolio.
import type { TrackerItem } from '../../contract/trackers.js';
import { todayInEngland } from '../../kit/dates.js';
import { defineDomain } from '../registry.js';
import { loadTrackers } from './catalog.js';
import { exportTrackerItems, trackerActivity } from './repo.js';
import { trackersRoutes } from './routes.js';
import { createTrackersService, presentTrackerItem, type TrackersService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    trackers: TrackersService;
  }
}

export const trackersDomain = defineDomain({
  name: 'trackers',
  services: async ({ db }, domains) => createTrackersService({ db, trackers: await loadTrackers(), today: () => todayInEngland(), services: domains }),
  mounts: [{ path: '/trackers', routes: ({ trackers }) => trackersRoutes({ trackers }) }],
  providers: () => ({
    async exportFor(tx, userId) {
      const trackers: Record<string, TrackerItem[]> = {};
      for (const row of await exportTrackerItems(tx, userId)) (trackers[row.module] ??= []).push(presentTrackerItem(row));
      return { trackers };
    },
    async portfolioFacts(tx, userId) {
      const { items, trackers, last_at } = await trackerActivity(tx, userId);
      const summary = `${items} ${items === 1 ? 'entry' : 'entries'} in ${trackers} ${trackers === 1 ? 'tracker' : 'trackers'}`;
      return { modules: { trackers: { counts: { entries: items, trackers }, summary, last_at } } };
    },
  }),
});
