import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { connectSocket, nextEvent, type ClientSocket } from '../helpers/sockets.js';
import { expectSqlError } from '../helpers/sql.js';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe.each(dbTargets)('practice sessions on %s', (target) => {
  let app: TestApp;
  let host: TestUser;
  let guest: TestUser;
  let other: TestUser;
  let caseId: string;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    app = await startTestApp(target);
    [host, guest, other] = await Promise.all([createUser(app, { first_name: 'Hana' }), createUser(app, { first_name: 'Gus' }), createUser(app)]);
    const { rows } = await app.db.query<{ id: string }>("select id from public.cases where owner_id is null and category = 'history_taking' limit 1");
    caseId = rows[0]!.id;
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  const publish = async (user: TestUser, body: Record<string, unknown> = {}) => {
    const res = await app.http.post('/api/sessions', { datetime_utc: inDays(2), host_role: 'actor', case_id: caseId, preset: 'plab2', ...body }, { token: user.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number; room_url: string };
  };

  it('rejects the unauthenticated on every write', async () => {
    const s = await publish(host);
    for (const [method, path] of [
      ['POST', '/api/sessions'],
      ['GET', '/api/sessions/mine'],
      ['PATCH', `/api/sessions/${s.id}`],
      ['DELETE', `/api/sessions/${s.id}`],
      ['POST', `/api/sessions/${s.id}/signup`],
      ['DELETE', `/api/sessions/${s.id}/signup`],
      ['GET', `/api/sessions/${s.id}/calendar.ics`],
    ] as const) {
      expect((await app.http.request(method, path, method === 'GET' ? undefined : {})).status, `${method} ${path}`).toBe(401);
    }
  });

  it('publishes with a server-assigned unguessable room and preset timings; a candidate host may not pick the case', async () => {
    const s = await publish(host);
    expect(s).toMatchObject({ host_role: 'actor', your_role: 'actor', status: 'open', phase: 'waiting', has_case: true, case_id: caseId, timing: { reading_s: 90, consultation_s: 480, feedback_s: 300, warning_s: 120 } });
    expect(s.room_url).toMatch(/^\/room\/[0-9a-f]{64}$/);
    expect((await publish(host)).room_url).not.toBe(s.room_url);
    const refused = await app.http.post('/api/sessions', { datetime_utc: inDays(2), host_role: 'candidate', case_id: caseId }, { token: host.token });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('case_id');
    const past = await app.http.post('/api/sessions', { datetime_utc: inDays(-1), host_role: 'candidate' }, { token: host.token });
    expect(past.status).toBe(400);
    const custom = await app.http.post('/api/sessions', { datetime_utc: inDays(3), host_role: 'candidate', preset: 'custom', timing: { reading_s: 10, consultation_s: 60, feedback_s: 30 } }, { token: host.token });
    expect(custom.body.timing).toEqual({ reading_s: 10, consultation_s: 60, feedback_s: 30, warning_s: null });
  });

  it('the board (anonymous too) shows board columns only: never the room, the case or its name', async () => {
    const s = await publish(host);
    const board = await app.http.get('/api/sessions');
    expect(board.status).toBe(200);
    const item = board.body.items.find((i: { id: string }) => i.id === s.id);
    expect(Object.keys(item).sort()).toEqual(['category', 'datetime_utc', 'domain', 'has_guest', 'host', 'host_role', 'id', 'preset', 'status', 'timing', 'type', 'version']);
    expect(item).toMatchObject({ status: 'open', has_guest: false, category: 'history_taking', host: { user_id: host.id, first_name: 'Hana', completed: 0, no_show: 0 } });
    // The station's timings are shown before signing up (PLAB 2: 1.5 min reading, 8 consultation, 5 feedback).
    expect(item).toMatchObject({ preset: 'plab2', timing: { reading_s: 90, consultation_s: 480, feedback_s: 300, warning_s: 120 } });
    expect(board.text).not.toContain('room');
    expect(board.text).not.toContain(caseId);
    const { rows } = await app.db.query<{ case_name: string }>('select case_name from public.cases where id = $1', [caseId]);
    expect(board.text).not.toContain(rows[0]!.case_name);
    const anonymousView = await app.http.get(`/api/sessions/${s.id}`);
    expect(anonymousView.body).not.toHaveProperty('room_url');
    expect((await app.http.get(`/api/sessions/${s.id}`, { token: other.token })).body).not.toHaveProperty('room_url');
  });

  it('sign-up, the candidate never sees which case it is, notifications, withdraw and cancel', async () => {
    const s = await publish(host);
    const hostSocket = (await connectSocket(app.url, { token: host.token })).socket;
    const guestSocket = (await connectSocket(app.url, { token: guest.token })).socket;
    sockets.push(hostSocket, guestSocket);

    const notified = nextEvent<{ kind: string; session_id: string }>(hostSocket, 'notify');
    const joined = await app.http.post(`/api/sessions/${s.id}/signup`, { version: s.version }, { token: guest.token });
    expect(joined.status).toBe(200);
    expect(joined.body.session).toMatchObject({ status: 'matched', guest_id: guest.id, candidate_id: guest.id, your_role: 'candidate', case_id: null, has_case: true });
    expect(JSON.stringify(joined.body)).not.toContain(caseId);
    expect(await notified).toMatchObject({ kind: 'guest_signed_up', session_id: s.id });
    const mineForGuest = await app.http.get('/api/sessions/mine', { token: guest.token });
    expect(mineForGuest.text).not.toContain(caseId);
    expect((await app.http.get(`/api/sessions/${s.id}`, { token: host.token })).body).toMatchObject({ case_id: caseId, candidate_id: guest.id });

    expect((await app.http.post(`/api/sessions/${s.id}/signup`, { version: joined.body.session.version }, { token: other.token })).status).toBe(409);

    const withdrawn = nextEvent<{ kind: string }>(hostSocket, 'notify');
    const left = await app.http.delete(`/api/sessions/${s.id}/signup`, undefined, { token: guest.token });
    expect(left.status).toBe(200);
    expect(left.body).toMatchObject({ status: 'open', has_guest: false });
    expect(await withdrawn).toMatchObject({ kind: 'guest_withdrew' });

    const again = await app.http.get(`/api/sessions/${s.id}`, { token: other.token });
    const rejoined = await app.http.post(`/api/sessions/${s.id}/signup`, { version: (await app.db.query<{ version: number }>('select version from public.practice_sessions where id = $1', [s.id])).rows[0]!.version }, { token: guest.token });
    expect(again.status).toBe(200);
    expect(rejoined.status).toBe(200);
    const cancelled = nextEvent<{ kind: string }>(guestSocket, 'notify');
    expect((await app.http.delete(`/api/sessions/${s.id}`, undefined, { token: guest.token })).status).toBe(403);
    expect((await app.http.delete(`/api/sessions/${s.id}`, undefined, { token: host.token })).status).toBe(204);
    expect(await cancelled).toMatchObject({ kind: 'session_cancelled' });
    expect((await app.http.get(`/api/sessions/${s.id}`, { token: other.token })).status).toBe(404);
    expect((await app.http.get(`/api/sessions/${s.id}`, { token: guest.token })).body.status).toBe('cancelled');
  });

  it('of 50 concurrent sign-ups exactly one wins and 49 get 409', async () => {
    const s = await publish(host);
    const racers = await Promise.all(Array.from({ length: 50 }, () => createUser(app)));
    const results = await Promise.all(racers.map((r) => app.http.post(`/api/sessions/${s.id}/signup`, { version: s.version }, { token: r.token })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(49);
    const winner = racers[statuses.indexOf(200)]!;
    const { rows } = await app.db.query<{ guest_id: string; status: string }>('select guest_id, status from public.practice_sessions where id = $1', [s.id]);
    expect(rows[0]).toEqual({ guest_id: winner.id, status: 'matched' });
    expect((await app.http.post(`/api/sessions/${s.id}/signup`, { version: s.version }, { token: host.token })).status).toBe(400);
  });

  it('a visitor signs up with the version the board shows, also after the host changed the session', async () => {
    const s = await publish(host);
    await app.http.patch(`/api/sessions/${s.id}`, { version: s.version, type: 'review' }, { token: host.token });
    const seen = await app.http.get(`/api/sessions/${s.id}`, { token: guest.token });
    expect(seen.body.version).toBe(s.version + 1);
    expect((await app.http.post(`/api/sessions/${s.id}/signup`, { version: seen.body.version }, { token: guest.token })).status).toBe(200);
  });

  it('the host cannot sign up to their own session; a stale version is 409', async () => {
    const s = await publish(host);
    const own = await app.http.post(`/api/sessions/${s.id}/signup`, { version: s.version }, { token: host.token });
    expect(own.status).toBe(400);
    const edited = await app.http.patch(`/api/sessions/${s.id}`, { version: s.version, type: 'review' }, { token: host.token });
    expect(edited.status).toBe(200);
    expect((await app.http.patch(`/api/sessions/${s.id}`, { version: s.version, type: 'mock' }, { token: host.token })).status).toBe(409);
    expect((await app.http.post(`/api/sessions/${s.id}/signup`, { version: s.version }, { token: guest.token })).status).toBe(409);
  });

  it('the actor picks the case; roles swap before going live and the new actor picks again', async () => {
    const s = await publish(host, { host_role: 'candidate', case_id: null });
    const joined = await app.http.post(`/api/sessions/${s.id}/signup`, { version: s.version }, { token: guest.token });
    expect(joined.body.session).toMatchObject({ your_role: 'actor', has_case: false, candidate_id: host.id });
    const hostPick = await app.http.patch(`/api/sessions/${s.id}`, { version: joined.body.session.version, case_id: caseId }, { token: host.token });
    expect(hostPick.status).toBe(400);
    const guestTime = await app.http.patch(`/api/sessions/${s.id}`, { version: joined.body.session.version, datetime_utc: inDays(5) }, { token: guest.token });
    expect(guestTime.status).toBe(403);
    const picked = await app.http.patch(`/api/sessions/${s.id}`, { version: joined.body.session.version, case_id: caseId }, { token: guest.token });
    expect(picked.status).toBe(200);
    expect(picked.body).toMatchObject({ case_id: caseId, has_case: true });
    expect((await app.http.get(`/api/sessions/${s.id}`, { token: host.token })).body).toMatchObject({ your_role: 'candidate', case_id: null, has_case: true });
    // The candidate host changes the type: the actor's case stays chosen (the host never even reads it).
    const retyped = await app.http.patch(`/api/sessions/${s.id}`, { version: picked.body.version, type: 'review' }, { token: host.token });
    expect(retyped.status).toBe(200);
    expect((await app.http.get(`/api/sessions/${s.id}`, { token: guest.token })).body).toMatchObject({ type: 'review', case_id: caseId });
    picked.body.version = retyped.body.version;

    const swapped = await app.http.patch(`/api/sessions/${s.id}`, { version: picked.body.version, swap_roles: true }, { token: host.token });
    expect(swapped.status).toBe(200);
    expect(swapped.body).toMatchObject({ host_role: 'actor', your_role: 'actor', candidate_id: guest.id, has_case: false });
    expect((await app.http.patch(`/api/sessions/${s.id}`, { version: swapped.body.version, swap_roles: true }, { token: guest.token })).status).toBe(403);
  });

  it('in SQL a guest can change nothing but the case they pick as actor, and cannot sign up by UPDATE', async () => {
    const s = await publish(host);
    await app.http.post(`/api/sessions/${s.id}/signup`, { version: s.version }, { token: guest.token });
    for (const sql of [
      "update public.practice_sessions set datetime_utc = now() + interval '9 days' where id = $1",
      "update public.practice_sessions set room_url = '/room/mine' where id = $1",
      'update public.practice_sessions set case_id = null where id = $1',
    ]) {
      await expectSqlError(app.db.asUser(guest.claims, (tx) => tx.query(sql, [s.id])), '42501');
    }
    await expectSqlError(app.db.asUser(host.claims, (tx) => tx.query("update public.practice_sessions set status = 'completed' where id = $1", [s.id])), '42501');
    await expectSqlError(app.db.asUser(host.claims, (tx) => tx.query('update public.practice_sessions set guest_id = null where id = $1', [s.id])), '42501');

    const open = await publish(host);
    // Signing up by UPDATE is refused outright: no client role holds a grant on guest_id.
    await expectSqlError(app.db.asUser(other.claims, (tx) => tx.query('update public.practice_sessions set guest_id = $2 where id = $1', [open.id, other.id])), '42501');
    const sneakyTime = await app.db.asUser(other.claims, (tx) => tx.query("update public.practice_sessions set datetime_utc = now() + interval '9 days' where id = $1", [open.id]));
    expect(sneakyTime.rowCount).toBe(0);
    const hidden = await app.db.asUser(other.claims, (tx) => tx.query('select room_url from public.practice_sessions where id = $1', [open.id]));
    expect(hidden.rows).toEqual([]);
    await expectSqlError(app.db.asAnon((tx) => tx.query('select id from public.practice_sessions')), '42501');
    const board = await app.db.asAnon((tx) => tx.query<{ id: string }>('select * from public.session_board where id = $1', [open.id]));
    expect(Object.keys(board.rows[0]!)).not.toContain('room_url');
    await expectSqlError(
      app.db.asUser(other.claims, (tx) => tx.query("insert into public.practice_sessions (host_id, datetime_utc, host_role, reading_s, consultation_s, feedback_s) values ($1, now() + interval '1 day', 'actor', 60, 600, 300)", [host.id])),
      '42501',
    );
  });

  it('the board updates live for anonymous watchers', async () => {
    const watcher = (await connectSocket(app.url)).socket;
    sockets.push(watcher);
    expect(await watcher.emitWithAck('board:watch', {})).toEqual({ ok: true });
    const upsert = nextEvent<{ id: string; status: string }>(watcher, 'board:upsert');
    const s = await publish(host);
    expect(await upsert).toMatchObject({ id: s.id, status: 'open' });
    const taken = nextEvent<{ id: string; status: string; has_guest: boolean }>(watcher, 'board:upsert');
    await app.http.post(`/api/sessions/${s.id}/signup`, { version: s.version }, { token: guest.token });
    expect(await taken).toMatchObject({ id: s.id, status: 'matched', has_guest: true });
    const removed = nextEvent<{ id: string }>(watcher, 'board:remove');
    await app.http.delete(`/api/sessions/${s.id}`, undefined, { token: host.token });
    expect(await removed).toEqual({ id: s.id });
  });

  it('a guest who erases their account leaves the slot open again; a host who does takes the session away', async () => {
    const leaving = await createUser(app);
    const s = await publish(host);
    const signup = await app.http.post(`/api/sessions/${s.id}/signup`, { version: s.version }, { token: leaving.token });
    expect(signup.status, JSON.stringify(signup.body)).toBe(200);
    const matched = await app.db.query<{ status: string; guest_id: string | null }>('select status, guest_id from public.practice_sessions where id = $1', [s.id]);
    expect(matched.rows[0]).toEqual({ status: 'matched', guest_id: leaving.id });
    expect((await app.http.delete('/api/auth/me', { password: leaving.password }, { token: leaving.token })).status).toBe(204);
    const { rows } = await app.db.query<{ status: string; guest_id: string | null; candidate_id: string | null }>(
      'select status, guest_id, candidate_id from public.practice_sessions where id = $1',
      [s.id],
    );
    expect(rows[0]).toEqual({ status: 'open', guest_id: null, candidate_id: null });

    const leavingHost = await createUser(app);
    const theirs = await publish(leavingHost);
    expect((await app.http.delete('/api/auth/me', { password: leavingHost.password }, { token: leavingHost.token })).status).toBe(204);
    expect((await app.http.get(`/api/sessions/${theirs.id}`)).status).toBe(404);
  });

  it('offers an .ics calendar file to participants only', async () => {
    const s = await publish(host);
    const ics = await app.http.get(`/api/sessions/${s.id}/calendar.ics`, { token: host.token });
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);
    const unfolded = ics.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('BEGIN:VEVENT');
    expect(unfolded).toContain(s.room_url);
    expect((await app.http.get(`/api/sessions/${s.id}/calendar.ics`, { token: other.token })).status).toBe(404);
  });
});
