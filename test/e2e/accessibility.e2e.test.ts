// axe-core over the app's pages at desktop and phone width: no serious or critical violation of WCAG 2
// A/AA, and at phone width no page that scrolls sideways.
import { describe, expect, it } from 'vitest';
import { browserAndApp, browserAvailable } from '../helpers/browser.js';
import { createAdmin, createUser } from '../helpers/factories.js';
import { auditPages } from '../helpers/page-audit.js';
import { pathwayInput } from '../helpers/ptl.js';

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
    expect(await auditPages({ browser, baseUrl: app.url, user, paths: pages })).toEqual([]);
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
    expect(await auditPages({ browser, baseUrl: app.url, user, paths: pages })).toEqual([]);
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
    expect(await auditPages({ browser, baseUrl: app.url, user, paths: pages })).toEqual([]);
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
    expect(await auditPages({ browser, baseUrl: app.url, user, paths: pages })).toEqual([]);
  }, 120_000);
});

// Every main page of every role, as its users reach it: axe clean, and at phone width no page
// scrolls sideways (wide content scrolls inside its own box). The room and the assessment need a
// station and are held by their own suites (room-layout, scorecard).
describe.runIf(browserAvailable)('the main pages, for every role (axe-core and phone width)', () => {
  const ctx = browserAndApp();

  it('a visitor’s pages: the landing page, the board, log in, create an account, reset a password', async () => {
    const { browser, app } = ctx;
    const paths = ['/', '/sessions', '/login', '/register', '/forgot-password'];
    expect(await auditPages({ browser, baseUrl: app.url, paths })).toEqual([]);
  }, 120_000);

  it('a trainee’s pages: dashboard, board, own sessions, publishing, cases, PTL, portfolio, profile', async () => {
    const { browser, app } = ctx;
    const user = await createUser(app, { first_name: 'Axe' });
    const { rows } = await app.db.query<{ id: string }>('select id from public.cases where owner_id is null order by case_name limit 1');
    const pathway = await app.http.post('/api/ptl', pathwayInput(), { token: user.token });
    expect(pathway.status).toBe(201);
    const paths = [
      '/',
      '/sessions',
      '/sessions/mine',
      '/sessions/new',
      '/cases',
      `/cases/${rows[0]!.id}`,
      '/cases/new',
      '/ptl',
      '/ptl/new',
      '/ptl/import',
      '/portfolio',
      '/profile',
    ];
    expect(await auditPages({ browser, baseUrl: app.url, user, paths })).toEqual([]);
  }, 180_000);

  it('a doctor’s and a patient’s records, and the admin monitor', async () => {
    const { browser, app } = ctx;
    const doctor = await createUser(app, { role: 'doctor', first_name: 'Axe' });
    const patient = await createUser(app, { role: 'patient', first_name: 'Pat' });
    const shared = await app.http.post('/api/records', { patient_email: patient.email, title: 'Clinic letter', notes: 'Seen in clinic.' }, { token: doctor.token });
    expect(shared.status).toBe(201);
    const admin = await createAdmin(app);
    const trainee = await createUser(app, { first_name: 'Tess' });
    const report = [
      ...(await auditPages({ browser, baseUrl: app.url, user: doctor, paths: ['/', '/records'] })),
      ...(await auditPages({ browser, baseUrl: app.url, user: patient, paths: ['/', '/records', '/profile'] })),
      ...(await auditPages({ browser, baseUrl: app.url, user: admin, paths: ['/admin', `/admin/trainees/${trainee.id}`] })),
    ];
    expect(report).toEqual([]);
  }, 180_000);
});
