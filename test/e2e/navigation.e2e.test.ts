import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';
import { matchedStation, sharedCase } from '../helpers/station.js';

/** The names of the main navigation's links, in order. */
async function navLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.waitFor({ timeout: 15_000 });
  return (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
}

async function signedIn(browser: Browser, baseUrl: string, user: TestUser, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await logInThroughUi(page, baseUrl, user.email, user.password);
  return { context, page };
}

const TRAINEE_AREAS = ['Sessions', 'Case library', 'Portfolio', 'PTL', 'Cancer', 'MDT', 'Booking', 'Secretary', 'Data quality', 'RTT return', 'Trackers'];

describe.runIf(browserAvailable)('the landing page, role-aware navigation and the dashboard', () => {
  const ctx = browserAndApp();

  it('a visitor at / sees what the product is, the open sessions of the live board, and the way to sign up or log in', async () => {
    const { browser, app } = ctx;
    const host = await createUser(app, { first_name: 'Hana', last_name: 'Okafor' });
    const published = await app.http.post(
      '/api/sessions',
      { datetime_utc: new Date(Date.now() + 2 * 3_600_000).toISOString(), host_role: 'actor', preset: 'plab2' },
      { token: host.token },
    );
    expect(published.status, JSON.stringify(published.body)).toBe(201);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}/`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/Practise clinical stations in pairs/);
      // No app navigation for a visitor: the landing page has its own header.
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      const board = page.getByTestId('landing-board');
      await expect.poll(() => board.textContent(), { timeout: 15_000 }).toContain('Hana Okafor');
      expect(await board.textContent()).toMatch(/PLAB 2/);
      // What fits above the fold on a laptop: the pitch, the board and both ways in.
      const signUp = page.getByRole('main').getByRole('link', { name: 'Create an account' });
      expect((await signUp.boundingBox())!.y).toBeLessThan(900);
      await signUp.click();
      await page.waitForURL(/\/register$/);
      await page.goto(`${app.url}/`);
      await page.getByRole('main').getByRole('link', { name: 'Log in' }).click();
      await page.waitForURL(/\/login$/);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('each role sees its own areas and nothing unbuilt: a patient Records and Profile, a trainee no Records unless one is about them, a doctor Records too, an admin the monitor', async () => {
    const { browser, app } = ctx;
    const patient = await createUser(app, { role: 'patient', first_name: 'Pat' });
    const trainee = await createUser(app, { first_name: 'Tess' });
    const doctor = await createUser(app, { role: 'doctor', first_name: 'Dev' });
    const admin = await createAdmin(app);

    const seen: Record<string, string[]> = {};
    for (const [role, user] of Object.entries({ patient, trainee, doctor, admin })) {
      const { context, page } = await signedIn(browser, app.url, user);
      try {
        seen[role] = await navLinks(page);
        // Every link leads to a page that works: a heading of its own, no placeholder.
        for (const name of seen[role]!) {
          await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
          await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
          expect(await page.locator('main').textContent(), `${role} → ${name}`).not.toMatch(/being built|coming soon/i);
        }
      } finally {
        await context.close();
      }
    }
    expect(seen.patient).toEqual(['Records', 'Profile']);
    expect(seen.trainee).toEqual([...TRAINEE_AREAS, 'Profile']);
    expect(seen.doctor).toEqual([...TRAINEE_AREAS, 'Records', 'Profile']);
    expect(seen.admin).toEqual([...TRAINEE_AREAS, 'Admin', 'Profile']);

    // Records are written about patient accounts, so a trainee has one only when their account was a
    // patient's first (an operator changes roles); the entry appears then, from the data, not the role.
    const former = await createUser(app, { role: 'patient', first_name: 'Former' });
    const record = await app.http.post('/api/records', { patient_email: former.email, title: 'Occupational health', notes: 'Fit to work.' }, { token: doctor.token });
    expect(record.status, JSON.stringify(record.body)).toBe(201);
    await app.db.query("update public.accounts set role = 'trainee' where id = $1", [former.id]);
    const { context, page } = await signedIn(browser, app.url, former);
    try {
      await expect.poll(() => navLinks(page), { timeout: 15_000 }).toEqual([...TRAINEE_AREAS, 'Records', 'Profile']);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Records', exact: true }).click();
      await expect.poll(() => page.locator('main').textContent(), { timeout: 15_000 }).toContain('Occupational health');
    } finally {
      await context.close();
    }
  }, 180_000);

  it('the dashboard leads with the next session: the partner, a countdown and a live Join room; My sessions has Join too, and a later session says when its room opens', async () => {
    const { browser, app } = ctx;
    const actor = await createUser(app, { first_name: 'Ada', last_name: 'Actor' });
    const candidate = await createUser(app, { first_name: 'Cal', last_name: 'Candidate' });
    const { id: soonId, roomPath } = await matchedStation(app, { actor, candidate, caseId: (await sharedCase(app)).id });
    // A second, later session: its room is not open yet.
    const later = await app.http.post(
      '/api/sessions',
      { datetime_utc: new Date(Date.now() + 2 * 86_400_000).toISOString(), host_role: 'candidate', preset: 'plab2' },
      { token: candidate.token },
    );
    expect(later.status).toBe(201);

    for (const width of [1280, 390]) {
      const { context, page } = await signedIn(browser, app.url, candidate, width);
      try {
        const next = page.getByTestId('next-session');
        await expect.poll(() => next.textContent(), { timeout: 15_000 }).toContain('Ada Actor');
        expect(await next.textContent()).toMatch(/Starts in\s*[45]:\d\d/);
        const join = next.getByRole('link', { name: 'Join room' });
        expect(await join.getAttribute('href')).toBe(roomPath);
        // The primary action sits on the first screen, also on a phone.
        expect((await join.boundingBox())!.y).toBeLessThan(900);

        await page.goto(`${app.url}/sessions/mine`);
        const soon = page.locator(`[data-session-id="${soonId}"]`);
        await soon.getByRole('link', { name: 'Join room' }).waitFor({ timeout: 15_000 });
        const laterCard = page.locator(`[data-session-id="${later.body.id}"]`);
        const waiting = laterCard.getByRole('button', { name: 'Join room' });
        expect(await waiting.isDisabled()).toBe(true);
        expect(await laterCard.textContent()).toMatch(/Opens /);
      } finally {
        await context.close();
      }
    }
  }, 120_000);

  it('the board’s cards show the timing and durations, when in words, and Sign up; on a phone the filters fold behind a button', async () => {
    const { browser, app } = ctx;
    const host = await createUser(app, { first_name: 'Bo', last_name: 'Host' });
    const guest = await createUser(app, { first_name: 'Gil', last_name: 'Guest' });
    const published = await app.http.post(
      '/api/sessions',
      { datetime_utc: new Date(Date.now() + 3 * 60_000 + 30_000).toISOString(), host_role: 'actor', preset: 'custom', timing: { reading_s: 60, consultation_s: 420, feedback_s: 180, warning_s: 60 } },
      { token: host.token },
    );
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    const id = published.body.id as string;

    const { context, page } = await signedIn(browser, app.url, guest, 390);
    try {
      await page.goto(`${app.url}/sessions`);
      const card = page.locator(`[data-testid="session-card"][data-session-id="${id}"]`);
      await card.waitFor({ timeout: 15_000 });
      expect(await card.getByTestId('session-relative').textContent()).toMatch(/^in [34] min$/);
      const durations = await card.getByTestId('session-durations').textContent();
      expect(durations).toMatch(/Reading\s*1 min/);
      expect(durations).toMatch(/Consultation\s*7 min/);
      expect(durations).toMatch(/Feedback\s*3 min/);

      // Folded on a phone; the button opens them.
      const toggle = page.getByTestId('filters-toggle');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByLabel('Clinical domain').isVisible()).toBe(false);
      await toggle.click();
      expect(await page.getByLabel('Clinical domain').isVisible()).toBe(true);

      await card.getByRole('button', { name: 'Sign up as the candidate' }).click();
      await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('You are signed up as the candidate');
      const stored = await app.db.query<{ guest_id: string }>('select guest_id from public.practice_sessions where id = $1', [id]);
      expect(stored.rows[0]!.guest_id).toBe(guest.id);
    } finally {
      await context.close();
    }
  }, 60_000);
});
