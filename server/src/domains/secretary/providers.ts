// What the medical-secretary module adds to the app: the tasks under /api/secretary, and the
// person's tasks in their personal-data export and its counts in their portfolio.
import { todayInEngland } from '../../kit/dates.js';
import { defineDomain } from '../registry.js';
import { exportTasks, taskActivity } from './repo.js';
import { secretaryRoutes } from './routes.js';
import { createSecretaryService, presentTask, type SecretaryService } from './service.js';

declare module '../registry.js' {
  interface DomainServices {
    secretary: SecretaryService;
  }
}

export const secretaryDomain = defineDomain({
  name: 'secretary',
  services: ({ db }) => createSecretaryService({ db, today: () => todayInEngland() }),
  mounts: [{ path: '/secretary', routes: ({ secretary }) => secretaryRoutes({ secretary }) }],
  providers: () => ({
    exportFor: async (tx, userId) => ({ secretary_tasks: (await exportTasks(tx, userId)).map(presentTask) }),
    async portfolioFacts(tx, userId) {
      const { tasks, open, done, last_at } = await taskActivity(tx, userId);
      return { modules: { secretary: { counts: { tasks, open, done }, summary: `${tasks} ${tasks === 1 ? 'task' : 'tasks'} (${open} open, ${done} done)`, last_at } } };
    },
  }),
});
