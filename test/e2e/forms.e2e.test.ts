import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';

/** The message shown under a field (FieldShell's `<id>-error`), or null when there is none. */
async function errorOf(page: Page, id: string): Promise<string | null> {
  const message = page.locator(`[id="${id}-error"]`);
  return (await message.count()) ? message.innerText() : null;
}

async function invalid(page: Page, id: string): Promise<string | null> {
  return page.locator(`[id="${id}"]`).getAttribute('aria-invalid');
}

describe.runIf(browserAvailable)('a field’s error clears once it is fixed', () => {
  const ctx = browserAndApp();

  it('on the sign-up form: each message is checked again as its field is edited, and goes when the answer is right', async () => {
    const { browser, app } = ctx;
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}/register`);
      await page.getByRole('heading', { level: 1, name: 'Create an account' }).waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Create account' }).click();

      await expect.poll(() => errorOf(page, 'email')).not.toBeNull();
      const passwordMessage = await errorOf(page, 'password');
      expect(passwordMessage).not.toBeNull();
      expect(await errorOf(page, 'first_name')).not.toBeNull();
      expect(await invalid(page, 'email')).toBe('true');

      // Still wrong while it is half typed: the message stays (judged again, not just hidden)...
      await page.getByLabel('Email').pressSequentially('ada@');
      expect(await errorOf(page, 'email')).not.toBeNull();
      expect(await invalid(page, 'email')).toBe('true');
      // ...and goes the moment the address is whole, without sending the form again.
      await page.getByLabel('Email').pressSequentially('example.com');
      await expect.poll(() => errorOf(page, 'email')).toBeNull();
      expect(await invalid(page, 'email')).toBeNull();
      // The fields not touched keep theirs.
      expect(await errorOf(page, 'password')).toBe(passwordMessage);
      expect(await errorOf(page, 'first_name')).not.toBeNull();

      await page.getByLabel('Password').fill('short');
      expect(await errorOf(page, 'password')).toBe(passwordMessage);
      await page.getByLabel('Password').fill('a long enough password');
      await expect.poll(() => errorOf(page, 'password')).toBeNull();

      await page.getByLabel('First name').fill('Ada');
      await expect.poll(() => errorOf(page, 'first_name')).toBeNull();
      await page.getByLabel('Training level').selectOption({ index: 1 });
      await expect.poll(() => errorOf(page, 'training_level')).toBeNull();
      // The last name was never fixed, so its message is the one left.
      expect(await errorOf(page, 'last_name')).not.toBeNull();
      expect(await page.locator('.field-error').count()).toBe(1);

      // A field that had no message is not told off while it is being typed in.
      await page.getByLabel('Email').fill('x');
      expect(await errorOf(page, 'email')).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('on the record form: the server’s message about a field goes as soon as the field changes', async () => {
    const { browser, app } = ctx;
    const doctor = await createUser(app, { role: 'doctor' });
    const trainee = await createUser(app, { role: 'trainee' });
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, doctor.email, doctor.password);
      await page.goto(`${app.url}/records`);
      const box = page.getByRole('combobox', { name: 'Patient' });
      await box.waitFor({ timeout: 15_000 });
      // A trainee's address passes the browser's check; only the server knows it is not a patient's.
      await box.fill(trainee.email);
      await page.getByLabel('Title', { exact: true }).fill('Review');
      await page.getByLabel('Notes', { exact: true }).fill('Seen.');
      await page.getByRole('button', { name: 'Save record' }).click();
      await expect.poll(() => errorOf(page, 'record-patient'), { timeout: 15_000 }).toBe('No patient account with that email');
      expect(await box.getAttribute('aria-invalid')).toBe('true');

      await box.press('End');
      await box.press('Backspace');
      await expect.poll(() => errorOf(page, 'record-patient')).toBeNull();
      expect(await box.getAttribute('aria-invalid')).toBeNull();
    } finally {
      await context.close();
    }
  });

  it('a toast never covers the focused control or a submit button, on a laptop or a phone, and can be dismissed', async () => {
    const { browser, app } = ctx;
    const doctor = await createUser(app, { role: 'doctor', first_name: 'Dana', last_name: 'Doctor' });
    const patient = await createUser(app, { role: 'patient' });
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 700 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      try {
        await logInThroughUi(page, app.url, patient.email, patient.password);
        await page.goto(`${app.url}/profile`);
        const firstName = page.getByLabel('First name');
        await firstName.waitFor({ timeout: 15_000 });
        await firstName.focus();
        // The field right at the top of the window, where a toast comes in: it must make way.
        await firstName.evaluate((el) => el.scrollIntoView({ block: 'start' }));

        const sent = await app.http.post('/api/records', { patient_email: patient.email, title: 'Letter', notes: 'Seen.' }, { token: doctor.token });
        expect(sent.status).toBe(201);
        const toast = page.getByTestId('toast').filter({ hasText: 'Dr Dana Doctor added a medical record about you' });
        await toast.waitFor({ timeout: 15_000 });

        // In the page (a string: the test's own types know no DOM): the guarded elements the toasts overlap.
        const overlaps = (await page.evaluate(`(() => {
          const stack = document.querySelector('.toasts').getBoundingClientRect();
          const guarded = [document.activeElement, ...document.querySelectorAll('button[type="submit"]')].filter((el) => el && el !== document.body);
          return guarded
            .map((el) => ({ el: el.outerHTML.slice(0, 80), r: el.getBoundingClientRect() }))
            .filter(({ r }) => r.width > 0 && r.left < stack.right && r.right > stack.left && r.top < stack.bottom && r.bottom > stack.top)
            .map(({ el }) => el);
        })()`)) as string[];
        expect(overlaps, `${viewport.width} px`).toEqual([]);
        expect(await page.evaluate('document.activeElement.id')).toBe('first_name');
        // Within the window, and dismissible.
        const box = (await toast.boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
        await toast.getByRole('button', { name: 'Dismiss notification' }).click();
        await expect.poll(() => toast.count()).toBe(0);
        expect(await page.getByRole('status').filter({ has: page.getByTestId('toast') }).count()).toBe(0);
      } finally {
        await context.close();
      }
    }
  });
});
