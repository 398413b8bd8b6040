import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MedicalRecord } from '../../server/src/contract/records.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, uniqueEmail, type TestUser } from '../helpers/factories.js';
import { connectSocket, nextEvent, record, roundTrip, type ClientSocket } from '../helpers/sockets.js';
import { expectSqlError } from '../helpers/sql.js';
import { listPatientsOf } from '../../server/src/domains/records/repo.js';

describe.each(dbTargets)('medical records on %s', (target) => {
  let app: TestApp;
  let doctor: TestUser;
  let otherDoctor: TestUser;
  let patient: TestUser;
  let otherPatient: TestUser;
  let trainee: TestUser;
  let admin: TestUser;
  const open: ClientSocket[] = [];

  beforeAll(async () => {
    app = await startTestApp(target);
    [doctor, otherDoctor, patient, otherPatient, trainee, admin] = await Promise.all([
      createUser(app, { role: 'doctor', first_name: 'Dana', last_name: 'Doctor' }),
      createUser(app, { role: 'doctor', first_name: 'Otto', last_name: 'Other' }),
      createUser(app, { role: 'patient', first_name: 'Pat', last_name: 'Patient' }),
      createUser(app, { role: 'patient' }),
      createUser(app, { role: 'trainee' }),
      createAdmin(app),
    ]);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  const write = async (by: TestUser = doctor, overrides: Record<string, unknown> = {}) => {
    const body = { patient_email: patient.email, title: `Review ${randomUUID().slice(0, 8)}`, notes: 'BP 128/82.\nContinue ramipril 5 mg.', ...overrides };
    const res = await app.http.post('/api/records', body, { token: by.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as MedicalRecord;
  };

  it('rejects the unauthenticated on every route', async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ['GET', '/api/records'],
      ['GET', '/api/records/patients'],
      ['POST', '/api/records'],
      ['GET', `/api/records/${id}`],
      ['PATCH', `/api/records/${id}`],
      ['DELETE', `/api/records/${id}`],
    ] as const) {
      expect((await app.http.request(method, path, method === 'GET' ? undefined : {})).status, `${method} ${path}`).toBe(401);
    }
  });

  it('another doctor gets 404 for a record on every route and never sees it listed', async () => {
    const rec = await write();
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { version: rec.version, title: 'Stolen' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await app.http.request(method, `/api/records/${rec.id}`, payload, { token: otherDoctor.token });
      expect(res.status, method).toBe(404);
    }
    const listed = await app.http.get('/api/records', { token: otherDoctor.token });
    expect(listed.status).toBe(200);
    expect(listed.text).not.toContain(rec.id);
    expect((await app.http.get(`/api/records/${rec.id}`, { token: doctor.token })).body.title).toBe(rec.title);
  });

  it('a doctor creates a record by the patient’s email (any case) and by their account id', async () => {
    const byEmail = await write(doctor, { patient_email: `  ${patient.email.toUpperCase()} ` });
    expect(byEmail).toMatchObject({
      version: 1,
      doctor: { id: doctor.id, first_name: 'Dana', last_name: 'Doctor' },
      patient: { id: patient.id, first_name: 'Pat', last_name: 'Patient' },
      notes: 'BP 128/82.\nContinue ramipril 5 mg.',
    });
    expect(Object.keys(byEmail).sort()).toEqual(['created_at', 'doctor', 'id', 'notes', 'patient', 'title', 'updated_at', 'version']);
    expect(Object.keys(byEmail.patient).sort()).toEqual(['first_name', 'id', 'last_name']);
    // JSON leaves out the undefined patient_email, so only patient_id names the patient.
    const byId = await write(doctor, { patient_email: undefined, patient_id: otherPatient.id, title: '  Trimmed title  ' });
    expect(byId.title).toBe('Trimmed title');
    expect(byId.patient.id).toBe(otherPatient.id);
  });

  it('a name that is not a patient account gets the same clear 400, whether or not some account has it', async () => {
    const answers = [];
    for (const named of [
      { patient_email: trainee.email },
      { patient_email: otherDoctor.email },
      { patient_email: admin.email },
      { patient_email: uniqueEmail('nobody') },
    ]) {
      const res = await app.http.post('/api/records', { ...named, title: 'T', notes: 'N' }, { token: doctor.token });
      expect(res.status).toBe(400);
      answers.push(res.body);
    }
    for (const body of answers) expect(body).toEqual(answers[0]);
    expect(answers[0].error).toMatchObject({ code: 'validation_failed', message: 'No patient account with that email' });
    expect(answers[0].error.details).toEqual([{ path: 'patient_email', message: 'No patient account with that email' }]);

    const byIds = [];
    for (const id of [trainee.id, doctor.id, randomUUID()]) {
      const res = await app.http.post('/api/records', { patient_id: id, title: 'T', notes: 'N' }, { token: doctor.token });
      expect(res.status).toBe(400);
      byIds.push(res.body);
    }
    for (const body of byIds) expect(body).toEqual(byIds[0]);
    expect(byIds[0].error.message).toBe('No patient account with that id');
  });

  it('validates the body: exactly one of patient_email and patient_id, title and notes within limits, no unknown fields', async () => {
    const post = (body: unknown) => app.http.post('/api/records', body, { token: doctor.token });
    const paths = async (body: unknown) => {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      return (res.body.error.details as { path: string }[]).map((d) => d.path);
    };
    expect(await paths({ title: 'T', notes: 'N' })).toEqual(['patient_email']);
    expect(await paths({ patient_email: patient.email, patient_id: patient.id, title: 'T', notes: 'N' })).toEqual(['patient_id']);
    expect(await paths({ patient_email: patient.email, title: '   ', notes: 'N' })).toEqual(['title']);
    expect(await paths({ patient_email: patient.email, title: 'x'.repeat(201), notes: 'N' })).toEqual(['title']);
    expect(await paths({ patient_email: patient.email, title: 'T', notes: ' \n ' })).toEqual(['notes']);
    expect(await paths({ patient_email: patient.email, title: 'T', notes: 'x'.repeat(20_001) })).toEqual(['notes']);
    expect(await paths({ patient_email: patient.email, title: 'T', notes: 'N', doctor_id: otherDoctor.id })).toEqual(['doctor_id']);
    expect((await post({ patient_email: patient.email, title: 'x'.repeat(200), notes: 'x'.repeat(20_000) })).status).toBe(201);
  });

  it('patients, trainees and admins cannot create records (403 with a clear message)', async () => {
    for (const user of [patient, trainee, admin]) {
      const res = await app.http.post('/api/records', { patient_email: otherPatient.email, title: 'T', notes: 'N' }, { token: user.token });
      expect(res.status, user.role).toBe(403);
      expect(res.body.error).toMatchObject({ code: 'forbidden', message: 'Only doctors can create medical records' });
    }
  });

  it('the patient reads every record about them, read-only; the doctor reads what they wrote; a third account sees nothing', async () => {
    const mine = await write(doctor);
    const fromOther = await write(otherDoctor);
    const aboutOther = await write(doctor, { patient_email: otherPatient.email });

    const patientList = await app.http.get('/api/records?limit=500', { token: patient.token });
    expect(patientList.status).toBe(200);
    const patientIds = (patientList.body.items as MedicalRecord[]).map((r) => r.id);
    expect(patientIds).toEqual(expect.arrayContaining([mine.id, fromOther.id]));
    expect(patientIds).not.toContain(aboutOther.id);
    expect((await app.http.get(`/api/records/${fromOther.id}`, { token: patient.token })).body).toEqual(fromOther);

    const doctorIds = ((await app.http.get('/api/records?limit=500', { token: doctor.token })).body.items as MedicalRecord[]).map((r) => r.id);
    expect(doctorIds).toEqual(expect.arrayContaining([mine.id, aboutOther.id]));
    expect(doctorIds).not.toContain(fromOther.id);

    const patch = await app.http.patch(`/api/records/${mine.id}`, { version: mine.version, notes: 'Edited by the patient' }, { token: patient.token });
    expect(patch.status).toBe(403);
    expect((await app.http.delete(`/api/records/${mine.id}`, undefined, { token: patient.token })).status).toBe(403);
    expect((await app.http.get(`/api/records/${mine.id}`, { token: patient.token })).body.notes).toBe(mine.notes);

    for (const third of [trainee, admin, otherPatient]) {
      const listed = await app.http.get('/api/records?limit=500', { token: third.token });
      expect(listed.text, third.role).not.toContain(mine.id);
      expect((await app.http.get(`/api/records/${mine.id}`, { token: third.token })).status, third.role).toBe(404);
    }
    expect((await app.http.get('/api/records', { token: trainee.token })).body).toEqual({ items: [], next_cursor: null });
  });

  it('lists the doctor’s earlier patients for the record form, most recently written for first, by name and never by email', async () => {
    const [writer, first, second] = await Promise.all([
      createUser(app, { role: 'doctor' }),
      createUser(app, { role: 'patient', first_name: 'Ada', last_name: 'First' }),
      createUser(app, { role: 'patient', first_name: 'Bea', last_name: 'Second' }),
    ]);
    expect((await app.http.get('/api/records/patients', { token: writer.token })).body).toEqual({ items: [] });
    await write(writer, { patient_email: first.email });
    await write(writer, { patient_email: second.email });
    const latest = await write(writer, { patient_email: first.email });

    const res = await app.http.get('/api/records/patients', { token: writer.token });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: first.id, first_name: 'Ada', last_name: 'First', records: 2, last_written_at: latest.created_at },
      { id: second.id, first_name: 'Bea', last_name: 'Second', records: 1, last_written_at: expect.any(String) },
    ]);
    expect(res.text).not.toContain(first.email);
    expect(res.text).not.toContain(second.email);
  });

  it('another doctor sees none of a doctor’s patients, only their own; other roles have no patients to ask about (403)', async () => {
    const [writer, colleague, shared, onlyWriters] = await Promise.all([
      createUser(app, { role: 'doctor' }),
      createUser(app, { role: 'doctor' }),
      createUser(app, { role: 'patient' }),
      createUser(app, { role: 'patient' }),
    ]);
    await write(writer, { patient_email: shared.email });
    await write(writer, { patient_email: onlyWriters.email });
    const ids = async (user: TestUser) =>
      ((await app.http.get('/api/records/patients', { token: user.token })).body.items as { id: string }[]).map((p) => p.id);
    expect(await ids(colleague)).toEqual([]);
    // The colleague writes for one of the same patients: that patient is theirs to pick now, the other still is not.
    await write(colleague, { patient_email: shared.email });
    expect(await ids(colleague)).toEqual([shared.id]);
    expect((await ids(writer)).sort()).toEqual([shared.id, onlyWriters.id].sort());

    for (const user of [patient, trainee, admin]) {
      const res = await app.http.get('/api/records/patients', { token: user.token });
      expect(res.status, user.role).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });

  it('lists newest first, page by page with an opaque cursor', async () => {
    const d = await createUser(app, { role: 'doctor' });
    const made: MedicalRecord[] = [];
    for (let i = 0; i < 5; i++) made.push(await write(d, { title: `Visit ${i}` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: MedicalRecord[]; next_cursor: string | null } } = await app.http.get(
        `/api/records?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { token: d.token },
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((r) => r.title));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(['Visit 4', 'Visit 3', 'Visit 2', 'Visit 1', 'Visit 0']);
    expect((await app.http.get('/api/records?cursor=nonsense', { token: d.token })).status).toBe(400);
  });

  it('the doctor edits with the version they read (a stale edit is 409 and changes nothing) and deletes', async () => {
    const rec = await write();
    const edited = await app.http.patch(`/api/records/${rec.id}`, { version: rec.version, title: 'Annual review', notes: 'All well.' }, { token: doctor.token });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: rec.id, title: 'Annual review', notes: 'All well.', version: rec.version + 1, patient: { id: patient.id } });
    const stale = await app.http.patch(`/api/records/${rec.id}`, { version: rec.version, title: 'Stale' }, { token: doctor.token });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect((await app.http.get(`/api/records/${rec.id}`, { token: patient.token })).body.title).toBe('Annual review');
    expect((await app.http.patch(`/api/records/${rec.id}`, { version: 2 }, { token: doctor.token })).status).toBe(400);
    expect((await app.http.patch(`/api/records/${rec.id}`, { version: 2, patient_id: otherPatient.id }, { token: doctor.token })).status).toBe(400);

    expect((await app.http.delete(`/api/records/${rec.id}`, undefined, { token: doctor.token })).status).toBe(204);
    expect((await app.http.get(`/api/records/${rec.id}`, { token: doctor.token })).status).toBe(404);
    expect((await app.http.get(`/api/records/${rec.id}`, { token: patient.token })).status).toBe(404);
  });

  it('a record the doctor creates is pushed live to the patient’s sockets as records:created, and to nobody else', async () => {
    const patientSocket = (await connectSocket(app.url, { token: patient.token })).socket;
    const strangerSocket = (await connectSocket(app.url, { token: otherDoctor.token })).socket;
    const otherPatientSocket = (await connectSocket(app.url, { cookie: otherPatient.cookie, origin: app.url })).socket;
    open.push(patientSocket, strangerSocket, otherPatientSocket);
    const seenByStranger = record(strangerSocket, 'records:created');
    const seenByOtherPatient = record(otherPatientSocket, 'records:created');
    const created = nextEvent<MedicalRecord>(patientSocket, 'records:created');
    const notified = nextEvent<{ kind: string; message: string }>(patientSocket, 'notify');
    const rec = await write();
    expect(await created).toEqual(rec);
    expect(await notified).toEqual({ kind: 'record_shared', message: 'Dr Dana Doctor added a medical record about you' });

    const updated = nextEvent<MedicalRecord>(patientSocket, 'records:updated');
    const edit = await app.http.patch(`/api/records/${rec.id}`, { version: rec.version, notes: 'Revised' }, { token: doctor.token });
    expect(await updated).toEqual(edit.body);
    const deleted = nextEvent<{ id: string }>(patientSocket, 'records:deleted');
    await app.http.delete(`/api/records/${rec.id}`, undefined, { token: doctor.token });
    expect(await deleted).toEqual({ id: rec.id });

    await Promise.all([roundTrip(strangerSocket), roundTrip(otherPatientSocket)]);
    expect(seenByStranger).toEqual([]);
    expect(seenByOtherPatient).toEqual([]);
  });

  describe('in SQL, as the user', () => {
    const insertAs = (user: TestUser, doctorId: string, patientId: string) =>
      app.db.asUser(user.claims, (tx) =>
        tx.query("insert into public.medical_records (doctor_id, patient_id, title, notes) values ($1, $2, 'T', 'N') returning id", [doctorId, patientId]),
      );

    it('the earlier-patients query, run as another doctor for this doctor’s id, finds nothing: RLS, not the route, keeps them apart', async () => {
      await write();
      expect(await app.db.asUser(doctor.claims, (tx) => listPatientsOf(tx, doctor.id, 500))).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: patient.id })]),
      );
      // (A patient would see themselves here, as their own records are theirs to read; the route asks doctors only.)
      for (const other of [otherDoctor, trainee, admin]) {
        expect(await app.db.asUser(other.claims, (tx) => listPatientsOf(tx, doctor.id, 500)), other.role).toEqual([]);
      }
    });

    it('a doctor inserts as themselves about a patient', async () => {
      const { rows } = await insertAs(doctor, doctor.id, patient.id);
      expect(rows).toHaveLength(1);
    });

    it('a patient cannot insert, not even naming a doctor as the writer, and cannot update or delete', async () => {
      const rec = await write();
      await expectSqlError(insertAs(patient, patient.id, otherPatient.id), '42501');
      await expectSqlError(insertAs(patient, doctor.id, patient.id), '42501');
      const changed = await app.db.asUser(patient.claims, async (tx) => ({
        updated: (await tx.query("update public.medical_records set notes = 'mine now' where id = $1", [rec.id])).rowCount,
        deleted: (await tx.query('delete from public.medical_records where id = $1', [rec.id])).rowCount,
        seen: (await tx.query<{ notes: string }>('select notes from public.medical_records where id = $1', [rec.id])).rows,
      }));
      expect(changed).toEqual({ updated: 0, deleted: 0, seen: [{ notes: rec.notes }] });
    });

    it('a doctor cannot insert as another doctor, nor about a non-patient; trainees and admins cannot insert at all', async () => {
      await expectSqlError(insertAs(doctor, otherDoctor.id, patient.id), '42501');
      for (const notPatient of [trainee.id, otherDoctor.id, admin.id, randomUUID()]) {
        await expectSqlError(insertAs(doctor, doctor.id, notPatient), '42501');
      }
      await expectSqlError(insertAs(trainee, trainee.id, patient.id), '42501');
      await expectSqlError(insertAs(admin, admin.id, patient.id), '42501');
    });

    it('another doctor and a third account select, update and delete none of a doctor’s records', async () => {
      const rec = await write();
      for (const other of [otherDoctor, trainee, otherPatient, admin]) {
        const seen = await app.db.asUser(other.claims, async (tx) => ({
          byId: (await tx.query('select id from public.medical_records where id = $1', [rec.id])).rows.length,
          aboutPatient: (await tx.query('select id from public.medical_records where doctor_id = $1 and patient_id = $2', [doctor.id, patient.id])).rows.length,
          updated: (await tx.query("update public.medical_records set title = 'x' where id = $1", [rec.id])).rowCount,
          deleted: (await tx.query('delete from public.medical_records where id = $1', [rec.id])).rowCount,
        }));
        expect(seen, other.role).toEqual({ byId: 0, aboutPatient: 0, updated: 0, deleted: 0 });
      }
      await expectSqlError(app.db.asAnon((tx) => tx.query('select id from public.medical_records')), '42501');
      const owner = await app.db.query('select title from public.medical_records where id = $1', [rec.id]);
      expect(owner.rows).toEqual([{ title: rec.title }]);
    });

    it('the doctor cannot move a record to another patient or another doctor, even as the owner connection', async () => {
      const rec = await write();
      await expectSqlError(
        app.db.asUser(doctor.claims, (tx) => tx.query('update public.medical_records set patient_id = $2 where id = $1', [rec.id, otherPatient.id])),
        '42501',
      );
      await expectSqlError(
        app.db.asUser(doctor.claims, (tx) => tx.query('update public.medical_records set doctor_id = $2 where id = $1', [rec.id, otherDoctor.id])),
        '42501',
      );
      await expectSqlError(app.db.query('update public.medical_records set patient_id = $2 where id = $1', [rec.id, otherPatient.id]), '42501');
      const bumped = await app.db.asUser(doctor.claims, (tx) =>
        tx.query<{ version: number }>("update public.medical_records set title = 'Renamed' where id = $1 returning version", [rec.id]),
      );
      expect(bumped.rows).toEqual([{ version: rec.version + 1 }]);
    });

    it('resolve_patient_account() answers doctors only, and only with patient accounts', async () => {
      const resolve = (as: TestUser, email: string | null, id: string | null = null) =>
        app.db.asUser(as.claims, async (tx) => (await tx.query<{ id: string | null }>('select public.resolve_patient_account($1, $2::uuid) as id', [email, id])).rows[0]!.id);
      expect(await resolve(doctor, patient.email)).toBe(patient.id);
      expect(await resolve(doctor, null, patient.id)).toBe(patient.id);
      expect(await resolve(doctor, trainee.email)).toBeNull();
      expect(await resolve(doctor, otherDoctor.email)).toBeNull();
      expect(await resolve(doctor, uniqueEmail())).toBeNull();
      expect(await resolve(trainee, patient.email)).toBeNull();
      expect(await resolve(otherPatient, patient.email)).toBeNull();
      expect(await resolve(admin, patient.email)).toBeNull();
      const mayWrite = (as: TestUser, d: string, p: string) =>
        app.db.asUser(as.claims, async (tx) => (await tx.query<{ ok: boolean }>('select private.may_write_medical_record($1, $2) as ok', [d, p])).rows[0]!.ok);
      expect(await mayWrite(doctor, doctor.id, patient.id)).toBe(true);
      expect(await mayWrite(trainee, doctor.id, patient.id)).toBe(false);
      expect(await mayWrite(trainee, trainee.id, patient.id)).toBe(false);
    });

    it('erasing the patient’s account erases the records about them', async () => {
      const p = await createUser(app, { role: 'patient' });
      const rec = await write(doctor, { patient_email: p.email });
      expect((await app.http.delete('/api/auth/me', { password: p.password }, { token: p.token })).status).toBe(204);
      expect((await app.db.query('select id from public.medical_records where id = $1', [rec.id])).rows).toEqual([]);
    });
  });
});
