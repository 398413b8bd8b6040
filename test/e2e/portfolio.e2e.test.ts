import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createAdmin, createUser } from '../helpers/factories.js';
import { completedStation, sharedCase } from '../helpers/station.js';

/** Runs in the browser: one computed style property of an element (the tests' tsconfig has no DOM types). */
function computedStyle(el: unknown, property: string): string {
  const view = globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(p: string): string } };
  return view.getComputedStyle(el).getPropertyValue(property);
}

describe.runIf(browserAvailable)('the portfolio and the admin monitor in the browser', () => {
  const ctx = browserAndApp();

  it('a trainee sees their completed station and opens the printable page; an admin finds the trainee and drills in', async () => {
    const { browser, app } = ctx;
    const tag = randomBytes(3).toString('hex');
    const trainee = await createUser(app, { first_name: 'Tamsin', last_name: `Folio${tag}` });
    const actor = await createUser(app, { first_name: 'Arlo', last_name: `Actor${tag}` });
    const admin = await createAdmin(app);
    const shared = await sharedCase(app);
    const sessionId = await completedStation(app, {
      actor,
      candidate: trainee,
      caseId: shared.id,
      segments: [{ speaker: 'candidate', text: 'Hello, I am Tamsin, one of the doctors.' }],
      marks: Object.fromEntries(shared.domains.map((d) => [d, 3])),
      global_rating: 'pass',
      strengths: 'Warm, structured opening.',
      improvements: 'Safety-net before closing.',
      self_reflection: 'I should summarise earlier.',
    });

    const traineeContext = await browser.newContext({ acceptDownloads: true });
    const page = await traineeContext.newPage();
    const cspViolations: string[] = [];
    try {
      await logInThroughUi(page, app.url, trainee.email, trainee.password);
      await page.goto(`${app.url}/portfolio`);
      await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor({ timeout: 15_000 });
      const row = page.locator(`[data-testid="portfolio-session"][data-session-id="${sessionId}"]`);
      await row.waitFor({ timeout: 15_000 });
      expect(await row.getAttribute('data-status')).toBe('completed');
      expect(await row.textContent()).toContain(`Arlo Actor${tag}`);
      expect(await page.getByTestId('portfolio-completed').textContent()).toBe('1');
      await page.getByRole('img', { name: 'Marks received per domain over time' }).waitFor();
      expect(await page.getByTestId('portfolio-domain-row').count()).toBe(shared.domains.length);
      expect(await page.getByTestId('portfolio-feedback').textContent()).toContain('Safety-net before closing.');
      expect(await page.getByTestId('portfolio-reflections').textContent()).toContain('I should summarise earlier.');
      // Every module shows its real figures, zeros included.
      expect(await page.locator('[data-testid="portfolio-module"][data-module="cancer"]').textContent()).toContain('0 cancer pathways');
      expect(await page.locator('[data-testid="portfolio-module"][data-module="quality"]').textContent()).toContain('0 audits');
      expect((await page.getByTestId('portfolio-module').allTextContents()).filter((t) => t.includes('Not yet available'))).toEqual([]);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data (JSON)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^portfolio-export-\d{4}-\d{2}-\d{2}\.json$/);

      const [printable] = await Promise.all([traineeContext.waitForEvent('page'), page.getByRole('link', { name: 'Printable portfolio' }).click()]);
      printable.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
      });
      await printable.waitForLoadState('load');
      await printable.getByRole('heading', { level: 1, name: `Tamsin Folio${tag}` }).waitFor({ timeout: 15_000 });
      expect(printable.url()).toBe(`${app.url}/api/portfolio/export.html`);
      expect(await printable.getByRole('heading', { level: 2, name: 'Reflections' }).count()).toBe(1);
      expect(await printable.locator('body').textContent()).toContain('I should summarise earlier.');
      // The stylesheet applies under the page's strict CSP (allowed by its hash), print rules included.
      expect(await printable.locator('header').evaluate(computedStyle, 'border-bottom-style')).toBe('solid');
      await printable.emulateMedia({ media: 'print' });
      expect(await printable.locator('.screen-only').evaluate(computedStyle, 'display')).toBe('none');
      expect(cspViolations).toEqual([]);
    } finally {
      await traineeContext.close();
    }

    const adminContext = await browser.newContext();
    const adminPage = await adminContext.newPage();
    try {
      await adminPage.goto(`${app.url}/login`);
      await adminPage.getByLabel('Email').fill(admin.email);
      await adminPage.getByLabel('Password').fill(admin.password);
      await adminPage.getByRole('button', { name: 'Log in' }).click();
      await adminPage.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor({ timeout: 15_000 });
      await adminPage.goto(`${app.url}/admin`);
      await adminPage.getByLabel('Search by name or email').fill(`Folio${tag}`);
      const traineeRow = adminPage.locator(`[data-testid="admin-trainee-row"][data-trainee-id="${trainee.id}"]`);
      await traineeRow.waitFor({ timeout: 15_000 });
      await expect.poll(() => adminPage.getByTestId('admin-trainee-row').count(), { timeout: 10_000 }).toBe(1);
      const cells = await traineeRow.locator('td').allTextContents();
      expect(cells.slice(0, 4)).toEqual(['1', '1', '0', '3.00']);

      await traineeRow.getByRole('link', { name: `Tamsin Folio${tag}` }).click();
      await adminPage.waitForURL(new RegExp(`/admin/trainees/${trainee.id}$`));
      await adminPage.getByRole('heading', { level: 1, name: `Tamsin Folio${tag}` }).waitFor({ timeout: 15_000 });
      await adminPage.getByText(/Read-only view/).waitFor();
      await adminPage.locator(`[data-testid="portfolio-session"][data-session-id="${sessionId}"]`).waitFor();
      expect(await adminPage.getByTestId('portfolio-reflections').textContent()).toContain('I should summarise earlier.');
      // No way to change anything from here.
      expect(await adminPage.locator('main form, main button:not(.menu-button)').count()).toBe(0);

      await adminPage.getByRole('link', { name: 'Back to all trainees' }).click();
      const viewed = adminPage.locator('[data-testid="admin-audit-row"][data-action="trainee.portfolio"]').first();
      await viewed.waitFor({ timeout: 15_000 });
      expect(await viewed.textContent()).toContain(`Tamsin Folio${tag}`);
    } finally {
      await adminContext.close();
    }

    // A trainee who opens the admin area is told they have no access, and the API refuses them.
    const sneaky = await browser.newContext();
    const sneakyPage = await sneaky.newPage();
    try {
      await logInThroughUi(sneakyPage, app.url, trainee.email, trainee.password);
      await sneakyPage.goto(`${app.url}/admin/trainees/${actor.id}`);
      const heading = sneakyPage.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent(), { timeout: 15_000 }).toBe('You do not have access to this page');
      expect(await sneakyPage.locator('main').textContent()).toContain('This page is only for administrators.');
      expect(await sneakyPage.locator('main').textContent()).not.toContain(`Arlo Actor${tag}`);
      expect((await app.http.get(`/api/admin/trainees/${actor.id}/portfolio`, { token: trainee.token })).status).toBe(403);
    } finally {
      await sneaky.close();
    }
  });
});
