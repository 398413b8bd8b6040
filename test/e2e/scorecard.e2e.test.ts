import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { caseInput } from '../helpers/cases.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { axeViolations, sidewaysOverflow } from '../helpers/page-audit.js';
import { connectSocket } from '../helpers/sockets.js';
import { completedStation, matchedStation } from '../helpers/station.js';
import type { TestApp } from '../helpers/app.js';

const DOMAINS = ['data_gathering', 'clinical_management', 'interpersonal_skills'] as const;
type Marks = Record<(typeof DOMAINS)[number], number>;

/** A private case of the actor's with the default domains and five checklist items (test/helpers/cases.ts). */
async function actorsCase(app: TestApp, actor: TestUser): Promise<string> {
  const res = await app.http.post('/api/cases', caseInput(), { token: actor.token });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const sum = (marks: Marks): number => DOMAINS.reduce((total, d) => total + marks[d], 0);

describe.runIf(browserAvailable)('the assessment as a scorecard', () => {
  const ctx = browserAndApp();

  it('the actor’s mark sheet fits a laptop screen, keeps its validation and saves every field; the candidate’s scorecard shows it as a first attempt', async () => {
    const { browser, app } = ctx;
    const actor = await createUser(app, { first_name: 'Ada', last_name: 'Actor' });
    const candidate = await createUser(app, { first_name: 'Cal', last_name: 'Candidate' });
    const caseId = await actorsCase(app, actor);
    const { id, roomPath } = await matchedStation(app, { actor, candidate, caseId, timing: { reading_s: 600, consultation_s: 600, feedback_s: 600, warning_s: null } });
    const socket = (await connectSocket(app.url, { token: actor.token })).socket;
    const advance = async (to: 'reading' | 'consultation' | 'feedback' | 'completed') => expect(await socket.emitWithAck('session:advance', { session_id: id, to })).toMatchObject({ ok: true });

    const actorContext = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const candidateContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      expect(await socket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
      await advance('reading');
      await advance('consultation');
      await advance('feedback');

      const actorPage = await actorContext.newPage();
      await logInThroughUi(actorPage, app.url, actor.email, actor.password);
      await actorPage.goto(`${app.url}${roomPath}`);
      const sheet = actorPage.getByTestId('mark-sheet');
      await sheet.waitFor({ timeout: 15_000 });

      // Compact: the whole sheet, comments folded, is no taller than the laptop's screen.
      const height = (await sheet.boundingBox())!.height;
      expect(height).toBeLessThanOrEqual(800);
      expect(await sheet.getByLabel('Strengths').isVisible()).toBe(false);

      // Validation still holds: nothing marked is refused, each domain and the rating say so.
      await sheet.getByRole('button', { name: 'Save marks' }).click();
      await sheet.getByTestId('mark-sheet-error').waitFor();
      expect(await sheet.getByText('Mark every domain').count()).toBe(DOMAINS.length);
      expect(await sheet.getByText('Choose a global rating').count()).toBe(1);

      // Each domain is a radio group named by its legend; marks through the segmented control.
      const given: Marks = { data_gathering: 1, clinical_management: 4, interpersonal_skills: 2 };
      const domains = sheet.getByTestId('mark-domain');
      for (let i = 0; i < DOMAINS.length; i++) {
        const group = domains.nth(i);
        const name = await group.locator('legend').textContent();
        expect(await actorPage.getByRole('group', { name: name! }).count()).toBe(1);
        // A click lands on the radio itself, which covers its segment.
        await group.getByLabel(String(given[DOMAINS[i]!]), { exact: true }).click();
      }
      await sheet.getByLabel('Asks about visual symptoms').check();
      await sheet.getByLabel('Arranges urgent fundoscopy').check();
      await sheet.getByLabel('Global rating').selectOption({ label: 'Borderline' });
      // Each error went as its field was put right, before saving again.
      expect(await sheet.getByText('Mark every domain').count()).toBe(0);
      expect(await sheet.getByText('Choose a global rating').count()).toBe(0);
      await sheet.getByText('Written feedback').click();
      await sheet.getByLabel('Strengths').fill('A calm, structured history.');
      await sheet.getByLabel('Things to improve').fill('Ask about her medication.');
      await sheet.getByRole('button', { name: 'Save marks' }).click();
      await actorPage.getByTestId('marks-saved').waitFor({ timeout: 15_000 });
      expect(await sheet.getByTestId('mark-sheet-error').count()).toBe(0);

      const stored = await app.http.get(`/api/sessions/${id}/assessment`, { token: actor.token });
      expect(stored.body).toMatchObject({
        marks: given,
        checklist: { visual: true, drugs: false, plan: true, ice: false, safety: false },
        global_rating: 'borderline',
        feedback: { strengths: 'A calm, structured history.', improvements: 'Ask about her medication.' },
      });
      await advance('completed');

      // The candidate, on a phone: the numbers the actor gave, the amber badge, a first attempt.
      const candidatePage = await candidateContext.newPage();
      await logInThroughUi(candidatePage, app.url, candidate.email, candidate.password);
      await candidatePage.goto(`${app.url}/sessions/${id}/assessment`);
      await candidatePage.getByTestId('assessment-view').waitFor({ timeout: 30_000 });
      for (const d of DOMAINS) {
        expect(await candidatePage.locator(`[data-testid="score-domain"][data-domain="${d}"]`).getAttribute('data-mark')).toBe(String(given[d]));
      }
      expect((await candidatePage.getByTestId('score-total').textContent())!.replace(/\s+/g, '')).toBe(`${sum(given)}/12`);
      expect(await candidatePage.getByTestId('assessment-global-rating').getAttribute('data-tone')).toBe('borderline');
      await candidatePage.getByTestId('attempts-first').waitFor();
      expect(await sidewaysOverflow(candidatePage)).toBeLessThanOrEqual(0);
    } finally {
      socket.close();
      await Promise.all([actorContext.close(), candidateContext.close()]);
    }
  }, 90_000);

  it('after a second station with the same case: domain bars, the rating badge, met and missed items, analysis chips linked to the transcript, and the comparison with the first attempt', async () => {
    const { browser, app } = ctx;
    const actor = await createUser(app, { first_name: 'Ada', last_name: 'Actor' });
    const candidate = await createUser(app, { first_name: 'Cal', last_name: 'Candidate' });
    const caseId = await actorsCase(app, actor);

    const firstMarks: Marks = { data_gathering: 1, clinical_management: 2, interpersonal_skills: 1 };
    await completedStation(app, {
      actor,
      candidate,
      caseId,
      marks: firstMarks,
      global_rating: 'fail',
      segments: [{ speaker: 'candidate', text: 'What brings you in today?' }],
    });

    const secondMarks: Marks = { data_gathering: 3, clinical_management: 2, interpersonal_skills: 4 };
    const ticks = { visual: true, drugs: false, plan: true, ice: true, safety: false };
    const secondId = await completedStation(app, {
      actor,
      candidate,
      caseId,
      marks: secondMarks,
      global_rating: 'clear_pass',
      segments: [
        { speaker: 'candidate', text: 'Hello, my name is Dr Cal. Can you confirm your full name?' },
        { speaker: 'actor', text: 'Jane Smith.' },
        { speaker: 'candidate', text: 'Is anything in particular worrying you about the headaches?' },
        { speaker: 'actor', text: 'I am scared it is a tumour.' },
      ],
    });
    // The actor may still correct the sheet once the station is complete: here, with the checklist.
    const ticked = await app.http.put(`/api/sessions/${secondId}/assessment`, { marks: secondMarks, checklist: ticks, global_rating: 'clear_pass' }, { token: actor.token });
    expect(ticked.status, JSON.stringify(ticked.body)).toBe(200);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const actorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await logInThroughUi(page, app.url, candidate.email, candidate.password);
      await page.goto(`${app.url}/sessions/${secondId}/assessment`);
      await page.getByTestId('assessment-view').waitFor({ timeout: 30_000 });

      // Bars per domain with the submitted numbers, the total and the green badge.
      for (const d of DOMAINS) {
        const row = page.locator(`[data-testid="score-domain"][data-domain="${d}"]`);
        expect(await row.getAttribute('data-mark')).toBe(String(secondMarks[d]));
        expect((await row.textContent())!.replace(/\s+/g, ' ')).toContain(`${secondMarks[d]} / 4`);
        const fill = await row.locator('.score-bar-fill').getAttribute('style');
        expect(fill).toContain(`width: ${(secondMarks[d] / 4) * 100}%`);
      }
      expect((await page.getByTestId('score-total').textContent())!.replace(/\s+/g, '')).toBe(`${sum(secondMarks)}/12`);
      const badge = page.getByTestId('assessment-global-rating');
      expect(await badge.textContent()).toContain('Clear pass');
      expect(await badge.getAttribute('data-tone')).toBe('pass');

      // Met and missed, each said in words as well as shown.
      const items = page.getByTestId('checklist-item');
      expect(await items.count()).toBe(Object.keys(ticks).length);
      const met = await page.locator('[data-testid="checklist-item"][data-met="true"]').allTextContents();
      const missed = await page.locator('[data-testid="checklist-item"][data-met="false"]').allTextContents();
      expect(met.map((t) => t.replace(/\s+/g, ' ').trim()).sort()).toEqual(
        ['Met: Asks about visual symptoms', 'Met: Arranges urgent fundoscopy', 'Met: Explores ideas, concerns and expectations'].map((t) => `✓ ${t}`).sort(),
      );
      expect(missed.map((t) => t.replace(/\s+/g, ' ').trim()).sort()).toEqual(['✗ Missed: Takes a drug history', '✗ Missed: Safety-nets for visual loss'].sort());

      // An analysis chip quotes the candidate and links to that moment in the transcript on the page.
      const intro = page.locator('[data-testid="analysis-chip"][data-check="introduced_self"]');
      expect(await intro.getAttribute('data-tone')).toBe('good');
      expect(await intro.textContent()).toContain('Hello, my name is Dr Cal.');
      const concerns = page.locator('[data-testid="analysis-chip"][data-check="concerns"]');
      expect(await concerns.textContent()).toContain('Is anything in particular worrying you about the headaches?');
      const href = (await concerns.getByTestId('analysis-chip-link').getAttribute('href'))!;
      expect(href).toMatch(/^#t-\d+$/);
      const target = page.locator(href);
      expect(await target.getAttribute('data-testid')).toBe('transcript-line');
      expect(await target.textContent()).toContain('worrying you about the headaches');
      await concerns.getByTestId('analysis-chip-link').click();
      await expect.poll(() => page.evaluate("document.querySelector(':target')?.id ?? null")).toBe(href.slice(1));
      // …and scrolls it into view.
      await expect.poll(async () => {
        const box = (await target.boundingBox())!;
        return box.y >= 0 && box.y + box.height <= 900;
      }).toBe(true);
      expect(await page.locator('[data-testid="analysis-chip"][data-check="safety_netting"]').getAttribute('data-tone')).toBe('missing');

      // The comparison: the first attempt, then this one, with the trend in words.
      const rows = page.getByTestId('attempt-row');
      expect(await rows.count()).toBe(2);
      expect(await rows.nth(0).getAttribute('data-total')).toBe(String(sum(firstMarks)));
      expect(await rows.nth(1).getAttribute('data-total')).toBe(String(sum(secondMarks)));
      expect(await rows.nth(1).getAttribute('data-current')).toBe('true');
      const up = sum(secondMarks) - sum(firstMarks);
      expect(await page.getByTestId('attempts-trend').textContent()).toBe(`Attempt 2 at this case: ${up} marks up on last time.`);
      expect((await rows.nth(1).textContent())!).toContain('+2'); // data gathering 1 → 3

      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);

      // The actor sees the same scorecard, but not the candidate's other stations.
      const actorPage = await actorContext.newPage();
      await logInThroughUi(actorPage, app.url, actor.email, actor.password);
      await actorPage.goto(`${app.url}/sessions/${secondId}/assessment`);
      await actorPage.getByTestId('assessment-view').waitFor({ timeout: 30_000 });
      expect((await actorPage.getByTestId('score-total').textContent())!.replace(/\s+/g, '')).toBe(`${sum(secondMarks)}/12`);
      expect(await actorPage.getByTestId('assessment-attempts').count()).toBe(0);
    } finally {
      await Promise.all([context.close(), actorContext.close()]);
    }
  }, 90_000);
});
