import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipantSession } from '../../server/src/contract/sessions.js';
import { createLogger } from '../../server/src/logger.js';
import { startServer } from '../../server/src/server.js';
import { startTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { httpClient } from '../helpers/http.js';
import { connectSocket, eventMatching, type ClientSocket } from '../helpers/sockets.js';
import { expectSqlError } from '../helpers/sql.js';

// The rule is 10 s; the suite shortens the grace so it runs quickly, and checks the drop is dated
// from the disconnect, not from when the grace ran out.
const GRACE_MS = 400;
const env = { STATION_DROP_GRACE_MS: String(GRACE_MS) };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(dbTargets)('the disconnect-aware clock and the next station on %s', (target) => {
  let app: TestApp;
  let caseId: string;
  let otherCaseId: string;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    app = await startTestApp(target, { env });
    const { rows } = await app.db.query<{ id: string }>("select id from public.cases where owner_id is null and category = 'history_taking' order by case_name limit 2");
    caseId = rows[0]!.id;
    otherCaseId = rows[1]!.id;
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  async function liveConsultation() {
    const actor = await createUser(app, { first_name: 'Ada' });
    const candidate = await createUser(app, { first_name: 'Cal' });
    const pub = await app.http.post(
      '/api/sessions',
      { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: caseId, preset: 'plab2' },
      { token: actor.token },
    );
    await app.db.query("update public.practice_sessions set datetime_utc = now() + interval '5 minutes' where id = $1", [pub.body.id]);
    const seen = await app.http.get(`/api/sessions/${pub.body.id}`, { token: candidate.token });
    const signup = await app.http.post(`/api/sessions/${pub.body.id}/signup`, { version: seen.body.version }, { token: candidate.token });
    expect(signup.status).toBe(200);
    const id = pub.body.id as string;
    const actorSocket = await joined(actor, id);
    const candidateSocket = await joined(candidate, id);
    expect(await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'reading' })).toMatchObject({ ok: true });
    const started = await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'consultation' });
    expect(started).toMatchObject({ ok: true });
    return { id, room: (pub.body.room_url as string).replace('/room/', ''), actor, candidate, actorSocket, candidateSocket };
  }

  async function joined(user: TestUser, id: string) {
    const { socket } = await connectSocket(app.url, { token: user.token });
    sockets.push(socket);
    expect(await socket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
    return socket;
  }

  const stateWhere = (socket: ClientSocket, match: (s: ParticipantSession) => boolean) =>
    eventMatching<ParticipantSession>(socket, 'session:state', match, 5_000);

  const remaining = (s: ParticipantSession) => new Date(s.phase_ends_at!).getTime() - new Date(s.paused_at ?? Date.now()).getTime();

  it('the actor pauses and resumes by hand; the time stood still is credited and shown as a gap', async () => {
    const { id, actor, actorSocket, candidateSocket } = await liveConsultation();
    const before = (await app.http.get(`/api/sessions/${id}`, { token: actor.token })).body as ParticipantSession;

    const seenByCandidate = stateWhere(candidateSocket, (s) => s.paused_at !== null);
    const paused = await actorSocket.emitWithAck('session:pause', { session_id: id });
    expect(paused).toMatchObject({ ok: true, session: { phase: 'consultation', pause_reason: 'actor' } });
    const state = await seenByCandidate;
    expect(state.pause_reason).toBe('actor');
    expect(state.gaps).toEqual([expect.objectContaining({ phase: 'consultation', reason: 'actor', ended_at: null })]);

    // Paused, nothing runs out even past the deadline, and the remaining time does not move.
    // The pause moved two seconds into the past (the session and its open gap), with one second left
    // at the time of the pause: the deadline has passed by the wall clock, without waiting for it.
    await app.db.query(
      "update public.practice_sessions set paused_at = paused_at - interval '2 seconds', phase_ends_at = paused_at - interval '1 second' where id = $1",
      [id],
    );
    await app.db.query("update public.session_station_gaps set started_at = started_at - interval '2 seconds' where session_id = $1 and ended_at is null", [id]);
    await app.server.tickScheduler();
    const frozen = (await app.http.get(`/api/sessions/${id}`, { token: actor.token })).body as ParticipantSession;
    expect(frozen.phase).toBe('consultation');
    expect(remaining(frozen)).toBe(1_000);

    expect(await candidateSocket.emitWithAck('session:resume', { session_id: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await actorSocket.emitWithAck('session:pause', { session_id: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const resumed = await actorSocket.emitWithAck('session:resume', { session_id: id });
    expect(resumed.ok).toBe(true);
    const after = (resumed as { session: ParticipantSession }).session;
    expect(after.paused_at).toBeNull();
    const left = new Date(after.phase_ends_at!).getTime() - Date.now();
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(1_000);
    expect(after.gaps).toHaveLength(1);
    expect(after.gaps[0]!.ended_at).not.toBeNull();
    expect(after.gaps[0]!.seconds).toBeGreaterThanOrEqual(2);
    expect(before.gaps).toEqual([]);
  });

  it('the candidate may not pause; nothing pauses outside reading and consultation', async () => {
    const { id, actorSocket, candidateSocket } = await liveConsultation();
    expect(await candidateSocket.emitWithAck('session:pause', { session_id: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' });
    expect(await actorSocket.emitWithAck('session:pause', { session_id: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a participant gone longer than the grace stops the clock from the moment they left; it runs on when both are back', async () => {
    const { id, candidate, actorSocket, candidateSocket } = await liveConsultation();
    const pausedSeen = stateWhere(actorSocket, (s) => s.pause_reason === 'disconnect');
    const droppedAt = Date.now();
    candidateSocket.close();
    const paused = await pausedSeen;
    expect(paused.gaps).toEqual([expect.objectContaining({ reason: 'disconnect', user_id: candidate.id, phase: 'consultation', ended_at: null })]);
    // Dated from the disconnect (within the test's own timing slack), not from the end of the grace.
    const pausedAt = new Date(paused.paused_at!).getTime();
    expect(pausedAt).toBeGreaterThanOrEqual(droppedAt - 50);
    expect(pausedAt).toBeLessThan(droppedAt + GRACE_MS);
    const frozenLeft = remaining(paused);

    await sleep(300);
    await app.server.tickScheduler();
    const resumedSeen = stateWhere(actorSocket, (s) => s.paused_at === null);
    await joined(candidate, id);
    const resumed = await resumedSeen;
    expect(resumed.phase).toBe('consultation');
    const leftNow = new Date(resumed.phase_ends_at!).getTime() - Date.now();
    // Everything left at the drop is still there (less the few ms since the resume).
    expect(leftNow).toBeGreaterThan(frozenLeft - 1_000);
    expect(leftNow).toBeLessThanOrEqual(frozenLeft);
    expect(resumed.gaps[0]!.ended_at).not.toBeNull();
  });

  it('leaving the room view counts as leaving the room: no more live events, and the clock stops after the grace', async () => {
    const { id, candidate, actorSocket, candidateSocket } = await liveConsultation();
    const pausedSeen = stateWhere(actorSocket, (s) => s.pause_reason === 'disconnect');
    expect(await candidateSocket.emitWithAck('session:leave', { session_id: id })).toMatchObject({ ok: true });
    const paused = await pausedSeen;
    expect(paused.gaps[0]).toMatchObject({ user_id: candidate.id, reason: 'disconnect' });
    // Still connected, but no longer in the room: the actor's pause reaches the actor, not the candidate's socket's room events.
    const heard: unknown[] = [];
    candidateSocket.on('transcript:segment', (s) => heard.push(s));
    await actorSocket.emitWithAck('transcript:append', { session_id: id, speaker: 'actor', at_ms: 5_000, text: 'Are you still there?' });
    // A round trip on the candidate's own socket: anything the server sent it before is in by then.
    expect(await candidateSocket.emitWithAck('session:leave', { session_id: id })).toMatchObject({ ok: true });
    expect(heard).toEqual([]);
    const resumed = stateWhere(actorSocket, (s) => s.paused_at === null);
    expect(await candidateSocket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
    await resumed;
  });

  it('a reconnect within the grace leaves the clock running', async () => {
    const { id, candidate, actorSocket, candidateSocket } = await liveConsultation();
    const states: ParticipantSession[] = [];
    actorSocket.on('session:state', (s) => states.push(s));
    candidateSocket.close();
    await joined(candidate, id);
    await sleep(GRACE_MS + 400);
    const now = (await app.http.get(`/api/sessions/${id}`, { token: candidate.token })).body as ParticipantSession;
    expect(now.paused_at).toBeNull();
    expect(now.gaps).toEqual([]);
    expect(states.filter((s) => s.paused_at)).toEqual([]);
  });

  it('the actor may go on without the absent candidate; moving on early also ends a pause', async () => {
    const { id, actor, candidate, actorSocket, candidateSocket } = await liveConsultation();
    const pausedSeen = stateWhere(actorSocket, (s) => s.pause_reason === 'disconnect');
    candidateSocket.close();
    await pausedSeen;
    expect(await actorSocket.emitWithAck('session:resume', { session_id: id })).toMatchObject({ ok: true, session: { paused_at: null } });

    expect(await actorSocket.emitWithAck('session:pause', { session_id: id })).toMatchObject({ ok: true });
    const moved = await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' });
    expect(moved).toMatchObject({ ok: true, session: { phase: 'feedback', paused_at: null } });
    const gaps = (moved as { session: ParticipantSession }).session.gaps;
    expect(gaps.map((g) => g.reason)).toEqual(['disconnect', 'actor']);
    expect(gaps.every((g) => g.ended_at !== null)).toBe(true);

    // The gaps go on the feedback sheet: the assessment and the stored assessment.json list them.
    const sheet = await app.http.get(`/api/sessions/${id}/assessment`, { token: actor.token });
    expect(sheet.body.station_gaps.map((g: { reason: string }) => g.reason)).toEqual(['disconnect', 'actor']);
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'completed' });
    const stored = JSON.parse(await readFile(path.join(app.config.dataDir, 'storage', 'assessments', id, 'assessment.json'), 'utf8'));
    expect(stored.station_gaps).toEqual([
      expect.objectContaining({ reason: 'disconnect', phase: 'consultation', user_id: candidate.id }),
      expect.objectContaining({ reason: 'actor', phase: 'consultation', user_id: actor.id }),
    ]);
  });

  it('a pause survives a restart: the phase stays and the remaining time is unchanged', async () => {
    const { id, actor, actorSocket } = await liveConsultation();
    const paused = (await actorSocket.emitWithAck('session:pause', { session_id: id })) as { session: ParticipantSession };
    await app.server.close(1_000);
    const server = await startServer({ config: testConfig(env), db: app.db, logger: createLogger('silent') });
    app.server = server;
    app.url = server.url;
    app.http = httpClient(server.url);
    await server.tickScheduler();
    const after = (await app.http.get(`/api/sessions/${id}`, { token: actor.token })).body as ParticipantSession;
    expect(after).toMatchObject({ phase: 'consultation', pause_reason: 'actor', paused_at: paused.session.paused_at, phase_ends_at: paused.session.phase_ends_at });
  });

  it('clients can neither stop the clock nor write gaps in SQL; only the participants read them', async () => {
    const { id, actor, candidate, actorSocket } = await liveConsultation();
    await actorSocket.emitWithAck('session:pause', { session_id: id });
    await expectSqlError(
      app.db.asUser(actor.claims, (tx) => tx.query("update public.practice_sessions set paused_at = null, pause_reason = null where id = $1", [id])),
      '42501',
    );
    await expectSqlError(
      app.db.asUser(actor.claims, (tx) =>
        tx.query("insert into public.session_station_gaps (session_id, phase, reason, started_at) values ($1, 'consultation', 'actor', now())", [id]),
      ),
      '42501',
    );
    await expectSqlError(app.db.asUser(actor.claims, (tx) => tx.query('delete from public.session_station_gaps where session_id = $1', [id])), '42501');
    const count = async (claims: typeof actor.claims) =>
      app.db.asUser(claims, async (tx) => (await tx.query<{ n: number }>('select count(*)::int as n from public.session_station_gaps where session_id = $1', [id])).rows[0]!.n);
    expect(await count(actor.claims)).toBe(1);
    expect(await count(candidate.claims)).toBe(1);
    const stranger = await createUser(app);
    expect(await count(stranger.claims)).toBe(0);
  });

  it('after a completed station the pair runs the next one in the same room, roles swapped, the new actor picking the case', async () => {
    const { id, room, actor, candidate, actorSocket, candidateSocket } = await liveConsultation();
    expect(await candidateSocket.emitWithAck('session:next', { session_id: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'completed' });

    const stranger = await createUser(app);
    const strangerSocket = await connectSocket(app.url, { token: stranger.token });
    sockets.push(strangerSocket.socket);
    expect(await strangerSocket.socket.emitWithAck('session:next', { session_id: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // The former actor learns of it live: the finished station now names its successor.
    const actorTold = stateWhere(actorSocket, (s) => s.id === id && s.next_session_id !== null);
    const next = (await candidateSocket.emitWithAck('session:next', { session_id: id })) as { ok: true; session: ParticipantSession };
    expect(next.ok).toBe(true);
    const second = next.session;
    expect(second).toMatchObject({
      status: 'matched',
      phase: 'waiting',
      previous_session_id: id,
      your_role: 'actor',
      host_id: actor.id,
      guest_id: candidate.id,
      candidate_id: actor.id,
      has_case: false,
      case_id: null,
      room_url: `/room/${room}`,
    });
    expect((await actorTold).next_session_id).toBe(second.id);
    // Asking again (the other participant clicking too) finds the same station.
    expect(await actorSocket.emitWithAck('session:next', { session_id: id })).toMatchObject({ ok: true, session: { id: second.id, your_role: 'candidate' } });

    // The room link now opens the new station for both.
    expect((await app.http.get(`/api/rooms/${room}`, { token: actor.token })).body).toMatchObject({ id: second.id, your_role: 'candidate' });
    expect((await app.http.get(`/api/rooms/${room}`, { token: candidate.token })).body).toMatchObject({ id: second.id, your_role: 'actor' });
    expect((await app.http.get(`/api/rooms/${room}`, { token: stranger.token })).status).toBe(404);

    // The new actor picks the case; the new candidate (the host) may not, and does not learn it.
    const byHost = await app.http.patch(`/api/sessions/${second.id}`, { version: second.version, case_id: otherCaseId }, { token: actor.token });
    expect(byHost.status).toBe(400);
    const picked = await app.http.patch(`/api/sessions/${second.id}`, { version: second.version, case_id: otherCaseId }, { token: candidate.token });
    expect(picked.status, JSON.stringify(picked.body)).toBe(200);
    const asCandidate = (await app.http.get(`/api/sessions/${second.id}`, { token: actor.token })).body as ParticipantSession;
    expect(asCandidate).toMatchObject({ has_case: true, case_id: null, your_role: 'candidate' });
    const brief = (await app.http.get(`/api/sessions/${second.id}/brief`, { token: actor.token })).body;
    expect(brief).toMatchObject({ role: 'candidate' });
    expect(brief.case_name).toBeUndefined();

    // Both join the new station and the new actor starts it.
    const newActor = await joined(candidate, second.id);
    await joined(actor, second.id);
    expect(await newActor.emitWithAck('session:advance', { session_id: second.id, to: 'reading' })).toMatchObject({ ok: true, session: { phase: 'reading' } });
    // The first station's record is untouched.
    expect((await app.http.get(`/api/sessions/${id}`, { token: actor.token })).body).toMatchObject({ status: 'completed', your_role: 'actor', next_session_id: second.id });
  });

  it('start_next_station in SQL: only participants, only after completion', async () => {
    const { id, actor, actorSocket } = await liveConsultation();
    await expectSqlError(app.db.asUser(actor.claims, (tx) => tx.query('select public.start_next_station($1)', [id])), 'PT409');
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'completed' });
    const stranger = await createUser(app);
    await expectSqlError(app.db.asUser(stranger.claims, (tx) => tx.query('select public.start_next_station($1)', [id])), 'PT404');
    // Nor may a participant forge one by hand: guest, status and room are not theirs to set.
    await expectSqlError(
      app.db.asUser(actor.claims, (tx) =>
        tx.query(
          "insert into public.practice_sessions (host_id, datetime_utc, host_role, preset, reading_s, consultation_s, feedback_s, previous_session_id) values ($1, now(), 'actor', 'plab2', 90, 480, 300, $2)",
          [actor.id, id],
        ),
      ),
      '42501',
    );
  });

  it('a participant who erases their account after a completed station leaves the partner their record', async () => {
    const { id, actor, candidate, actorSocket } = await liveConsultation();
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'completed' });
    const erased = await app.http.delete('/api/auth/me', { password: candidate.password }, { token: candidate.token });
    expect(erased.status, JSON.stringify(erased.body)).toBe(204);
    const kept = await app.http.get(`/api/sessions/${id}`, { token: actor.token });
    expect(kept.body).toMatchObject({ id, status: 'completed', guest_id: null });
    expect((await app.http.get(`/api/sessions/${id}/assessment`, { token: actor.token })).status).toBe(200);
  });

  it('a guest who erases their account mid-station ends it: the station is cancelled for the host, who is told at once', async () => {
    const { id, actor, candidate, actorSocket } = await liveConsultation();
    const ended = stateWhere(actorSocket, (s) => s.status === 'cancelled');
    const told = eventMatching<{ kind: string; session_id: string }>(actorSocket, 'notify', (n) => n.session_id === id);
    const erased = await app.http.delete('/api/auth/me', { password: candidate.password }, { token: candidate.token });
    expect(erased.status, JSON.stringify(erased.body)).toBe(204);
    const kept = await app.http.get(`/api/sessions/${id}`, { token: actor.token });
    expect(kept.body).toMatchObject({ id, status: 'cancelled', guest_id: null, paused_at: null });
    expect((await ended).guest_id).toBeNull();
    expect((await told).kind).toBe('session_cancelled');
  });

  it('a host who erases their account ends their sessions for others: the guest mid-station is told at once, an open one leaves the board', async () => {
    const { id, actor, candidate, candidateSocket } = await liveConsultation();
    const open = await app.http.post(
      '/api/sessions',
      { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: caseId, preset: 'plab2' },
      { token: actor.token },
    );
    const { socket: watcher } = await connectSocket(app.url);
    sockets.push(watcher);
    await watcher.emitWithAck('board:watch', {});
    const offBoard = eventMatching<{ id: string }>(watcher, 'board:remove', (b) => b.id === open.body.id);
    const ended = stateWhere(candidateSocket, (s) => s.id === id && s.status === 'cancelled');
    const told = eventMatching<{ kind: string; session_id: string; message: string }>(candidateSocket, 'notify', (n) => n.session_id === id);
    expect((await app.http.delete('/api/auth/me', { password: actor.password }, { token: actor.token })).status).toBe(204);
    const last = await ended;
    // Still the candidate's view: the case stays hidden from them.
    expect(last).toMatchObject({ your_role: 'candidate', case_id: null, paused_at: null });
    expect(await told).toMatchObject({ kind: 'session_cancelled', message: expect.stringContaining('host left') });
    await offBoard;
    expect((await app.http.get(`/api/sessions/${id}`, { token: candidate.token })).status).toBe(404);
  });

  it('a guest who erases their account before the start reopens the slot: back on the board, the host told', async () => {
    const host = await createUser(app);
    const guest = await createUser(app);
    const pub = await app.http.post(
      '/api/sessions',
      { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: caseId, preset: 'plab2' },
      { token: host.token },
    );
    expect((await app.http.post(`/api/sessions/${pub.body.id}/signup`, { version: pub.body.version }, { token: guest.token })).status).toBe(200);
    const hostSocket = await joined(host, pub.body.id);
    const { socket: watcher } = await connectSocket(app.url);
    sockets.push(watcher);
    await watcher.emitWithAck('board:watch', {});
    const reopened = eventMatching<{ id: string; status: string; has_guest: boolean }>(watcher, 'board:upsert', (b) => b.id === pub.body.id);
    const told = eventMatching<{ kind: string; session_id: string }>(hostSocket, 'notify', (n) => n.session_id === pub.body.id);
    expect((await app.http.delete('/api/auth/me', { password: guest.password }, { token: guest.token })).status).toBe(204);
    expect(await reopened).toMatchObject({ status: 'open', has_guest: false });
    expect((await told).kind).toBe('guest_withdrew');
  });
});
