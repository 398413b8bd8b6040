import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Role } from '../../server/src/contract/accounts.js';
import { ensureAdmin } from '../../server/src/domains/accounts/admin-accounts.js';
import type { Claims } from '../../server/src/db/types.js';
import { claimsFor } from '../../server/src/auth/context.js';
import type { TestApp } from './app.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  first_name: string;
  last_name: string;
  token: string;
  cookie: string;
  claims: Claims;
}

export const uniqueEmail = (prefix = 'user') => `${prefix}.${randomBytes(6).toString('hex')}@example.test`;

/** Registers and signs in a user through the real API, with a random email so tests never collide. */
export async function createUser(
  app: TestApp,
  overrides: Partial<{ email: string; password: string; first_name: string; last_name: string; role: Exclude<Role, 'admin'>; training_level: string }> = {},
): Promise<TestUser> {
  const input = {
    email: overrides.email ?? uniqueEmail(),
    password: overrides.password ?? `pw-${randomBytes(8).toString('hex')}`,
    first_name: overrides.first_name ?? 'Test',
    last_name: overrides.last_name ?? `User ${randomBytes(3).toString('hex')}`,
    role: overrides.role ?? 'trainee',
    training_level: overrides.training_level ?? 'foundation_year_1',
  };
  const reg = await app.http.post('/api/auth/register', input);
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  return signIn(app, input.email, input.password, input);
}

export async function signIn(app: TestApp, email: string, password: string, names: { first_name: string; last_name: string } = { first_name: '', last_name: '' }): Promise<TestUser> {
  const login = await app.http.post('/api/auth/login', { email, password });
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  const { user, token } = login.body as { user: { id: string; email: string; role: Role }; token: string };
  const cookie = login.headers.getSetCookie().find((c) => c.startsWith('sid='))!.split(';')[0]!;
  return {
    id: user.id,
    email: user.email,
    password,
    role: user.role,
    first_name: names.first_name,
    last_name: names.last_name,
    token,
    cookie,
    claims: claimsFor({ id: user.id, email: user.email, role: user.role }, 'test'),
  };
}

/** An admin made the only way admins are made: by operator tooling, then a normal sign-in. */
export async function createAdmin(app: TestApp): Promise<TestUser> {
  const email = uniqueEmail('admin');
  const password = `pw-${randomBytes(8).toString('hex')}`;
  await ensureAdmin(app.db, email, password);
  return signIn(app, email, password, { first_name: 'Platform', last_name: 'Admin' });
}

/** The token of the latest password-reset mail to `email`, from the outbox (no SMTP in tests). */
export async function latestResetToken(app: TestApp, email: string): Promise<string> {
  const { rows } = await app.db.query<{ body: string }>(
    'select body from public.mail_outbox where to_email = $1 order by created_at desc limit 1',
    [email],
  );
  const match = rows[0]?.body.match(/reset-password\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no reset mail for ${email}`);
  return decodeURIComponent(match[1]!);
}
