import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser } from '../helpers/factories.js';

describe.runIf(browserAvailable)('medical records in two browsers', () => {
  const ctx = browserAndApp();

  it('a doctor writes a record and it appears on the patient’s open page without a reload; the patient has no form', async () => {
    const { browser, app } = ctx;
    const doctor = await createUser(app, { role: 'doctor', first_name: 'Dana', last_name: 'Doctor' });
    const patient = await createUser(app, { role: 'patient', first_name: 'Pat', last_name: 'Patient' });
    const doctorContext = await browser.newContext();
    const patientContext = await browser.newContext();
    const doctorPage = await doctorContext.newPage();
    const patientPage = await patientContext.newPage();
    try {
      await logInThroughUi(patientPage, app.url, patient.email, patient.password);
      await patientPage.goto(`${app.url}/records`);
      await patientPage.getByRole('heading', { level: 1, name: 'Your medical records' }).waitFor();
      await patientPage.getByText('No doctor has written a record about you yet.').waitFor({ timeout: 15_000 });
      expect(await patientPage.getByTestId('records-own-details').textContent()).toContain(patient.email);
      // Read-only: no form, no way to write.
      expect(await patientPage.locator('main form').count()).toBe(0);
      expect(await patientPage.getByRole('button', { name: 'Save record' }).count()).toBe(0);
      expect(await patientPage.getByRole('combobox').count()).toBe(0);
      // Survives only if the page is never reloaded.
      await patientPage.evaluate(() => ((globalThis as unknown as { __noReload: boolean }).__noReload = true));

      await logInThroughUi(doctorPage, app.url, doctor.email, doctor.password);
      await doctorPage.goto(`${app.url}/records`);
      await doctorPage.getByRole('heading', { level: 1, name: 'Medical records' }).waitFor();
      await doctorPage.getByText('You have not written any records yet.').waitFor({ timeout: 15_000 });
      // A doctor's first record: no earlier patients, so the box takes the new patient's email.
      await doctorPage.getByRole('combobox', { name: 'Patient' }).fill(patient.email);
      await doctorPage.getByLabel('Title', { exact: true }).fill('Asthma review');
      await doctorPage.getByLabel('Notes', { exact: true }).fill('Peak flow 450 L/min.\nContinue the brown inhaler twice a day.');
      await doctorPage.getByRole('button', { name: 'Save record' }).click();
      await doctorPage.getByText('Saved. Pat Patient can now read “Asthma review”.').waitFor({ timeout: 15_000 });
      const written = doctorPage.getByTestId('record-card').filter({ hasText: 'Asthma review' });
      await written.waitFor();
      expect(await written.textContent()).toContain('About Pat Patient');

      // The patient's open page shows it at once, with the notes as written, and still no form.
      const card = patientPage.getByTestId('record-card').filter({ hasText: 'Asthma review' });
      await card.waitFor({ timeout: 15_000 });
      expect(await card.textContent()).toContain('Written by Dr Dana Doctor');
      expect(await card.getByTestId('record-notes').innerText()).toBe('Peak flow 450 L/min.\nContinue the brown inhaler twice a day.');
      expect(await card.getByRole('button').count()).toBe(0);
      await patientPage.getByRole('status').filter({ hasText: 'Dr Dana Doctor added a medical record about you' }).first().waitFor({ timeout: 15_000 });
      expect(await patientPage.evaluate(() => (globalThis as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
      expect(await patientPage.locator('main form').count()).toBe(0);

      // An edit reaches the patient live too.
      await written.getByRole('button', { name: /^Edit/ }).click();
      await written.getByLabel('Notes', { exact: true }).fill('Peak flow 480 L/min. Well controlled.');
      await written.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => card.getByTestId('record-notes').innerText(), { timeout: 15_000 }).toBe('Peak flow 480 L/min. Well controlled.');

      // Each one's home page is their dashboard: the patient's records about them, the doctor's records written.
      await patientPage.goto(app.url);
      await patientPage.getByTestId('home-records').getByTestId('record-card').filter({ hasText: 'Asthma review' }).waitFor({ timeout: 15_000 });
      expect(await patientPage.getByTestId('home-records').getByRole('button').count()).toBe(0);
      await doctorPage.goto(app.url);
      await doctorPage.getByTestId('home-records').getByTestId('record-card').filter({ hasText: 'About Pat Patient' }).waitFor({ timeout: 15_000 });
    } finally {
      await doctorContext.close();
      await patientContext.close();
    }
  });

  it('a doctor picks a patient they wrote for before from an accessible combobox, by name, with the keyboard; another doctor’s patients are never offered', async () => {
    const { browser, app } = ctx;
    const [doctor, otherDoctor, ann, anna, stranger] = await Promise.all([
      createUser(app, { role: 'doctor', first_name: 'Dana', last_name: 'Doctor' }),
      createUser(app, { role: 'doctor' }),
      createUser(app, { role: 'patient', first_name: 'Ann', last_name: 'Able' }),
      createUser(app, { role: 'patient', first_name: 'Anna', last_name: 'Baker' }),
      createUser(app, { role: 'patient', first_name: 'Annie', last_name: 'Stranger' }),
    ]);
    const write = async (by: typeof doctor, email: string) =>
      expect((await app.http.post('/api/records', { patient_email: email, title: 'Earlier', notes: 'Seen.' }, { token: by.token })).status).toBe(201);
    // Written in this order, so Anna Baker is the most recent and listed first.
    await write(doctor, ann.email);
    await write(doctor, anna.email);
    await write(otherDoctor, stranger.email);

    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, doctor.email, doctor.password);
      await page.goto(`${app.url}/records`);
      const box = page.getByRole('combobox', { name: 'Patient' });
      await box.waitFor({ timeout: 15_000 });
      expect(await box.getAttribute('aria-expanded')).toBe('false');

      // Typing filters the list by name: both patients starting "Ann", not the other doctor's Annie.
      await box.click();
      await box.pressSequentially('ann');
      const listbox = page.getByRole('listbox');
      await listbox.waitFor();
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      expect(await box.getAttribute('aria-controls')).toBe(await listbox.getAttribute('id'));
      const options = listbox.getByRole('option');
      await expect.poll(() => options.allInnerTexts()).toEqual([
        expect.stringMatching(/^Anna Baker\s+1 record, the last on \d{1,2} \w{3} \d{4}$/),
        expect.stringMatching(/^Ann Able\s+1 record/),
      ]);

      // The arrow keys move the highlight (aria-activedescendant names it); Enter picks it.
      await box.press('ArrowDown');
      const highlighted = await box.getAttribute('aria-activedescendant');
      expect(highlighted).toBeTruthy();
      expect(await page.locator(`[id="${highlighted}"]`).innerText()).toContain('Ann Able');
      await box.press('Enter');
      await expect.poll(() => box.inputValue()).toBe('Ann Able');
      await expect.poll(() => listbox.count()).toBe(0);

      // Enter in the closed box sends the form as usual.
      await page.getByLabel('Title', { exact: true }).fill('Follow-up');
      await page.getByLabel('Notes', { exact: true }).fill('Better.');
      await page.getByRole('button', { name: 'Save record' }).click();
      await page.getByText('Saved. Ann Able can now read “Follow-up”.').waitFor({ timeout: 15_000 });
      await page.getByTestId('record-card').filter({ hasText: 'Follow-up' }).filter({ hasText: 'About Ann Able' }).waitFor();

      // Ann is now the most recently written for: first in the list, with two records.
      await box.fill('');
      await box.pressSequentially('a');
      await expect.poll(() => options.allInnerTexts()).toEqual([
        expect.stringMatching(/^Ann Able\s+2 records/),
        expect.stringMatching(/^Anna Baker\s+1 record/),
      ]);
      // The other doctor's patient is never offered, whatever is typed.
      await box.fill('');
      await box.pressSequentially('annie');
      await expect.poll(() => listbox.count()).toBe(0);
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      await box.press('Escape');
    } finally {
      await context.close();
    }
  });
});
