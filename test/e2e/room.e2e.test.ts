import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';
import { openRoomPanel } from '../helpers/room.js';
import { matchedStation } from '../helpers/station.js';

describe.runIf(browserAvailable)('the practice room in two browsers', () => {
  const ctx = browserAndApp();

  it('video connects; a short station runs on the server clock; briefs by phase; transcript, tracker, marks, reflection; both see the assessment; a stranger is kept out', async () => {
    const { browser, app } = ctx;
    const actor = await createUser(app, { first_name: 'Ada', last_name: 'Actor' });
    const candidate = await createUser(app, { first_name: 'Cal', last_name: 'Candidate' });
    const stranger = await createUser(app);
    const { rows } = await app.db.query<{ id: string; case_name: string; condition: string }>(
      "select c.id, c.case_name, k.condition from public.cases c join public.case_content k on k.case_id = c.id where c.owner_id is null and c.category = 'history_taking' order by c.case_name limit 1",
    );
    const theCase = rows[0]!;
    const { roomPath } = await matchedStation(app, { actor, candidate, caseId: theCase.id, timing: { reading_s: 3, consultation_s: 60, feedback_s: 30, warning_s: null } });
    const roomUrl = `${app.url}${roomPath}`;

    const actorContext = await browser.newContext();
    const candidateContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const strangerContext = await browser.newContext();
    const actorPage = await actorContext.newPage();
    const candidatePage = await candidateContext.newPage();
    const strangerPage = await strangerContext.newPage();
    try {
      await Promise.all([
        logInThroughUi(actorPage, app.url, actor.email, actor.password),
        logInThroughUi(candidatePage, app.url, candidate.email, candidate.password),
        logInThroughUi(strangerPage, app.url, stranger.email, stranger.password),
      ]);
      await Promise.all([actorPage.goto(roomUrl), candidatePage.goto(roomUrl), strangerPage.goto(roomUrl)]);
      const phase = (page: typeof actorPage) => page.getByTestId('room-phase').textContent();
      await expect.poll(() => phase(actorPage), { timeout: 15_000 }).toBe('Waiting room');
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Waiting room');
      await strangerPage.getByText('This room is not yours, or it does not exist.').waitFor({ timeout: 15_000 });

      // Peer-to-peer video connects: each side receives the other's (fake) camera.
      for (const page of [actorPage, candidatePage]) {
        await expect.poll(() => page.getByTestId('remote-video').getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');
      }

      // Before the start the candidate has no brief at all; the actor already has the whole case.
      expect(await candidatePage.getByTestId('room-brief-candidate').count()).toBe(0);
      await actorPage.getByTestId('room-brief-actor').waitFor({ timeout: 15_000 });

      await actorPage.getByRole('button', { name: 'Start the station' }).click();
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Reading time');
      // On the phone the brief is behind the control bar's Brief button (a drawer over the stage).
      await openRoomPanel(candidatePage, 'brief');
      await candidatePage.getByTestId('room-brief-candidate').waitFor({ timeout: 15_000 });
      // The server ends the 3-second reading time by itself.
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Consultation');
      await expect.poll(() => phase(actorPage), { timeout: 15_000 }).toBe('Consultation');
      expect(await candidatePage.getByTestId('room-countdown').textContent()).toMatch(/^0?[01]:\d\d$/);
      const candidateHtml = await candidatePage.content();
      expect(candidateHtml).not.toContain(theCase.condition);
      expect(candidateHtml).not.toContain(theCase.case_name);
      expect(await candidatePage.getByTestId('room-brief-actor').count()).toBe(0);

      // The transcript: a typed note by the candidate reaches the actor live; the actor ticks a fact.
      await openRoomPanel(candidatePage, 'transcript');
      await openRoomPanel(actorPage, 'transcript');
      await candidatePage.getByLabel('Add to the transcript').fill('Hello, my name is Dr Cal. Can you confirm your full name?');
      await candidatePage.getByRole('button', { name: 'Add', exact: true }).click();
      await actorPage.getByTestId('transcript-segment').filter({ hasText: 'my name is Dr Cal' }).waitFor({ timeout: 15_000 });
      await openRoomPanel(actorPage, 'brief');
      await actorPage.getByTestId('fact-drawn-out').first().check();
      await expect.poll(() => actorPage.getByTestId('disclosure-coverage').textContent(), { timeout: 15_000 }).toMatch(/Data gathering: 1 of \d+ facts drawn out/);
      expect(await candidatePage.getByTestId('disclosure-coverage').count()).toBe(0);

      await actorPage.getByRole('button', { name: 'Move on to feedback' }).click();
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Feedback');
      await openRoomPanel(candidatePage, 'brief');
      await candidatePage.getByTestId('room-brief-actor').waitFor({ timeout: 15_000 });
      await expect.poll(() => candidatePage.getByTestId('room-condition').textContent(), { timeout: 15_000 }).toContain(theCase.condition);

      // The actor marks every domain; the candidate reflects.
      const sheet = actorPage.getByTestId('mark-sheet');
      await sheet.waitFor({ timeout: 15_000 });
      const domains = sheet.getByTestId('mark-domain');
      for (let i = 0; i < (await domains.count()); i++) await domains.nth(i).getByLabel('3', { exact: true }).check();
      await sheet.getByLabel('Global rating').selectOption({ label: 'Pass' });
      await sheet.getByText('Written feedback').click(); // folded until wanted
      await sheet.getByLabel('Strengths').fill('Clear introduction and identity check.');
      await sheet.getByRole('button', { name: 'Save marks' }).click();
      await actorPage.getByTestId('marks-saved').waitFor({ timeout: 15_000 });
      // The drawer lies over the stage and the reflection: the candidate closes it to write.
      await candidatePage.getByTestId('room-sidepanel-close').click();
      await candidatePage.getByLabel('Your self-reflection').fill('I should have explored her concerns sooner.');
      await candidatePage.getByRole('button', { name: 'Save reflection' }).click();
      await candidatePage.getByTestId('reflection-saved').waitFor({ timeout: 15_000 });

      await actorPage.getByRole('button', { name: 'Finish the station' }).click();
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Station complete');
      await openRoomPanel(candidatePage, 'brief');
      await candidatePage.getByTestId('room-brief-mark-scheme').waitFor({ timeout: 15_000 });
      await candidatePage.getByTestId('room-sidepanel-close').click();

      // Both see the assessment.
      for (const page of [actorPage, candidatePage]) {
        await page.getByTestId('room-assessment-link').click();
        await page.getByTestId('assessment-view').waitFor({ timeout: 15_000 });
        await expect.poll(() => page.getByTestId('assessment-global-rating').textContent(), { timeout: 15_000 }).toContain('Pass');
        await expect.poll(() => page.getByTestId('assessment-self-reflection').textContent(), { timeout: 15_000 }).toContain('explored her concerns');
        await page.getByTestId('assessment-analysis').waitFor({ timeout: 15_000 });
      }
      await candidatePage.screenshot({ path: 'test-results/e2e-assessment-candidate.png', fullPage: true });
    } finally {
      await Promise.all([actorContext.close(), candidateContext.close(), strangerContext.close()]);
    }
  }, 90_000);

  it('the actor pauses and resumes the clock, the pause shows on the feedback sheet, and the pair swaps roles for another station in the same room', async () => {
    const { browser, app } = ctx;
    const actor = await createUser(app, { first_name: 'Ada', last_name: 'Actor' });
    const candidate = await createUser(app, { first_name: 'Cal', last_name: 'Candidate' });
    const { rows } = await app.db.query<{ id: string }>("select id from public.cases where owner_id is null order by case_name limit 1");
    const { roomPath } = await matchedStation(app, { actor, candidate, caseId: rows[0]!.id, timing: { reading_s: 60, consultation_s: 60, feedback_s: 60, warning_s: null } });
    const roomUrl = `${app.url}${roomPath}`;

    const actorContext = await browser.newContext();
    const candidateContext = await browser.newContext();
    const actorPage = await actorContext.newPage();
    const candidatePage = await candidateContext.newPage();
    try {
      await Promise.all([
        logInThroughUi(actorPage, app.url, actor.email, actor.password),
        logInThroughUi(candidatePage, app.url, candidate.email, candidate.password),
      ]);
      await Promise.all([actorPage.goto(roomUrl), candidatePage.goto(roomUrl)]);
      const phase = (page: typeof actorPage) => page.getByTestId('room-phase').textContent();
      const role = (page: typeof actorPage) => page.getByTestId('room-your-role').textContent();
      await expect.poll(() => phase(actorPage), { timeout: 15_000 }).toBe('Waiting room');
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Waiting room');

      await actorPage.getByRole('button', { name: 'Start the station' }).click();
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Reading time');
      await actorPage.getByTestId('room-pause').click();
      await candidatePage.getByTestId('room-paused').waitFor({ timeout: 15_000 });
      expect(await candidatePage.getByTestId('room-paused').textContent()).toContain('The actor paused the station');
      // Frozen: the candidate's clock shows the same time a moment later.
      const frozen = await candidatePage.getByTestId('room-countdown').textContent();
      await candidatePage.waitForTimeout(1_500);
      expect(await candidatePage.getByTestId('room-countdown').textContent()).toBe(frozen);
      await actorPage.getByTestId('room-pause').click();
      await expect.poll(() => candidatePage.getByTestId('room-paused').count(), { timeout: 15_000 }).toBe(0);

      await actorPage.getByRole('button', { name: 'Move on to consultation' }).click();
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Consultation');
      await actorPage.getByRole('button', { name: 'Move on to feedback' }).click();
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Feedback');
      // The feedback sheet lists the pause.
      for (const page of [actorPage, candidatePage]) {
        await expect.poll(() => page.getByTestId('station-gaps').textContent(), { timeout: 15_000 }).toContain('The actor paused during reading time');
      }
      await actorPage.getByRole('button', { name: 'Finish the station' }).click();
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Station complete');

      // One click: the candidate swaps roles; same link, now the actor of a new station, in the waiting room.
      await candidatePage.getByTestId('room-next-button').click();
      await expect.poll(() => role(candidatePage), { timeout: 15_000 }).toBe('actor');
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Waiting room');
      expect(candidatePage.url()).toBe(roomUrl);
      await candidatePage.getByTestId('room-start-blocker').waitFor({ timeout: 15_000 });

      // The other participant is told, and follows with one click.
      await actorPage.getByTestId('room-next-ready').waitFor({ timeout: 15_000 });
      await actorPage.getByTestId('room-next-button').click();
      await expect.poll(() => role(actorPage), { timeout: 15_000 }).toBe('candidate');
      await expect.poll(() => phase(actorPage), { timeout: 15_000 }).toBe('Waiting room');
      expect(actorPage.url()).toBe(roomUrl);

      // The video connects again for the new station.
      for (const page of [actorPage, candidatePage]) {
        await expect.poll(() => page.getByTestId('remote-video').getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');
      }
    } finally {
      await Promise.all([actorContext.close(), candidateContext.close()]);
    }
  }, 90_000);
});
