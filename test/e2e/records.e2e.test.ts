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
      expect(await patientPage.getByLabel('Patient’s email').count()).toBe(0);
      // Survives only if the page is never reloaded.
      await patientPage.evaluate(() => ((globalThis as unknown as { __noReload: boolean }).__noReload = true));

      await logInThroughUi(doctorPage, app.url, doctor.email, doctor.password);
      await doctorPage.goto(`${app.url}/records`);
      await doctorPage.getByRole('heading', { level: 1, name: 'Medical records' }).waitFor();
      await doctorPage.getByText('You have not written any records yet.').waitFor({ timeout: 15_000 });
      await doctorPage.getByLabel('Patient’s email').fill(patient.email);
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
});
