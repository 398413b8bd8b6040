// axe-core over the module-kit pages (trackers, secretary tasks, a pathway with its tasks and
// history), at desktop and phone width: no serious or critical violation of WCAG 2 A/AA.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';
import { pathwayInput } from '../helpers/ptl.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical WCAG 2 A/AA violations on the page as it stands. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const found = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
  )) as AxeViolation[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.runIf(browserAvailable)('accessibility of the module pages (axe-core)', () => {
  const ctx = browserAndApp();

  it('trackers, a tracker’s list, form and detail, the secretary page and a pathway page pass axe at 1280 and 390 px', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app, { first_name: 'Axe' });
    const pathway = await app.http.post('/api/ptl', pathwayInput(), { token: user.token });
    const consent = await app.http.post(
      '/api/trackers/consent',
      { patient_name: 'Jane Doe', pathway_id: pathway.body.id, fields: { procedure: 'Knee arthroscopy', form: '1', discussed_on: '2026-01-05' } },
      { token: user.token },
    );
    await app.http.post('/api/secretary/tasks', { title: 'Type clinic letter', type: 'typing', pathway_id: pathway.body.id, due_date: '2026-01-05' }, { token: user.token });
    expect([pathway.status, consent.status]).toEqual([201, 201]);

    const pages = ['/trackers', '/trackers/consent', '/trackers/consent/new', `/trackers/consent/${consent.body.id}`, '/secretary', `/ptl/${pathway.body.id}`];
    const report: string[] = [];
    for (const width of [1280, 390]) {
      // bypassCSP: the app's CSP (rightly) refuses the inline script that loads axe.
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      try {
        await logInThroughUi(page, app.url, user.email, user.password);
        for (const path of pages) {
          await page.goto(`${app.url}${path}`);
          await page.waitForLoadState('networkidle');
          await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
          for (const v of await violations(page)) report.push(`${width}px ${path}: ${v}`);
        }
      } finally {
        await context.close();
      }
    }
    expect(report).toEqual([]);
  }, 120_000);

  it('the cancer pages (list, form, pathway, dashboard) and the MDT pages (list, form, meeting, coordinator, printable list) pass axe at 1280 and 390 px', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app, { first_name: 'Axe' });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const referral = new Date(Date.parse(`${today}T00:00:00Z`) - 40 * 86_400_000).toISOString().slice(0, 10);
    const pathway = await app.http.post('/api/cancer', { patient_id: 'AXE-1', patient_name: 'Jane Doe', tumour_site: 'breast', route: 'usc', referral_received_date: referral }, { token: user.token });
    const meeting = await app.http.post('/api/mdt/meetings', { tumour_site: 'breast', meeting_date: today, attendees: [{ name: 'Erin Frost', role: 'coordinator' }] }, { token: user.token });
    expect([pathway.status, meeting.status]).toEqual([201, 201]);
    const listing = await app.http.post(
      `/api/mdt/meetings/${meeting.body.id}/patients`,
      { cancer_pathway_id: pathway.body.id, reason: 'New diagnosis', discussion: 'full', checklist: [{ item: 'Histology', ready: false }] },
      { token: user.token },
    );
    const outcome = await app.http.patch(
      `/api/mdt/meetings/${meeting.body.id}/patients/${listing.body.id}`,
      { version: listing.body.version, outcome: { recommendation: 'Surgery', intent: 'curative', planned_treatment: ['surgery'], stage_tnm: null, performance_status: 0, rediscuss: false } },
      { token: user.token },
    );
    await app.http.post(`/api/mdt/meetings/${meeting.body.id}/patients/${listing.body.id}/actions`, { description: 'Chase histology', owner: 'Erin Frost', due_date: referral }, { token: user.token });
    expect([listing.status, outcome.status]).toEqual([201, 200]);

    const pages = [
      '/cancer',
      '/cancer/new',
      `/cancer/${pathway.body.id}`,
      '/cancer/dashboard',
      '/mdt',
      '/mdt/new',
      `/mdt/${meeting.body.id}`,
      '/mdt/coordinator',
      `/mdt/${meeting.body.id}/print`,
    ];
    const report: string[] = [];
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      try {
        await logInThroughUi(page, app.url, user.email, user.password);
        for (const path of pages) {
          await page.goto(`${app.url}${path}`);
          await page.waitForLoadState('networkidle');
          await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
          for (const v of await violations(page)) report.push(`${width}px ${path}: ${v}`);
        }
      } finally {
        await context.close();
      }
    }
    expect(report).toEqual([]);
  }, 120_000);

  it('the data-quality pages (audits, an audit, a finding, the validation queue) and the RTT return pass axe at 1280 and 390 px', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app, { first_name: 'Axe' });
    // A pathway without an NHS number (a finding) and waiting long enough to be due for validation.
    const pathway = await app.http.post('/api/ptl', pathwayInput({ nhs_number: null }), { token: user.token });
    const audit = await app.http.post('/api/quality/audits', {}, { token: user.token });
    expect([pathway.status, audit.status]).toEqual([201, 201]);
    const findings = await app.http.get(`/api/quality/audits/${audit.body.id}/findings`, { token: user.token });
    expect(findings.body.items.length).toBeGreaterThan(0);

    const pages = ['/quality', `/quality/audits/${audit.body.id}`, `/quality/findings/${findings.body.items[0].id}`, '/quality/validation', '/reports'];
    const report: string[] = [];
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      try {
        await logInThroughUi(page, app.url, user.email, user.password);
        for (const path of pages) {
          await page.goto(`${app.url}${path}`);
          await page.waitForLoadState('networkidle');
          await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
          for (const v of await violations(page)) report.push(`${width}px ${path}: ${v}`);
          // Nothing wider than the phone: wide tables scroll inside their own region.
          if (width === 390) {
            const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
            if (Number(overflow) > 0) report.push(`${width}px ${path}: the page scrolls sideways by ${overflow}px`);
          }
        }
      } finally {
        await context.close();
      }
    }
    expect(report).toEqual([]);
  }, 120_000);

  it('the booking pages (clinics, template form, clinic, day list, booking, appointment, week capacity, rates) pass axe at 1280 and 390 px', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app, { first_name: 'Axe' });
    // A Monday clinic with one session of slots, one of them booked for a PTL pathway.
    const pathway = await app.http.post('/api/ptl', pathwayInput(), { token: user.token });
    const clinic = await app.http.post(
      '/api/booking/clinics',
      { name: 'Knee clinic', specialty: 'Trauma and Orthopaedics', clinician: 'Mr A Shah', weekday: 1, start_time: '09:00', end_time: '10:00', slot_minutes: 20, new_slots: 1, valid_from: '2026-01-05' },
      { token: user.token },
    );
    expect([pathway.status, clinic.status]).toEqual([201, 201]);
    const generated = await app.http.post(`/api/booking/clinics/${clinic.body.id}/slots`, { from: '2026-01-05', to: '2026-01-05' }, { token: user.token });
    const slots = await app.http.get(`/api/booking/slots?clinic_id=${clinic.body.id}`, { token: user.token });
    const appointment = await app.http.post('/api/booking/appointments', { slot_id: slots.body.items[0].id, pathway_id: pathway.body.id, booked_on: '2026-01-05' }, { token: user.token });
    expect([generated.status, appointment.status]).toEqual([201, 201]);

    const pages = [
      '/booking',
      '/booking/clinics/new',
      `/booking/clinics/${clinic.body.id}`,
      `/booking/clinics/${clinic.body.id}/day?date=2026-01-05`,
      `/booking/book?clinic_id=${clinic.body.id}&date=2026-01-05`,
      `/booking/appointments/${appointment.body.id}`,
      '/booking/capacity?week=2026-01-05',
      '/booking/stats?from=2026-01-01&to=2026-01-31',
    ];
    const report: string[] = [];
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      try {
        await logInThroughUi(page, app.url, user.email, user.password);
        for (const path of pages) {
          await page.goto(`${app.url}${path}`);
          await page.waitForLoadState('networkidle');
          await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
          for (const v of await violations(page)) report.push(`${width}px ${path}: ${v}`);
        }
      } finally {
        await context.close();
      }
    }
    expect(report).toEqual([]);
  }, 120_000);
});
