// Client mistakes the database or a library would otherwise turn into a 500: a NUL character in
// any text, a version past PostgreSQL's integer range, a body whose Content-Encoding lies, a
// malformed percent-encoding in a path, a census date in year 9999. Each gets the contract's 400
// with a field-level message, and nothing is written.
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { caseInput } from '../helpers/cases.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import type { HttpResponse } from '../helpers/http.js';
import { CSV_HEADER, pathwayInput, uniquePatientId } from '../helpers/ptl.js';
import { connectSocket, type ClientSocket } from '../helpers/sockets.js';
import { matchedStation, sharedCase } from '../helpers/station.js';

const NUL = '\u0000';
const TOO_BIG_VERSION = 2 ** 31;

/** A contract 400 naming `path` among its details. */
function expect400(res: HttpResponse, path: string) {
  expect(res.status, res.text).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  const paths = (res.body.error.details ?? []).map((d: { path: string }) => d.path);
  expect(paths, res.text).toContain(path);
}

describe.each(dbTargets)('client mistakes are 400s on %s', (target) => {
  let app: TestApp;
  let trainee: TestUser;
  let doctor: TestUser;
  let patient: TestUser;
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    app = await startTestApp(target);
    [trainee, doctor, patient] = await Promise.all([createUser(app), createUser(app, { role: 'doctor' }), createUser(app, { role: 'patient' })]);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await app.db.query<{ n: number }>(sql, params)).rows[0]!.n);

  describe('a NUL character in any text field', () => {
    it('PTL: create, edit, event note, CSV import cell and the ?q= search', async () => {
      const before = await count('select count(*)::int as n from public.ptl_patients where user_id = $1', [trainee.id]);
      expect400(await app.http.post('/api/ptl', pathwayInput({ patient_name: `John${NUL}Smith` }), { token: trainee.token }), 'patient_name');
      expect400(await app.http.post('/api/ptl', pathwayInput({ patient_id: `PT${NUL}1` }), { token: trainee.token }), 'patient_id');

      const created = await app.http.post('/api/ptl', pathwayInput(), { token: trainee.token });
      expect(created.status, created.text).toBe(201);
      const id = created.body.id as string;
      const patched = await app.http.patch(`/api/ptl/${id}`, { version: created.body.version, patient_name: `Jane${NUL}` }, { token: trainee.token });
      expect400(patched, 'patient_name');
      const event = await app.http.post(`/api/ptl/${id}/events`, { event_type: 'outpatient_attended', event_date: '2025-02-03', note: `seen${NUL}` }, { token: trainee.token });
      expect400(event, 'note');
      expect(await count('select count(*)::int as n from public.ptl_events where pathway_id = $1', [id])).toBe(0);
      expect((await app.http.get(`/api/ptl/${id}`, { token: trainee.token })).body.patient_name).toBe('John Smith');

      const csv = `${CSV_HEADER}\n${uniquePatientId()},Ann${NUL}Other,,Trauma and Orthopaedics,2025-01-06,2025-01-06,routine,P3,awaiting_first_appointment\n`;
      const imported = await app.http.post('/api/ptl/import?mode=atomic', csv, { token: trainee.token, headers: { 'content-type': 'text/csv' } });
      // An import answers with its per-row report: the cell is refused by line and field, nothing committed.
      expect(imported.status, imported.text).toBe(200);
      expect(imported.body).toMatchObject({ committed: false, imported: 0, rejected: 1, errors: [{ line: 2, errors: [{ field: 'patient_name' }] }] });
      expect(imported.body.errors[0].errors[0].message).toMatch(/NUL/);

      expect400(await app.http.get(`/api/ptl?q=${encodeURIComponent(`Smi${NUL}`)}`, { token: trainee.token }), 'q');
      expect(await count('select count(*)::int as n from public.ptl_patients where user_id = $1', [trainee.id])).toBe(before + 1);
    });

    it('cases: every text of a case, on create and edit, and the library search', async () => {
      const base = caseInput();
      expect400(await app.http.post('/api/cases', { ...base, case_name: `Chest${NUL}pain` }, { token: trainee.token }), 'case_name');
      expect400(await app.http.post('/api/cases', { ...base, condition: `Angina${NUL}` }, { token: trainee.token }), 'condition');
      expect400(
        await app.http.post('/api/cases', { ...base, candidate_brief: { ...base.candidate_brief, task: `Take a history${NUL}` } }, { token: trainee.token }),
        'candidate_brief.task',
      );
      const created = await app.http.post('/api/cases', base, { token: trainee.token });
      expect(created.status, created.text).toBe(201);
      expect400(await app.http.patch(`/api/cases/${created.body.id}`, { version: created.body.version, internal_name: `x${NUL}` }, { token: trainee.token }), 'internal_name');
      expect400(await app.http.get(`/api/cases?q=${encodeURIComponent(NUL)}`, { token: trainee.token }), 'q');
      expect(await count('select count(*)::int as n from public.cases where owner_id = $1', [trainee.id])).toBe(1);
    });

    it('medical records: title and notes, on create and edit', async () => {
      expect400(await app.http.post('/api/records', { patient_email: patient.email, title: `Clinic${NUL}`, notes: 'Seen.' }, { token: doctor.token }), 'title');
      expect400(await app.http.post('/api/records', { patient_email: patient.email, title: 'Clinic', notes: `Seen${NUL}.` }, { token: doctor.token }), 'notes');
      const created = await app.http.post('/api/records', { patient_email: patient.email, title: 'Clinic', notes: 'Seen.' }, { token: doctor.token });
      expect(created.status, created.text).toBe(201);
      expect400(await app.http.patch(`/api/records/${created.body.id}`, { version: created.body.version, notes: `x${NUL}` }, { token: doctor.token }), 'notes');
      expect(await count('select count(*)::int as n from public.medical_records where doctor_id = $1', [doctor.id])).toBe(1);
    });

    it('a station: transcript over HTTP and over the socket, the marks and the self-reflection', async () => {
      const actor = await createUser(app);
      const candidate = await createUser(app);
      const { id: caseId, domains } = await sharedCase(app);
      const { id } = await matchedStation(app, { actor, candidate, caseId });
      const actorSocket = (await connectSocket(app.url, { token: actor.token })).socket;
      const candidateSocket = (await connectSocket(app.url, { token: candidate.token })).socket;
      sockets.push(actorSocket, candidateSocket);
      for (const s of [actorSocket, candidateSocket]) expect(await s.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
      for (const to of ['reading', 'consultation'] as const) {
        expect(await actorSocket.emitWithAck('session:advance', { session_id: id, to })).toMatchObject({ ok: true });
      }

      const overHttp = await app.http.post(`/api/sessions/${id}/transcript/segments`, { speaker: 'candidate', at_ms: 1000, text: `Hello${NUL}` }, { token: candidate.token });
      expect400(overHttp, 'text');
      const overSocket = await candidateSocket.emitWithAck('transcript:append', { session_id: id, speaker: 'candidate', at_ms: 2000, text: `Hi${NUL}` });
      expect(overSocket).toMatchObject({ ok: false, error: { code: 'validation_failed', details: [{ path: 'text' }] } });
      expect(await count('select count(*)::int as n from public.session_transcript_segments where session_id = $1', [id])).toBe(0);

      expect(await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' })).toMatchObject({ ok: true });
      const marks = Object.fromEntries(domains.map((d) => [d, 3]));
      expect400(await app.http.put(`/api/sessions/${id}/assessment`, { marks, global_rating: 'pass', strengths: `Good${NUL}` }, { token: actor.token }), 'strengths');
      expect400(await app.http.put(`/api/sessions/${id}/assessment`, { marks, global_rating: 'pass', improvements: `${NUL}` }, { token: actor.token }), 'improvements');
      expect400(await app.http.put(`/api/sessions/${id}/assessment`, { self_reflection: `I rushed${NUL}` }, { token: candidate.token }), 'self_reflection');
      expect(await count('select count(*)::int as n from public.session_assessments where session_id = $1 and global_rating is not null', [id])).toBe(0);
    });
  });

  describe('a version past the integer range', () => {
    it('is refused on every PATCH with a version, and on sign-up', async () => {
      const pathway = await app.http.post('/api/ptl', pathwayInput(), { token: trainee.token });
      expect400(await app.http.patch(`/api/ptl/${pathway.body.id}`, { version: TOO_BIG_VERSION, patient_name: 'New' }, { token: trainee.token }), 'version');

      const kase = await app.http.post('/api/cases', caseInput(), { token: trainee.token });
      expect400(await app.http.patch(`/api/cases/${kase.body.id}`, { version: TOO_BIG_VERSION, case_name: 'New' }, { token: trainee.token }), 'version');

      const record = await app.http.post('/api/records', { patient_email: patient.email, title: 'T', notes: 'N' }, { token: doctor.token });
      expect400(await app.http.patch(`/api/records/${record.body.id}`, { version: TOO_BIG_VERSION, title: 'New' }, { token: doctor.token }), 'version');

      expect400(await app.http.patch('/api/profiles/me', { version: TOO_BIG_VERSION, first_name: 'New' }, { token: trainee.token }), 'version');

      const session = await app.http.post('/api/sessions', { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'candidate' }, { token: trainee.token });
      expect(session.status, session.text).toBe(201);
      expect400(await app.http.patch(`/api/sessions/${session.body.id}`, { version: TOO_BIG_VERSION, type: 'review' }, { token: trainee.token }), 'version');
      const guest = await createUser(app);
      expect400(await app.http.post(`/api/sessions/${session.body.id}/signup`, { version: TOO_BIG_VERSION }, { token: guest.token }), 'version');
      expect(await count('select count(*)::int as n from public.practice_sessions where id = $1 and guest_id is not null', [session.body.id])).toBe(0);

      // The largest integer is a well-formed version that is merely stale.
      expect((await app.http.patch(`/api/ptl/${pathway.body.id}`, { version: 2 ** 31 - 1, patient_name: 'New' }, { token: trainee.token })).status).toBe(409);
    });
  });

  describe('requests malformed below the JSON', () => {
    it('a body whose Content-Encoding says gzip, deflate or br but is not compressed', async () => {
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const res = await app.http.post('/api/ptl', JSON.stringify(pathwayInput()), { token: trainee.token, headers: { 'content-encoding': encoding } });
        expect400(res, 'body');
      }
      // A body really compressed as it says is read as usual.
      const compressed = await fetch(`${app.url}/api/ptl`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${trainee.token}` },
        body: gzipSync(JSON.stringify(pathwayInput({ patient_name: 'Gzip Person' }))),
      });
      expect(compressed.status).toBe(201);
    });

    it('a malformed percent-encoding in a path', async () => {
      expect400(await app.http.get('/api/profiles/%ZZ', { token: trainee.token }), 'path');
      expect400(await app.http.get('/api/ptl/%E0%A4%A', { token: trainee.token }), 'path');
      expect400(await app.http.get('/api/sessions/%ZZ'), 'path');
    });
  });

  describe('dates outside any real pathway', () => {
    it('as_of and every date are bounded in the contract', async () => {
      expect400(await app.http.get('/api/ptl/stats?as_of=9999-12-31', { token: trainee.token }), 'as_of');
      expect400(await app.http.get('/api/ptl?as_of=9999-12-31', { token: trainee.token }), 'as_of');
      expect400(await app.http.get('/api/ptl/export.csv?as_of=0001-01-01', { token: trainee.token }), 'as_of');
      expect400(await app.http.post('/api/ptl', pathwayInput({ referral_date: '9999-12-30', clock_start_date: '9999-12-30' }), { token: trainee.token }), 'referral_date');
      const pathway = await app.http.post('/api/ptl', pathwayInput(), { token: trainee.token });
      expect400(await app.http.post(`/api/ptl/${pathway.body.id}/events`, { event_type: 'outpatient_attended', event_date: '9999-01-01' }, { token: trainee.token }), 'event_date');
      expect400(await app.http.post('/api/sessions', { datetime_utc: '9999-12-31T10:00:00Z', host_role: 'candidate' }, { token: trainee.token }), 'datetime_utc');
      expect400(await app.http.get('/api/sessions?from=0001-01-01T00:00:00Z'), 'from');
      // The edges of the range are fine.
      expect((await app.http.get('/api/ptl/stats?as_of=2099-12-31', { token: trainee.token })).status).toBe(200);
    });
  });
});
