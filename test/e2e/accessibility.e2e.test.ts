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
});
