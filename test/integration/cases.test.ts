import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { caseInput } from '../helpers/cases.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';
import { expectSqlError } from '../helpers/sql.js';

describe.each(dbTargets)('case library on %s', (target) => {
  let app: TestApp;
  let a: TestUser;
  let b: TestUser;
  let admin: TestUser;
  let sharedId: string;
  beforeAll(async () => {
    app = await startTestApp(target);
    [a, b, admin] = await Promise.all([createUser(app), createUser(app), createAdmin(app)]);
    const { rows } = await app.db.query<{ id: string }>('select id from public.cases where owner_id is null order by case_name limit 1');
    sharedId = rows[0]!.id;
  });
  afterAll(() => app?.close());

  const create = async (user: TestUser, overrides: Record<string, unknown> = {}) => {
    const body = caseInput(overrides);
    const res = await app.http.post('/api/cases', body, { token: user.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { body, created: res.body as { id: string; version: number; condition: string } };
  };

  it('rejects the unauthenticated on every route', async () => {
    for (const [method, path] of [
      ['GET', '/api/cases'],
      ['POST', '/api/cases'],
      ['GET', `/api/cases/${sharedId}`],
      ['PATCH', `/api/cases/${sharedId}`],
      ['DELETE', `/api/cases/${sharedId}`],
    ] as const) {
      expect((await app.http.request(method, path, method === 'GET' ? undefined : {})).status, `${method} ${path}`).toBe(401);
    }
  });

  it('lists the shared bank and the caller’s own cases, never briefs, conditions or mark schemes', async () => {
    const { body } = await create(a);
    const all: { id: string; case_name: string; shared: boolean }[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: typeof all; next_cursor: string | null }; text: string } = await app.http.get(
        `/api/cases?limit=10${cursor ? `&cursor=${cursor}` : ''}`,
        { token: a.token },
      );
      expect(res.status).toBe(200);
      for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(['case_name', 'category', 'domain', 'id', 'shared']);
      expect(res.text).not.toContain(body.condition);
      expect(res.text).not.toContain('opening_line');
      expect(res.text).not.toContain('candidate_brief');
      all.push(...res.body.items);
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(all.filter((c) => c.shared).length).toBeGreaterThanOrEqual(24);
    expect(all.filter((c) => !c.shared).map((c) => c.case_name)).toEqual([body.case_name]);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);

    const mine = await app.http.get('/api/cases?source=mine', { token: a.token });
    expect(mine.body.items.map((c: { case_name: string }) => c.case_name)).toEqual([body.case_name]);
    const filtered = await app.http.get('/api/cases?category=ethics&source=shared', { token: a.token });
    expect(filtered.body.items.length).toBeGreaterThanOrEqual(3);
    expect(filtered.body.items.every((c: { category: string }) => c.category === 'ethics')).toBe(true);
    const searched = await app.http.get(`/api/cases?q=${encodeURIComponent(body.case_name.slice(-8))}`, { token: a.token });
    expect(searched.body.items.map((c: { case_name: string }) => c.case_name)).toEqual([body.case_name]);
  });

  it('another user gets 404 for a private case on every route, and never sees it listed', async () => {
    const { created, body } = await create(a);
    const listed = await app.http.get('/api/cases?limit=500', { token: b.token });
    expect(listed.text).not.toContain(body.case_name);
    for (const [method, payload] of [
      ['GET', undefined],
      ['PATCH', { version: created.version, case_name: 'Stolen' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await app.http.request(method, `/api/cases/${created.id}`, payload, { token: b.token });
      expect(res.status, method).toBe(404);
    }
    expect((await app.http.get(`/api/cases/${created.id}`, { token: a.token })).body.case_name).toBe(body.case_name);
  });

  it('the shared bank’s content is hidden from trainees (revealed only in sessions) and open to admins', async () => {
    const trainee = await app.http.get(`/api/cases/${sharedId}`, { token: a.token });
    expect(trainee.status).toBe(404);
    const asAdmin = await app.http.get(`/api/cases/${sharedId}`, { token: admin.token });
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.body).toMatchObject({ id: sharedId, shared: true, owner_id: null });
    expect(asAdmin.body.actor_brief.facts.length).toBeGreaterThan(0);
  });

  it('only admins add to and curate the shared bank; admins cannot change a trainee’s case', async () => {
    const denied = await app.http.post('/api/cases', caseInput({ shared: true }), { token: a.token });
    expect(denied.status).toBe(403);
    const { created } = await create(admin, { shared: true });
    expect(created).toMatchObject({ shared: true, owner_id: null });
    const listedForB = await app.http.get('/api/cases?source=shared&limit=500', { token: b.token });
    expect(listedForB.body.items.map((c: { id: string }) => c.id)).toContain(created.id);

    const renamed = await app.http.patch(`/api/cases/${sharedId}`, { version: (await app.http.get(`/api/cases/${sharedId}`, { token: admin.token })).body.version, case_name: 'A renamed shared case' }, { token: admin.token });
    expect(renamed.status).toBe(200);
    expect(renamed.body.case_name).toBe('A renamed shared case');

    const own = await create(a);
    expect((await app.http.get(`/api/cases/${own.created.id}`, { token: admin.token })).status).toBe(200);
    expect((await app.http.patch(`/api/cases/${own.created.id}`, { version: own.created.version, case_name: 'Admin edit' }, { token: admin.token })).status).toBe(404);
    expect((await app.http.delete(`/api/cases/${own.created.id}`, undefined, { token: admin.token })).status).toBe(404);
    expect((await app.http.delete(`/api/cases/${created.id}`, undefined, { token: admin.token })).status).toBe(204);
  });

  it('edits bump the version; a stale edit is 409; the owner deletes', async () => {
    const { created } = await create(a);
    const edited = await app.http.patch(`/api/cases/${created.id}`, { version: created.version, condition: 'Migraine with aura' }, { token: a.token });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ condition: 'Migraine with aura', version: created.version + 1 });
    const stale = await app.http.patch(`/api/cases/${created.id}`, { version: created.version, case_name: 'Stale' }, { token: a.token });
    expect(stale.status).toBe(409);
    expect((await app.http.delete(`/api/cases/${created.id}`, undefined, { token: a.token })).status).toBe(204);
    expect((await app.http.get(`/api/cases/${created.id}`, { token: a.token })).status).toBe(404);
  });

  it('validates the structure with field paths', async () => {
    const bad = caseInput();
    bad.mark_scheme.checklist.push({ id: 'orphan', domain: 'nowhere', text: 'Belongs to no domain' });
    (bad.actor_brief.facts[1] as { disclosure: string }).disclosure = 'sometimes';
    const res = await app.http.post('/api/cases', bad, { token: a.token });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['actor_brief.facts.1.disclosure', 'mark_scheme.checklist']));
    expect((await app.http.post('/api/cases', { ...caseInput(), category: 'surgery' }, { token: a.token })).status).toBe(400);
  });

  it('in SQL, no other user can select or write a case’s content, and anon sees no cases', async () => {
    const { created } = await create(a);
    const seen = await app.db.asUser(b.claims, async (tx) => ({
      sharedContent: (await tx.query('select condition from public.case_content where case_id = $1', [sharedId])).rows,
      privateCase: (await tx.query('select id from public.cases where id = $1', [created.id])).rows,
      privateContent: (await tx.query('select condition from public.case_content where case_id = $1', [created.id])).rows,
      updatedShared: (await tx.query("update public.cases set case_name = 'x' where id = $1", [sharedId])).rowCount,
      updatedContent: (await tx.query("update public.case_content set condition = 'x' where case_id = $1", [created.id])).rowCount,
    }));
    expect(seen).toEqual({ sharedContent: [], privateCase: [], privateContent: [], updatedShared: 0, updatedContent: 0 });
    await expectSqlError(
      app.db.asUser(b.claims, (tx) => tx.query("insert into public.cases (owner_id, case_name, internal_name, category, domain) values ($1, 'x', 'x', 'ethics', 'renal')", [a.id])),
      '42501',
    );
    await expectSqlError(
      app.db.asUser(b.claims, (tx) => tx.query("insert into public.cases (owner_id, case_name, internal_name, category, domain) values (null, 'x', 'x', 'ethics', 'renal')")),
      '42501',
    );
    await expectSqlError(app.db.asAnon((tx) => tx.query('select id from public.cases')), '42501');
    const ownContent = await app.db.asUser(a.claims, (tx) => tx.query('select condition from public.case_content where case_id = $1', [created.id]));
    expect(ownContent.rows).toHaveLength(1);
  });
});
