// Privacy and validation, written once and run over every module made with the kit: each tracker
// that GET /api/trackers describes (so a new tracker is covered without touching this file) and
// the secretary tasks. Each module gets the same questions: anonymous → 401; another user → 404
// on every route, nothing listed, nothing in SQL as `authenticated`; unknown fields → 400; stale
// version → 409; a status move outside the workflow → 400; hostile values refused; and an audit
// row for every change.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackerDefinitionView, TrackerFieldView } from '../../server/src/contract/trackers.js';
import { TASK_TRANSITIONS } from '../../server/src/contract/secretary.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';
import { expectSqlError } from '../helpers/sql.js';

interface ModuleCase {
  name: string;
  /** The collection path, e.g. `/api/trackers/consent`. */
  path: string;
  table: string;
  /** A valid create body. */
  create: () => Record<string, unknown>;
  /** A valid change for a PATCH (without version). */
  change: Record<string, unknown>;
  /** A move the workflow refuses from where a new row starts, as a PATCH body part; null when every move is allowed. */
  badMove: Record<string, unknown> | null;
  /** A body that names an unknown field somewhere nested, beside the top-level one every case tries. */
  nestedUnknown?: Record<string, unknown>;
  /** A text field to try hostile values in. */
  textField: (value: string) => Record<string, unknown>;
}

const yesterday = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);

/** A value for a field that its definition accepts. */
function sample(f: TrackerFieldView): unknown {
  switch (f.type) {
    case 'text':
      return `Sample ${f.label}`;
    case 'textarea':
      return `Notes about ${f.label}`;
    case 'date':
      return yesterday();
    case 'enum':
      return f.options![0];
    case 'number':
      return 1;
  }
}

function trackerCase(def: TrackerDefinitionView): ModuleCase {
  const required = def.fields.filter((f) => f.required);
  const fields = Object.fromEntries(required.map((f) => [f.name, sample(f)]));
  const start = def.statuses[0]!;
  const allowed = new Set([start, ...(def.transitions[start] ?? [])]);
  const refused = def.statuses.find((s) => !allowed.has(s));
  const textual = def.fields.find((f) => f.type === 'text' || f.type === 'textarea');
  return {
    name: `tracker ${def.module}`,
    path: `/api/trackers/${def.module}`,
    table: 'tracker_items',
    create: () => ({ patient_id: `PT-${randomUUID().slice(0, 8)}`, patient_name: 'Alex Example', fields }),
    change: { notes: 'Called the patient back.' },
    badMove: refused ? { status: refused } : null,
    nestedUnknown: { fields: { ...fields, no_such_field: 'x' } },
    textField: (value) => (textual ? { fields: { ...fields, [textual.name]: value } } : { notes: value }),
  };
}

const secretaryCase: ModuleCase = {
  name: 'secretary tasks',
  path: '/api/secretary/tasks',
  table: 'secretary_tasks',
  create: () => ({ title: `Type clinic letter ${randomUUID().slice(0, 6)}`, type: 'typing', priority: 'high' }),
  change: { status: 'in_progress' },
  // Every move between task statuses is allowed (a task is reopened as often as needed); the
  // workflow test below then has nothing to refuse, which this guards.
  badMove: null,
  textField: (value) => ({ title: value }),
};

describe.each(dbTargets)('modules made with the kit on %s', (target) => {
  let app: TestApp;
  let owner: TestUser;
  let other: TestUser;
  const cases: ModuleCase[] = [];

  beforeAll(async () => {
    app = await startTestApp(target);
    [owner, other] = await Promise.all([createUser(app), createUser(app)]);
    const defs = await app.http.get('/api/trackers', { token: owner.token });
    expect(defs.status).toBe(200);
    // Read-only trackers (views over booking appointments) have no rows to write: booking-trackers.test.ts covers them.
    cases.push(...(defs.body.items as TrackerDefinitionView[]).filter((d) => !d.read_only).map(trackerCase), secretaryCase);
  });
  afterAll(() => app?.close());

  const create = async (c: ModuleCase, by: TestUser = owner, body = c.create()) => {
    const res = await app.http.post(c.path, body, { token: by.token });
    expect(res.status, `${c.name}: ${res.text}`).toBe(201);
    return res.body as { id: string; version: number; status: string };
  };

  it('describes at least the six trackers of the contract', async () => {
    const modules = cases.filter((c) => c.name.startsWith('tracker ')).map((c) => c.name.slice(8));
    expect(modules).toEqual(expect.arrayContaining(['communications', 'consent', 'funding', 'exceptions', 'patient_choice', 'transfers']));
  });

  it('anonymous gets 401 on every route of every module', async () => {
    const id = randomUUID();
    for (const c of cases) {
      for (const [method, path] of [
        ['GET', c.path],
        ['POST', c.path],
        ['GET', `${c.path}/${id}`],
        ['PATCH', `${c.path}/${id}`],
        ['DELETE', `${c.path}/${id}`],
      ] as const) {
        expect((await app.http.request(method, path, method === 'GET' ? undefined : {})).status, `${c.name} ${method} ${path}`).toBe(401);
      }
    }
    expect((await app.http.get('/api/trackers')).status).toBe(401);
    expect((await app.http.get('/api/audit')).status).toBe(401);
  });

  it('another user gets 404 on every route, sees nothing listed, and nothing in SQL as authenticated', async () => {
    for (const c of cases) {
      const row = await create(c);
      expect((await app.http.get(`${c.path}/${row.id}`, { token: other.token })).status, c.name).toBe(404);
      expect((await app.http.patch(`${c.path}/${row.id}`, { version: row.version, ...c.change }, { token: other.token })).status, c.name).toBe(404);
      expect((await app.http.delete(`${c.path}/${row.id}`, undefined, { token: other.token })).status, c.name).toBe(404);
      const listed = await app.http.get(c.path, { token: other.token });
      expect(listed.status).toBe(200);
      expect((listed.body.items as { id: string }[]).map((i) => i.id), c.name).not.toContain(row.id);
      const inSql = await app.db.asUser(other.claims, (tx) => tx.query(`select id from public.${c.table} where id = $1`, [row.id]));
      expect(inSql.rows, c.name).toEqual([]);
      const updated = await app.db.asUser(other.claims, (tx) => tx.query(`update public.${c.table} set notes = 'hijacked' where id = $1`, [row.id]));
      expect(updated.rowCount, c.name).toBe(0);
      const deleted = await app.db.asUser(other.claims, (tx) => tx.query(`delete from public.${c.table} where id = $1`, [row.id]));
      expect(deleted.rowCount, c.name).toBe(0);
      // Still the owner's, untouched.
      expect((await app.http.get(`${c.path}/${row.id}`, { token: owner.token })).body.version, c.name).toBe(row.version);
    }
  });

  it('a row cannot be linked to another user’s PTL pathway (404), only to one’s own', async () => {
    const theirs = await app.http.post(
      '/api/ptl',
      { patient_id: `PT-${randomUUID().slice(0, 8)}`, patient_name: 'Theirs', specialty: 'Cardiology', referral_date: yesterday(), clock_start_date: yesterday(), pathway_type: 'routine' },
      { token: other.token },
    );
    const mine = await app.http.post(
      '/api/ptl',
      { patient_id: `PT-${randomUUID().slice(0, 8)}`, patient_name: 'Mine', specialty: 'Cardiology', referral_date: yesterday(), clock_start_date: yesterday(), pathway_type: 'routine' },
      { token: owner.token },
    );
    expect([theirs.status, mine.status]).toEqual([201, 201]);
    for (const c of cases) {
      expect((await app.http.post(c.path, { ...c.create(), pathway_id: theirs.body.id }, { token: owner.token })).status, c.name).toBe(404);
      const row = await create(c, owner, { ...c.create(), pathway_id: mine.body.id });
      expect((await app.http.patch(`${c.path}/${row.id}`, { version: row.version, pathway_id: theirs.body.id }, { token: owner.token })).status, c.name).toBe(404);
      const byPathway = await app.http.get(`${c.path}?pathway_id=${mine.body.id}`, { token: owner.token });
      expect((byPathway.body.items as { id: string }[]).map((i) => i.id), c.name).toContain(row.id);
    }
  });

  it('unknown fields are 400, on create and update, at the top and nested', async () => {
    for (const c of cases) {
      const res = await app.http.post(c.path, { ...c.create(), is_admin: true }, { token: owner.token });
      expect(res.status, c.name).toBe(400);
      expect(JSON.stringify(res.body.error.details), c.name).toContain('is_admin');
      if (c.nestedUnknown) {
        const nested = await app.http.post(c.path, { ...c.create(), ...c.nestedUnknown }, { token: owner.token });
        expect(nested.status, c.name).toBe(400);
        expect(JSON.stringify(nested.body.error.details), c.name).toContain('no_such_field');
      }
      const row = await create(c);
      expect((await app.http.patch(`${c.path}/${row.id}`, { version: row.version, user_id: other.id }, { token: owner.token })).status, c.name).toBe(400);
      expect((await app.http.post(c.path, { ...c.create(), id: randomUUID() }, { token: owner.token })).status, c.name).toBe(400);
    }
  });

  it('a stale version is 409 and changes nothing; the current one is 200', async () => {
    for (const c of cases) {
      const row = await create(c);
      const ok = await app.http.patch(`${c.path}/${row.id}`, { version: row.version, ...c.change }, { token: owner.token });
      expect(ok.status, `${c.name}: ${ok.text}`).toBe(200);
      expect(ok.body.version).toBe(row.version + 1);
      const stale = await app.http.patch(`${c.path}/${row.id}`, { version: row.version, notes: 'late edit' }, { token: owner.token });
      expect(stale.status, c.name).toBe(409);
      expect((await app.http.get(`${c.path}/${row.id}`, { token: owner.token })).body.version, c.name).toBe(row.version + 1);
    }
  });

  it('a status move outside the workflow is 400 and changes nothing', async () => {
    expect(Object.values(TASK_TRANSITIONS).every((to) => to.length === 3), 'secretary tasks gained a workflow: give secretaryCase a refused move').toBe(true);
    for (const c of cases.filter((x) => x.badMove)) {
      const row = await create(c);
      const res = await app.http.patch(`${c.path}/${row.id}`, { version: row.version, ...c.badMove }, { token: owner.token });
      expect(res.status, `${c.name}: ${res.text}`).toBe(400);
      expect(res.body.error.details[0].path, c.name).toBe('status');
      expect((await app.http.get(`${c.path}/${row.id}`, { token: owner.token })).body.status, c.name).toBe(row.status);
    }
  });

  it('hostile values are refused: over-long text, control characters, __proto__ keys', async () => {
    for (const c of cases) {
      expect((await app.http.post(c.path, { ...c.create(), ...c.textField('x'.repeat(6000)) }, { token: owner.token })).status, c.name).toBe(400);
      expect((await app.http.post(c.path, { ...c.create(), ...c.textField('bad\u001b[31mtext') }, { token: owner.token })).status, c.name).toBe(400);
      const proto = await app.http.post(c.path, `{"__proto__": {"admin": true}, ${JSON.stringify(c.create()).slice(1)}`, { token: owner.token });
      expect(proto.status, `${c.name}: ${proto.text}`).toBe(400);
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    }
  });

  it('every create, change and delete is on the audit trail, and the trail resists update and delete in SQL', async () => {
    for (const c of cases) {
      const row = await create(c);
      const changed = await app.http.patch(`${c.path}/${row.id}`, { version: row.version, ...c.change }, { token: owner.token });
      expect(changed.status, c.name).toBe(200);
      expect((await app.http.delete(`${c.path}/${row.id}`, undefined, { token: owner.token })).status, c.name).toBe(204);
      const trail = await app.http.get(`/api/audit?table=${c.table}&row_id=${row.id}`, { token: owner.token });
      expect(trail.status).toBe(200);
      const entries = trail.body.items as { action: string; actor_id: string; owner_id: string; before: { version: number } | null; after: { version: number } | null }[];
      expect(entries.map((e) => e.action), c.name).toEqual(['delete', 'update', 'insert']);
      expect(new Set(entries.map((e) => e.actor_id))).toEqual(new Set([owner.id]));
      expect(entries[1]!.before!.version).toBe(row.version);
      expect(entries[1]!.after!.version).toBe(row.version + 1);
      // The other user sees none of it.
      expect((await app.http.get(`/api/audit?row_id=${row.id}`, { token: other.token })).body.items).toEqual([]);
    }
    // No grant lets a client role change or remove an entry, the owner's own included.
    await expectSqlError(app.db.asUser(owner.claims, (tx) => tx.query('update public.audit_trail set action = $1 where owner_id = $2', ['insert', owner.id])), '42501');
    await expectSqlError(app.db.asUser(owner.claims, (tx) => tx.query('delete from public.audit_trail where owner_id = $1', [owner.id])), '42501');
    // Not even the table's owner (the server's own connection) may rewrite history.
    await expect(app.db.query('update public.audit_trail set action = $1 where owner_id = $2', ['insert', owner.id])).rejects.toMatchObject({ code: '42501' });
    await expect(app.db.query('delete from public.audit_trail where owner_id = $1', [owner.id])).rejects.toMatchObject({ code: '42501' });
  });

  it('admins read anyone’s rows with ?user_id= (read-only, on the oversight log); others may not ask', async () => {
    const admin = await createAdmin(app);
    for (const c of cases) {
      const row = await create(c);
      const listed = await app.http.get(`${c.path}?user_id=${owner.id}`, { token: admin.token });
      expect(listed.status, `${c.name}: ${listed.text}`).toBe(200);
      expect((listed.body.items as { id: string }[]).map((i) => i.id), c.name).toContain(row.id);
      expect((await app.http.get(`${c.path}/${row.id}`, { token: admin.token })).status, c.name).toBe(200);
      expect((await app.http.patch(`${c.path}/${row.id}`, { version: row.version, ...c.change }, { token: admin.token })).status, c.name).toBe(404);
      expect((await app.http.delete(`${c.path}/${row.id}`, undefined, { token: admin.token })).status, c.name).toBe(404);
      expect((await app.http.get(`${c.path}?user_id=${owner.id}`, { token: other.token })).status, c.name).toBe(403);
      // The admin's own list is their own rows, not everyone's.
      expect(((await app.http.get(c.path, { token: admin.token })).body.items as { id: string }[]).map((i) => i.id), c.name).not.toContain(row.id);
    }
    const log = await app.db.query<{ action: string; subject_id: string }>('select action, subject_id from public.admin_audit_log where admin_id = $1', [admin.id]);
    expect(new Set(log.rows.map((r) => r.action))).toEqual(new Set(['tracker_items.list', 'tracker_items.view', 'secretary_tasks.list', 'secretary_tasks.view']));
    expect(new Set(log.rows.map((r) => r.subject_id))).toEqual(new Set([owner.id]));
  });
});
