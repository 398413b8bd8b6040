// The cancer pathway and MDT pages in Chromium: a trainee adds a cancer pathway (the API's field
// errors shown beside their inputs), finds it in the list with its filters kept in the URL, plans an
// MDT meeting, lists the patient, gathers what must be ready, records the outcome and an action, and
// sees the outcome on the pathway; then the printable list (no app navigation) and the coordinator's view.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';

/** Today in England, as the server's "not after today" reads it. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-11-13` → `13 Nov 2026`, as the pages write dates (en-GB). */
const enGb = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

const main = (page: Page) => page.getByRole('navigation', { name: 'Main' });

describe.runIf(browserAvailable)('cancer pathways and MDT meetings in the browser', () => {
  const ctx = browserAndApp();

  it('creates a cancer pathway, lists it for an MDT, records the outcome and sees it on the pathway', async () => {
    const { browser, app } = ctx;
    const trainee = await createUser(app, { first_name: 'Cara' });
    const context = await browser.newContext();
    const page = await context.newPage();
    const referral = addDays(today(), -20);
    try {
      await logInThroughUi(page, app.url, trainee.email, trainee.password);

      // An empty list explains itself and offers the first step.
      await main(page).getByRole('link', { name: 'Cancer' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cancer pathways' }).waitFor();
      const empty = page.getByTestId('cancer-empty');
      await empty.waitFor({ timeout: 15_000 });
      expect(await empty.innerText()).toContain('28 days');
      await empty.getByRole('link', { name: 'Add the first cancer pathway' }).click();
      await page.getByRole('heading', { level: 1, name: 'Add a cancer pathway' }).waitFor();

      // The screening programme is asked for only on the screening route.
      await page.getByLabel('Route').selectOption('screening');
      await page.getByLabel('Screening programme').waitFor();
      await page.getByLabel('Route').selectOption('usc');
      expect(await page.getByLabel('Screening programme').count()).toBe(0);

      await page.getByLabel('Patient name').fill('Jane Doe');
      await page.getByLabel('Patient ID').fill('CA-100');
      await page.getByLabel('Tumour site').selectOption('breast');
      await page.getByLabel('Referral received').fill(referral);
      // A decision to treat before the referral: the server's reason shows beside that field.
      await page.getByLabel('Decision to treat (optional)').fill(addDays(referral, -1));
      await page.getByRole('button', { name: 'Add pathway' }).click();
      const dtt = page.getByLabel('Decision to treat (optional)');
      await expect.poll(() => dtt.getAttribute('aria-invalid'), { timeout: 15_000 }).toBe('true');
      const errorId = ((await dtt.getAttribute('aria-describedby')) ?? '').split(' ').find((id) => id.endsWith('-error'));
      expect(errorId).toBeTruthy();
      expect(await page.locator(`#${errorId}`).innerText()).not.toBe('');
      await dtt.fill('');
      await page.getByRole('button', { name: 'Add pathway' }).click();

      // The pathway page: the clocks on their timeline, each with its reason, dates in en-GB.
      await page.getByRole('heading', { level: 1, name: 'Jane Doe' }).waitFor({ timeout: 15_000 });
      const pathwayUrl = page.url();
      expect(pathwayUrl).toMatch(/\/cancer\/[0-9a-f-]{36}$/);
      expect(await page.getByTestId('cancer-details').innerText()).toContain(enGb(referral));
      expect(await page.getByTestId('cancer-days-on-pathway').innerText()).toBe('20');
      const fds = page.getByTestId('cancer-clock-fds_28');
      expect(await fds.getByTestId('cancer-clock-state').innerText()).toContain('Running');
      expect(await fds.innerText()).toContain(`last compliant day ${enGb(addDays(referral, 28))}`);
      expect(await fds.getByTestId('cancer-clock-explanation').innerText()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(await page.getByTestId('cancer-clock-treatment_31').getByTestId('cancer-clock-state').innerText()).toContain('Not started');
      expect(await page.getByTestId('cancer-events').innerText()).toContain('Referral received');

      // The list: days on pathway and the clock due next; its filters live in the URL.
      await page.getByRole('link', { name: 'Back to cancer pathways' }).click();
      const row = page.getByTestId('cancer-row').filter({ hasText: 'Jane Doe' });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.getByTestId('cancer-days').innerText()).toBe('20');
      expect(await row.getByTestId('cancer-next-due').innerText()).toContain(`FDS 28: ${enGb(addDays(referral, 28))}`);
      await page.getByLabel('Tumour site').selectOption('lung');
      await page.waitForURL(/\/cancer\?tumour_site=lung$/);
      await page.getByTestId('cancer-empty').waitFor({ timeout: 15_000 });
      await page.reload();
      expect(await page.getByLabel('Tumour site').inputValue()).toBe('lung');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await row.waitFor({ timeout: 15_000 });

      // MDT: an empty list offers to plan the first meeting.
      await main(page).getByRole('link', { name: 'MDT' }).click();
      await page.getByTestId('mdt-empty').waitFor({ timeout: 15_000 });
      await page.getByRole('link', { name: 'Plan the first meeting' }).click();
      await page.getByRole('heading', { level: 1, name: 'Plan an MDT meeting' }).waitFor();
      await page.getByLabel('Tumour site team').selectOption('breast');
      await page.getByLabel('Meeting date').fill(today());
      await page.getByLabel('Start time (optional)').fill('13:00');
      await page.getByRole('group', { name: 'Attendee 1' }).getByLabel('Name').fill('Erin Frost');
      await page.getByRole('button', { name: 'Add an attendee' }).click();
      const second = page.getByRole('group', { name: 'Attendee 2' });
      await second.getByLabel('Name').fill('Ms Anna Patel');
      await second.getByLabel('Role').selectOption('surgeon');
      await page.getByRole('button', { name: 'Plan meeting' }).click();
      await page.getByRole('heading', { level: 1, name: /^Breast MDT, .* at 13:00$/ }).waitFor({ timeout: 15_000 });
      const meetingUrl = page.url();
      const attendees = await page.getByTestId('mdt-attendees').innerText();
      expect(attendees).toMatch(/Surgeon\s+Ms Anna Patel/);
      expect(attendees).toMatch(/MDT coordinator\s+Erin Frost/);

      // List the patient: the standard readiness items start outstanding.
      const add = page.getByTestId('listing-form');
      await add.getByLabel('Patient').selectOption({ label: 'Jane Doe (CA-100) – Breast' });
      await add.getByLabel('Reason for discussion').fill('New diagnosis: plan treatment');
      await add.getByRole('button', { name: 'Add to the list' }).click();
      const listing = page.getByTestId('mdt-listing').filter({ hasText: 'Jane Doe' });
      await listing.waitFor({ timeout: 15_000 });
      expect(await listing.getByTestId('mdt-ready').innerText()).toContain('3 outstanding');
      // Listed once per meeting: the pathway is no longer offered.
      expect(await add.getByLabel('Patient').locator('option').allInnerTexts()).toEqual(['Choose…']);

      for (const item of ['Results', 'Imaging', 'Histology']) {
        const box = listing.getByTestId('mdt-checklist').getByRole('checkbox', { name: new RegExp(`^${item}`) });
        await box.check();
        await expect.poll(() => box.isEnabled(), { timeout: 15_000 }).toBe(true);
      }
      await expect.poll(() => listing.getByTestId('mdt-ready').innerText(), { timeout: 15_000 }).toContain('Ready');
      await expect.poll(() => page.getByTestId('mdt-summary').innerText(), { timeout: 15_000 }).toMatch(/Ready\s+1 of 1/);

      // The outcome: recommendation, intent, planned treatment, TNM stage and performance status.
      await listing.getByRole('button', { name: /^Record the outcome/ }).click();
      const outcomeForm = listing.getByTestId('mdt-outcome-form');
      await outcomeForm.getByRole('button', { name: 'Save the outcome' }).click();
      await expect.poll(() => outcomeForm.getByLabel('Recommendation').getAttribute('aria-invalid')).toBe('true');
      await outcomeForm.getByLabel('Recommendation').fill('Wide local excision and sentinel node biopsy.');
      await outcomeForm.getByLabel('Curative').check();
      await outcomeForm.getByLabel('Surgery').check();
      await outcomeForm.getByLabel('TNM stage (optional)').fill('T1 N0 M0');
      await outcomeForm.getByLabel('Performance status (optional)').selectOption('0');
      await outcomeForm.getByRole('button', { name: 'Save the outcome' }).click();
      const outcome = listing.getByTestId('mdt-outcome');
      await outcome.waitFor({ timeout: 15_000 });
      expect(await outcome.innerText()).toContain('T1 N0 M0');

      // An action with its owner and due date.
      await listing.getByRole('button', { name: /^Add an action/ }).click();
      await listing.getByRole('textbox', { name: 'Action', exact: true }).fill('Book clinic to tell the patient the plan');
      await listing.getByLabel('Owner', { exact: true }).fill('Erin Frost');
      await listing.getByLabel('Due', { exact: true }).fill(addDays(today(), 3));
      await listing.getByRole('button', { name: 'Add the action' }).click();
      const action = listing.getByTestId('mdt-action');
      await action.waitFor({ timeout: 15_000 });
      expect(await action.innerText()).toContain(`Erin Frost · due ${enGb(addDays(today(), 3))}`);

      // The printable list: the meeting alone, without the app's navigation.
      await page.goto(`${meetingUrl}/print`);
      await page.getByTestId('mdt-print').waitFor({ timeout: 15_000 });
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      const printed = await page.getByTestId('mdt-print-row').innerText();
      expect(printed).toContain('Jane Doe');
      expect(printed).toContain('Wide local excision');

      // The coordinator sees the outcome still to be told to the patient.
      await page.goto(`${app.url}/mdt/coordinator`);
      const toTell = page.getByTestId('coordinator-to-communicate');
      await toTell.getByRole('link', { name: 'Jane Doe' }).waitFor({ timeout: 15_000 });

      // The outcome shows on the pathway.
      await page.goto(pathwayUrl);
      const discussion = page.getByTestId('cancer-mdt-discussion');
      await discussion.waitFor({ timeout: 15_000 });
      const text = await discussion.innerText();
      expect(text).toContain('Wide local excision and sentinel node biopsy.');
      expect(text).toContain('Curative');
      expect(text).toContain('Surgery');
      expect(text).toContain('Not yet told to the patient');
      expect(await page.getByTestId('cancer-events').innerText()).toContain('MDT meeting');
    } finally {
      await context.close();
    }
  }, 120_000);
});
