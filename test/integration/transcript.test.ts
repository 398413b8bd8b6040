import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate, seed } from '../../server/src/db/migrator.js';
import { openPglite } from '../../server/src/db/pglite.js';
import { createLogger } from '../../server/src/logger.js';
import { startServer } from '../../server/src/server.js';
import { startTestApp, testConfig, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { httpClient, type HttpClient } from '../helpers/http.js';
import { connectSocket, eventMatching, type ClientSocket } from '../helpers/sockets.js';
import { expectSqlError } from '../helpers/sql.js';

/** A matched session with a case, planned in five minutes, ready for the actor to start. */
async function readySession(http: HttpClient, db: TestApp['db'], actor: TestUser, candidate: TestUser) {
  const { rows } = await db.query<{ id: string }>("select id from public.cases where owner_id is null order by case_name limit 1");
  const pub = await http.post('/api/sessions', { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: rows[0]!.id, preset: 'plab2' }, { token: actor.token });
  await db.query("update public.practice_sessions set datetime_utc = now() + interval '5 minutes' where id = $1", [pub.body.id]);
  const seen = await http.get(`/api/sessions/${pub.body.id}`, { token: candidate.token });
  await http.post(`/api/sessions/${pub.body.id}/signup`, { version: seen.body.version }, { token: candidate.token });
  return pub.body.id as string;
}

describe.each(dbTargets)('the transcript on %s', (target) => {
  let app: TestApp;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  const joinedSocket = async (user: TestUser, sessionId: string) => {
    const { socket } = await connectSocket(app.url, { token: user.token });
    sockets.push(socket);
    expect((await socket.emitWithAck('session:join', { session_id: sessionId })).ok).toBe(true);
    return socket;
  };

  it('stores each segment before acknowledging it, shows it live to both, and writes transcript.json on completion', async () => {
    const actor = await createUser(app);
    const candidate = await createUser(app);
    const stranger = await createUser(app);
    const id = await readySession(app.http, app.db, actor, candidate);
    const actorSocket = await joinedSocket(actor, id);
    const candidateSocket = await joinedSocket(candidate, id);

    const early = await candidateSocket.emitWithAck('transcript:append', { session_id: id, speaker: 'candidate', at_ms: 0, text: 'Hello' });
    expect(early).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'reading' });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'consultation' });

    const seenByActor = eventMatching<{ text: string }>(actorSocket, 'transcript:segment', (s) => s.text.startsWith('Hello, I am'));
    const ack = await candidateSocket.emitWithAck('transcript:append', { session_id: id, speaker: 'candidate', at_ms: 1_200, text: 'Hello, I am Dr Cal. Can you confirm your name?' });
    expect(ack).toMatchObject({ ok: true, segment: { speaker: 'candidate', at_ms: 1_200 } });
    // Acknowledged means stored: the row is there the moment the ack arrives.
    const { rows } = await app.db.query('select text from public.session_transcript_segments where session_id = $1', [id]);
    expect(rows).toEqual([{ text: 'Hello, I am Dr Cal. Can you confirm your name?' }]);
    expect(await seenByActor).toMatchObject({ session_id: id, speaker: 'candidate' });

    const viaRest = await app.http.post(`/api/sessions/${id}/transcript/segments`, { speaker: 'actor', at_ms: 2_500, text: 'Brian Whitfield, 67.' }, { token: actor.token });
    expect(viaRest.status).toBe(201);
    expect((await app.http.post(`/api/sessions/${id}/transcript/segments`, { speaker: 'actor', at_ms: 1, text: 'x' }, { token: stranger.token })).status).toBe(404);
    expect((await app.http.get(`/api/sessions/${id}/transcript`, { token: stranger.token })).status).toBe(404);
    expect((await app.http.post(`/api/sessions/${id}/transcript/segments`, { speaker: 'nobody', at_ms: -1, text: '' }, { token: actor.token })).status).toBe(400);

    const doc = await app.http.get(`/api/sessions/${id}/transcript`, { token: candidate.token });
    expect(doc.body).toMatchObject({ session_id: id, case_id: null, segments: [{ speaker: 'candidate', at_ms: 1_200 }, { speaker: 'actor', at_ms: 2_500, text: 'Brian Whitfield, 67.' }] });
    expect(doc.body.started_at).toEqual(expect.any(String));

    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'completed' });
    const stored = JSON.parse(await readFile(path.join(app.config.dataDir, 'storage', 'assessments', id, 'transcript.json'), 'utf8'));
    expect(stored).toMatchObject({ session_id: id, case_id: expect.any(String), started_at: doc.body.started_at });
    expect(stored.segments).toEqual(doc.body.segments);
    const late = await actorSocket.emitWithAck('transcript:append', { session_id: id, speaker: 'actor', at_ms: 9, text: 'too late' });
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('in SQL only participants read it, and only during the consultation may they add to it, as themselves', async () => {
    const actor = await createUser(app);
    const candidate = await createUser(app);
    const stranger = await createUser(app);
    const id = await readySession(app.http, app.db, actor, candidate);
    const insert = (who: TestUser, authorId: string) =>
      app.db.asUser(who.claims, (tx) =>
        tx.query("insert into public.session_transcript_segments (session_id, author_id, speaker, at_ms, text) values ($1, $2, 'actor', 5, 'x')", [id, authorId]),
      );
    await expectSqlError(insert(actor, actor.id), '42501');
    const actorSocket = await joinedSocket(actor, id);
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'reading' });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'consultation' });
    await insert(actor, actor.id);
    await expectSqlError(insert(actor, candidate.id), '42501');
    await expectSqlError(insert(stranger, stranger.id), '42501');
    const seenByStranger = await app.db.asUser(stranger.claims, (tx) => tx.query('select text from public.session_transcript_segments where session_id = $1', [id]));
    expect(seenByStranger.rows).toEqual([]);
    const seenByCandidate = await app.db.asUser(candidate.claims, (tx) => tx.query('select text from public.session_transcript_segments where session_id = $1', [id]));
    expect(seenByCandidate.rows).toEqual([{ text: 'x' }]);
  });
});

describe('transcript durability', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('a segment acknowledged before the database stops without a shutdown is there afterwards', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'platform-crash-'));
    dirs.push(dir);
    const open = async () => {
      const db = await openPglite(path.join(dir, 'pgdata'));
      await migrate(db);
      await seed(db);
      const server = await startServer({ config: testConfig({ DATA_DIR: dir }), db, logger: createLogger('silent') });
      return { db, server, http: httpClient(server.url) };
    };
    const first = await open();
    const app = { http: first.http, db: first.db, url: first.server.url } as unknown as TestApp;
    const actor = await createUser(app);
    const candidate = await createUser(app);
    const id = await readySession(first.http, first.db, actor, candidate);
    const { socket } = await connectSocket(first.server.url, { token: actor.token });
    await socket.emitWithAck('session:join', { session_id: id });
    await socket.emitWithAck('session:advance', { session_id: id, to: 'reading' });
    await socket.emitWithAck('session:advance', { session_id: id, to: 'consultation' });
    const ack = await socket.emitWithAck('transcript:append', { session_id: id, speaker: 'actor', at_ms: 100, text: 'Acknowledged, so it must survive' });
    expect(ack.ok).toBe(true);
    socket.close();
    // No graceful stop: the database is shut straight after the acknowledgement.
    await first.db.close();
    await first.server.close(10);

    const second = await open();
    try {
      const { rows } = await second.db.query('select text from public.session_transcript_segments where session_id = $1', [id]);
      expect(rows).toEqual([{ text: 'Acknowledged, so it must survive' }]);
    } finally {
      await second.server.close(100);
      await second.db.close();
    }
  });
});
