import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { expectSqlError } from '../helpers/sql.js';

describe.each(dbTargets)('assessments bucket policies (storage.objects stand-in) on %s', (target) => {
  let app: TestApp;
  let host: TestUser;
  let guest: TestUser;
  let stranger: TestUser;
  let sessionId: string;
  beforeAll(async () => {
    app = await startTestApp(target);
    [host, guest, stranger] = await Promise.all([createUser(app), createUser(app), createUser(app)]);
    const pub = await app.http.post('/api/sessions', { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'candidate' }, { token: host.token });
    sessionId = pub.body.id;
    const v = (await app.http.get(`/api/sessions/${sessionId}`, { token: guest.token })).body.version;
    expect((await app.http.post(`/api/sessions/${sessionId}/signup`, { version: v }, { token: guest.token })).status).toBe(200);
  });
  afterAll(() => app?.close());

  const as = (user: TestUser, sql: string, params: unknown[] = []) => app.db.asUser(user.claims, (tx) => tx.query(sql, params));
  const insert = (user: TestUser, name: string, bucket = 'assessments') =>
    as(user, 'insert into storage.objects (bucket_id, name) values ($1, $2)', [bucket, name]);

  it('only the host writes a session’s documents', async () => {
    await insert(host, `${sessionId}/transcript.json`);
    await expectSqlError(insert(guest, `${sessionId}/assessment.json`), '42501');
    await expectSqlError(insert(stranger, `${sessionId}/assessment.json`), '42501');
    // A host of one session cannot write into another session's folder.
    const other = await app.http.post('/api/sessions', { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'candidate' }, { token: stranger.token });
    await expectSqlError(insert(host, `${other.body.id}/transcript.json`), '42501');
  });

  it('the host and the guest read them; nobody else does', async () => {
    const read = async (user: TestUser) =>
      (await as(user, "select name from storage.objects where bucket_id = 'assessments' and name like $1", [`${sessionId}/%`])).rows;
    expect(await read(host)).toEqual([{ name: `${sessionId}/transcript.json` }]);
    expect(await read(guest)).toEqual([{ name: `${sessionId}/transcript.json` }]);
    expect(await read(stranger)).toEqual([]);
  });

  it('only the host replaces or deletes them; other buckets are not covered', async () => {
    expect((await as(guest, "update storage.objects set metadata = '{}' where name = $1", [`${sessionId}/transcript.json`])).rowCount).toBe(0);
    expect((await as(guest, 'delete from storage.objects where name = $1', [`${sessionId}/transcript.json`])).rowCount).toBe(0);
    expect((await as(host, "update storage.objects set metadata = '{\"size\": 1}' where name = $1", [`${sessionId}/transcript.json`])).rowCount).toBe(1);
    await expectSqlError(insert(host, `${sessionId}/x.json`, 'avatars'), '42501');
    expect((await as(host, 'delete from storage.objects where name = $1', [`${sessionId}/transcript.json`])).rowCount).toBe(1);
  });
});
