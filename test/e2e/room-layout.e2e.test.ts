/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';
import { axeViolations, sidewaysOverflow } from '../helpers/page-audit.js';
import { matchedStation, sharedCase } from '../helpers/station.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The area of an element's box on screen (0 when it is not shown). */
async function area(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  return box ? box.width * box.height : 0;
}

/** The element is on screen, wholly inside the window (not scrolled away, not cut off). */
async function inWindow(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  return !!box && !!size && box.width > 0 && box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

const phase = (page: Page) => page.getByTestId('room-phase').textContent();
const currentStep = (page: Page) => page.getByTestId('room-steps').locator('[aria-current="step"]').textContent();

// The room as a meeting tool: full window without the app's navigation, the other participant
// large and yourself small, a bar of labelled buttons, the station's steps and clock in view on a
// phone too, the brief beside the stage (or in a drawer), and before the start: when it opens and
// whether the partner is there.
describe.runIf(browserAvailable)('the room’s layout', () => {
  const ctx = browserAndApp();

  it('full window, partner large and self small, steps and clock in view at 1280 and 390 px, no sideways scroll, axe clean, presence before the start', async () => {
    const { browser, app } = ctx;
    const actor = await createUser(app, { first_name: 'Ada', last_name: 'Actor' });
    const candidate = await createUser(app, { first_name: 'Cal', last_name: 'Candidate' });
    const { roomPath } = await matchedStation(app, {
      actor,
      candidate,
      caseId: (await sharedCase(app)).id,
      timing: { reading_s: 60, consultation_s: 480, feedback_s: 300, warning_s: 120 },
    });
    // bypassCSP: the app's CSP (rightly) refuses the inline script that loads axe.
    const actorContext = await browser.newContext({ viewport: DESKTOP, bypassCSP: true });
    const candidateContext = await browser.newContext({ viewport: PHONE, bypassCSP: true });
    const actorPage = await actorContext.newPage();
    const candidatePage = await candidateContext.newPage();
    try {
      await Promise.all([
        logInThroughUi(actorPage, app.url, actor.email, actor.password),
        logInThroughUi(candidatePage, app.url, candidate.email, candidate.password),
      ]);

      // The candidate arrives first: the actor has signed up (they host) but is not in the room yet.
      await candidatePage.goto(`${app.url}${roomPath}`);
      await expect.poll(() => phase(candidatePage), { timeout: 15_000 }).toBe('Waiting room');
      const partner = (page: Page) => page.getByTestId('room-partner').getAttribute('data-state');
      await expect.poll(() => partner(candidatePage), { timeout: 15_000 }).toBe('away');
      expect(await candidatePage.getByTestId('room-waiting-message').textContent()).toContain('Ada Actor (the actor) has signed up but is not in the room yet');
      // The countdown to the planned start, in the top bar.
      expect(await candidatePage.getByTestId('room-opens').textContent()).toMatch(/Planned start in\s*\d+:\d\d/);

      // The actor arrives: each sees the other is here, live.
      await actorPage.goto(`${app.url}${roomPath}`);
      await expect.poll(() => partner(candidatePage), { timeout: 15_000 }).toBe('here');
      await expect.poll(() => partner(actorPage), { timeout: 15_000 }).toBe('here');
      expect(await candidatePage.getByTestId('room-waiting-message').textContent()).toContain('Ada Actor (the actor) is here');

      for (const page of [actorPage, candidatePage]) {
        // No app navigation around the room.
        expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
        await expect.poll(() => page.getByTestId('remote-video').getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');
        // The partner's tile is the large one, yourself the small one.
        const remote = await area(page.getByTestId('remote-video'));
        const self = await area(page.getByTestId('local-video'));
        expect(self).toBeGreaterThan(0);
        expect(remote).toBeGreaterThan(self * 3);
        // The control bar: labelled buttons, leave among them.
        for (const name of ['Mute', 'Stop video', 'Devices', 'Leave']) {
          expect(await inWindow(page, page.getByRole('button', { name, exact: true })), name).toBe(true);
        }
        // Before the start the step bar has no current step.
        expect(await page.getByTestId('room-steps').locator('[aria-current="step"]').count()).toBe(0);
        expect(await axeViolations(page)).toEqual([]);
      }
      expect(await sidewaysOverflow(candidatePage)).toBeLessThanOrEqual(0);

      // The brief: beside the stage on the desktop (open, and it folds away), in a drawer on the phone (closed at first).
      const actorBrief = actorPage.getByTestId('room-panel-brief');
      expect(await actorBrief.getAttribute('aria-expanded')).toBe('true');
      expect(await actorPage.getByTestId('room-brief-actor').isVisible()).toBe(true);
      await actorBrief.click();
      expect(await actorBrief.getAttribute('aria-expanded')).toBe('false');
      expect(await actorPage.getByTestId('room-sidepanel').isVisible()).toBe(false);
      await actorBrief.click();
      await actorPage.getByTestId('room-brief-actor').waitFor({ timeout: 5_000 });

      const candidateBrief = candidatePage.getByTestId('room-panel-brief');
      expect(await candidateBrief.getAttribute('aria-expanded')).toBe('false');
      await candidateBrief.click();
      expect(await candidateBrief.getAttribute('aria-expanded')).toBe('true');
      await candidatePage.getByTestId('room-brief-pending').waitFor({ timeout: 5_000 });
      // Focus goes into the drawer, and Escape closes it and gives focus back to its button.
      await expect.poll(() => candidatePage.evaluate(() => document.activeElement?.id)).toBe('room-sidepanel');
      await candidatePage.keyboard.press('Escape');
      await expect.poll(() => candidateBrief.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => candidatePage.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('room-panel-brief');

      // The device pickers: camera and microphone; the speaker where the browser can route sound.
      await actorPage.getByRole('button', { name: 'Devices' }).click();
      expect(await actorPage.getByRole('button', { name: 'Devices' }).getAttribute('aria-expanded')).toBe('true');
      const camera = actorPage.getByLabel('Camera', { exact: true });
      const microphone = actorPage.getByLabel('Microphone', { exact: true });
      await expect.poll(() => microphone.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await camera.locator('option').count()).toBeGreaterThan(0);
      const canRoute = await actorPage.evaluate(() => 'setSinkId' in HTMLMediaElement.prototype);
      expect(await actorPage.getByLabel('Speaker', { exact: true }).count()).toBe(canRoute ? 1 : 0);
      // Another microphone: the new one is in use, and the call goes on.
      const mics = await microphone.locator('option:not([disabled])').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      const before = await microphone.inputValue();
      const other = mics.find((id) => id !== before);
      if (other) {
        await microphone.selectOption(other);
        await expect.poll(() => microphone.inputValue(), { timeout: 10_000 }).toBe(other);
        await expect.poll(() => candidatePage.getByTestId('remote-video').getAttribute('data-connected'), { timeout: 20_000 }).toBe('true');
      }
      await actorPage.keyboard.press('Escape');
      expect(await actorPage.getByRole('button', { name: 'Devices' }).getAttribute('aria-expanded')).toBe('false');

      // The station: the step bar marks the current step; the clock stays in view on the phone.
      await actorPage.getByRole('button', { name: 'Start the station' }).click();
      for (const page of [actorPage, candidatePage]) await expect.poll(() => currentStep(page), { timeout: 15_000 }).toContain('Reading');
      await actorPage.getByRole('button', { name: 'Move on to consultation' }).click();
      for (const page of [actorPage, candidatePage]) {
        await expect.poll(() => currentStep(page), { timeout: 15_000 }).toContain('Consultation');
        expect(await inWindow(page, page.getByTestId('room-countdown'))).toBe(true);
        // The bar marks the warning bell: 2 minutes before the end of 8, at three quarters.
        expect(await page.getByTestId('room-progress-bell').evaluate((el) => (el as HTMLElement).style.left)).toBe('75%');
        expect(await page.getByTestId('room-steps').locator('[aria-current="step"]').count()).toBe(1);
        expect(await axeViolations(page)).toEqual([]);
      }
      // On the phone the clock stays put while the page below it scrolls, and nothing scrolls sideways.
      await candidatePage.getByTestId('room-panel-transcript').click();
      await candidatePage.mouse.wheel(0, 2000);
      expect(await inWindow(candidatePage, candidatePage.getByTestId('room-countdown'))).toBe(true);
      expect(await sidewaysOverflow(candidatePage)).toBeLessThanOrEqual(0);
      expect(await axeViolations(candidatePage)).toEqual([]);

      // Muting says so on its button; leaving a running station asks first, and Stay stays.
      await actorPage.getByRole('button', { name: 'Mute', exact: true }).click();
      await actorPage.getByRole('button', { name: 'Unmute', exact: true }).waitFor({ timeout: 5_000 });
      await actorPage.getByRole('button', { name: 'Leave', exact: true }).click();
      const dialog = actorPage.getByRole('dialog', { name: 'Leave the station?' });
      await dialog.waitFor({ timeout: 5_000 });
      await dialog.getByRole('button', { name: 'Stay' }).click();
      expect(await dialog.isVisible()).toBe(false);
      expect(await phase(actorPage)).toBe('Consultation');

      // Feedback: the step bar moves on, the mark sheet has the width.
      await actorPage.getByRole('button', { name: 'Move on to feedback' }).click();
      await expect.poll(() => currentStep(candidatePage), { timeout: 15_000 }).toContain('Feedback');
      await actorPage.getByTestId('mark-sheet').waitFor({ timeout: 15_000 });
      for (const page of [actorPage, candidatePage]) expect(await axeViolations(page)).toEqual([]);
      expect(await sidewaysOverflow(candidatePage)).toBeLessThanOrEqual(0);
    } finally {
      await Promise.all([actorContext.close(), candidateContext.close()]);
    }
  }, 120_000);

  it('before the window opens: when it opens, with a countdown, and the start held back until then', async () => {
    const { browser, app } = ctx;
    const actor = await createUser(app, { first_name: 'Ada', last_name: 'Actor' });
    const candidate = await createUser(app, { first_name: 'Cal', last_name: 'Candidate' });
    const { id, roomPath } = await matchedStation(app, { actor, candidate, caseId: (await sharedCase(app)).id });
    // An hour away: the room opens in 45 minutes.
    await app.db.query("update public.practice_sessions set datetime_utc = now() + interval '1 hour' where id = $1", [id]);
    const context = await browser.newContext({ viewport: PHONE, bypassCSP: true });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, actor.email, actor.password);
      await page.goto(`${app.url}${roomPath}`);
      await expect.poll(() => phase(page), { timeout: 15_000 }).toBe('Waiting room');
      const opens = page.getByTestId('room-opens');
      await expect.poll(() => opens.textContent(), { timeout: 15_000 }).toMatch(/Room opens in\s*4[45]:\d\d/);
      expect(await inWindow(page, opens)).toBe(true);
      // The countdown runs.
      const first = await opens.textContent();
      await expect.poll(() => opens.textContent(), { timeout: 5_000 }).not.toBe(first);
      expect(await page.getByTestId('room-start-blocker').textContent()).toMatch(/The station can start from \d\d:\d\d, 15 minutes before the planned time/);
      expect(await page.getByRole('button', { name: 'Start the station' }).isDisabled()).toBe(true);
      // The candidate has signed up but is not here.
      expect(await page.getByTestId('room-partner').getAttribute('data-state')).toBe('away');
      await page.getByTestId('room-video-unavailable').waitFor({ timeout: 15_000 });
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
