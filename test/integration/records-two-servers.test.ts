// Two server instances over one PostgreSQL database (each with its own connection pool) and, when
// REDIS_URL is set, one Redis: what a load-balanced deployment looks like. A record written through
// one instance is read through the other, and its `records:created` reaches the patient's socket on
// the other instance through the Socket.IO Redis adapter.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MedicalRecord } from '../../server/src/contract/records.js';
import { openPostgres } from '../../server/src/db/postgres.js';
import type { Db } from '../../server/src/db/types.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createUser, signIn, type TestUser } from '../helpers/factories.js';
import { connectSocket, nextEvent, type ClientSocket } from '../helpers/sockets.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
// PGlite lives inside one process, so two servers can share a database only on a PostgreSQL server.
const suite = onPostgres ? describe : describe.skip;
const title = onPostgres
  ? 'medical records across two server instances sharing PostgreSQL and Redis'
  : 'medical records across two server instances (skipped: set TEST_DATABASE_URL — two servers cannot share an in-process PGlite)';

suite(title, () => {
  let one: TestApp;
  let two: TestApp;
  let secondPool: Db;
  let doctor: TestUser;
  let patient: TestUser;
  /** The patient signed in through server 2: a session is a row in the shared database either way. */
  let patientOnTwo: TestUser;
  const open: ClientSocket[] = [];

  beforeAll(async () => {
    one = await startTestApp('postgres');
    secondPool = await openPostgres(one.dbUrl!, { max: 5 });
    two = await startTestApp('postgres', { db: secondPool, env: { REDIS_CHANNEL_PREFIX: one.config.redisChannelPrefix } });
    doctor = await createUser(one, { role: 'doctor', first_name: 'Dana', last_name: 'Doctor' });
    patient = await createUser(one, { role: 'patient', first_name: 'Pat', last_name: 'Patient' });
    patientOnTwo = await signIn(two, patient.email, patient.password, patient);
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(async () => {
    await two?.close();
    await secondPool?.close();
    await one?.close();
  });

  const writeThroughOne = async (recordTitle: string) => {
    const res = await one.http.post('/api/records', { patient_email: patient.email, title: recordTitle, notes: 'Seen in clinic.' }, { token: doctor.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as MedicalRecord;
  };

  it('a record the doctor creates through server 1 is read by the patient through server 2', async () => {
    const rec = await writeThroughOne('Written on one, read on two');
    const listed = await two.http.get('/api/records', { token: patientOnTwo.token });
    expect(listed.status).toBe(200);
    expect((listed.body.items as MedicalRecord[]).find((r) => r.id === rec.id)).toEqual(rec);
    expect((await two.http.get(`/api/records/${rec.id}`, { token: patientOnTwo.token })).body).toEqual(rec);
  });

  it.runIf(process.env.REDIS_URL)('the patient’s socket on server 2 receives records:created for a record created through server 1', async () => {
    for (const app of [one, two]) expect((await app.http.get('/api/health')).body.realtime).toBe('redis');
    const { socket, hello } = await connectSocket(two.url, { token: patientOnTwo.token });
    open.push(socket);
    expect(hello.user_id).toBe(patient.id);
    const created = nextEvent<MedicalRecord>(socket, 'records:created');
    const rec = await writeThroughOne('Pushed across instances');
    expect(await created).toEqual(rec);
  });
});
