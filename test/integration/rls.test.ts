// SQL-level privacy: the policies themselves, not the routes. Users are made through the API so
// their accounts and profiles are real; then we speak SQL as `authenticated` (with their claims) or
// `anon`, exactly as the server does for every request. A bug in application code must leak nothing.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claims, Queryable } from '../../server/src/db/types.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';
import { expectSqlError } from '../helpers/sql.js';

interface ProfileRow {
  user_id: string;
  first_name: string;
  last_name: string;
  version: number;
  updated_at: Date;
}

describe.each(dbTargets)('row-level security on %s', (target) => {
  let app: TestApp;
  let a: TestUser;
  let b: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    app = await startTestApp(target);
    a = await createUser(app, { first_name: 'Alice' });
    b = await createUser(app, { first_name: 'Bob' });
    admin = await createAdmin(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  const asB = <T>(fn: (tx: Queryable) => Promise<T>) => app.db.asUser(b.claims, fn);
  const profileOf = (viewer: Claims, userId: string) =>
    app.db.asUser(viewer, async (tx) => {
      const { rows } = await tx.query<ProfileRow>(
        'select user_id, first_name, last_name, version, updated_at from public.profiles where user_id = $1',
        [userId],
      );
      return rows[0];
    });

  describe('accounts as another signed-in user', () => {
    it("B sees only their own account row, never A's", async () => {
      const rows = await asB(async (tx) => (await tx.query<{ id: string; email: string }>('select id, email from public.accounts')).rows);
      expect(rows).toEqual([{ id: b.id, email: b.email }]);
      const aRow = await asB(async (tx) => (await tx.query('select id from public.accounts where id = $1', [a.id])).rows);
      expect(aRow).toHaveLength(0);
      // The owner connection proves A's row exists, so the zero above is the policy at work.
      const owner = await app.db.query('select id from public.accounts where id = $1', [a.id]);
      expect(owner.rows).toHaveLength(1);
    });

    it("auth.uid(), auth.email() and auth.role() return B's identity", async () => {
      const row = await asB(async (tx) => {
        const { rows } = await tx.query<{ uid: string; email: string; role: string; db_role: string }>(
          'select auth.uid()::text as uid, auth.email() as email, auth.role() as role, current_user as db_role',
        );
        return rows[0];
      });
      expect(row).toEqual({ uid: b.id, email: b.email, role: 'authenticated', db_role: 'authenticated' });
    });

    it('B cannot insert an account (no insert grant)', async () => {
      await expectSqlError(
        asB((tx) => tx.query("insert into public.accounts (email, role) values ('sneaky@example.test', 'admin')")),
        '42501',
      );
    });

    it('B cannot update any account, not even their own role (no update grant)', async () => {
      await expectSqlError(asB((tx) => tx.query("update public.accounts set role = 'admin' where id = $1", [b.id])), '42501');
      await expectSqlError(asB((tx) => tx.query("update public.accounts set email = 'x@example.test' where id = $1", [a.id])), '42501');
      const { rows } = await app.db.query<{ role: string }>('select role from public.accounts where id = $1', [b.id]);
      expect(rows[0]?.role).toBe('trainee');
    });

    it('B cannot delete an account', async () => {
      await expectSqlError(asB((tx) => tx.query('delete from public.accounts where id = $1', [a.id])), '42501');
    });
  });

  describe("profiles as another signed-in user", () => {
    it("B can read A's public profile (the board shows it)", async () => {
      const row = await profileOf(b.claims, a.id);
      expect(row?.first_name).toBe('Alice');
    });

    it("B's update of A's profile touches 0 rows and A's row is unchanged", async () => {
      const before = await profileOf(a.claims, a.id);
      const result = await asB((tx) =>
        tx.query("update public.profiles set first_name = 'Hacked' where user_id = $1 returning user_id", [a.id]),
      );
      expect(result.rowCount).toBe(0);
      expect(result.rows).toHaveLength(0);
      const after = await profileOf(a.claims, a.id);
      expect(after).toEqual(before);
      expect(after?.first_name).toBe('Alice');
    });

    it("B's delete of A's profile touches 0 rows", async () => {
      const result = await asB((tx) => tx.query('delete from public.profiles where user_id = $1 returning user_id', [a.id]));
      expect(result.rowCount).toBe(0);
      const owner = await app.db.query('select 1 from public.profiles where user_id = $1', [a.id]);
      expect(owner.rows).toHaveLength(1);
    });

    it('B cannot insert a profile row for A (new row violates the policy)', async () => {
      await expectSqlError(
        asB((tx) =>
          tx.query(
            "insert into public.profiles (user_id, first_name, last_name, training_level) values ($1, 'Fake', 'Alice', 'other')",
            [a.id],
          ),
        ),
        '42501',
      );
    });

    it("B cannot move their own profile to A's id", async () => {
      await expectSqlError(asB((tx) => tx.query('update public.profiles set user_id = $1 where user_id = $2', [a.id, b.id])), '42501');
      const owner = await app.db.query<{ user_id: string }>('select user_id from public.profiles where user_id = $1', [b.id]);
      expect(owner.rows).toHaveLength(1);
    });

    it('B cannot set version directly (column privilege)', async () => {
      await expectSqlError(asB((tx) => tx.query('update public.profiles set version = 1000 where user_id = $1', [b.id])), '42501');
      await expectSqlError(
        asB((tx) => tx.query('update public.profiles set first_name = $2, version = 1 where user_id = $1', [b.id, 'Bobby'])),
        '42501',
      );
    });

    it("the trigger bumps version and updated_at on B's own update", async () => {
      const before = await profileOf(b.claims, b.id);
      expect(before).toBeDefined();
      const updated = await asB(async (tx) => {
        const { rows, rowCount } = await tx.query<ProfileRow>(
          "update public.profiles set last_name = 'Renamed' where user_id = $1 returning user_id, first_name, last_name, version, updated_at",
          [b.id],
        );
        expect(rowCount).toBe(1);
        // now() is the transaction's start: the trigger must have stamped exactly that.
        const clock = await tx.query<{ now: string }>('select now() as now');
        return { ...rows[0]!, now: clock.rows[0]!.now };
      });
      expect(updated?.last_name).toBe('Renamed');
      expect(updated?.version).toBe(before!.version + 1);
      expect(new Date(updated!.updated_at).getTime()).toBe(new Date(updated!.now).getTime());
      expect(new Date(updated!.updated_at).getTime()).toBeGreaterThan(new Date(before!.updated_at).getTime());
      const reread = await profileOf(b.claims, b.id);
      expect(reread?.version).toBe(before!.version + 1);
      expect(reread?.last_name).toBe('Renamed');
    });
  });

  describe('private and internal tables', () => {
    for (const table of ['private.credentials', 'private.auth_sessions', 'private.password_reset_tokens']) {
      it(`B cannot read ${table}`, async () => {
        await expectSqlError(asB((tx) => tx.query(`select * from ${table}`)), '42501');
      });
      it(`B cannot delete from ${table}`, async () => {
        await expectSqlError(asB((tx) => tx.query(`delete from ${table}`)), '42501');
      });
    }

    it('B cannot overwrite a password hash', async () => {
      await expectSqlError(
        asB((tx) => tx.query("update private.credentials set password_hash = 'x' where account_id = $1", [a.id])),
        '42501',
      );
      // A can still sign in with the real password.
      const login = await app.http.post('/api/auth/login', { email: a.email, password: a.password });
      expect(login.status).toBe(200);
    });

    it('B cannot plant a session for A', async () => {
      await expectSqlError(
        asB((tx) =>
          tx.query("insert into private.auth_sessions (account_id, token_hash, expires_at) values ($1, '\\x00', now() + interval '1 day')", [
            a.id,
          ]),
        ),
        '42501',
      );
    });

    it('B cannot read app_meta.schema_migrations', async () => {
      await expectSqlError(asB((tx) => tx.query('select * from app_meta.schema_migrations')), '42501');
      const owner = await app.db.query('select version from app_meta.schema_migrations');
      expect(owner.rows.length).toBeGreaterThan(0);
    });

    it('anon cannot read the private tables either', async () => {
      await expectSqlError(app.db.asAnon((tx) => tx.query('select * from private.credentials')), '42501');
      await expectSqlError(app.db.asAnon((tx) => tx.query('select * from private.auth_sessions')), '42501');
    });
  });

  describe('anon', () => {
    it('reads public profiles', async () => {
      const rows = await app.db.asAnon(
        async (tx) => (await tx.query<{ user_id: string }>('select user_id from public.profiles where user_id = any($1::uuid[])', [[a.id, b.id]])).rows,
      );
      expect(rows.map((r) => r.user_id).sort()).toEqual([a.id, b.id].sort());
    });

    it('cannot read accounts', async () => {
      await expectSqlError(app.db.asAnon((tx) => tx.query('select * from public.accounts')), '42501');
    });

    it('cannot insert, update or delete profiles', async () => {
      await expectSqlError(
        app.db.asAnon((tx) =>
          tx.query("insert into public.profiles (user_id, first_name, last_name, training_level) values ($1, 'x', 'y', 'other')", [a.id]),
        ),
        '42501',
      );
      await expectSqlError(app.db.asAnon((tx) => tx.query("update public.profiles set first_name = 'x' where user_id = $1", [a.id])), '42501');
      await expectSqlError(app.db.asAnon((tx) => tx.query('delete from public.profiles where user_id = $1', [a.id])), '42501');
    });

    it('cannot read the mail outbox', async () => {
      await expectSqlError(app.db.asAnon((tx) => tx.query('select * from public.mail_outbox')), '42501');
    });

    it('has no auth.uid()', async () => {
      const row = await app.db.asAnon(async (tx) => (await tx.query<{ uid: string | null; db_role: string }>('select auth.uid() as uid, current_user as db_role')).rows[0]);
      expect(row).toEqual({ uid: null, db_role: 'anon' });
    });
  });

  describe('admin', () => {
    it('reads every account row', async () => {
      const rows = await app.db.asUser(admin.claims, async (tx) => (await tx.query<{ id: string }>('select id from public.accounts')).rows);
      const ids = rows.map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining([a.id, b.id, admin.id]));
    });

    it('cannot update any account', async () => {
      await expectSqlError(app.db.asUser(admin.claims, (tx) => tx.query("update public.accounts set role = 'doctor' where id = $1", [a.id])), '42501');
      await expectSqlError(app.db.asUser(admin.claims, (tx) => tx.query('delete from public.accounts where id = $1', [a.id])), '42501');
    });

    it("cannot update A's profile (0 rows)", async () => {
      const before = await profileOf(a.claims, a.id);
      const result = await app.db.asUser(admin.claims, (tx) =>
        tx.query("update public.profiles set first_name = 'Admin was here' where user_id = $1 returning user_id", [a.id]),
      );
      expect(result.rowCount).toBe(0);
      expect(await profileOf(a.claims, a.id)).toEqual(before);
    });

    it("sees the outbox row of A's password reset; a non-admin may not read the outbox at all", async () => {
      const res = await app.http.post('/api/auth/password-reset', { email: a.email });
      expect(res.status).toBe(202);
      // The row really is there (owner connection), so the refusals below are the privileges at work.
      const owner = await app.db.query('select id from public.mail_outbox where to_email = $1', [a.email]);
      expect(owner.rows.length).toBeGreaterThanOrEqual(1);

      await expectSqlError(asB((tx) => tx.query('select id from public.mail_outbox')), '42501');
      await expectSqlError(app.db.asUser(a.claims, (tx) => tx.query('select id from public.mail_outbox where to_email = $1', [a.email])), '42501');

      const asAdmin = await app.db.asUser(admin.claims, async (tx) =>
        (await tx.query<{ to_email: string; subject: string; body: string }>('select to_email, subject, body from public.mail_outbox where to_email = $1', [a.email])).rows,
      );
      expect(asAdmin.length).toBeGreaterThanOrEqual(1);
      expect(asAdmin[0]?.to_email).toBe(a.email);
      expect(asAdmin[0]?.body).toContain('reset-password?token=');
    });

    it('a non-admin cannot write to the outbox', async () => {
      await expectSqlError(
        asB((tx) => tx.query("insert into public.mail_outbox (to_email, subject, body) values ('x@example.test', 's', 'b')")),
        '42501',
      );
    });
  });

  describe('forged claims', () => {
    it("app_metadata.role = 'admin' in B's claims grants nothing", async () => {
      const forged: Claims = { ...b.claims, app_metadata: { role: 'admin' } };
      const accounts = await app.db.asUser(forged, async (tx) => (await tx.query<{ id: string }>('select id from public.accounts')).rows);
      expect(accounts).toEqual([{ id: b.id }]);
      await expectSqlError(app.db.asUser(forged, (tx) => tx.query('select id from public.mail_outbox')), '42501');
    });

    it('the admin role is not reachable from authenticated: authenticated is no member of it', async () => {
      const { rows } = await app.db.query<{ authenticated_in_admin: boolean; admin_inherits_authenticated: boolean }>(
        `select pg_has_role('authenticated', 'app_admin', 'member') as authenticated_in_admin,
                pg_has_role('app_admin', 'authenticated', 'usage') as admin_inherits_authenticated`,
      );
      expect(rows[0]).toEqual({ authenticated_in_admin: false, admin_inherits_authenticated: true });
    });

    it.runIf(target === 'postgres')('a login that holds only authenticated cannot SET ROLE app_admin', async () => {
      const login = `rls_login_${randomBytes(5).toString('hex')}`;
      await app.db.exec(`create role ${login} login; grant authenticated to ${login}`);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.username = login;
      url.pathname = new URL(app.dbUrl!).pathname;
      const client = new pg.Client({ connectionString: url.toString() });
      try {
        await client.connect();
        await client.query('set role authenticated');
        await expectSqlError(client.query('set role app_admin'), '42501');
      } finally {
        await client.end();
        await app.db.exec(`drop role ${login}`);
      }
    });

    it("a claim naming a role that does not exist is refused outright", async () => {
      const forged = { ...b.claims, role: 'admin' } as unknown as Claims;
      await expect(app.db.asUser(forged, (tx) => tx.query('select id from public.accounts'))).rejects.toThrow(/role "admin" does not exist/);
    });
  });
});
