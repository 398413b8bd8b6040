import { describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/app.js';

// A request still finishing while the server shuts down may tell clients something. With Redis,
// that would publish on a connection already closed, and the adapter's rejection would escape as an
// unhandled rejection; once closed, the gateway sends nothing.
describe.runIf(process.env.REDIS_URL)('realtime after shutdown with Redis', () => {
  it('sends nothing once the server is closed, and nothing escapes unhandled', async () => {
    const app = await startTestApp('pglite');
    const unhandled: unknown[] = [];
    const record = (err: unknown) => unhandled.push(err);
    process.on('unhandledRejection', record);
    try {
      const { gateway } = app.server.realtime;
      expect(gateway.toBoard().emit('board:remove', { id: 'before' })).toBe(true);
      await app.close();
      gateway.toBoard().emit('board:remove', { id: 'after' });
      gateway.toUser('someone').emit('notify', { kind: 'test', message: 'after close' });
      gateway.disconnectUser('someone');
      expect(await gateway.usersInSession('any')).toEqual(new Set());
      // A rejected publish surfaces within a few turns of the event loop.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
