import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionPresence } from '../../server/src/contract/realtime.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser } from '../helpers/factories.js';
import { connectSocket, eventMatching, record, roundTrip, type ClientSocket } from '../helpers/sockets.js';
import { matchedStation, sharedCase } from '../helpers/station.js';

// The room says whether the partner has arrived: `session:presence` tells both participants who
// has the room open, on every arrival and departure, and nobody else.
describe.each(dbTargets)('who is in the room (session:presence) on %s', (target) => {
  let app: TestApp;
  let caseId: string;
  const open: ClientSocket[] = [];
  const connect = async (token?: string) => {
    const { socket } = await connectSocket(app.url, token ? { token } : {});
    open.push(socket);
    return socket;
  };
  beforeAll(async () => {
    app = await startTestApp(target);
    caseId = (await sharedCase(app)).id;
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  async function pair() {
    const actor = await createUser(app, { first_name: 'Ada' });
    const candidate = await createUser(app, { first_name: 'Cal' });
    const { id } = await matchedStation(app, { actor, candidate, caseId });
    return { id, actor, candidate };
  }

  const presenceWhere = (socket: ClientSocket, id: string, present: string[]) =>
    eventMatching<SessionPresence>(socket, 'session:presence', (p) => p.session_id === id && [...p.present].sort().join() === [...present].sort().join());

  it('rejects the unauthenticated: an anonymous socket cannot join, and hears no presence', async () => {
    const { id, actor } = await pair();
    const anon = await connect();
    const heard = record<SessionPresence>(anon, 'session:presence');
    expect(await anon.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    const actorSocket = await connect(actor.token);
    expect(await actorSocket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
    await roundTrip(anon);
    expect(heard).toEqual([]);
  });

  it('another user gets 404, never appears in the room, and hears nothing of it', async () => {
    const { id, actor } = await pair();
    const stranger = await createUser(app);
    const strangerSocket = await connect(stranger.token);
    const heard = record<SessionPresence>(strangerSocket, 'session:presence');
    expect(await strangerSocket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const actorSocket = await connect(actor.token);
    const seen = presenceWhere(actorSocket, id, [actor.id]);
    expect(await actorSocket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
    expect((await seen).present).toEqual([actor.id]);
    await roundTrip(strangerSocket);
    expect(heard).toEqual([]);
  });

  it('each arrival and departure reaches both participants: joining, leaving the room view, and a dropped connection', async () => {
    const { id, actor, candidate } = await pair();
    const candidateSocket = await connect(candidate.token);
    const alone = presenceWhere(candidateSocket, id, [candidate.id]);
    expect(await candidateSocket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
    await alone;

    // The actor arrives: both hear that both are there.
    const actorSocket = await connect(actor.token);
    const bothForCandidate = presenceWhere(candidateSocket, id, [candidate.id, actor.id]);
    const bothForActor = presenceWhere(actorSocket, id, [candidate.id, actor.id]);
    expect(await actorSocket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
    await Promise.all([bothForCandidate, bothForActor]);

    // The actor closes the room view (the socket stays connected): the candidate is alone again.
    const leftView = presenceWhere(candidateSocket, id, [candidate.id]);
    expect(await actorSocket.emitWithAck('session:leave', { session_id: id })).toEqual({ ok: true });
    await leftView;

    // Back, then the connection drops: told at once, not after the clock's grace period.
    const back = presenceWhere(candidateSocket, id, [candidate.id, actor.id]);
    expect(await actorSocket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
    await back;
    const dropped = presenceWhere(candidateSocket, id, [candidate.id]);
    actorSocket.close();
    await dropped;
  });

  it('a participant with two tabs is there until the last one leaves', async () => {
    const { id, actor, candidate } = await pair();
    const candidateSocket = await connect(candidate.token);
    const heard = record<SessionPresence>(candidateSocket, 'session:presence');
    const presentAt = (n: number) => [...heard[n]!.present].sort();
    expect(await candidateSocket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
    const [tab1, tab2] = [await connect(actor.token), await connect(actor.token)];
    for (const tab of [tab1, tab2]) expect(await tab.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
    // One update per arrival: the candidate's own, then each tab's.
    await expect.poll(() => heard.length).toBe(3);

    tab1.close();
    await expect.poll(() => heard.length).toBe(4);
    expect(presentAt(3)).toEqual([candidate.id, actor.id].sort());
    tab2.close();
    await expect.poll(() => heard.length).toBe(5);
    expect(presentAt(4)).toEqual([candidate.id]);
  });
});
