import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';

// GET /api/records/summary: the navigation's "is anything about me" signal. It must count the
// caller's own records only, whoever else's exist.
describe.each(dbTargets)('the records summary on %s', (target) => {
  let app: TestApp;
  let doctor: TestUser;
  let patient: TestUser;
  let otherPatient: TestUser;
  let trainee: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    app = await startTestApp(target);
    [doctor, patient, otherPatient, trainee, admin] = await Promise.all([
      createUser(app, { role: 'doctor' }),
      createUser(app, { role: 'patient' }),
      createUser(app, { role: 'patient' }),
      createUser(app, { role: 'trainee' }),
      createAdmin(app),
    ]);
  });
  afterAll(() => app?.close());

  const summaryOf = async (user: TestUser) => {
    const res = await app.http.get('/api/records/summary', { token: user.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { about_you: number };
  };

  const write = async (about: TestUser) => {
    const res = await app.http.post('/api/records', { patient_email: about.email, title: 'Clinic letter', notes: 'Seen in clinic.' }, { token: doctor.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };

  it('rejects the unauthenticated', async () => {
    expect((await app.http.get('/api/records/summary')).status).toBe(401);
  });

  it('counts the records about the caller, and nobody else’s', async () => {
    for (const user of [doctor, patient, otherPatient, trainee, admin]) expect(await summaryOf(user)).toEqual({ about_you: 0 });

    await write(patient);
    const second = await write(patient);
    expect(await summaryOf(patient)).toEqual({ about_you: 2 });
    // The writing doctor, another patient, a trainee and an admin learn nothing from it.
    for (const user of [doctor, otherPatient, trainee, admin]) expect(await summaryOf(user)).toEqual({ about_you: 0 });

    const removed = await app.http.delete(`/api/records/${second.id}`, undefined, { token: doctor.token });
    expect(removed.status).toBe(204);
    expect(await summaryOf(patient)).toEqual({ about_you: 1 });
  });

  it('is not read as a record id: the kit’s GET /:id still answers for real ids', async () => {
    const rec = await write(otherPatient);
    expect((await app.http.get(`/api/records/${rec.id}`, { token: otherPatient.token })).status).toBe(200);
    expect(await summaryOf(otherPatient)).toEqual({ about_you: 1 });
  });
});
