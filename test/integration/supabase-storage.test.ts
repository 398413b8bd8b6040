import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supabaseBlobStore } from '../../server/src/storage/supabase-blob-store.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser } from '../helpers/factories.js';
import { connectSocket, type ClientSocket } from '../helpers/sockets.js';
import { startStorageApi } from '../helpers/storage-api.js';

const KEY = 'service-role-key-for-tests';

describe('the Supabase Storage BlobStore (supabase-js over HTTP to a Storage API stand-in)', () => {
  let api: Awaited<ReturnType<typeof startStorageApi>>;
  beforeAll(async () => {
    api = await startStorageApi(KEY);
  });
  afterAll(() => api?.close());

  it('creates the bucket private on first use, writes and reads back, replaces whole objects', async () => {
    const store = supabaseBlobStore({ url: api.url, serviceRoleKey: KEY });
    expect(store.kind).toBe('supabase');
    await store.put('assessments', 's1/transcript.json', '{"a":1}', 'application/json');
    expect(api.buckets.get('assessments')).toEqual({ id: 'assessments', public: false });
    expect(api.objects.get('assessments/s1/transcript.json')?.contentType).toBe('application/json');
    expect(await store.get('assessments', 's1/transcript.json')).toBe('{"a":1}');
    await store.put('assessments', 's1/transcript.json', '{"a":2}', 'application/json');
    expect(await store.get('assessments', 's1/transcript.json')).toBe('{"a":2}');
    // The bucket is looked up once per process, not before every write.
    const bucketCalls = api.requests.filter((r) => r.path.startsWith('/storage/v1/bucket'));
    expect(bucketCalls.map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it('answers null for a missing object and refuses paths outside the bucket', async () => {
    const store = supabaseBlobStore({ url: api.url, serviceRoleKey: KEY });
    await store.put('assessments', 's2/assessment.json', '{}', 'application/json');
    expect(await store.get('assessments', 's2/missing.json')).toBeNull();
    await expect(store.put('assessments', '../escape.json', '{}', 'application/json')).rejects.toThrow(/invalid object path/);
    await expect(store.get('assessments', 's2/../../x')).rejects.toThrow(/invalid object path/);
  });

  it('fails loudly with a wrong key, and refuses to write into a public bucket', async () => {
    const wrong = supabaseBlobStore({ url: api.url, serviceRoleKey: 'not-the-key' });
    await expect(wrong.put('assessments', 's3/a.json', '{}', 'application/json')).rejects.toThrow(/invalid signature/);
    api.buckets.set('public-bucket', { id: 'public-bucket', public: true });
    const store = supabaseBlobStore({ url: api.url, serviceRoleKey: KEY });
    await expect(store.put('public-bucket', 'x.json', '{}', 'application/json')).rejects.toThrow(/must be private/);
  });
});

describe.each(dbTargets)('the platform with Supabase Storage configured on %s', (target) => {
  let api: Awaited<ReturnType<typeof startStorageApi>>;
  let app: TestApp;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    api = await startStorageApi(KEY);
    app = await startTestApp(target, { env: { SUPABASE_URL: api.url, SUPABASE_SERVICE_ROLE_KEY: KEY } });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await app?.close();
    await api?.close();
  });

  it('reports it in the health check and writes transcript.json and assessment.json to the bucket', async () => {
    expect((await app.http.get('/api/health')).body).toMatchObject({ status: 'ok', storage: 'supabase' });
    const { rows } = await app.db.query<{ id: string }>("select id from public.cases where owner_id is null order by case_name limit 1");
    const actor = await createUser(app);
    const candidate = await createUser(app);
    const pub = await app.http.post(
      '/api/sessions',
      { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: rows[0]!.id, preset: 'plab2' },
      { token: actor.token },
    );
    await app.db.query("update public.practice_sessions set datetime_utc = now() + interval '5 minutes' where id = $1", [pub.body.id]);
    const seen = await app.http.get(`/api/sessions/${pub.body.id}`, { token: candidate.token });
    expect((await app.http.post(`/api/sessions/${pub.body.id}/signup`, { version: seen.body.version }, { token: candidate.token })).status).toBe(200);
    const id = pub.body.id as string;
    const { socket } = await connectSocket(app.url, { token: actor.token });
    sockets.push(socket);
    await socket.emitWithAck('session:join', { session_id: id });
    for (const to of ['reading', 'consultation'] as const) expect(await socket.emitWithAck('session:advance', { session_id: id, to })).toMatchObject({ ok: true });
    const said = await app.http.post(`/api/sessions/${id}/transcript/segments`, { speaker: 'candidate', at_ms: 1000, text: 'Hello, I am one of the doctors.' }, { token: candidate.token });
    expect(said.status).toBe(201);
    for (const to of ['feedback', 'completed'] as const) expect(await socket.emitWithAck('session:advance', { session_id: id, to })).toMatchObject({ ok: true });

    await expect.poll(() => api.objects.has(`assessments/${id}/assessment.json`), { timeout: 5_000 }).toBe(true);
    const transcript = JSON.parse(api.objects.get(`assessments/${id}/transcript.json`)!.body.toString('utf8'));
    expect(transcript).toMatchObject({ session_id: id, segments: [{ speaker: 'candidate', at_ms: 1000, text: 'Hello, I am one of the doctors.' }] });
    const assessment = JSON.parse(api.objects.get(`assessments/${id}/assessment.json`)!.body.toString('utf8'));
    expect(assessment).toMatchObject({ session_id: id, candidate_id: candidate.id, actor_id: actor.id, auto_analysis: expect.any(Object) });
    expect(api.buckets.get('assessments')?.public).toBe(false);

    // The candidate's reflection rewrites assessment.json in the bucket.
    const reflected = await app.http.put(`/api/sessions/${id}/assessment`, { self_reflection: 'Explore concerns earlier.' }, { token: candidate.token });
    expect(reflected.status).toBe(200);
    const updated = JSON.parse(api.objects.get(`assessments/${id}/assessment.json`)!.body.toString('utf8'));
    expect(updated.self_reflection).toBe('Explore concerns earlier.');
  });
});
