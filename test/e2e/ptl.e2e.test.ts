import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';
import { CSV_HEADER, syntheticNhsNumber } from '../helpers/ptl.js';

describe.runIf(browserAvailable)('the PTL in the browser', () => {
  const ctx = browserAndApp();

  it('A adds John Smith, logs out and in, still there; B sees an empty PTL and cannot open A’s pathway', async () => {
    const { browser, app } = ctx;
    const a = await createUser(app, { first_name: 'Alice' });
    const b = await createUser(app, { first_name: 'Bob' });
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, a.email, a.password);
      await page.goto(`${app.url}/ptl/new`);
      await page.getByLabel('Patient ID').fill('RTT-001');
      await page.getByLabel('Patient name').fill('John Smith');
      await page.getByLabel('NHS number (optional)').fill('943 476 5990');
      await page.getByLabel('Specialty').selectOption('Trauma and Orthopaedics');
      await page.getByLabel('Referral date').fill('2025-01-06');
      await page.getByLabel('Clock start date').fill('2025-01-06');
      await page.getByRole('button', { name: 'Add pathway' }).click();
      // A mistyped NHS number is caught next to its field.
      await expect.poll(() => page.getByLabel('NHS number (optional)').getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
      await page.getByLabel('NHS number (optional)').fill('943 476 5919');
      await page.getByRole('button', { name: 'Add pathway' }).click();

      await page.getByRole('heading', { level: 1, name: 'John Smith' }).waitFor({ timeout: 15_000 });
      const pathwayUrl = page.url();
      expect(pathwayUrl).toMatch(/\/ptl\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByTestId('ptl-clock-explanation').textContent()).toMatch(/^The clock started on 2025-01-06, the day the referral was received/);

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/login/);
      await logInThroughUi(page, app.url, a.email, a.password);
      await page.goto(`${app.url}/ptl`);
      const row = page.getByTestId('ptl-row').filter({ hasText: 'John Smith' });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.getAttribute('data-breach')).toBe('breached');
      expect(await row.textContent()).toContain('Breached');

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.waitForURL(/\/login/);
      await logInThroughUi(page, app.url, b.email, b.password);
      await page.goto(`${app.url}/ptl`);
      await page.getByRole('status').filter({ hasText: /^No pathways yet/ }).waitFor({ timeout: 15_000 });
      // One empty state for the charts, not an empty chart each.
      expect(await page.getByTestId('chart-empty').count()).toBe(1);
      expect(await page.getByTestId('ptl-row').count()).toBe(0);
      await page.goto(pathwayUrl);
      await page.getByText(/does not exist, or it is not yours/).waitFor({ timeout: 15_000 });
      expect(await page.getByText('John Smith').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('imports a CSV with a progress bar and reports the bad rows by line', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app);
    const lines = [CSV_HEADER];
    for (let i = 0; i < 300; i++) {
      const bad = i === 41 || i === 199;
      lines.push(`IMP${i},Patient ${i},${bad ? '9434765991' : syntheticNhsNumber(i)},Urology,2025-03-03,2025-03-03,routine,P3,`);
    }
    const page = await browser.newPage();
    try {
      await logInThroughUi(page, app.url, user.email, user.password);
      await page.goto(`${app.url}/ptl/import`);
      await page.getByLabel('CSV file').setInputFiles({ name: 'ptl.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
      // The import's answer is held back until the page has shown the progress the server sent over
      // the socket while it worked: the bar must reach all 300 rows before the result replaces it.
      let progressSeen: string | null = null;
      await page.route('**/api/ptl/import**', async (route) => {
        const response = await route.fetch();
        const bar = page.locator('progress#ptl-import-progress');
        await expect.poll(() => bar.getAttribute('value'), { timeout: 15_000 }).toBe('300');
        progressSeen = await bar.getAttribute('aria-valuetext');
        await route.fulfill({ response });
      });
      await page.getByRole('button', { name: 'Import' }).click();
      await page.getByRole('heading', { name: 'Import finished' }).waitFor({ timeout: 30_000 });
      expect(progressSeen).toBe('100%: 300 of 300 rows');
      expect(await page.getByTestId('ptl-import-imported').textContent()).toBe('298');
      expect(await page.getByTestId('ptl-import-rejected').textContent()).toBe('2');
      const report = await page.getByRole('table').last().textContent();
      // Rows 41 and 199 of the data are lines 43 and 201 of the file (after the header, counting from 1).
      expect(await page.getByRole('table').last().locator('tbody tr td:first-child').allTextContents()).toEqual(['43', '201']);
      expect(report).toMatch(/Modulus 11/);

      await page.getByRole('link', { name: 'Go to the PTL' }).click();
      await page.getByTestId('ptl-stat-open').waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('ptl-stat-open').textContent()).toMatch(/\b298\b/);
      await page.screenshot({ path: 'test-results/e2e-ptl.png', fullPage: false });
    } finally {
      await page.close();
    }
  });
});
