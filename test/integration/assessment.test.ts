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
  it('a host who erases their account leaves the guest their completed stations: session, marks, portfolio; nobody else gains anything', async () => {
    const { id, actor, candidate, actorSocket } = await runningStation();
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' });
    const marks = Object.fromEntries(theCase.domains.map((d) => [d, 3]));
    expect((await app.http.put(`/api/sessions/${id}/assessment`, { marks, global_rating: 'pass', strengths: 'Kind and clear.' }, { token: actor.token })).status).toBe(200);
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'completed' });
    // A second station hosted as the candidate, with the guest as the actor (written as the owner).
    const { rows: hosted } = await app.db.query<{ id: string; candidate_id: string }>(
      `insert into public.practice_sessions (host_id, guest_id, datetime_utc, host_role, status, phase, reading_s, consultation_s, feedback_s)
       values ($1, $2, now() - interval '1 day', 'candidate', 'completed', 'completed', 60, 300, 60) returning id, candidate_id`,
      [actor.id, candidate.id],
    );
    expect(hosted[0]!.candidate_id).toBe(actor.id);
    const upcoming = await app.http.post('/api/sessions', { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: theCase.id }, { token: actor.token });

    expect((await app.http.delete('/api/auth/me', { password: actor.password }, { token: actor.token })).status).toBe(204);

    const { rows } = await app.db.query<{ id: string; host_id: string | null; guest_id: string; candidate_id: string | null; status: string }>(
      'select id, host_id, guest_id, candidate_id, status from public.practice_sessions where id = any($1::uuid[]) order by id',
      [[id, hosted[0]!.id, upcoming.body.id]],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { id, host_id: null, guest_id: candidate.id, candidate_id: candidate.id, status: 'completed' },
        { id: hosted[0]!.id, host_id: null, guest_id: candidate.id, candidate_id: null, status: 'completed' },
      ]),
    );
    expect(rows).toHaveLength(2); // the upcoming one went with its host
    const kept = await app.http.get(`/api/sessions/${id}`, { token: candidate.token });
    expect(kept.body).toMatchObject({ id, host_id: null, your_role: 'candidate', status: 'completed' });
    expect((await app.http.get(`/api/sessions/${id}/assessment`, { token: candidate.token })).body).toMatchObject({ marks, global_rating: 'pass' });
    const portfolio = (await app.http.get('/api/portfolio', { token: candidate.token })).body;
    expect(portfolio.summary).toMatchObject({ completed_as_candidate: 1, completed_as_actor: 1, average_marks: marks });
    // Nobody to swap roles with.
    const { socket } = await connectSocket(app.url, { token: candidate.token });
    sockets.push(socket);
    expect(await socket.emitWithAck('session:next', { session_id: id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // A missing host opens nothing to anyone else, in SQL too.
    const stranger = await createUser(app);
    expect((await app.http.get(`/api/sessions/${id}`, { token: stranger.token })).status).toBe(404);
    const brief = await app.db.asUser(stranger.claims, (tx) => tx.query<{ b: unknown }>('select public.session_brief($1) as b', [id]));
    expect(brief.rows[0]!.b).toBeNull();
    await expectSqlError(app.db.asUser(stranger.claims, (tx) => tx.query('select public.start_next_station($1)', [id])), 'PT404');
    expect((await app.db.asUser(stranger.claims, (tx) => tx.query('select id from public.practice_sessions where id = $1', [id]))).rows).toEqual([]);
    // Only a completed station may lack its host.
    await expectSqlError(app.db.query("update public.practice_sessions set status = 'live' where id = $1", [id]), '23514');
  });
  it('an erased participant’s own words leave the record the other keeps: their transcript lines and self-reflection, in the database and in the bucket', async () => {
    const { id, actor, candidate, actorSocket, candidateSocket } = await runningStation();
    await candidateSocket.emitWithAck('transcript:append', { session_id: id, speaker: 'candidate', at_ms: 1000, text: 'Candidate line to be forgotten.' });
    await actorSocket.emitWithAck('transcript:append', { session_id: id, speaker: 'actor', at_ms: 4000, text: 'Actor line that stays.' });
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'feedback' });
    const marks = Object.fromEntries(theCase.domains.map((d) => [d, 2]));
    expect((await app.http.put(`/api/sessions/${id}/assessment`, { marks, global_rating: 'borderline', strengths: 'Listened well.' }, { token: actor.token })).status).toBe(200);
    expect((await app.http.put(`/api/sessions/${id}/assessment`, { self_reflection: 'A private reflection to be forgotten.' }, { token: candidate.token })).status).toBe(200);
    await actorSocket.emitWithAck('session:advance', { session_id: id, to: 'completed' });
    const file = (name: string) => readFile(path.join(app.config.dataDir, 'storage', 'assessments', id, name), 'utf8');
    await expect.poll(() => file('assessment.json').catch(() => ''), { timeout: 10_000 }).toContain('A private reflection to be forgotten.');
    expect(await file('transcript.json')).toContain('Candidate line to be forgotten.');

    expect((await app.http.delete('/api/auth/me', { password: candidate.password }, { token: candidate.token })).status).toBe(204);

    const kept = await app.http.get(`/api/sessions/${id}/assessment`, { token: actor.token });
    expect(kept.body).toMatchObject({ marks, global_rating: 'borderline', feedback: { strengths: 'Listened well.' }, self_reflection: '' });
    const transcript = await app.http.get(`/api/sessions/${id}/transcript`, { token: actor.token });
    expect(transcript.body.segments.map((s: { text: string }) => s.text)).toEqual(['Actor line that stays.']);
    const files = (await file('assessment.json')) + (await file('transcript.json'));
    expect(files).toContain('Actor line that stays.');
    expect(files).toContain('Listened well.');
    expect(files).not.toContain('to be forgotten');
  });
});
