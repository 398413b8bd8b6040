import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, launchBrowser, logInThroughUi } from '../helpers/browser.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser } from '../helpers/factories.js';
import { openRoomPanel } from '../helpers/room.js';
import { matchedStation } from '../helpers/station.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

const GRACE_MS = 6_000;

describe.runIf(browserAvailable)('a network drop in the room', () => {
  let browser: Browser;
  let app: TestApp;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchBrowser(), startTestApp('pglite', { env: { STATION_DROP_GRACE_MS: String(GRACE_MS) } })]);
    proxy = await startTcpProxy(Number(new URL(app.url).port));
  });
  afterAll(async () => {
    await proxy?.close();
    await browser?.close();
    await app?.close();
  });

  const phase = (page: Page) => page.getByTestId('room-phase').textContent();
  const seconds = async (page: Page) => {
    const [m, s] = ((await page.getByTestId('room-countdown').textContent()) ?? '').split(':').map(Number);
    return m! * 60 + s!;
  };

  it('the candidate’s network drops: a short drop rejoins the same room and state with the clock running; a long one stops the clock until they are back', async () => {
    const actor = await createUser(app, { first_name: 'Ada', last_name: 'Actor' });
    const candidate = await createUser(app, { first_name: 'Cal', last_name: 'Candidate' });
    const { rows } = await app.db.query<{ id: string }>("select id from public.cases where owner_id is null order by case_name limit 1");
    const { id, roomPath } = await matchedStation(app, { actor, candidate, caseId: rows[0]!.id, timing: { reading_s: 2, consultation_s: 300, feedback_s: 60, warning_s: null } });

    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    const [actorPage, candidatePage] = (await Promise.all(contexts.map((c) => c.newPage()))) as [Page, Page];
    try {
      // The candidate reaches the app through the proxy: their network is the one that drops.
      await Promise.all([logInThroughUi(actorPage, app.url, actor.email, actor.password), logInThroughUi(candidatePage, proxy.url, candidate.email, candidate.password)]);
      await Promise.all([actorPage.goto(`${app.url}${roomPath}`), candidatePage.goto(`${proxy.url}${roomPath}`)]);
      for (const page of [actorPage, candidatePage]) {
        await expect.poll(() => page.getByTestId('remote-video').getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');
      }
      await actorPage.getByRole('button', { name: 'Start the station' }).click();
      for (const page of [actorPage, candidatePage]) await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('Consultation');
      for (const page of [actorPage, candidatePage]) await openRoomPanel(page, 'transcript');

      // A short drop, well inside the grace: the room says it is reconnecting, the actor carries on.
      proxy.cut();
      await candidatePage.getByTestId('room-connection').waitFor({ timeout: 10_000 });
      await actorPage.getByLabel('Add to the transcript').fill('Said while the candidate was offline.');
      await actorPage.getByRole('button', { name: 'Add', exact: true }).click();
      await actorPage.getByTestId('transcript-segment').filter({ hasText: 'while the candidate was offline' }).waitFor({ timeout: 10_000 });
      await new Promise((r) => setTimeout(r, 1_000));
      proxy.restore();
      // Back in the same room and state: the phase, what was said meanwhile, video, and no pause.
      await expect.poll(() => candidatePage.getByTestId('room-connection').count(), { timeout: 15_000 }).toBe(0);
      expect(await phase(candidatePage)).toBe('Consultation');
      await candidatePage.getByTestId('transcript-segment').filter({ hasText: 'while the candidate was offline' }).waitFor({ timeout: 10_000 });
      await expect.poll(() => candidatePage.getByTestId('remote-video').getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');
      expect(await actorPage.getByTestId('room-paused').count()).toBe(0);
      expect(Math.abs((await seconds(candidatePage)) - (await seconds(actorPage)))).toBeLessThanOrEqual(2);
      await candidatePage.getByLabel('Add to the transcript').fill('Back again after the blip.');
      await candidatePage.getByRole('button', { name: 'Add', exact: true }).click();
      await actorPage.getByTestId('transcript-segment').filter({ hasText: 'Back again after the blip' }).waitFor({ timeout: 10_000 });

      // A long drop: after the grace the server stops the clock, and the actor sees why.
      proxy.cut();
      await actorPage.getByTestId('room-paused').waitFor({ timeout: GRACE_MS + 10_000 });
      const frozen = await seconds(actorPage);
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await seconds(actorPage)).toBe(frozen);
      proxy.restore();
      // Back: the clock runs on by itself, for both, from where it stopped.
      await expect.poll(() => actorPage.getByTestId('room-paused').count(), { timeout: 20_000 }).toBe(0);
      await expect.poll(() => candidatePage.getByTestId('room-connection').count(), { timeout: 15_000 }).toBe(0);
      expect(await phase(candidatePage)).toBe('Consultation');
      expect(Math.abs((await seconds(candidatePage)) - (await seconds(actorPage)))).toBeLessThanOrEqual(2);
      expect(await seconds(actorPage)).toBeGreaterThanOrEqual(frozen - 3);

      const session = (await app.http.get(`/api/sessions/${id}`, { token: actor.token })).body as { gaps: { reason: string; user_id: string; ended_at: string | null }[] };
      expect(session.gaps).toEqual([expect.objectContaining({ reason: 'disconnect', user_id: candidate.id, ended_at: expect.any(String) })]);
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  }, 120_000);
});
