// Hostile and clumsy input through real HTTP: every refusal is a contract-shaped 4xx that leaks no
// SQL or stack, and everything legitimately odd (quotes, any script, emoji) is stored verbatim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpResponse } from '../helpers/http.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, uniqueEmail, type TestUser } from '../helpers/factories.js';

/** Checks the contract's error shape exactly, and that nothing internal leaks; returns the error. */
function expectError(res: HttpResponse, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type') ?? '').toContain('application/json');
  expect(Object.keys(res.body as object)).toEqual(['error']);
  const error = (res.body as { error: Record<string, unknown> }).error;
  const keys = Object.keys(error).sort();
  expect(keys.filter((k) => k !== 'details')).toEqual(['code', 'message']);
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe('string');
  expect((error.message as string).length).toBeGreaterThan(0);
  if ('details' in error) {
    expect(Array.isArray(error.details)).toBe(true);
    for (const d of error.details as unknown[]) {
      expect(Object.keys(d as object).sort()).toEqual(['message', 'path']);
      expect(typeof (d as { path: unknown }).path).toBe('string');
      expect(typeof (d as { message: unknown }).message).toBe('string');
    }
  }
  const lower = res.text.toLowerCase();
  for (const leak of ['stack', 'select ', 'insert ', 'pg_']) expect(lower).not.toContain(leak);
  return error as { code: string; message: string; details?: { path: string; message: string }[] };
}

const detailPaths = (error: { details?: { path: string }[] }) => (error.details ?? []).map((d) => d.path);

const validRegistration = () => ({
  email: uniqueEmail('bad'),
  password: 'correct horse battery',
  first_name: 'Valid',
  last_name: 'Person',
  training_level: 'foundation_year_1',
});

describe.each(dbTargets)('bad input on %s', (target) => {
  let app: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    app = await startTestApp(target);
    user = await createUser(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('malformed and oversized bodies', () => {
    it('malformed JSON is 400 validation_failed', async () => {
      const res = await app.http.post('/api/auth/register', '{bad');
      expectError(res, 400, 'validation_failed');
      const login = await app.http.post('/api/auth/login', '{"email": "a@b.test", "password": ');
      expectError(login, 400, 'validation_failed');
      const patch = await app.http.patch('/api/profiles/me', '{bad', { token: user.token });
      expectError(patch, 400, 'validation_failed');
    });

    it('a JSON body that is not an object is 400', async () => {
      expectError(await app.http.post('/api/auth/login', '"just a string"'), 400, 'validation_failed');
      expectError(await app.http.post('/api/auth/login', '[1, 2]'), 400, 'validation_failed');
      expectError(await app.http.post('/api/auth/login', 'null'), 400, 'validation_failed');
    });

    it('a missing body on login is 400 naming the required fields', async () => {
      const res = await app.http.post('/api/auth/login');
      const error = expectError(res, 400, 'validation_failed');
      expect(detailPaths(error)).toEqual(expect.arrayContaining(['email', 'password']));
    });

    it('a non-JSON content type on login is 400 even when the text is valid credentials', async () => {
      const body = JSON.stringify({ email: user.email, password: user.password });
      const asText = await app.http.post('/api/auth/login', body, { headers: { 'content-type': 'text/plain' } });
      expectError(asText, 400, 'validation_failed');
      const asForm = await app.http.post('/api/auth/login', `email=${encodeURIComponent(user.email)}&password=${encodeURIComponent(user.password)}`, {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expectError(asForm, 400, 'validation_failed');
      // The same credentials as JSON do work, so the 400s above are about the content type.
      const asJson = await app.http.post('/api/auth/login', { email: user.email, password: user.password });
      expect(asJson.status).toBe(200);
    });

    it('a body over 1 MiB is 413 payload_too_large and creates nothing', async () => {
      const email = uniqueEmail('huge');
      const huge = { ...validRegistration(), email, last_name: 'x'.repeat(1024 * 1024 + 10) };
      const res = await app.http.post('/api/auth/register', huge);
      expectError(res, 413, 'payload_too_large');
      const { rows } = await app.db.query('select 1 from public.accounts where email = $1', [email]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('unknown fields are rejected on writes', () => {
    it('register with an unknown field is 400 naming it', async () => {
      const error = expectError(await app.http.post('/api/auth/register', { ...validRegistration(), nickname: 'sneaky' }), 400, 'validation_failed');
      expect(detailPaths(error)).toContain('nickname');
    });

    it('login with an unknown field is 400 naming it', async () => {
      const res = await app.http.post('/api/auth/login', { email: user.email, password: user.password, remember_me: true });
      const error = expectError(res, 400, 'validation_failed');
      expect(detailPaths(error)).toContain('remember_me');
    });

    it('profile PATCH with an unknown field is 400 naming it, and changes nothing', async () => {
      const before = await app.http.get('/api/profiles/me', { token: user.token });
      const res = await app.http.patch('/api/profiles/me', { first_name: 'Changed', user_id: '00000000-0000-4000-8000-000000000000' }, { token: user.token });
      const error = expectError(res, 400, 'validation_failed');
      expect(detailPaths(error)).toContain('user_id');
      const after = await app.http.get('/api/profiles/me', { token: user.token });
      expect(after.body).toEqual(before.body);
    });
  });

  describe('wrong types', () => {
    it('email as a number is 400 at path email', async () => {
      const error = expectError(await app.http.post('/api/auth/register', { ...validRegistration(), email: 12345 }), 400, 'validation_failed');
      expect(detailPaths(error)).toContain('email');
    });

    it('first_name as an array is 400 at path first_name', async () => {
      const error = expectError(await app.http.patch('/api/profiles/me', { first_name: ['Ann'] }, { token: user.token }), 400, 'validation_failed');
      expect(detailPaths(error)).toContain('first_name');
    });

    it('version as a string is 400 at path version', async () => {
      const error = expectError(await app.http.patch('/api/profiles/me', { version: '1', last_name: 'X' }, { token: user.token }), 400, 'validation_failed');
      expect(detailPaths(error)).toContain('version');
    });

    it('several wrong fields are all listed', async () => {
      const res = await app.http.post('/api/auth/register', { email: true, password: 1234567890, first_name: {}, last_name: null, training_level: 'wizard' });
      const error = expectError(res, 400, 'validation_failed');
      expect(detailPaths(error)).toEqual(expect.arrayContaining(['email', 'password', 'first_name', 'last_name', 'training_level']));
    });
  });

  describe('register rules', () => {
    it('a 9-character password is 400 at path password', async () => {
      const reg = { ...validRegistration(), password: '123456789' };
      const error = expectError(await app.http.post('/api/auth/register', reg), 400, 'validation_failed');
      expect(detailPaths(error)).toEqual(['password']);
      const { rows } = await app.db.query('select 1 from public.accounts where email = $1', [reg.email]);
      expect(rows).toHaveLength(0);
    });

    it('a 10-character password is accepted', async () => {
      const res = await app.http.post('/api/auth/register', { ...validRegistration(), password: '1234567890' });
      expect(res.status).toBe(201);
    });

    it('role admin on register is 400 and no account is made', async () => {
      const reg = { ...validRegistration(), role: 'admin' };
      const error = expectError(await app.http.post('/api/auth/register', reg), 400, 'validation_failed');
      expect(detailPaths(error)).toContain('role');
      const { rows } = await app.db.query('select role from public.accounts where email = $1', [reg.email]);
      expect(rows).toHaveLength(0);
      expectError(await app.http.post('/api/auth/login', { email: reg.email, password: reg.password }), 401, 'unauthenticated');
    });

    it('a duplicate email in different case is 409 conflict', async () => {
      const email = uniqueEmail('dup');
      expect((await app.http.post('/api/auth/register', { ...validRegistration(), email })).status).toBe(201);
      const res = await app.http.post('/api/auth/register', { ...validRegistration(), email: email.toUpperCase() });
      expectError(res, 409, 'conflict');
      const { rows } = await app.db.query<{ n: number }>('select count(*)::int as n from public.accounts where lower(email) = $1', [email]);
      expect(rows[0]?.n).toBe(1);
    });
  });

  describe('names are stored verbatim', () => {
    const names: [string, string][] = [
      ["Robert'); drop table profiles;--", "O'Brien-Smyth"],
      ['Zoë', 'Ñúñez'],
      ['李小龍', 'Bruce Lee'],
      ['Zoe\u0308 (decomposed)', 'Ñ'],
      ['Ana 🩺', '👩🏽‍⚕️ Okafor'],
      ['"; select pg_sleep(0); --', '%_\\'],
    ];

    for (const [first, last] of names) {
      it(`stores ${JSON.stringify(first)} ${JSON.stringify(last)} and reads them back`, async () => {
        const u = await createUser(app, { first_name: first, last_name: last });
        const me = await app.http.get('/api/auth/me', { token: u.token });
        expect(me.status).toBe(200);
        expect(me.body.profile.first_name).toBe(first);
        expect(me.body.profile.last_name).toBe(last);
        const pub = await app.http.get(`/api/profiles/${u.id}`);
        expect(pub.status).toBe(200);
        expect(pub.body).toMatchObject({ user_id: u.id, first_name: first, last_name: last });
        // And in the database itself, byte for byte.
        const { rows } = await app.db.query<{ first_name: string; last_name: string }>(
          'select first_name, last_name from public.profiles where user_id = $1',
          [u.id],
        );
        expect(rows[0]).toEqual({ first_name: first, last_name: last });
      });
    }

    it('the same names survive a PATCH', async () => {
      const res = await app.http.patch('/api/profiles/me', { first_name: "Robert'); drop table profiles;--", last_name: '李小龍 🩺' }, { token: user.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ first_name: "Robert'); drop table profiles;--", last_name: '李小龍 🩺' });
      const pub = await app.http.get(`/api/profiles/${user.id}`);
      expect(pub.body).toMatchObject({ first_name: "Robert'); drop table profiles;--", last_name: '李小龍 🩺' });
      const { rows } = await app.db.query<{ ok: string | null }>("select to_regclass('public.profiles')::text as ok");
      expect(rows[0]?.ok).toBe('profiles');
    });

    it('control characters in a name are 400', async () => {
      for (const bad of ['Ann\u0000a', 'Ann\na', 'Ann\ta', 'Ann\u001b[31ma', 'Ann\u007fa']) {
        const reg = { ...validRegistration(), first_name: bad };
        const error = expectError(await app.http.post('/api/auth/register', reg), 400, 'validation_failed');
        expect(detailPaths(error)).toEqual(['first_name']);
        const patch = await app.http.patch('/api/profiles/me', { last_name: bad }, { token: user.token });
        expect(detailPaths(expectError(patch, 400, 'validation_failed'))).toEqual(['last_name']);
      }
    });

    it('C1 control characters (U+0080–U+009F) in a name are 400 too', async () => {
      // U+009B is the one-byte CSI: terminals and log viewers treat it like ESC [.
      for (const bad of ['Ann\u009b31ma', 'Ann\u0085a']) {
        const error = expectError(await app.http.post('/api/auth/register', { ...validRegistration(), first_name: bad }), 400, 'validation_failed');
        expect(detailPaths(error)).toEqual(['first_name']);
      }
    });

    it('an avatar URL with an upper-case scheme is stored in the URL standard’s normal form', async () => {
      // `HTTPS://…` is a valid http(s) URL; the database's check is case-sensitive, so the API must
      // normalise it (lower-case scheme and host) rather than pass it on and fail.
      const res = await app.http.patch('/api/profiles/me', { avatar: 'HTTPS://Example.COM/a.png' }, { token: user.token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.avatar).toBe('https://example.com/a.png');
      const stored = await app.db.query<{ avatar: string }>('select avatar from public.profiles where user_id = $1', [user.id]);
      expect(stored.rows[0]!.avatar).toBe('https://example.com/a.png');
    });

    it('a blank name is 400', async () => {
      const error = expectError(await app.http.post('/api/auth/register', { ...validRegistration(), first_name: '   ' }), 400, 'validation_failed');
      expect(detailPaths(error)).toEqual(['first_name']);
    });
  });

  describe('paths', () => {
    it('an invalid uuid in GET /api/profiles/:id is 400', async () => {
      const error = expectError(await app.http.get('/api/profiles/not-a-uuid'), 400, 'validation_failed');
      expect(detailPaths(error)).toContain('user_id');
      expectError(await app.http.get("/api/profiles/1'%20or%20'1'='1"), 400, 'validation_failed');
    });

    it('a well-formed but unknown uuid is 404', async () => {
      expectError(await app.http.get('/api/profiles/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    });

    it('an unknown /api route is 404 not_found JSON, whatever the method', async () => {
      expectError(await app.http.get('/api/no-such-thing'), 404, 'not_found');
      expectError(await app.http.post('/api/no-such-thing', {}, { token: user.token }), 404, 'not_found');
      expectError(await app.http.delete('/api/auth/no-such-thing', undefined, { token: user.token }), 404, 'not_found');
    });
  });

  describe('login', () => {
    it('wrong password and unknown email give identical 401 bodies', async () => {
      const wrongPassword = await app.http.post('/api/auth/login', { email: user.email, password: 'not the password at all' });
      const unknownEmail = await app.http.post('/api/auth/login', { email: uniqueEmail('nobody'), password: 'not the password at all' });
      expectError(wrongPassword, 401, 'unauthenticated');
      expectError(unknownEmail, 401, 'unauthenticated');
      expect(unknownEmail.text).toBe(wrongPassword.text);
      expect(unknownEmail.body).toEqual(wrongPassword.body);
      expect(wrongPassword.headers.get('set-cookie')).toBeNull();
      expect(unknownEmail.headers.get('set-cookie')).toBeNull();
    });

    it('email case and surrounding spaces do not matter for login', async () => {
      const res = await app.http.post('/api/auth/login', { email: `  ${user.email.toUpperCase()} `, password: user.password });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(user.id);
    });
  });
});
