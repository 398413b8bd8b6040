import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';

describe.runIf(browserAvailable)('the case library in the browser', () => {
  const ctx = browserAndApp();

  it('a trainee writes a private case, finds it in the library and reads it; shared briefs stay closed', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app);
    const page = await browser.newPage();
    try {
      await logInThroughUi(page, app.url, user.email, user.password);
      await page.goto(`${app.url}/cases`);
      await page.getByRole('heading', { level: 1, name: 'Case library' }).waitFor();
      const shared = page.locator('[data-testid="case-card"][data-shared="true"]');
      await shared.first().waitFor({ timeout: 15_000 });
      expect(await shared.first().getByRole('link').count()).toBe(0);
      expect(await page.content()).not.toContain('opening_line');

      await page.getByRole('link', { name: 'Write a case' }).click();
      await page.getByRole('heading', { level: 1, name: 'Write a case' }).waitFor();
      await page.getByLabel('Case name').fill('Palpitations in a runner');
      await page.getByLabel('Internal reference').fill('HX-CARD-T1 SVT');
      await page.getByLabel('Category').selectOption('history_taking');
      await page.getByLabel('Clinical domain').selectOption('cardiology');
      await page.getByLabel('Condition').fill('Supraventricular tachycardia');
      await page.getByLabel('Setting').fill('GP surgery');
      await page.getByLabel('Task').fill('Take a history from this patient.');
      await page.getByLabel('Role', { exact: true }).fill('Patient, 24-year-old runner');
      await page.getByLabel('Opening line').fill('My heart keeps racing out of nowhere.');
      await page.getByLabel('Persona').fill('Fit and worried about stopping training.');
      await page.getByLabel('Fact 1 Text').fill('Episodes start and stop suddenly');
      await page.getByRole('button', { name: 'Add a fact' }).click();
      await page.getByLabel('Fact 2 Text').fill('Drinks four energy drinks a day');
      await page.getByRole('group', { name: 'Fact 2 Disclosure' }).getByLabel('Only if asked').check();
      await page.getByLabel('Ideas').fill('Thinks it is anxiety.');
      await page.getByLabel('Concerns').fill('Worried about a heart attack like her uncle.');
      await page.getByLabel('Expectations').fill('Wants to know if she can race next month.');
      await page.getByRole('button', { name: 'Save case' }).click();

      await page.getByRole('heading', { level: 1, name: 'Palpitations in a runner' }).waitFor({ timeout: 15_000 });
      const facts = page.getByTestId('case-fact');
      expect(await facts.count()).toBe(2);
      expect(await facts.nth(1).textContent()).toContain('Only if asked');

      await page.goto(`${app.url}/cases?source=mine`);
      const mine = page.getByTestId('case-card').filter({ hasText: 'Palpitations in a runner' });
      await mine.waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('case-card').count()).toBe(1);
      await mine.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: 'Palpitations in a runner' }).waitFor();
    } finally {
      await page.close();
    }
  });
});
