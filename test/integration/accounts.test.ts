import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, latestResetToken, signIn, uniqueEmail } from '../helpers/factories.js';

const PASSWORD = 'a long enough password';

describe.each(dbTargets)('accounts on %s', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app?.close());

  describe('register', () => {
    it('creates the account and its profile, without signing in', async () => {
      const email = uniqueEmail();
      const res = await app.http.post('/api/auth/register', {
        email: email.toUpperCase(),
        password: PASSWORD,
        first_name: 'Grace',
        last_name: 'Hopper',
        training_level: 'core_trainee',
        role: 'doctor',
      });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({ email, role: 'doctor' });
      expect(Object.keys(res.body.user).sort()).toEqual(['created_at', 'email', 'id', 'role']);
      expect(res.headers.getSetCookie()).toEqual([]);
      const profile = await app.http.get(`/api/profiles/${res.body.user.id}`);
      expect(profile.body).toEqual({ user_id: res.body.user.id, first_name: 'Grace', last_name: 'Hopper', training_level: 'core_trainee', avatar: null });
    });

    it('defaults the role to trainee and a patient needs no training level', async () => {
      const trainee = await app.http.post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD, first_name: 'A', last_name: 'B', training_level: 'medical_student' });
      expect(trainee.body.user.role).toBe('trainee');
      const patient = await app.http.post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD, first_name: 'P', last_name: 'Q', role: 'patient' });
      expect(patient.status).toBe(201);
      expect((await app.http.get(`/api/profiles/${patient.body.user.id}`)).body.training_level).toBe('not_applicable');
      const trainee2 = await app.http.post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD, first_name: 'A', last_name: 'B' });
      expect(trainee2.status).toBe(400);
      expect(trainee2.body.error.details).toEqual([expect.objectContaining({ path: 'training_level' })]);
    });

    it('refuses a repeated email whatever its case, and stores nothing for it', async () => {
      const email = uniqueEmail();
      const body = { email, password: PASSWORD, first_name: 'A', last_name: 'B', training_level: 'other' };
      expect((await app.http.post('/api/auth/register', body)).status).toBe(201);
      const again = await app.http.post('/api/auth/register', { ...body, email: email.toUpperCase() });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('conflict');
      const { rows } = await app.db.query('select count(*)::int as n from public.accounts where email = $1', [email]);
      expect(rows[0]).toEqual({ n: 1 });
    });

    it('stores an argon2id hash with at least 19 MiB, t=2, p=1 and never the password', async () => {
      const user = await createUser(app);
      const { rows } = await app.db.query<{ password_hash: string }>('select password_hash from private.credentials where account_id = $1', [user.id]);
      expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=(\d+),t=2,p=1\$/);
      expect(Number(rows[0]!.password_hash.match(/m=(\d+)/)![1])).toBeGreaterThanOrEqual(19_456);
      expect(rows[0]!.password_hash).not.toContain(user.password);
    });
  });

  describe('login, me, logout', () => {
    it('rejects the unauthenticated', async () => {
      const me = await app.http.get('/api/auth/me');
      expect(me.status).toBe(401);
      expect(me.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
      expect((await app.http.post('/api/auth/logout')).status).toBe(401);
      expect((await app.http.get('/api/auth/me', { token: 'not-a-real-token' })).status).toBe(401);
    });

    it('signs in with cookie and bearer token, and me returns user and profile', async () => {
      const user = await createUser(app, { first_name: 'Ada', last_name: 'Lovelace' });
      const login = await app.http.post('/api/auth/login', { email: user.email.toUpperCase(), password: user.password });
      expect(login.status).toBe(200);
      const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('sid='))!;
      expect(setCookie).toMatch(/HttpOnly/i);
      expect(setCookie).toMatch(/SameSite=Lax/i);
      expect(setCookie).not.toMatch(/Secure/i);
      expect(setCookie.split(';')[0]).toBe(`sid=${login.body.token}`);

      for (const as of [{ token: user.token }, { cookie: user.cookie }]) {
        const me = await app.http.get('/api/auth/me', as);
        expect(me.status).toBe(200);
        expect(me.body.user).toMatchObject({ id: user.id, email: user.email, role: 'trainee' });
        expect(me.body.profile).toMatchObject({ user_id: user.id, first_name: 'Ada', last_name: 'Lovelace', version: 1 });
      }
    });

    it('answers a wrong password and an unknown email identically', async () => {
      const user = await createUser(app);
      const wrong = await app.http.post('/api/auth/login', { email: user.email, password: 'wrong password!!' });
      const unknown = await app.http.post('/api/auth/login', { email: uniqueEmail(), password: 'wrong password!!' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
    });

    it('stores only a digest of the session token', async () => {
      const user = await createUser(app);
      const { rows } = await app.db.query<{ token_hash: Buffer }>('select token_hash from private.auth_sessions where account_id = $1', [user.id]);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(Buffer.from(r.token_hash).toString('base64url')).not.toBe(user.token);
    });

    it('logout revokes the session server-side; other sessions stay', async () => {
      const user = await createUser(app);
      const second = await signIn(app, user.email, user.password);
      const out = await app.http.post('/api/auth/logout', undefined, { cookie: user.cookie });
      expect(out.status).toBe(204);
      expect(out.headers.getSetCookie().join()).toMatch(/sid=;/);
      expect((await app.http.get('/api/auth/me', { token: user.token })).status).toBe(401);
      expect((await app.http.get('/api/auth/me', { token: second.token })).status).toBe(200);
    });

    it('an expired session is no session', async () => {
      const user = await createUser(app);
      await app.db.query("update private.auth_sessions set expires_at = now() - interval '1 second' where account_id = $1", [user.id]);
      expect((await app.http.get('/api/auth/me', { token: user.token })).status).toBe(401);
    });
  });

  describe('origin check on cookie-authenticated writes', () => {
    it('refuses a cookie write from a foreign or missing origin, allows our own and bearer', async () => {
      const user = await createUser(app);
      const change = { first_name: 'Changed' };
      const foreign = await app.http.patch('/api/profiles/me', change, { cookie: user.cookie, origin: 'https://evil.example' });
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.code).toBe('forbidden');
      expect((await app.http.patch('/api/profiles/me', change, { cookie: user.cookie, origin: null })).status).toBe(403);
      expect((await app.http.patch('/api/profiles/me', change, { cookie: user.cookie })).status).toBe(200);
      expect((await app.http.patch('/api/profiles/me', change, { token: user.token })).status).toBe(200);
      // A foreign page cannot log someone in either.
      const csrfLogin = await app.http.post('/api/auth/login', { email: user.email, password: user.password }, { origin: 'https://evil.example' });
      expect(csrfLogin.status).toBe(403);
    });
  });

  describe('password reset', () => {
    it('always answers 202 and mails a single-use link only to real accounts', async () => {
      const user = await createUser(app);
      const stranger = uniqueEmail();
      expect((await app.http.post('/api/auth/password-reset', { email: user.email })).status).toBe(202);
      expect((await app.http.post('/api/auth/password-reset', { email: stranger })).status).toBe(202);
      const { rows } = await app.db.query<{ to_email: string }>('select to_email from public.mail_outbox where to_email = any($1)', [[user.email, stranger]]);
      expect(rows.map((r) => r.to_email)).toEqual([user.email]);
    });

    it('sets the new password, revokes every session, and the link works once', async () => {
      const user = await createUser(app);
      await app.http.post('/api/auth/password-reset', { email: user.email });
      const token = await latestResetToken(app, user.email);
      const confirm = await app.http.post('/api/auth/password-reset/confirm', { token, password: 'a brand new password' });
      expect(confirm.status).toBe(204);
      expect((await app.http.get('/api/auth/me', { token: user.token })).status).toBe(401);
      expect((await app.http.post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(401);
      expect((await app.http.post('/api/auth/login', { email: user.email, password: 'a brand new password' })).status).toBe(200);
      const reuse = await app.http.post('/api/auth/password-reset/confirm', { token, password: 'yet another password' });
      expect(reuse.status).toBe(400);
      expect(reuse.body.error.details).toEqual([expect.objectContaining({ path: 'token' })]);
    });

    it('refuses an expired link and an unknown one', async () => {
      const user = await createUser(app);
      await app.http.post('/api/auth/password-reset', { email: user.email });
      const token = await latestResetToken(app, user.email);
      await app.db.query("update private.password_reset_tokens set expires_at = now() - interval '1 second' where account_id = $1", [user.id]);
      expect((await app.http.post('/api/auth/password-reset/confirm', { token, password: 'a brand new password' })).status).toBe(400);
      expect((await app.http.post('/api/auth/password-reset/confirm', { token: 'nope', password: 'a brand new password' })).status).toBe(400);
      expect((await app.http.post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(200);
    });

    it('one reset spends every other outstanding link', async () => {
      const user = await createUser(app);
      await app.http.post('/api/auth/password-reset', { email: user.email });
      const first = await latestResetToken(app, user.email);
      await new Promise((r) => setTimeout(r, 5));
      await app.http.post('/api/auth/password-reset', { email: user.email });
      const second = await latestResetToken(app, user.email);
      expect(second).not.toBe(first);
      expect((await app.http.post('/api/auth/password-reset/confirm', { token: second, password: 'a brand new password' })).status).toBe(204);
      expect((await app.http.post('/api/auth/password-reset/confirm', { token: first, password: 'another new password' })).status).toBe(400);
    });
  });

  describe('erase account', () => {
    it('rejects the unauthenticated', async () => {
      expect((await app.http.delete('/api/auth/me', { password: 'x' })).status).toBe(401);
    });

    it('needs the right password, then erases the account and all its data', async () => {
      const user = await createUser(app);
      const other = await createUser(app);
      await app.http.post('/api/auth/password-reset', { email: user.email });
      const wrong = await app.http.delete('/api/auth/me', { password: 'not my password' }, { token: user.token });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details).toEqual([expect.objectContaining({ path: 'password' })]);

      expect((await app.http.delete('/api/auth/me', { password: user.password }, { cookie: user.cookie })).status).toBe(204);
      expect((await app.http.get('/api/auth/me', { token: user.token })).status).toBe(401);
      expect((await app.http.get(`/api/profiles/${user.id}`)).status).toBe(404);
      expect((await app.http.post('/api/auth/login', { email: user.email, password: user.password })).status).toBe(401);
      for (const [table, column] of [
        ['public.accounts', 'id'],
        ['public.profiles', 'user_id'],
        ['private.credentials', 'account_id'],
        ['private.auth_sessions', 'account_id'],
        ['private.password_reset_tokens', 'account_id'],
      ] as const) {
        const { rows } = await app.db.query(`select 1 from ${table} where ${column} = $1`, [user.id]);
        expect(rows, table).toEqual([]);
      }
      // The email is free again, and nobody else lost anything.
      expect((await app.http.post('/api/auth/register', { email: user.email, password: PASSWORD, first_name: 'New', last_name: 'Person', training_level: 'other' })).status).toBe(201);
      expect((await app.http.get('/api/auth/me', { token: other.token })).status).toBe(200);
    });
  });
});

describe.each(dbTargets)('rate limits on %s', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target, { env: { RATE_LIMIT_LOGIN_PER_15_MIN: '3', RATE_LIMIT_REGISTER_PER_HOUR: '2', RATE_LIMIT_RESET_PER_15_MIN: '2' } });
  });
  afterAll(() => app?.close());

  it('limits login attempts per account', async () => {
    const email = uniqueEmail();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.http.post('/api/auth/login', { email, password: 'guess guess guess' })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await app.http.post('/api/auth/login', { email, password: 'guess guess guess' });
    expect(limited.body.error.code).toBe('rate_limited');
  });

  it('limits registrations and password reset requests', async () => {
    const reg = [];
    for (let i = 0; i < 3; i++) {
      reg.push((await app.http.post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD, first_name: 'A', last_name: 'B', training_level: 'other' })).status);
    }
    expect(reg).toEqual([201, 201, 429]);
    const reset = [];
    for (let i = 0; i < 3; i++) reset.push((await app.http.post('/api/auth/password-reset', { email: uniqueEmail() })).status);
    expect(reset).toEqual([202, 202, 429]);
  });
});
