import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';
import { pathwayInput } from '../helpers/ptl.js';

/** Today in England, as the server's "not after today" reads it. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-12-04` → `Fri 4 Dec`, as the workload table heads its rows. */
const dayName = (iso: string) => {
  const [, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`))} ${d} ${MONTHS[m - 1]}`;
};

const status = (page: Page) => page.getByTestId('kit-status').innerText();

describe.runIf(browserAvailable)('trackers, secretary tasks and the audit trail in the browser', () => {
  const ctx = browserAndApp();

  it('a trainee creates a consent record, moves it through its workflow, sees its history and finds it in their export', async () => {
    const { browser, app } = ctx;
    const trainee = await createUser(app, { first_name: 'Tara' });
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, trainee.email, trainee.password);
      // Reached from the navigation, and every tracker the server defines is listed.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trackers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Trackers' }).waitFor();
      const definitions = (await (await context.request.get(`${app.url}/api/trackers`)).json()) as { items: { module: string; name: string }[] };
      expect(definitions.items.map((d) => d.module)).toContain('consent');
      for (const d of definitions.items) await page.getByTestId('tracker-index').getByRole('link', { name: d.name, exact: true }).waitFor();

      await page.getByTestId('tracker-index').getByRole('link', { name: 'Consent', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Consent' }).waitFor();
      await page.getByTestId('kit-empty').waitFor({ timeout: 15_000 });
      await page.getByRole('link', { name: /^Add an entry/ }).click();
      await page.waitForURL(/\/trackers\/consent\/new$/);

      // Required fields are checked beside their inputs before anything is sent.
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByLabel('Procedure').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByLabel('Procedure').evaluate((el) => (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el)).toBe(true);

      await page.getByLabel('Patient name').fill('Jane Doe');
      await page.getByLabel('Patient ID').fill('CON-001');
      await page.getByLabel('Procedure').fill('Knee arthroscopy');
      await page.getByLabel('Consent form').selectOption({ label: 'Form 1 (adult with capacity)' });
      await page.getByLabel('Discussed on').fill(today());
      // A new entry may only start where the workflow starts, or a move allowed from there.
      const startOptions = await page.getByLabel('Status').locator('option').allInnerTexts();
      expect(startOptions).toEqual(['Where it starts (Planned)', 'Planned', 'Signed', 'Withdrawn']);
      await page.getByRole('button', { name: 'Save' }).click();

      await page.getByRole('heading', { level: 1, name: 'Jane Doe – Knee arthroscopy' }).waitFor({ timeout: 15_000 });
      const itemUrl = page.url();
      expect(itemUrl).toMatch(/\/trackers\/consent\/[0-9a-f-]{36}$/);
      expect(await status(page)).toContain('Planned');
      expect(await page.getByTestId('kit-fields').innerText()).toContain('Form 1 (adult with capacity)');
      // Only the allowed moves: planned → signed, or withdrawn.
      const moves = page.getByRole('button', { name: /^Move to / });
      expect(await moves.allInnerTexts()).toEqual(['Move to Signed', 'Move to Withdrawn']);

      // Signing needs the signed date: the server says so, and the page offers the edit that fills it in.
      await page.getByRole('button', { name: 'Move to Signed' }).click();
      const moveError = page.getByRole('alert').filter({ hasText: 'Signed on' });
      await moveError.waitFor({ timeout: 15_000 });
      expect(await status(page)).toContain('Planned');
      await moveError.getByRole('link', { name: /move it to Signed/ }).click();
      await page.getByRole('heading', { level: 1, name: /^Edit consent entry/ }).waitFor();
      await expect.poll(() => page.getByLabel('Status').inputValue()).toBe('signed');
      expect(await page.getByLabel('Status').locator('option').allInnerTexts()).toEqual(['Choose…', 'Planned', 'Signed', 'Withdrawn']);
      await page.getByLabel('Signed on').fill(today());
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(itemUrl);
      await expect.poll(() => status(page), { timeout: 15_000 }).toContain('Signed');

      // Confirming needs its date too: fill it in, then the move button does it in one click.
      await page.getByRole('link', { name: /^Edit/ }).click();
      await page.getByLabel('Confirmed on').fill(today());
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(itemUrl);
      await page.getByRole('button', { name: 'Move to Confirmed' }).click();
      await expect.poll(() => status(page), { timeout: 15_000 }).toContain('Confirmed');
      expect(await moves.allInnerTexts()).toEqual(['Move to Withdrawn']);

      // The history: who, when, what, and each change from before to after, newest first.
      const history = page.getByTestId('history');
      await expect.poll(() => history.getByTestId('history-entry').count(), { timeout: 15_000 }).toBe(4);
      const entries = await history.getByTestId('history-entry').allInnerTexts();
      expect(entries[0]).toMatch(/^Changed by you/);
      expect(entries[0]).toMatch(/Status: Signed\s*→?\s*(changed to)?\s*Confirmed/);
      expect(entries[2]).toMatch(/Status: Planned\s*→?\s*(changed to)?\s*Signed/);
      expect(entries[2]).toContain('Signed on: —');
      expect(entries[3]).toMatch(/^Created by you/);
      expect(entries[3]).toContain('Procedure: Knee arthroscopy');

      // The list shows it with the definition's columns; the filters live in the URL.
      await page.getByRole('link', { name: 'Back to Consent' }).click();
      const row = page.getByTestId('kit-row').filter({ hasText: 'Jane Doe' });
      await row.waitFor({ timeout: 15_000 });
      expect(await row.innerText()).toContain('Confirmed');
      await page.getByLabel('Status').selectOption('planned');
      await page.waitForURL(/\/trackers\/consent\?status=planned$/);
      await page.getByTestId('kit-empty').waitFor({ timeout: 15_000 });
      await page.getByLabel('Status').selectOption('confirmed');
      await page.getByLabel('Search').fill('arthroscopy');
      await page.waitForURL(/status=confirmed/);
      await page.waitForURL(/q=arthroscopy/);
      await row.waitFor({ timeout: 15_000 });
      await page.reload();
      await row.waitFor({ timeout: 15_000 });
      expect(await page.getByLabel('Status').inputValue()).toBe('confirmed');
      expect(await page.getByLabel('Search').inputValue()).toBe('arthroscopy');

      // The personal-data export has it, under its tracker.
      const exported = await context.request.get(`${app.url}/api/portfolio/export`);
      expect(exported.status()).toBe(200);
      const body = (await exported.json()) as { trackers?: Record<string, { status: string; fields: Record<string, unknown> }[]> };
      const consent = body.trackers?.consent ?? [];
      expect(consent).toEqual(expect.arrayContaining([expect.objectContaining({ status: 'confirmed', fields: expect.objectContaining({ procedure: 'Knee arthroscopy' }) })]));

      // An expired session is handled once, in the API wrapper: back to log in, and back here after.
      await context.clearCookies();
      await page.getByRole('link', { name: 'Jane Doe', exact: false }).first().click();
      await page.waitForURL(/\/login\?next=/, { timeout: 15_000 });
      expect(decodeURIComponent(new URL(page.url()).searchParams.get('next') ?? '')).toBe(new URL(itemUrl).pathname);
    } finally {
      await context.close();
    }
  });

  it('a secretary adds tasks, changes their status in bulk (all or nothing) and sees a linked task on its pathway', async () => {
    const { browser, app } = ctx;
    const trainee = await createUser(app, { first_name: 'Sam' });
    const created = await app.http.post('/api/ptl', pathwayInput({ patient_name: 'Peter Pathway' }), { cookie: trainee.cookie });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const pathwayId = (created.body as { id: string }).id;
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, trainee.email, trainee.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Secretary' }).click();
      await page.getByRole('heading', { level: 1, name: 'Medical secretary' }).waitFor();
      await page.getByTestId('kit-empty').waitFor({ timeout: 15_000 });

      // From the pathway's page: the task is linked to it.
      await page.goto(`${app.url}/ptl/${pathwayId}`);
      await page.getByRole('heading', { level: 1, name: 'Peter Pathway' }).waitFor({ timeout: 15_000 });
      await page.getByTestId('pathway-tasks').getByText('No secretary tasks are linked to this pathway.').waitFor({ timeout: 15_000 });
      await page.getByRole('link', { name: 'Add a task for this pathway' }).click();
      await page.getByLabel('Title').fill('Chase MRI report');
      await page.getByLabel('Type').selectOption('chasing_results');
      await page.getByLabel('Due date').fill(today());
      expect(await page.getByLabel('PTL pathway').inputValue()).toBe(pathwayId);
      // "Waiting on" appears, required, only while the status is waiting.
      expect(await page.getByLabel('Waiting on').count()).toBe(0);
      await page.getByLabel('Status').selectOption('waiting');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => page.getByLabel('Waiting on').getAttribute('aria-invalid')).toBe('true');
      await page.getByLabel('Waiting on').fill('Radiology');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name: 'Chase MRI report' }).waitFor({ timeout: 15_000 });
      expect(await status(page)).toContain('Waiting');
      await page.getByRole('link', { name: 'Open the pathway' }).click();
      await page.getByTestId('pathway-tasks').getByRole('link', { name: 'Chase MRI report' }).waitFor({ timeout: 15_000 });
      // The pathway's own history is there too.
      await page.getByTestId('history').getByTestId('history-entry').first().waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('history').innerText()).toContain('Created by you');

      // Two more tasks through the API; all three on the list, in the server's order.
      for (const title of ['Type clinic letter', 'Book follow-up']) {
        const res = await app.http.post('/api/secretary/tasks', { title, type: 'typing', due_date: today() }, { cookie: trainee.cookie });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
      await page.goto(`${app.url}/secretary?view=today`);
      await expect.poll(() => page.getByTestId('kit-row').count(), { timeout: 15_000 }).toBe(3);
      expect(await page.getByRole('button', { name: 'Due today' }).getAttribute('aria-pressed')).toBe('true');

      // A stale row: someone else changes one of the chosen tasks first, so nothing changes.
      await page.getByRole('checkbox', { name: /^Select all/ }).check();
      const stale = page.getByTestId('kit-row').filter({ hasText: 'Type clinic letter' });
      const staleId = (await stale.getAttribute('data-id'))!;
      const current = await app.http.get(`/api/secretary/tasks/${staleId}`, { cookie: trainee.cookie });
      const bumped = await app.http.patch(`/api/secretary/tasks/${staleId}`, { version: current.body.version, notes: 'changed elsewhere' }, { cookie: trainee.cookie });
      expect(bumped.status).toBe(200);
      await page.getByLabel('New status').selectOption('done');
      await page.getByRole('button', { name: 'Change status' }).click();
      await page.getByTestId('bulk-error').filter({ hasText: 'Nothing was changed' }).waitFor({ timeout: 15_000 });
      const after = await app.http.get('/api/secretary/tasks', { cookie: trainee.cookie });
      expect((after.body.items as { status: string }[]).filter((t) => t.status === 'done')).toHaveLength(0);

      // A chosen task deleted elsewhere: 404, nothing changes, and the list drops it from the choice.
      const gone = (await page.getByTestId('kit-row').filter({ hasText: 'Book follow-up' }).getAttribute('data-id'))!;
      expect((await app.http.delete(`/api/secretary/tasks/${gone}`, undefined, { cookie: trainee.cookie })).status).toBe(204);
      await page.getByRole('button', { name: 'Change status' }).click();
      await page.getByTestId('bulk-error').filter({ hasText: 'no longer exists' }).waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('kit-row').count(), { timeout: 15_000 }).toBe(2);
      const unchanged = await app.http.get('/api/secretary/tasks', { cookie: trainee.cookie });
      expect((unchanged.body.items as { status: string }[]).filter((t) => t.status === 'done')).toHaveLength(0);
      await page.getByRole('heading', { name: 'Change the status of 2 chosen tasks' }).waitFor();

      // Again with the latest versions: both done, and gone from "due today".
      await page.getByRole('button', { name: 'Change status' }).click();
      await page.getByTestId('kit-empty').waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'All', exact: true }).click();
      await page.waitForURL(/\/secretary$/);
      await expect.poll(() => page.getByTestId('kit-row').count(), { timeout: 15_000 }).toBe(2);
      expect(await page.getByTestId('kit-list').innerText()).not.toContain('Waiting');

      // The week's workload: two done today, as bars and as a table.
      const workload = page.getByTestId('workload');
      const todayRow = workload.locator('tbody tr', { has: page.getByRole('rowheader', { name: dayName(today()), exact: true }) });
      await expect.poll(() => todayRow.locator('td').nth(1).innerText(), { timeout: 15_000 }).toBe('2');
      expect(await todayRow.locator('td').nth(0).innerText()).toBe('0');
      await workload.getByRole('button', { name: 'Next week' }).click();
      await expect.poll(() => workload.getByRole('rowheader', { name: dayName(today()), exact: true }).count(), { timeout: 15_000 }).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('deleting a tracker row asks first, moves focus to the confirmation, and returns to the list', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app);
    const row = await app.http.post('/api/trackers/exceptions', { patient_name: 'Del Etable', fields: { reason: 'Frailty review', raised_on: today() } }, { token: user.token });
    expect(row.status).toBe(201);
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, user.email, user.password);
      await page.goto(`${app.url}/trackers/exceptions/${row.body.id}`);
      await page.getByRole('button', { name: /^Delete/ }).click();
      const confirm = page.getByRole('button', { name: 'Yes, delete it' });
      await expect.poll(() => confirm.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
      await page.getByRole('button', { name: 'Keep it' }).click();
      expect(await confirm.count()).toBe(0);
      await page.getByRole('button', { name: /^Delete/ }).click();
      await confirm.click();
      await page.waitForURL(/\/trackers\/exceptions$/);
      expect((await app.http.get(`/api/trackers/exceptions/${row.body.id}`, { token: user.token })).status).toBe(404);
    } finally {
      await context.close();
    }
  });
});
