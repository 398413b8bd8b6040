import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earlierAttempts } from '../../server/src/domains/assessments/repo.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { connectSocket } from '../helpers/sockets.js';
import { completedStation, matchedStation } from '../helpers/station.js';

interface SharedCase {
  id: string;
  domains: string[];
}

describe.each(dbTargets)('a candidate’s earlier attempts at a case on %s', (target) => {
  let app: TestApp;
  let caseA: SharedCase;
  let caseB: SharedCase;
  beforeAll(async () => {
    app = await startTestApp(target);
    const { rows } = await app.db.query<{ id: string; mark_scheme: { domains: { id: string }[] } }>(
      'select c.id, k.mark_scheme from public.cases c join public.case_content k on k.case_id = c.id where c.owner_id is null order by c.case_name limit 2',
    );
    [caseA, caseB] = rows.map((r) => ({ id: r.id, domains: r.mark_scheme.domains.map((d) => d.id) })) as [SharedCase, SharedCase];
  });
  afterAll(() => app?.close());

  /** Every domain of the case marked `mark`. */
  const marksOf = (c: SharedCase, mark: number) => Object.fromEntries(c.domains.map((d) => [d, mark]));
  const station = (actor: TestUser, candidate: TestUser, c: SharedCase, mark: number) =>
    completedStation(app, { actor, candidate, caseId: c.id, marks: marksOf(c, mark), global_rating: mark >= 3 ? 'pass' : 'fail' });

  it('rejects the unauthenticated', async () => {
    const actor = await createUser(app);
    const candidate = await createUser(app);
    const id = await station(actor, candidate, caseA, 2);
    expect((await app.http.get(`/api/sessions/${id}/assessment/attempts`)).status).toBe(401);
  });

  it('another user gets 404, and finds nothing of the candidate’s attempts in SQL either', async () => {
    const actor = await createUser(app);
    const candidate = await createUser(app);
    const stranger = await createUser(app);
    const first = await station(actor, candidate, caseA, 1);
    const second = await station(actor, candidate, caseA, 3);
    const res = await app.http.get(`/api/sessions/${second}/assessment/attempts`, { token: stranger.token });
    expect(res.status).toBe(404);
    // The repository's own query, as the stranger, with the case id they might have guessed.
    const asStranger = await app.db.asUser(stranger.claims, (tx) => earlierAttempts(tx, { sessionId: second, caseId: caseA.id, before: null, limit: 10 }));
    expect(asStranger).toEqual([]);
    const asCandidate = await app.db.asUser(candidate.claims, (tx) => earlierAttempts(tx, { sessionId: second, caseId: caseA.id, before: null, limit: 10 }));
    expect(asCandidate.map((r) => r.session_id)).toEqual([first]);
  });

  it('the actor gets 403: the candidate’s other stations are not theirs', async () => {
    const actor = await createUser(app);
    const candidate = await createUser(app);
    const id = await station(actor, candidate, caseA, 2);
    const res = await app.http.get(`/api/sessions/${id}/assessment/attempts`, { token: actor.token });
    expect(res.status).toBe(403);
  });

  it('the candidate gets 409 before feedback (the case is still hidden from them)', async () => {
    const actor = await createUser(app);
    const candidate = await createUser(app);
    const { id } = await matchedStation(app, { actor, candidate, caseId: caseA.id });
    const { socket } = await connectSocket(app.url, { token: actor.token });
    try {
      expect(await socket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
      expect(await socket.emitWithAck('session:advance', { session_id: id, to: 'reading' })).toMatchObject({ ok: true });
      const res = await app.http.get(`/api/sessions/${id}/assessment/attempts`, { token: candidate.token });
      expect(res.status).toBe(409);
    } finally {
      socket.close();
    }
  });

  it('lists the candidate’s own earlier completed stations with the same case, oldest first — not other cases, not other candidates, not later ones', async () => {
    const actor = await createUser(app);
    const candidate = await createUser(app);
    const otherCandidate = await createUser(app);
    const first = await station(actor, candidate, caseA, 1);
    await station(actor, candidate, caseB, 4); // another case
    await station(actor, otherCandidate, caseA, 4); // the same case, someone else's attempt
    await station(candidate, actor, caseA, 4); // the same case, the candidate as the actor
    const second = await station(actor, candidate, caseA, 2);
    const third = await station(actor, candidate, caseA, 3);
    const later = await station(actor, candidate, caseA, 4);

    const res = await app.http.get(`/api/sessions/${third}/assessment/attempts`, { token: candidate.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.session_id).toBe(third);
    const attempts = res.body.attempts as { session_id: string; marks: Record<string, number>; global_rating: string; completed_at: string; datetime_utc: string }[];
    expect(attempts.map((a) => a.session_id)).toEqual([first, second]);
    expect(attempts.map((a) => a.marks)).toEqual([marksOf(caseA, 1), marksOf(caseA, 2)]);
    expect(attempts.map((a) => a.global_rating)).toEqual(['fail', 'fail']);
    expect(Date.parse(attempts[0]!.completed_at)).toBeLessThan(Date.parse(attempts[1]!.completed_at));
    expect(Number.isNaN(Date.parse(attempts[0]!.datetime_utc))).toBe(false);

    // The first attempt has no earlier one; the latest sees all three before it.
    expect((await app.http.get(`/api/sessions/${first}/assessment/attempts`, { token: candidate.token })).body.attempts).toEqual([]);
    const latest = await app.http.get(`/api/sessions/${later}/assessment/attempts`, { token: candidate.token });
    expect(latest.body.attempts.map((a: { session_id: string }) => a.session_id)).toEqual([first, second, third]);
  });
});
