import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/src/logger.js';
import { startServer } from '../../server/src/server.js';
import { startTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { httpClient } from '../helpers/http.js';
import { startLivekitApi } from '../helpers/livekit-api.js';
import { connectSocket, eventMatching, nextEvent, type ClientSocket } from '../helpers/sockets.js';
import { expectSqlError } from '../helpers/sql.js';

interface Secret {
  caseId: string;
  caseName: string;
  condition: string;
  facts: string[];
  openingLine: string;
}

describe.each(dbTargets)('the timed station on %s', (target) => {
  let app: TestApp;
  let secret: Secret;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    app = await startTestApp(target);
    const { rows } = await app.db.query<{ id: string; case_name: string; condition: string; actor_brief: { facts: { text: string }[]; opening_line: string } }>(
      `select c.id, c.case_name, k.condition, k.actor_brief from public.cases c join public.case_content k on k.case_id = c.id
        where c.owner_id is null and c.category = 'history_taking' order by c.case_name limit 1`,
    );
    const r = rows[0]!;
    secret = { caseId: r.id, caseName: r.case_name, condition: r.condition, facts: r.actor_brief.facts.map((f) => f.text), openingLine: r.actor_brief.opening_line };
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  /** An actor host with a case, a candidate guest, planned five minutes from now. */
  async function matchedSession() {
    const actor = await createUser(app, { first_name: 'Ada' });
    const candidate = await createUser(app, { first_name: 'Cal' });
    const pub = await app.http.post(
      '/api/sessions',
      { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: secret.caseId, preset: 'plab2' },
      { token: actor.token },
    );
    await app.db.query("update public.practice_sessions set datetime_utc = now() + interval '5 minutes' where id = $1", [pub.body.id]);
    const seen = await app.http.get(`/api/sessions/${pub.body.id}`, { token: candidate.token });
    const joined = await app.http.post(`/api/sessions/${pub.body.id}/signup`, { version: seen.body.version }, { token: candidate.token });
    expect(joined.status).toBe(200);
    return { id: pub.body.id as string, room: (pub.body.room_url as string).replace('/room/', ''), actor, candidate };
  }

  const socketFor = async (user: TestUser) => {
    const { socket } = await connectSocket(app.url, { token: user.token });
    sockets.push(socket);
    return socket;
  };

  it('rejects the unauthenticated and strangers on brief, room and join', async () => {
    const { id, room } = await matchedSession();
    expect((await app.http.get(`/api/sessions/${id}/brief`)).status).toBe(401);
    expect((await app.http.get(`/api/rooms/${room}`)).status).toBe(401);
    const stranger = await createUser(app);
    expect((await app.http.get(`/api/sessions/${id}/brief`, { token: stranger.token })).status).toBe(404);
    expect((await app.http.get(`/api/rooms/${room}`, { token: stranger.token })).status).toBe(404);
    const socket = await socketFor(stranger);
    expect(await socket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('reveals each part of the case to the candidate only at its phase, and nothing early in any byte', async () => {
    const { id, room, actor, candidate } = await matchedSession();
    const received: string[] = [];
    const candidateSocket = await socketFor(candidate);
    candidateSocket.onAny((event, payload) => received.push(`${event} ${JSON.stringify(payload)}`));
    const actorSocket = await socketFor(actor);
    const get = async (path: string) => {
      const res = await app.http.get(path, { token: candidate.token });
      received.push(res.text);
      return res;
    };
    const joinAck = await candidateSocket.emitWithAck('session:join', { session_id: id });
    received.push(JSON.stringify(joinAck));
    expect((await actorSocket.emitWithAck('session:join', { session_id: id })).ok).toBe(true);

    const keys = async () => Object.keys((await get(`/api/sessions/${id}/brief`)).body).sort();
    expect(await keys()).toEqual(['category', 'domain', 'phase', 'role']);
    const actorBrief = (await app.http.get(`/api/sessions/${id}/brief`, { token: actor.token })).body;
    expect(Object.keys(actorBrief).sort()).toEqual(['actor_brief', 'candidate_brief', 'case_name', 'category', 'condition', 'domain', 'mark_scheme', 'phase', 'role']);

    const started = nextEvent<{ phase: string }>(candidateSocket, 'session:state');
    expect(await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'reading' })).toMatchObject({ ok: true, session: { phase: 'reading', status: 'live' } });
    expect(await started).toMatchObject({ phase: 'reading', case_id: null });
    expect(await keys()).toEqual(['candidate_brief', 'category', 'domain', 'phase', 'role']);
    await get(`/api/sessions/${id}`);
    await get(`/api/rooms/${room}`);
    await get('/api/sessions/mine');
    await get('/api/sessions');

    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'consultation' });
    expect(await keys()).toEqual(['candidate_brief', 'category', 'domain', 'phase', 'role']);
    await get(`/api/sessions/${id}`);

    // Everything the candidate received before feedback, in every response and socket payload.
    const everything = received.join('\n');
    for (const hidden of [secret.caseId, secret.caseName, secret.condition, secret.openingLine, ...secret.facts]) {
      expect(everything, `leaked: ${hidden}`).not.toContain(hidden);
    }

    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' });
    expect(await keys()).toEqual(['actor_brief', 'candidate_brief', 'case_name', 'category', 'condition', 'domain', 'phase', 'role']);
    expect((await get(`/api/sessions/${id}`)).body.case_id).toBe(secret.caseId);
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'completed' });
    expect(await keys()).toEqual(['actor_brief', 'candidate_brief', 'case_name', 'category', 'condition', 'domain', 'mark_scheme', 'phase', 'role']);
    expect((await get(`/api/sessions/${id}`)).body).toMatchObject({ status: 'completed', phase: 'completed' });
  });

  it('in SQL the candidate cannot read which case it is before feedback; the actor can', async () => {
    const { id, actor, candidate } = await matchedSession();
    await expectSqlError(app.db.asUser(candidate.claims, (tx) => tx.query('select case_id from public.practice_sessions where id = $1', [id])), '42501');
    const caseFor = async (user: TestUser) =>
      (await app.db.asUser(user.claims, (tx) => tx.query<{ c: string | null; has: boolean }>('select public.session_case_id($1) as c, public.session_has_case($1) as has', [id]))).rows[0];
    expect(await caseFor(candidate)).toEqual({ c: null, has: true });
    expect(await caseFor(actor)).toEqual({ c: secret.caseId, has: true });
    await app.db.query("update public.practice_sessions set phase = 'feedback', status = 'live' where id = $1", [id]);
    expect(await caseFor(candidate)).toEqual({ c: secret.caseId, has: true });
  });

  it('only the actor runs the station, one phase at a time, and not without a case', async () => {
    const { id, actor, candidate } = await matchedSession();
    const candidateSocket = await socketFor(candidate);
    const actorSocket = await socketFor(actor);
    expect(await candidateSocket.emitWithAck('session:advance', { session_id: id, to: 'reading' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'consultation' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await app.db.query('update public.practice_sessions set case_id = null where id = $1', [id]);
    expect(await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'reading' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    await expectSqlError(app.db.asUser(actor.claims, (tx) => tx.query("update public.practice_sessions set phase = 'reading' where id = $1", [id])), '42501');
  });

  it('the scheduler moves the station on when time runs out, from the moment it ran out', async () => {
    const { id, actor, candidate } = await matchedSession();
    const actorSocket = await socketFor(actor);
    const candidateSocket = await socketFor(candidate);
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'reading' });
    // Pretend the reading time ended 10 seconds ago.
    const { rows } = await app.db.query<{ ends: Date }>(
      "update public.practice_sessions set phase_ends_at = now() - interval '10 seconds' where id = $1 returning phase_ends_at as ends",
      [id],
    );
    const moved = eventMatching<{ phase: string; phase_ends_at: string }>(candidateSocket, 'session:state', (p) => p.phase === 'consultation');
    await app.server.tickScheduler();
    const state = await moved;
    expect(state.phase).toBe('consultation');
    expect(new Date(state.phase_ends_at).getTime()).toBe(rows[0]!.ends.getTime() + 480_000);
  });

  it('after a restart mid-consultation the phase and remaining time are exactly where they should be', async () => {
    const { id, actor } = await matchedSession();
    const actorSocket = await socketFor(actor);
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'reading' });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'consultation' });
    const before = (await app.http.get(`/api/sessions/${id}`, { token: actor.token })).body;
    expect(before.phase).toBe('consultation');

    await app.server.close(1_000);
    // While the server is down, the consultation runs out (its deadline passes 40 seconds ago).
    const { rows } = await app.db.query<{ ends: Date }>(
      "update public.practice_sessions set phase_ends_at = now() - interval '40 seconds' where id = $1 returning phase_ends_at as ends",
      [id],
    );
    const server = await startServer({ config: testConfig(), db: app.db, logger: createLogger('silent') });
    try {
      const http = httpClient(server.url);
      await server.tickScheduler();
      const after = (await http.get(`/api/sessions/${id}`, { token: actor.token })).body;
      expect(after.phase).toBe('feedback');
      expect(new Date(after.phase_ends_at).getTime()).toBe(rows[0]!.ends.getTime() + 300_000);
    } finally {
      await server.close(1_000);
      app.server = await startServer({ config: testConfig(), db: app.db, logger: createLogger('silent') });
      app.url = app.server.url;
      app.http = httpClient(app.url);
    }
  });

  it('video: peer-to-peer access for participants in the time window; signalling reaches the other participant only', async () => {
    const { id, room, actor, candidate } = await matchedSession();
    const stranger = await createUser(app);
    const access = await app.http.post(`/api/sessions/${id}/video`, undefined, { token: candidate.token });
    expect(access.status).toBe(200);
    expect(access.body).toMatchObject({ provider: 'p2p', url: `/room/${room}` });
    expect(access.body.token).toBeUndefined();
    expect((await app.http.post(`/api/sessions/${id}/video`, undefined, { token: stranger.token })).status).toBe(404);
    await app.db.query("update public.practice_sessions set datetime_utc = now() + interval '2 days' where id = $1", [id]);
    expect((await app.http.post(`/api/sessions/${id}/video`, undefined, { token: actor.token })).status).toBe(409);

    const actorSocket = await socketFor(actor);
    const candidateSocket = await socketFor(candidate);
    const strangerSocket = await socketFor(stranger);
    const overheard: unknown[] = [];
    strangerSocket.on('rtc:signal', (p) => overheard.push(p));
    expect(await strangerSocket.emitWithAck('rtc:signal', { session_id: id, data: { type: 'offer', sdp: 'v=0' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await actorSocket.emitWithAck('rtc:signal', { session_id: id, data: { type: 'offer', sdp: 'v=0' } })).toMatchObject({ ok: false });

    await actorSocket.emitWithAck('session:join', { session_id: id });
    await candidateSocket.emitWithAck('session:join', { session_id: id });
    const echoed: unknown[] = [];
    actorSocket.on('rtc:signal', (p) => echoed.push(p));
    const got = nextEvent(candidateSocket, 'rtc:signal');
    expect(await actorSocket.emitWithAck('rtc:signal', { session_id: id, data: { type: 'offer', sdp: 'v=0 offer' } })).toEqual({ ok: true });
    expect(await got).toEqual({ session_id: id, from: actor.id, data: { type: 'offer', sdp: 'v=0 offer' } });
    await strangerSocket.emitWithAck('board:watch', {});
    expect(overheard).toEqual([]);
    expect(echoed).toEqual([]);
  });
});

describe.each(dbTargets)('LiveKit video on %s', (target) => {
  const apiKey = 'APIkey123';
  let app: TestApp;
  let livekit: Awaited<ReturnType<typeof startLivekitApi>>;
  beforeAll(async () => {
    livekit = await startLivekitApi(apiKey, 'a-secret-that-is-long-enough-for-hs256-signing');
    app = await startTestApp(target, { env: { LIVEKIT_URL: livekit.url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: 'a-secret-that-is-long-enough-for-hs256-signing' } });
  });
  afterAll(async () => {
    await app?.close();
    await livekit?.close();
  });

  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { sub: string; nbf: number; exp: number; video: { room: string; roomJoin: boolean } };

  /** A session five minutes from now with a guest signed up. */
  async function matchedSoon() {
    const host = await createUser(app);
    const guest = await createUser(app);
    const pub = await app.http.post('/api/sessions', { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'candidate' }, { token: host.token });
    await app.db.query("update public.practice_sessions set datetime_utc = now() + interval '5 minutes' where id = $1", [pub.body.id]);
    await signUp(guest, pub.body.id);
    return { host, guest, id: pub.body.id as string, room: `session-${pub.body.id}` };
  }
  async function signUp(guest: TestUser, id: string) {
    const v = (await app.http.get(`/api/sessions/${id}`, { token: guest.token })).body.version;
    expect((await app.http.post(`/api/sessions/${id}/signup`, { version: v }, { token: guest.token })).status).toBe(200);
  }
  async function videoToken(user: TestUser, id: string): Promise<string> {
    const res = await app.http.post(`/api/sessions/${id}/video`, undefined, { token: user.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.token;
  }

  it('mints a token for the session’s room when LiveKit is configured, and health says so', async () => {
    expect((await app.http.get('/api/health')).body.video).toBe('livekit');
    const { guest, id, room } = await matchedSoon();
    const res = await app.http.post(`/api/sessions/${id}/video`, undefined, { token: guest.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ provider: 'livekit', url: livekit.url, room });
    const payload = claimsOf(res.body.token);
    expect(payload).toMatchObject({ sub: guest.id, video: { room, roomJoin: true } });
    // The room closes 30 minutes after the planned end (start + reading + consultation + feedback):
    // worked out here from the stored row, and the token must die then, not merely after it starts.
    const { rows } = await app.db.query<{ datetime_utc: Date; total_s: number }>(
      'select datetime_utc, reading_s + consultation_s + feedback_s as total_s from public.practice_sessions where id = $1',
      [id],
    );
    const closes = rows[0]!.datetime_utc.getTime() + rows[0]!.total_s * 1000 + 30 * 60_000;
    expect(res.body.expires_at).toBe(new Date(closes).toISOString());
    expect(payload.exp * 1000).toBeLessThanOrEqual(closes);
    expect(payload.exp * 1000).toBeGreaterThan(closes - 2_000);
    expect(payload.nbf * 1000).toBeLessThanOrEqual(Date.now());
  });

  it('a guest who withdraws is put out of the LiveKit room and their token voided; signing up again gets one that works', async () => {
    const { guest, id, room } = await matchedSoon();
    const held = claimsOf(await videoToken(guest, id));
    livekit.connect(room, guest.id);
    expect((await app.http.delete(`/api/sessions/${id}/signup`, undefined, { token: guest.token })).status).toBe(200);
    const removal = await livekit.removal((r) => r.room === room && r.identity === guest.id);
    // The API token the server used may administer this room only.
    expect(removal.grant).toMatchObject({ room, roomAdmin: true });
    expect(held.nbf).toBeLessThan(removal.revokeTokenTs + 1);
    expect(livekit.isConnected(room, guest.id)).toBe(false);
    // Back as the guest, the new token is not caught by the revocation (its nbf is not before it).
    await signUp(guest, id);
    expect(claimsOf(await videoToken(guest, id)).nbf).toBeGreaterThanOrEqual(removal.revokeTokenTs);
  });

  it('a cancelled session’s room loses both participants; someone who never connected is no error', async () => {
    const { host, guest, id, room } = await matchedSoon();
    livekit.connect(room, host.id);
    expect((await app.http.delete(`/api/sessions/${id}`, undefined, { token: host.token })).status).toBe(204);
    await livekit.removal((r) => r.room === room && r.identity === host.id);
    expect(livekit.removed.filter((r) => r.room === room).map((r) => r.identity)).toEqual([host.id]);
    // Nor does anyone get a new token for it.
    expect((await app.http.post(`/api/sessions/${id}/video`, undefined, { token: guest.token })).status).toBe(409);
  });

  it('an account erased mid-station leaves the room of every session it was in', async () => {
    const { host, guest, id, room } = await matchedSoon();
    livekit.connect(room, guest.id);
    livekit.connect(room, host.id);
    expect((await app.http.delete('/api/auth/me', { password: host.password }, { token: host.token })).status).toBe(204);
    await livekit.removal((r) => r.room === room && r.identity === host.id);
    expect(livekit.isConnected(room, guest.id)).toBe(true);
  });
});

describe.each(dbTargets)('no-shows on %s', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app?.close());

  it('a matched session nobody starts within 10 minutes is a no-show, counted against whoever never joined', async () => {
    const host = await createUser(app);
    const guest = await createUser(app);
    const { rows } = await app.db.query<{ id: string }>('select id from public.cases where owner_id is null limit 1');
    const publish = async () => {
      const pub = await app.http.post('/api/sessions', { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: rows[0]!.id }, { token: host.token });
      const v = (await app.http.get(`/api/sessions/${pub.body.id}`, { token: guest.token })).body.version;
      await app.http.post(`/api/sessions/${pub.body.id}/signup`, { version: v }, { token: guest.token });
      return pub.body.id as string;
    };
    const missedByHost = await publish();
    const missedByGuest = await publish();
    const upcoming = await publish();
    // The guest came to the first; the host came to the second.
    const { socket: g } = await connectSocket(app.url, { token: guest.token });
    const { socket: h } = await connectSocket(app.url, { token: host.token });
    try {
      expect((await g.emitWithAck('session:join', { session_id: missedByHost })).ok).toBe(true);
      expect((await h.emitWithAck('session:join', { session_id: missedByGuest })).ok).toBe(true);
    } finally {
      g.close();
      h.close();
    }
    await app.db.query("update public.practice_sessions set datetime_utc = now() - interval '11 minutes' where id = any($1)", [[missedByHost, missedByGuest]]);
    await app.server.tickScheduler();

    const status = async (id: string) => (await app.db.query<{ status: string }>('select status from public.practice_sessions where id = $1', [id])).rows[0]!.status;
    expect(await status(missedByHost)).toBe('no_show');
    expect(await status(missedByGuest)).toBe('no_show');
    expect(await status(upcoming)).toBe('matched');
    const board = await app.http.get('/api/sessions');
    const card = board.body.items.find((i: { id: string }) => i.id === upcoming);
    expect(card.host).toMatchObject({ no_show: 1, completed: 0 });
  });
});
