import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';

/** `YYYY-MM-DDTHH:mm` for a datetime-local input, two days ahead, in the browser's zone (UTC here). */
function twoDaysAhead() {
  const d = new Date(Date.now() + 2 * 86_400_000);
  d.setUTCSeconds(0, 0);
  return d.toISOString().slice(0, 16);
}

describe.runIf(browserAvailable)('practice sessions in two browsers', () => {
  const ctx = browserAndApp();

  it('the host publishes, the guest sees it appear live on the board, signs up, and the host is told', async () => {
    const { browser, app } = ctx;
    const host = await createUser(app, { first_name: 'Hana', last_name: 'Host' });
    const guest = await createUser(app, { first_name: 'Gus', last_name: 'Guest' });
    const hostContext = await browser.newContext({ timezoneId: 'UTC' });
    const guestContext = await browser.newContext({ timezoneId: 'Europe/London' });
    const hostPage = await hostContext.newPage();
    const guestPage = await guestContext.newPage();
    try {
      await logInThroughUi(guestPage, app.url, guest.email, guest.password);
      await guestPage.goto(`${app.url}/sessions`);
      await guestPage.getByRole('heading', { level: 1, name: 'Practice sessions' }).waitFor();
      await guestPage.getByText(/No upcoming sessions yet/).waitFor({ timeout: 15_000 });

      await logInThroughUi(hostPage, app.url, host.email, host.password);
      await hostPage.goto(`${app.url}/sessions/new`);
      await hostPage.getByLabel('Date and time').fill(twoDaysAhead());
      await hostPage.getByRole('group', { name: 'Your role' }).getByLabel('Candidate').check();
      await hostPage.getByLabel('Timing').selectOption('osce');
      await hostPage.getByRole('button', { name: 'Publish session' }).click();
      await hostPage.getByRole('heading', { level: 1, name: 'Practice session' }).waitFor({ timeout: 15_000 });
      expect(await hostPage.getByTestId('session-status').textContent()).toMatch(/Open/);

      // The guest's board updates without a reload.
      const card = guestPage.getByTestId('session-card').filter({ hasText: 'Hana' });
      await card.waitFor({ timeout: 15_000 });
      expect(await card.getAttribute('data-status')).toBe('open');
      expect(await card.textContent()).toMatch(/you would be the actor/);
      await card.getByRole('link').first().click();
      await guestPage.getByRole('button', { name: 'Sign up as the actor' }).click();
      await guestPage.getByText('You are signed up as the actor.').waitFor({ timeout: 15_000 });
      expect(await guestPage.getByTestId('session-your-role').textContent()).toMatch(/actor/i);

      // The host hears about it at once, and the page no longer says it is open.
      await hostPage.getByRole('status').filter({ hasText: /signed up/ }).first().waitFor({ timeout: 15_000 });
      await expect.poll(() => hostPage.getByTestId('session-status').textContent(), { timeout: 15_000 }).toMatch(/Matched/);
      const body = await guestPage.content();
      expect(body).not.toContain('opening_line');
    } finally {
      await hostContext.close();
      await guestContext.close();
    }
  });
});
