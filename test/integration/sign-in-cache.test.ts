// Each instance keeps the sign-ins it looked up for a few seconds (issue #17). These tests hold it
// to what looking every one up did: logout, password reset, an erasure, a role change or an
// operator's revocation in SQL end a sign-in on every instance, at once on the instance that made
// the change and as soon as the database's notification arrives on the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/src/db/postgres.js';
import type { Db } from '../../server/src/db/types.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, latestResetToken, signIn } from '../helpers/factories.js';

const me = (app: TestApp, as: { token?: string; cookie?: string }) => app.http.get('/api/auth/me', as);

/** Runs `sql` as the owner with triggers off, so the database notifies nobody of the change. */
async function silently(db: Db, sql: string, params: unknown[]) {
  await db.transaction(async (tx) => {
    await tx.query('set local session_replication_role = replica');
    await tx.query(sql, params);
  });
}

describe.each(dbTargets)('kept sign-ins on %s', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app?.close());

  it('answers from memory once looked up, and forgets when the database says a sign-in changed', async () => {
    const user = await createUser(app);
    expect((await me(app, { token: user.token })).status).toBe(200);
    // Revoked with the notification suppressed: the kept sign-in still answers, so it was kept.
    await silently(app.db, 'update private.auth_sessions set revoked_at = now() where account_id = $1', [user.id]);
    expect((await me(app, { token: user.token })).status).toBe(200);
    await app.db.query("select pg_notify('sign_ins_changed', '')");
    await expect.poll(async () => (await me(app, { token: user.token })).status).toBe(401);
  });

  it('ends a sign-in at once on logout, password reset and erasure, cookie and bearer alike', async () => {
    const user = await createUser(app);
    const other = await signIn(app, user.email, user.password, user);
    expect((await me(app, { cookie: other.cookie })).status).toBe(200);
    expect((await app.http.post('/api/auth/logout', undefined, { cookie: other.cookie })).status).toBe(204);
    expect((await me(app, { cookie: other.cookie })).status).toBe(401);
    expect((await me(app, { token: other.token })).status).toBe(401);
    expect((await me(app, { token: user.token })).status).toBe(200);

    expect((await app.http.post('/api/auth/password-reset', { email: user.email })).status).toBe(202);
    const resetToken = await latestResetToken(app, user.email);
    expect((await app.http.post('/api/auth/password-reset/confirm', { token: resetToken, password: 'a brand new password' })).status).toBe(204);
    expect((await me(app, { token: user.token })).status).toBe(401);
    expect((await me(app, { cookie: user.cookie })).status).toBe(401);

    const leaving = await createUser(app);
    expect((await me(app, { token: leaving.token })).status).toBe(200);
    expect((await app.http.delete('/api/auth/me', { password: leaving.password }, { token: leaving.token })).status).toBe(204);
    expect((await me(app, { token: leaving.token })).status).toBe(401);
  });

  it("speaks for the account's new role once it changes, and never keeps past the sign-in's expiry", async () => {
    const user = await createUser(app, { role: 'trainee' });
    expect((await me(app, { token: user.token })).body.user.role).toBe('trainee');
    await app.db.query("update public.accounts set role = 'doctor' where id = $1", [user.id]);
    await expect.poll(async () => (await me(app, { token: user.token })).body.user?.role).toBe('doctor');

    // An expiry a moment away: the kept sign-in ends with it, though nothing notifies.
    await silently(app.db, "update private.auth_sessions set expires_at = now() + interval '1500 milliseconds' where account_id = $1", [user.id]);
    await app.db.query("select pg_notify('sign_ins_changed', '')");
    await expect.poll(async () => (await me(app, { token: user.token })).status).toBe(200);
    await expect.poll(async () => (await me(app, { token: user.token })).status, { timeout: 5_000, interval: 200 }).toBe(401);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('kept sign-ins on two instances on postgres', () => {
  let one: TestApp;
  let two: TestApp;
  let secondPool: Db;
  beforeAll(async () => {
    one = await startTestApp('postgres');
    secondPool = await openPostgres(one.dbUrl!, { max: 5 });
    two = await startTestApp('postgres', { db: secondPool });
  });
  afterAll(async () => {
    await two?.close();
    await secondPool?.close();
    await one?.close();
  });

  it('a logout and a password reset on one instance end the sign-in on the other within a moment', async () => {
    const user = await createUser(one);
    const elsewhere = await signIn(two, user.email, user.password, user);
    for (const app of [one, two]) {
      expect((await me(app, { token: user.token })).status).toBe(200);
      expect((await me(app, { cookie: elsewhere.cookie })).status).toBe(200);
    }
    expect((await one.http.post('/api/auth/logout', undefined, { token: user.token })).status).toBe(204);
    await expect.poll(async () => (await me(two, { token: user.token })).status, { timeout: 1_000, interval: 20 }).toBe(401);
    expect((await me(two, { cookie: elsewhere.cookie })).status).toBe(200);

    expect((await one.http.post('/api/auth/password-reset', { email: user.email })).status).toBe(202);
    const resetToken = await latestResetToken(one, user.email);
    expect((await one.http.post('/api/auth/password-reset/confirm', { token: resetToken, password: 'another new password' })).status).toBe(204);
    await expect.poll(async () => (await me(two, { cookie: elsewhere.cookie })).status, { timeout: 1_000, interval: 20 }).toBe(401);
    expect((await me(two, { token: elsewhere.token })).status).toBe(401);
  });
});
