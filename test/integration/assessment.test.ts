import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { connectSocket, eventMatching, type ClientSocket } from '../helpers/sockets.js';
import { expectSqlError } from '../helpers/sql.js';

interface CaseFacts {
  id: string;
  ifAsked: string[];
  domains: string[];
  checklist: string[];
}

describe.each(dbTargets)('assessment on %s', (target) => {
  let app: TestApp;
  let theCase: CaseFacts;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    app = await startTestApp(target);
    const { rows } = await app.db.query<{ id: string; actor_brief: { facts: { id: string; disclosure: string }[] }; mark_scheme: { domains: { id: string }[]; checklist: { id: string }[] } }>(
      "select c.id, k.actor_brief, k.mark_scheme from public.cases c join public.case_content k on k.case_id = c.id where c.owner_id is null order by c.case_name limit 1",
    );
    const r = rows[0]!;
    theCase = {
      id: r.id,
      ifAsked: r.actor_brief.facts.filter((f) => f.disclosure === 'if_asked').map((f) => f.id),
      domains: r.mark_scheme.domains.map((d) => d.id),
      checklist: r.mark_scheme.checklist.map((c) => c.id),
    };
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  async function runningStation() {
    const actor = await createUser(app);
    const candidate = await createUser(app);
    const pub = await app.http.post('/api/sessions', { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: theCase.id }, { token: actor.token });
    await app.db.query("update public.practice_sessions set datetime_utc = now() + interval '5 minutes' where id = $1", [pub.body.id]);
    const seen = await app.http.get(`/api/sessions/${pub.body.id}`, { token: candidate.token });
    await app.http.post(`/api/sessions/${pub.body.id}/signup`, { version: seen.body.version }, { token: candidate.token });
    const id = pub.body.id as string;
    const join = async (u: TestUser) => {
      const { socket } = await connectSocket(app.url, { token: u.token });
      sockets.push(socket);
      await socket.emitWithAck('session:join', { session_id: id });
      return socket;
    };
    const actorSocket = await join(actor);
    const candidateSocket = await join(candidate);
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'reading' });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'consultation' });
    return { id, actor, candidate, actorSocket, candidateSocket };
  }

  it('the disclosure tracker is the actor’s alone and never reaches the candidate before feedback', async () => {
    const { id, actor, candidate, actorSocket, candidateSocket } = await runningStation();
    const candidateHeard: unknown[] = [];
    candidateSocket.on('facts:elicited', (p) => candidateHeard.push(p));
    expect(await candidateSocket.emitWithAck('facts:elicited', { session_id: id, fact_id: theCase.ifAsked[0]! })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await actorSocket.emitWithAck('facts:elicited', { session_id: id, fact_id: 'not_a_fact' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const echoed = eventMatching<{ elicited: string[] }>(actorSocket, 'facts:elicited', (p) => p.elicited.length === 2);
    await actorSocket.emitWithAck('facts:elicited', { session_id: id, fact_id: theCase.ifAsked[0]! });
    const ack = await actorSocket.emitWithAck('facts:elicited', { session_id: id, fact_id: theCase.ifAsked[1]! });
    expect(ack).toMatchObject({ ok: true, state: { if_asked_total: theCase.ifAsked.length, coverage: Math.round((2 / theCase.ifAsked.length) * 1000) / 1000 } });
    expect((await echoed).elicited.sort()).toEqual([theCase.ifAsked[0], theCase.ifAsked[1]].sort());
    expect((await actorSocket.emitWithAck('facts:elicited', { session_id: id, fact_id: theCase.ifAsked[1]!, elicited: false })).ok).toBe(true);

    expect((await app.http.get(`/api/sessions/${id}/assessment`, { token: candidate.token })).status).toBe(409);
    const inSql = await app.db.asUser(candidate.claims, (tx) => tx.query('select elicited_facts from public.session_assessments where session_id = $1', [id]));
    expect(inSql.rows).toEqual([]);
    const forActor = await app.http.get(`/api/sessions/${id}/assessment`, { token: actor.token });
    expect(forActor.body.elicited_facts).toEqual([theCase.ifAsked[0]]);
    await candidateSocket.emitWithAck('board:watch', {});
    expect(candidateHeard).toEqual([]);
    await expectSqlError(app.db.asUser(actor.claims, (tx) => tx.query("update public.session_assessments set global_rating = 'pass' where session_id = $1", [id])), '42501');
  });

  it('the actor marks against the mark scheme, the candidate reflects, both read it; analysis and assessment.json at completion', async () => {
    const { id, actor, candidate, actorSocket, candidateSocket } = await runningStation();
    const stranger = await createUser(app);
    await candidateSocket.emitWithAck('transcript:append', { session_id: id, speaker: 'candidate', at_ms: 1000, text: 'Hello, my name is Dr Cal. Can you confirm your full name and date of birth?' });
    await actorSocket.emitWithAck('transcript:append', { session_id: id, speaker: 'actor', at_ms: 4000, text: 'Yes, it is on the letter.' });
    await candidateSocket.emitWithAck('transcript:append', { session_id: id, speaker: 'candidate', at_ms: 9000, text: 'What brings you in today? Is there anything you are worried about?' });
    await actorSocket.emitWithAck('facts:elicited', { session_id: id, fact_id: theCase.ifAsked[0]! });

    const marks = Object.fromEntries(theCase.domains.map((d) => [d, 3]));
    const early = await app.http.put(`/api/sessions/${id}/assessment`, { marks, global_rating: 'pass' }, { token: actor.token });
    expect(early.status).toBe(409);
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' });

    const wrong = await app.http.put(`/api/sessions/${id}/assessment`, { marks: { ...marks, made_up: 2, [theCase.domains[0]!]: 7 }, global_rating: 'pass' }, { token: actor.token });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining([`marks.${theCase.domains[0]}`]));
    const missing = await app.http.put(`/api/sessions/${id}/assessment`, { marks: {}, global_rating: 'pass' }, { token: actor.token });
    expect(missing.status).toBe(400);
    const byCandidate = await app.http.put(`/api/sessions/${id}/assessment`, { marks, global_rating: 'clear_pass' }, { token: candidate.token });
    expect(byCandidate.status).toBe(403);

    const marked = await app.http.put(
      `/api/sessions/${id}/assessment`,
      { marks, checklist: { [theCase.checklist[0]!]: true }, global_rating: 'pass', strengths: 'Clear introduction.', improvements: 'Explore concerns earlier.' },
      { token: actor.token },
    );
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ marks, global_rating: 'pass', feedback: { strengths: 'Clear introduction.' }, candidate_id: candidate.id, actor_id: actor.id });
    expect((await app.http.put(`/api/sessions/${id}/assessment`, { self_reflection: 'I rushed.' }, { token: actor.token })).status).toBe(403);
    const reflected = await app.http.put(`/api/sessions/${id}/assessment`, { self_reflection: 'I rushed the history.' }, { token: candidate.token });
    expect(reflected.status).toBe(200);
    const seenByCandidate = await app.http.get(`/api/sessions/${id}/assessment`, { token: candidate.token });
    expect(seenByCandidate.body).toMatchObject({ marks, self_reflection: 'I rushed the history.', elicited_facts: [theCase.ifAsked[0]] });
    expect((await app.http.get(`/api/sessions/${id}/assessment`, { token: stranger.token })).status).toBe(404);

    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'completed' });
    const done = await app.http.get(`/api/sessions/${id}/assessment`, { token: candidate.token });
    expect(done.body.completed_at).toEqual(expect.any(String));
    expect(done.body.auto_analysis).toMatchObject({
      introduction: { introduced_self: true, checked_identity: true },
      ice: { concerns: true },
      disclosure: { elicited: 1, if_asked_total: theCase.ifAsked.length },
    });
    const stored = JSON.parse(await readFile(path.join(app.config.dataDir, 'storage', 'assessments', id, 'assessment.json'), 'utf8'));
    expect(stored).toMatchObject({ session_id: id, case_id: theCase.id, marks, global_rating: 'pass', self_reflection: 'I rushed the history.', feedback: { improvements: 'Explore concerns earlier.' } });
    expect(stored.auto_analysis).toEqual(done.body.auto_analysis);
  });
});
