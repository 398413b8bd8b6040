import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser } from '../helpers/factories.js';

describe.each(dbTargets)('profiles on %s', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app?.close());

  it('rejects the unauthenticated on writes and on /me', async () => {
    expect((await app.http.patch('/api/profiles/me', { first_name: 'X' })).status).toBe(401);
    expect((await app.http.get('/api/profiles/me')).status).toBe(401);
  });

  it('anyone, signed in or not, reads the public fields only', async () => {
    const owner = await createUser(app, { first_name: 'Mary', last_name: 'Seacole' });
    const viewer = await createUser(app);
    for (const as of [{}, { token: viewer.token }]) {
      const res = await app.http.get(`/api/profiles/${owner.id}`, as);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ user_id: owner.id, first_name: 'Mary', last_name: 'Seacole', training_level: 'foundation_year_1', avatar: null });
    }
  });

  it('an unknown profile is 404', async () => {
    const res = await app.http.get('/api/profiles/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('updates only the caller’s own profile, bumping version', async () => {
    const a = await createUser(app, { first_name: 'Alice' });
    const b = await createUser(app, { first_name: 'Bob' });
    const res = await app.http.patch('/api/profiles/me', { version: 1, first_name: 'Alicia', avatar: 'https://example.test/a.png' }, { token: a.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user_id: a.id, first_name: 'Alicia', avatar: 'https://example.test/a.png', version: 2 });
    expect((await app.http.get(`/api/profiles/${b.id}`)).body.first_name).toBe('Bob');
    const cleared = await app.http.patch('/api/profiles/me', { avatar: null }, { token: a.token });
    expect(cleared.body).toMatchObject({ avatar: null, version: 3 });
    expect((await app.http.get('/api/profiles/me', { token: a.token })).body).toMatchObject({ first_name: 'Alicia', version: 3 });
  });

  it('a stale version is 409 and changes nothing', async () => {
    const a = await createUser(app, { first_name: 'Alice' });
    expect((await app.http.patch('/api/profiles/me', { version: 1, first_name: 'First tab' }, { token: a.token })).status).toBe(200);
    const stale = await app.http.patch('/api/profiles/me', { version: 1, first_name: 'Second tab' }, { token: a.token });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect((await app.http.get(`/api/profiles/${a.id}`)).body.first_name).toBe('First tab');
  });

  it('refuses an empty change, a non-http avatar and an unknown training level', async () => {
    const a = await createUser(app);
    expect((await app.http.patch('/api/profiles/me', { version: 1 }, { token: a.token })).status).toBe(400);
    const js = await app.http.patch('/api/profiles/me', { avatar: 'javascript:alert(1)' }, { token: a.token });
    expect(js.status).toBe(400);
    expect(js.body.error.details[0].path).toBe('avatar');
    const lvl = await app.http.patch('/api/profiles/me', { training_level: 'wizard' }, { token: a.token });
    expect(lvl.status).toBe(400);
    expect(lvl.body.error.details[0].path).toBe('training_level');
  });
});
