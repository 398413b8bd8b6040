import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HelloPayload } from '../../server/src/contract/realtime.js';
import type { MedicalRecord } from '../../server/src/contract/records.js';
import { rooms } from '../../server/src/realtime/gateway.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, signIn, type TestUser } from '../helpers/factories.js';
import { connectSocket, nextEvent, record, roundTrip, type ClientSocket } from '../helpers/sockets.js';

// Connection-state recovery puts a socket whose transport dropped back into its rooms, with the
// packets it missed. That must never outlive the sign-in behind it: after a logout, a password
// reset, a revoked sign-in or an erased account, the old cookie reconnects as a stranger.
describe.each(dbTargets)('connection-state recovery on %s', (target) => {
  let app: TestApp;
  let doctor: TestUser;
  const open: ClientSocket[] = [];

  beforeAll(async () => {
    // Recovery needs the in-memory adapter: the Redis one cannot replay missed packets.
    app = await startTestApp(target, { env: { REDIS_URL: undefined } });
    expect(app.server.realtime.kind).toBe('memory');
    doctor = await createUser(app, { role: 'doctor' });
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  /** The doctor writes a record about the patient (null when there is no such patient any more). */
  const tryWrite = async (patient: TestUser) => {
    const body = { patient_email: patient.email, title: `Review ${randomUUID().slice(0, 8)}`, notes: 'Known HIV; discussed disclosure.' };
    const res = await app.http.post('/api/records', body, { token: doctor.token });
    return res.status === 201 ? (res.body as MedicalRecord) : null;
  };
  const write = async (patient: TestUser) => {
    const rec = await tryWrite(patient);
    expect(rec).not.toBeNull();
    return rec!;
  };

  const serverSocket = (socket: ClientSocket) => app.server.realtime.io.of('/').sockets.get(socket.id!)!;
  const roomsOf = (socket: ClientSocket) => [...serverSocket(socket).rooms].sort();
  const authSessionIds = async (userId: string) =>
    (await app.db.query<{ id: string }>('select id from private.auth_sessions where account_id = $1 order by created_at', [userId])).rows.map((r) => r.id);

  /** A patient's socket (cookie, as the browser has it) that has heard one broadcast, so it can be recovered. */
  const patientOnline = async () => {
    const patient = await createUser(app, { role: 'patient' });
    const { socket, hello } = await connectSocket(app.url, { cookie: patient.cookie, origin: app.url });
    open.push(socket);
    expect(hello.user_id).toBe(patient.id);
    const heard = nextEvent<MedicalRecord>(socket, 'records:created');
    await write(patient);
    await heard;
    return { patient, socket };
  };

  /** The network drops (not a disconnect either side asked for); resolves once the server has noticed. */
  const dropTransport = async (socket: ClientSocket) => {
    const id = socket.id!;
    const gone = nextEvent<string>(socket, 'disconnect');
    socket.io.engine.close(); // the server sees a "transport close", a reason it keeps the state for
    await gone;
    await vi.waitFor(() => expect(app.server.realtime.io.of('/').sockets.has(id)).toBe(false));
  };

  /** Reconnects the same socket (same recovery id), optionally with another cookie; resolves with `hello`. */
  const reconnect = async (socket: ClientSocket, cookie?: string) => {
    if (cookie) socket.io.opts.extraHeaders = { ...socket.io.opts.extraHeaders, cookie };
    const hello = nextEvent<HelloPayload>(socket, 'hello');
    socket.connect();
    return hello;
  };

  /** Drops, lets `meanwhile` happen (and a record be written) while away, reconnects; what reached the socket. */
  const awayWhile = async (socket: ClientSocket, patient: TestUser, meanwhile: () => Promise<void>, cookie?: string) => {
    await dropTransport(socket);
    await meanwhile();
    const whileAway = await tryWrite(patient);
    const records = record<MedicalRecord>(socket, 'records:created');
    const notes = record<{ message: string }>(socket, 'notify');
    const hello = await reconnect(socket, cookie);
    return { hello, records, notes, whileAway };
  };

  const logout = (u: TestUser) => app.http.post('/api/auth/logout', undefined, { cookie: u.cookie });

  /** What a signed-out socket must not get: the patient's records, nor anything for their user or sign-in rooms. */
  const expectNothingPrivate = async (socket: ClientSocket, patient: TestUser, sessionIds: string[], seen: { records: MedicalRecord[]; notes: unknown[] }) => {
    const gateway = app.server.realtime.gateway;
    gateway.toUser(patient.id).emit('notify', { kind: 'test', message: 'for the patient only' });
    for (const id of sessionIds) app.server.realtime.io.to(rooms.authSession(id)).emit('notify', { kind: 'test', message: 'for that sign-in only' });
    await roundTrip(socket);
    expect(seen.records).toEqual([]);
    expect(seen.notes).toEqual([]);
  };

  it('after logout the recovered socket is anonymous: no private rooms, no missed records, no new ones; the board stays', async () => {
    const { patient, socket } = await patientOnline();
    const sessionIds = await authSessionIds(patient.id);
    await socket.emitWithAck('board:watch', {});
    const station = randomUUID();
    await serverSocket(socket).join(rooms.session(station)); // as `session:join` does for a participant
    const board = record<{ id: string }>(socket, 'board:remove');

    const seen = await awayWhile(socket, patient, async () => {
      expect((await logout(patient)).status).toBe(204);
    });

    expect(socket.recovered).toBe(true);
    expect(seen.hello).toEqual({ user_id: null, role: null });
    expect(roomsOf(socket)).toEqual([socket.id, rooms.board].sort());
    await write(patient);
    app.server.realtime.gateway.toSession(station).emit('board:remove', { id: 'leaked' });
    await expectNothingPrivate(socket, patient, sessionIds, seen);
    // Anonymous sockets may watch the board, so that room (and its feed) survives.
    app.server.realtime.gateway.toBoard().emit('board:remove', { id: 'public' });
    await roundTrip(socket);
    expect(board).toEqual([{ id: 'public' }]);
  });

  it('after a password reset the recovered socket is anonymous and hears nothing private', async () => {
    const { patient, socket } = await patientOnline();
    const sessionIds = await authSessionIds(patient.id);
    const seen = await awayWhile(socket, patient, async () => {
      expect((await app.http.post('/api/auth/password-reset', { email: patient.email })).status).toBe(202);
      const { rows } = await app.db.query<{ body: string }>(
        'select body from public.mail_outbox where to_email = $1 order by created_at desc limit 1',
        [patient.email],
      );
      const token = decodeURIComponent(rows[0]!.body.match(/reset-password\?token=([A-Za-z0-9_-]+)/)![1]!);
      expect((await app.http.post('/api/auth/password-reset/confirm', { token, password: 'a brand new password' })).status).toBe(204);
    });
    expect(socket.recovered).toBe(true);
    expect(seen.hello).toEqual({ user_id: null, role: null });
    expect(roomsOf(socket)).toEqual([socket.id]);
    await write(patient);
    await expectNothingPrivate(socket, patient, sessionIds, seen);
  });

  it('after its sign-in is revoked with no realtime notice (operator, in the database) the socket is anonymous', async () => {
    const { patient, socket } = await patientOnline();
    const sessionIds = await authSessionIds(patient.id);
    const seen = await awayWhile(socket, patient, async () => {
      await app.db.query('update private.auth_sessions set revoked_at = now() where account_id = $1', [patient.id]);
    });
    expect(socket.recovered).toBe(true);
    expect(seen.hello).toEqual({ user_id: null, role: null });
    expect(roomsOf(socket)).toEqual([socket.id]);
    await write(patient);
    await expectNothingPrivate(socket, patient, sessionIds, seen);
  });

  it('after the account is erased the recovered socket is anonymous and hears nothing for that user', async () => {
    const { patient, socket } = await patientOnline();
    const sessionIds = await authSessionIds(patient.id);
    const seen = await awayWhile(socket, patient, async () => {
      expect((await app.http.delete('/api/auth/me', { password: patient.password }, { cookie: patient.cookie })).status).toBe(204);
      app.server.realtime.gateway.toUser(patient.id).emit('notify', { kind: 'test', message: 'sent while away' });
    });
    expect(seen.whileAway).toBeNull(); // nobody to write a record about any more
    expect(socket.recovered).toBe(true);
    expect(seen.hello).toEqual({ user_id: null, role: null });
    expect(roomsOf(socket)).toEqual([socket.id]);
    await expectNothingPrivate(socket, patient, sessionIds, seen);
  });

  it('reconnecting with another user’s cookie hears only that user', async () => {
    const { patient, socket } = await patientOnline();
    const sessionIds = await authSessionIds(patient.id);
    const other = await createUser(app, { role: 'patient' });
    const seen = await awayWhile(socket, patient, async () => {}, other.cookie);
    expect(socket.recovered).toBe(true);
    expect(seen.hello).toEqual({ user_id: other.id, role: 'patient' });
    const [otherSession] = await authSessionIds(other.id);
    expect(roomsOf(socket)).toEqual([socket.id, rooms.user(other.id), rooms.authSession(otherSession!)].sort());
    await roundTrip(socket);
    expect(seen.whileAway).not.toBeNull();
    expect(seen.records).toEqual([]); // the record written while away was the first patient's
    expect(seen.notes).toEqual([]);
    const theirs = nextEvent<MedicalRecord>(socket, 'records:created');
    const mine = await write(other);
    expect((await theirs).id).toBe(mine.id);
    await roundTrip(socket);
    seen.records.length = 0; // what was theirs; from here on nothing may arrive
    seen.notes.length = 0;
    await write(patient);
    await expectNothingPrivate(socket, patient, sessionIds, seen);
  });

  it('reconnecting with another sign-in of the same user leaves the old sign-in’s room', async () => {
    const { patient, socket } = await patientOnline();
    const [oldSession] = await authSessionIds(patient.id);
    const second = await signIn(app, patient.email, patient.password);
    const [, newSession] = await authSessionIds(patient.id);
    const seen = await awayWhile(socket, patient, async () => {}, second.cookie);
    expect(socket.recovered).toBe(true);
    expect(seen.hello).toEqual({ user_id: patient.id, role: 'patient' });
    expect(roomsOf(socket)).toEqual([socket.id, rooms.user(patient.id), rooms.authSession(newSession!)].sort());
    // Signing the old cookie out elsewhere no longer reaches this socket.
    const disconnects = record<string>(socket, 'disconnect');
    expect((await logout(patient)).status).toBe(204);
    await roundTrip(socket);
    expect(disconnects).toEqual([]);
  });

  it('a socket whose sign-in is still valid is recovered with its rooms and what it missed', async () => {
    const { patient, socket } = await patientOnline();
    const [session] = await authSessionIds(patient.id);
    const seen = await awayWhile(socket, patient, async () => {});
    expect(socket.recovered).toBe(true);
    expect(seen.hello).toEqual({ user_id: patient.id, role: 'patient' });
    expect(roomsOf(socket)).toEqual([socket.id, rooms.user(patient.id), rooms.authSession(session!)].sort());
    await roundTrip(socket);
    expect(seen.records.map((r) => r.id)).toEqual([seen.whileAway!.id]);
    const next = nextEvent<MedicalRecord>(socket, 'records:created');
    const rec = await write(patient);
    expect((await next).id).toBe(rec.id);
  });
});
