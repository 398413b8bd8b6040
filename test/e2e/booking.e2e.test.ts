import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable, logInThroughUi } from '../helpers/browser.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import type { TestApp } from '../helpers/app.js';
import { pathwayInput } from '../helpers/ptl.js';

/** Today in England, as the server's "not after today" reads it. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const addDays = (iso: string, days: number) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const isoWeekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `2026-12-07` → `Mon 7 Dec 2026`, as the booking pages write a day. */
const dayText = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  return `${weekday} ${d} ${MONTHS[m - 1]} ${y}`;
};

/**
 * A Monday clinic's dates, worked out from the bank holidays the server publishes: `day`, the most
 * recent Monday up to today that is not a bank holiday (its appointment can be marked a DNA), and
 * `holiday`, the latest Monday bank holiday before it (so generating slots from the week before it
 * skips it by name). Monday holidays are never more than about eight months apart.
 */
async function mondayDates(app: TestApp, user: TestUser) {
  const now = today();
  const year = Number(now.slice(0, 4));
  const holidays: { date: string; name: string }[] = [];
  for (const y of [year - 1, year, year + 1]) {
    const res = await app.http.get(`/api/booking/bank-holidays?year=${y}`, { token: user.token });
    expect(res.status).toBe(200);
    holidays.push(...(res.body.dates as { date: string; name: string }[]));
  }
  const isHoliday = (iso: string) => holidays.some((h) => h.date === iso);
  let day = addDays(now, -((isoWeekday(now) + 6) % 7));
  while (isHoliday(day)) day = addDays(day, -7);
  const holiday = holidays.filter((h) => isoWeekday(h.date) === 1 && h.date < day).sort((a, b) => b.date.localeCompare(a.date))[0];
  expect(holiday, 'a Monday bank holiday in the last year').toBeDefined();
  expect(daysBetween(holiday!.date, day)).toBeLessThanOrEqual(300);
  return { day, holiday: holiday!, holidays };
}

const clockState = (page: Page) => page.getByTestId('ptl-clock-state').innerText();

describe.runIf(browserAvailable)('clinic booking in the browser', () => {
  const ctx = browserAndApp();

  it('builds a clinic template, generates slots skipping a bank holiday, books a PTL patient, marks a DNA and sees the clock nullified; undo puts it back; a cancelled date asks for a hospital cancellation', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app, { first_name: 'Cleo' });
    const { day, holiday, holidays } = await mondayDates(app, user);
    const pathway = await app.http.post(
      '/api/ptl',
      pathwayInput({ patient_name: 'Dina Dee', referral_date: addDays(day, -60), clock_start_date: addDays(day, -60), pathway_type: 'routine' }),
      { token: user.token },
    );
    expect(pathway.status, JSON.stringify(pathway.body)).toBe(201);
    const pathwayId = pathway.body.id as string;

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, app.url, user.email, user.password);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Booking' }).click();
      await page.getByRole('heading', { level: 1, name: 'Clinic booking' }).waitFor();

      // The empty state says what the area is for and offers the first step.
      const empty = page.getByTestId('booking-empty');
      await empty.waitFor({ timeout: 15_000 });
      expect(await empty.innerText()).toContain('A clinic template says when a clinic runs');
      await empty.getByRole('link', { name: 'Set up a clinic' }).click();
      await page.getByRole('heading', { level: 1, name: 'Set up a clinic' }).waitFor();

      // The template, with its capacity worked out as it is typed; too many new slots is refused beside the field.
      await page.getByLabel('Clinic name').fill('Knee clinic');
      await page.getByLabel('Specialty').selectOption('Trauma and Orthopaedics');
      await page.getByLabel('Clinician').fill('Mr A Shah');
      await page.getByLabel('Day of the week').selectOption({ label: 'Monday' });
      await page.getByLabel('Starts at').fill('09:00');
      await page.getByLabel('Ends at').fill('12:00');
      await page.getByLabel('Slot length (minutes)').fill('20');
      await page.getByLabel('New-patient slots').fill('12');
      const capacity = page.getByTestId('clinic-capacity');
      await expect.poll(() => capacity.innerText()).toContain('Capacity: 9 slots per session');
      expect(await capacity.innerText()).toContain('09:00, 09:20, 09:40');
      await page.getByLabel('From').fill(addDays(holiday.date, -14));
      await page.getByRole('button', { name: 'Save clinic' }).click();
      await expect.poll(() => page.getByLabel('New-patient slots').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByText('At most 9, the slots in a session').count()).toBe(1);
      await page.getByLabel('New-patient slots').fill('4');
      await expect.poll(() => capacity.innerText()).toContain('4 new, 5 follow-up');
      await page.getByRole('button', { name: 'Save clinic' }).click();

      await page.getByRole('heading', { level: 1, name: 'Knee clinic' }).waitFor({ timeout: 15_000 });
      const clinicUrl = new URL(page.url());
      const clinicId = clinicUrl.pathname.split('/').pop()!;
      expect(await page.getByTestId('clinic-details').innerText()).toContain('9 slots per session: 4 new, 5 follow-up');
      await page.getByTestId('sessions-empty').waitFor({ timeout: 15_000 });

      // Generate from the week before the bank holiday to two weeks after the DNA day: the holiday is skipped, by name.
      const from = addDays(holiday.date, -7);
      const to = addDays(day, 14);
      const mondays = daysBetween(from, to) / 7 + 1;
      const skippedHolidays = holidays.filter((h) => h.date >= from && h.date <= to && isoWeekday(h.date) === 1);
      await page.getByRole('button', { name: 'Generate slots' }).first().click();
      const dialog = page.getByTestId('generate-dialog');
      await dialog.getByLabel('From').fill(from);
      await dialog.getByLabel('To').fill(to);
      await dialog.getByRole('button', { name: 'Generate slots' }).click();
      const result = dialog.getByTestId('generate-result');
      await result.waitFor({ timeout: 15_000 });
      expect(await result.innerText()).toContain(`${9 * (mondays - skippedHolidays.length)} slots created`);
      const skipped = dialog.getByTestId('generate-skipped');
      await expect.poll(() => skipped.innerText(), { timeout: 15_000 }).toContain(`${dayText(holiday.date)} — bank holiday: ${holiday.name}`);
      expect(await skipped.locator('li').count()).toBe(skippedHolidays.length);
      await dialog.getByRole('button', { name: 'Done' }).click();
      await page.getByTestId('clinic-sessions').waitFor({ timeout: 15_000 });

      // The day list for the DNA day: nine free slots; "Book" on the first opens the booking flow with it chosen.
      await page.goto(`${app.url}/booking/clinics/${clinicId}/day?date=${day}`);
      await page.getByRole('heading', { level: 1, name: /Knee clinic/ }).waitFor({ timeout: 15_000 });
      await expect.poll(() => page.getByTestId('day-summary').innerText(), { timeout: 15_000 }).toBe('9 slots: 0 booked, 9 free.');
      await page.getByTestId('day-slot').first().getByRole('link', { name: /^Book/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Book an appointment' }).waitFor();
      await expect.poll(() => page.getByTestId('book-summary').innerText(), { timeout: 15_000 }).toContain('at 09:00 (new-patient slot)');
      expect(await page.getByRole('radio', { name: /^09:00/ }).isChecked()).toBe(true);

      // The patient from the PTL; booked a week before, so the date was communicated in time.
      await page.getByLabel('PTL pathway').selectOption(pathwayId);
      await page.getByLabel('Booked on').fill(addDays(day, -7));
      await page.getByRole('button', { name: 'Book appointment' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dina Dee' }).waitFor({ timeout: 15_000 });
      expect(page.url()).toMatch(/\/booking\/appointments\/[0-9a-f-]{36}\?booked=1$/);
      const appointmentUrl = page.url().replace(/\?.*$/, '');
      expect(await page.getByTestId('appointment-status').innerText()).toBe('Booked');
      await expect.poll(() => clockState(page), { timeout: 15_000 }).toBe('Running');

      // A DNA of the first appointment: the linked pathway's clock is nullified, and the page says why.
      await page.getByLabel('Did not attend (DNA)').check();
      await page.getByRole('button', { name: 'Record outcome' }).click();
      const message = page.getByTestId('appointment-message');
      await expect.poll(() => message.innerText(), { timeout: 15_000 }).toContain('Recorded: Did not attend.');
      expect(await message.innerText()).toContain('The pathway’s RTT clock is now nullified.');
      expect(await page.getByTestId('appointment-status').innerText()).toBe('Did not attend');
      expect(await clockState(page)).toBe('Nullified');
      const explanation = (await page.getByTestId('ptl-clock-explanation').innerText()).toLowerCase();
      expect(explanation).toContain('did not attend the first appointment');
      expect(explanation).toContain('nullified');
      expect(await page.getByTestId('appointment-events').innerText()).toContain('Did not attend the first appointment');

      // The week's grid and the statistics count it.
      await page.goto(`${app.url}/booking/capacity?week=${day}`);
      const cell = page.getByTestId('capacity-cell').and(page.locator(`[data-date="${day}"]`));
      await expect.poll(() => cell.innerText(), { timeout: 15_000 }).toMatch(/8 free\s+of 9/);
      await page.goto(`${app.url}/booking/stats?from=${day}&to=${day}`);
      const dnaRow = page.getByTestId('dna-chart').getByTestId('rate-row').filter({ hasText: 'Knee clinic' });
      await expect.poll(() => dnaRow.innerText(), { timeout: 15_000 }).toContain('100%');
      expect(await page.getByTestId('utilisation-chart').getByTestId('rate-row').filter({ hasText: 'Knee clinic' }).innerText()).toContain('11.1%');

      // The pathway's own page shows the same clock and the appointment.
      await page.goto(`${app.url}/ptl/${pathwayId}`);
      await page.getByRole('heading', { level: 1, name: 'Dina Dee' }).waitFor({ timeout: 15_000 });
      expect(await clockState(page)).toBe('Nullified');
      await expect.poll(() => page.getByTestId('pathway-appointments').innerText(), { timeout: 15_000 }).toContain(`${dayText(day)} at 09:00 — Did not attend`);

      // Undoing the outcome removes its events: the clock runs again.
      await page.getByTestId('pathway-appointments').getByRole('link', { name: `${dayText(day)} at 09:00` }).click();
      await page.getByRole('button', { name: 'Undo outcome' }).click();
      await expect.poll(() => message.innerText(), { timeout: 15_000 }).toContain('Outcome undone');
      expect(await page.getByTestId('appointment-status').innerText()).toBe('Booked');
      expect(await clockState(page)).toBe('Running');
      expect(await page.getByTestId('appointment-events').count()).toBe(0);

      // Cancelling the clinic on that day: the save names the patient still booked, who needs a hospital cancellation.
      await page.goto(`${app.url}/booking/clinics/${clinicId}/edit`);
      await page.getByLabel('Date to cancel').fill(day);
      await page.getByRole('button', { name: 'Add date' }).click();
      expect(await page.getByTestId('cancelled-dates').innerText()).toContain('New: free slots will be cancelled');
      await page.getByRole('button', { name: 'Save changes' }).click();
      const affected = page.getByTestId('affected-appointments');
      await affected.waitFor({ timeout: 15_000 });
      expect(await affected.innerText()).toContain('One appointment needs a hospital cancellation');
      await affected.getByRole('link', { name: 'Dina Dee' }).click();
      await page.waitForURL(`${appointmentUrl}?outcome=hospital_cancelled`);
      await expect.poll(() => page.getByLabel('Cancelled by the hospital').isChecked(), { timeout: 15_000 }).toBe(true);
      await page.getByLabel('Cancellation made on').fill(addDays(day, -1));
      await page.getByRole('button', { name: 'Record outcome' }).click();
      await expect.poll(() => page.getByTestId('appointment-status').innerText(), { timeout: 15_000 }).toBe('Cancelled by hospital');
      expect(await clockState(page)).toBe('Running');

      // The day list: the other slots are cancelled with the date, the appointment listed as cancelled.
      await page.goto(`${app.url}/booking/clinics/${clinicId}/day?date=${day}`);
      await expect.poll(() => page.getByTestId('day-summary').innerText(), { timeout: 15_000 }).toContain('8 cancelled');
      expect(await page.getByTestId('day-cancelled').innerText()).toContain('Dina Dee — Cancelled by hospital');
    } finally {
      await context.close();
    }
  }, 120_000);
});
