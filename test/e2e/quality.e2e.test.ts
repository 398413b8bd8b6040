import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';
import { pathwayInput, syntheticNhsNumber } from '../helpers/ptl.js';

/** Today in England, as the server's "not after today" reads it, moved by `days`. */
const day = (days = 0) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

describe.runIf(browserAvailable)('data quality, the validation queue and the RTT return in the browser', () => {
  const ctx = browserAndApp();

  it('an audit finds a missing NHS number; fixing the record and running again clears it and the score rises', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app, { first_name: 'Dana' });
    // Two recent pathways (nothing else to find): one without an NHS number, one clean.
    const defect = await app.http.post('/api/ptl', pathwayInput({ patient_name: 'Dora Defect', nhs_number: null, referral_date: day(-10), clock_start_date: day(-10) }), { token: user.token });
    const clean = await app.http.post('/api/ptl', pathwayInput({ patient_name: 'Carl Clean', referral_date: day(-10), clock_start_date: day(-10) }), { token: user.token });
    expect([defect.status, clean.status]).toEqual([201, 201]);

    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, user.email, user.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data quality' }).click();
      await page.getByRole('heading', { level: 1, name: 'Data quality' }).waitFor();
      await page.getByTestId('quality-empty').waitFor({ timeout: 15_000 });

      await page.getByRole('button', { name: 'Run audit' }).click();
      await page.waitForURL(/\/quality\/audits\/[0-9a-f-]{36}$/, { timeout: 15_000 });
      const firstAuditUrl = page.url();
      await expect.poll(() => page.getByTestId('audit-score').innerText(), { timeout: 15_000 }).toBe('50%');
      const rows = page.getByTestId('finding-row');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
      expect(await rows.first().innerText()).toContain('Dora Defect');

      // The rule filter lives in the URL: another rule has nothing, and clearing brings the finding back.
      await page.getByLabel('Rule', { exact: true }).selectOption('date_order');
      await page.waitForURL(/\?rule=date_order$/);
      await page.getByTestId('findings-empty').waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Show every finding' }).click();
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);

      // The finding's page: the record's fields, why it matters and what to fix, and a link to edit it.
      await rows.first().getByRole('link', { name: 'Dora Defect' }).click();
      await page.getByRole('heading', { level: 1, name: 'NHS number missing' }).waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('record-nhs-number').innerText(), { timeout: 15_000 }).toBe('—');
      expect(await page.getByTestId('finding-fix').innerText()).not.toBe('');
      expect(await page.getByTestId('finding-status').innerText()).toBe('Open');

      await page.getByRole('link', { name: 'Edit the record' }).click();
      await page.waitForURL(new RegExp(`/ptl/${defect.body.id}/edit$`));
      await page.getByLabel('NHS number (optional)').fill(syntheticNhsNumber(4242));
      await page.getByRole('button', { name: /^Save/ }).click();
      await page.waitForURL(new RegExp(`/ptl/${defect.body.id}$`), { timeout: 15_000 });

      // Run again from the first run: a new run, the finding gone, the score up.
      await page.goto(firstAuditUrl);
      await page.getByRole('button', { name: 'Run again' }).click();
      await page.waitForURL((url) => /\/quality\/audits\/[0-9a-f-]{36}$/.test(url.pathname) && url.href !== firstAuditUrl, { timeout: 15_000 });
      await expect.poll(() => page.getByTestId('audit-score').innerText(), { timeout: 15_000 }).toBe('100%');
      await page.getByTestId('findings-empty').waitFor({ timeout: 15_000 });

      // Both runs are listed, newest first, and the score is charted.
      await page.getByRole('link', { name: 'Back to data quality' }).click();
      await expect.poll(() => page.getByTestId('quality-run-score').allInnerTexts(), { timeout: 15_000 }).toEqual(['100%', '50%']);
      expect(await page.getByTestId('quality-score-chart').locator('circle').count()).toBe(2);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('the validation queue is worked with the keyboard, and keys typed in the note are not shortcuts', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app, { first_name: 'Val' });
    // Two pathways untouched for longer than 12 weeks: the longer wait comes first.
    const older = await app.http.post('/api/ptl', pathwayInput({ patient_name: 'Olive Older', referral_date: day(-300), clock_start_date: day(-300) }), { token: user.token });
    const newer = await app.http.post('/api/ptl', pathwayInput({ patient_name: 'Nina Newer', nhs_number: syntheticNhsNumber(77), referral_date: day(-200), clock_start_date: day(-200) }), { token: user.token });
    expect([older.status, newer.status]).toEqual([201, 201]);

    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, user.email, user.password);
      await page.goto(`${app.url}/quality/validation`);
      const card = page.getByTestId('queue-card');
      await card.getByRole('heading', { name: 'Olive Older' }).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('queue-position').innerText()).toBe('Pathway 1 of 2');
      expect(await page.getByTestId('queue-key-legend').innerText()).toContain('Next pathway');

      // n / j next, k previous.
      await page.locator('body').press('n');
      await card.getByRole('heading', { name: 'Nina Newer' }).waitFor();
      await page.locator('body').press('k');
      await card.getByRole('heading', { name: 'Olive Older' }).waitFor();

      // c = clinical, 2 = data corrected; then typing "tak 1" in the note leaves both alone.
      await page.locator('body').press('c');
      await page.locator('body').press('2');
      expect(await page.getByLabel(/^Clinical/).isChecked()).toBe(true);
      expect(await page.getByLabel(/^Data corrected/).isChecked()).toBe(true);
      await page.getByLabel('Note (optional)').click();
      await page.keyboard.type('tak 1');
      expect(await page.getByLabel(/^Clinical/).isChecked()).toBe(true);
      expect(await page.getByLabel(/^Data corrected/).isChecked()).toBe(true);
      await card.getByRole('heading', { name: 'Olive Older' }).waitFor();
      // Esc leaves the note; Enter saves.
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');

      await page.getByRole('status').filter({ hasText: 'Saved: clinical validation of Olive Older' }).waitFor({ timeout: 15_000 });
      await card.getByRole('heading', { name: 'Nina Newer' }).waitFor();
      expect(await page.getByTestId('queue-position').innerText()).toBe('Pathway 1 of 1');

      const saved = await app.http.get(`/api/quality/validations?pathway_id=${older.body.id}`, { token: user.token });
      expect(saved.body.items).toEqual([expect.objectContaining({ kind: 'clinical', outcome: 'data_corrected', note: 'tak 1', validated_on: day() })]);
      // The validation is activity: the queue read afresh no longer holds the pathway.
      await page.reload();
      await card.getByRole('heading', { name: 'Nina Newer' }).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('queue-position').innerText()).toBe('Pathway 1 of 1');
    } finally {
      await context.close();
    }
  }, 90_000);

  it('the RTT return page shows the table by treatment function, the chart and a CSV download', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app, { first_name: 'Rita' });
    const within = await app.http.post('/api/ptl', pathwayInput({ patient_name: 'Wendy Within', referral_date: day(-20), clock_start_date: day(-20) }), { token: user.token });
    const over = await app.http.post('/api/ptl', pathwayInput({ patient_name: 'Oscar Over', nhs_number: syntheticNhsNumber(99), referral_date: day(-400), clock_start_date: day(-400) }), { token: user.token });
    expect([within.status, over.status]).toEqual([201, 201]);

    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, user.email, user.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'RTT return' }).click();
      await page.getByRole('heading', { level: 1, name: 'Monthly RTT return' }).waitFor();
      await page.getByTestId('rtt-provisional').waitFor({ timeout: 15_000 });
      const row = page.getByTestId('rtt-row');
      await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
      // Trauma and Orthopaedics: 2 pathways, 1 within 18 weeks (50%), 1 over 52.
      expect((await row.innerText()).split(/\s+/).join(' ')).toMatch(/Trauma and Orthopaedics 2 1 50% 1$/);
      expect(await page.getByTestId('rtt-total').innerText()).toBe('2');
      expect(await page.getByTestId('rtt-chart').locator('rect').count()).toBe(2);

      const download = page.waitForEvent('download');
      await page.getByTestId('rtt-csv').click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await (await context.request.get(`${app.url}${await page.getByTestId('rtt-csv').getAttribute('href')}`)).text();
      expect(csv.split(/\r?\n/)[0]).toMatch(/^treatment_function_code,treatment_function,total,within_18_weeks,percent_within_18,over_52_weeks,0-1,/);
      expect(csv).toContain('TOTAL');

      // The return just produced is in the history.
      await expect.poll(() => page.getByTestId('rtt-history').locator('tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 90_000);
});
