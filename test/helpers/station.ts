import { expect } from 'vitest';
import type { TestApp } from './app.js';
import type { TestUser } from './factories.js';
import { connectSocket } from './sockets.js';

export interface StationScript {
  actor: TestUser;
  candidate: TestUser;
  /** A case the actor may pick: the shared bank's or the actor's own. */
  caseId: string;
  /** Said during the consultation, in order. */
  segments?: { speaker: 'candidate' | 'actor'; text: string }[];
  marks: Record<string, number>;
  global_rating?: 'clear_fail' | 'fail' | 'borderline' | 'pass' | 'clear_pass';
  strengths?: string;
  improvements?: string;
  self_reflection?: string;
}

/**
 * Runs one whole station through the real API and sockets, as the room does: the actor publishes
 * with the case, the candidate signs up, both join, the actor moves reading → consultation (the
 * transcript is spoken) → feedback (marks and reflection) → completed. Returns the session id.
 */
export interface StationTiming {
  reading_s: number;
  consultation_s: number;
  feedback_s: number;
  warning_s: number | null;
}

/**
 * The actor publishes a session with the case (custom `timing`, else PLAB 2) and the candidate
 * signs up; it starts in five minutes, so its room is open.
 */
export async function matchedStation(
  app: TestApp,
  s: { actor: TestUser; candidate: TestUser; caseId: string; timing?: StationTiming },
): Promise<{ id: string; roomPath: string }> {
  const pub = await app.http.post(
    '/api/sessions',
    { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: s.caseId, ...(s.timing ? { preset: 'custom', timing: s.timing } : {}) },
    { token: s.actor.token },
  );
  expect(pub.status, JSON.stringify(pub.body)).toBe(201);
  const id = pub.body.id as string;
  await app.db.query("update public.practice_sessions set datetime_utc = now() + interval '5 minutes' where id = $1", [id]);
  const seen = await app.http.get(`/api/sessions/${id}`, { token: s.candidate.token });
  const joined = await app.http.post(`/api/sessions/${id}/signup`, { version: seen.body.version }, { token: s.candidate.token });
  expect(joined.status, JSON.stringify(joined.body)).toBe(200);
  return { id, roomPath: pub.body.room_url as string };
}

export async function completedStation(app: TestApp, s: StationScript): Promise<string> {
  const { id } = await matchedStation(app, s);

  const actorSocket = (await connectSocket(app.url, { token: s.actor.token })).socket;
  const candidateSocket = (await connectSocket(app.url, { token: s.candidate.token })).socket;
  try {
    for (const socket of [actorSocket, candidateSocket]) {
      expect(await socket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: true });
    }
    const advance = async (to: 'reading' | 'consultation' | 'feedback' | 'completed') =>
      expect(await actorSocket.emitWithAck('session:advance', { session_id: id, to })).toMatchObject({ ok: true });
    await advance('reading');
    await advance('consultation');
    let at = 1000;
    for (const seg of s.segments ?? []) {
      const socket = seg.speaker === 'actor' ? actorSocket : candidateSocket;
      expect(await socket.emitWithAck('transcript:append', { session_id: id, speaker: seg.speaker, at_ms: at, text: seg.text })).toMatchObject({ ok: true });
      at += 3000;
    }
    await advance('feedback');
    const marked = await app.http.put(
      `/api/sessions/${id}/assessment`,
      { marks: s.marks, global_rating: s.global_rating ?? 'pass', strengths: s.strengths ?? '', improvements: s.improvements ?? '' },
      { token: s.actor.token },
    );
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    if (s.self_reflection) {
      const reflected = await app.http.put(`/api/sessions/${id}/assessment`, { self_reflection: s.self_reflection }, { token: s.candidate.token });
      expect(reflected.status, JSON.stringify(reflected.body)).toBe(200);
    }
    await advance('completed');
  } finally {
    actorSocket.close();
    candidateSocket.close();
  }
  return id;
}

/** A shared-bank case with the default mark-scheme domains, for stations whose case does not matter. */
export async function sharedCase(app: TestApp): Promise<{ id: string; domains: string[] }> {
  const { rows } = await app.db.query<{ id: string; mark_scheme: { domains: { id: string }[] } }>(
    `select c.id, k.mark_scheme from public.cases c join public.case_content k on k.case_id = c.id
      where c.owner_id is null order by c.case_name limit 1`,
  );
  const r = rows[0]!;
  return { id: r.id, domains: r.mark_scheme.domains.map((d) => d.id) };
}
