// Medical secretary tasks beyond what every kit module shares (modules.test.ts): the today and
// overdue views, the order (due date, none last, then priority), waiting_on, completed_at, bulk
// status changes that are all or nothing, and the week's workload.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecretaryTask } from '../../server/src/contract/secretary.js';
import { todayInEngland } from '../../server/src/kit/dates.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe.each(dbTargets)('secretary tasks on %s', (target) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app?.close());

  const task = async (user: TestUser, body: Record<string, unknown>) => {
    const res = await app.http.post('/api/secretary/tasks', { title: `Task ${randomUUID().slice(0, 6)}`, type: 'typing', ...body }, { token: user.token });
    expect(res.status, res.text).toBe(201);
    return res.body as SecretaryTask;
  };
  const titles = (res: { body: { items: SecretaryTask[] } }) => res.body.items.map((t) => t.title);

  it('today and overdue views, and the order: due date (none last), then the most urgent', async () => {
    const user = await createUser(app);
    const today = todayInEngland();
    await task(user, { title: 'later low', due_date: addDays(today, 3), priority: 'low' });
    await task(user, { title: 'no date urgent', priority: 'urgent' });
    await task(user, { title: 'today normal', due_date: today, priority: 'normal' });
    await task(user, { title: 'today urgent', due_date: today, priority: 'urgent' });
    await task(user, { title: 'overdue high', due_date: addDays(today, -2), priority: 'high' });
    await task(user, { title: 'overdue done', due_date: addDays(today, -2), status: 'done' });

    const all = await app.http.get('/api/secretary/tasks', { token: user.token });
    expect(titles(all)).toEqual(['overdue high', 'overdue done', 'today urgent', 'today normal', 'later low', 'no date urgent']);
    expect(titles(await app.http.get('/api/secretary/tasks?view=today', { token: user.token }))).toEqual(['today urgent', 'today normal']);
    expect(titles(await app.http.get('/api/secretary/tasks?view=overdue', { token: user.token }))).toEqual(['overdue high']);
    expect(titles(await app.http.get('/api/secretary/tasks?priority=urgent', { token: user.token }))).toEqual(['today urgent', 'no date urgent']);
    expect(titles(await app.http.get('/api/secretary/tasks?q=OVERDUE', { token: user.token }))).toEqual(['overdue high', 'overdue done']);

    // Keyset pages walk the same order without gaps or repeats, across null due dates.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: SecretaryTask[]; next_cursor: string | null } } = await app.http.get(`/api/secretary/tasks?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: user.token });
      seen.push(...titles(page));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(titles(all));
  });

  it('a waiting task names what it waits on; done sets completed_at and reopening clears it', async () => {
    const user = await createUser(app);
    const res = await app.http.post('/api/secretary/tasks', { title: 'Chase MRI', type: 'chasing_results', status: 'waiting' }, { token: user.token });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('waiting_on');
    const t = await task(user, { title: 'Chase MRI', type: 'chasing_results' });
    const noWhom = await app.http.patch(`/api/secretary/tasks/${t.id}`, { version: t.version, status: 'waiting' }, { token: user.token });
    expect(noWhom.status).toBe(400);
    const waiting = await app.http.patch(`/api/secretary/tasks/${t.id}`, { version: t.version, status: 'waiting', waiting_on: 'Radiology report' }, { token: user.token });
    expect(waiting.body).toMatchObject({ status: 'waiting', waiting_on: 'Radiology report', completed_at: null });
    const done = await app.http.patch(`/api/secretary/tasks/${t.id}`, { version: waiting.body.version, status: 'done' }, { token: user.token });
    expect(done.body.status).toBe('done');
    expect(done.body.waiting_on).toBeNull();
    expect(Date.parse(done.body.completed_at)).toBeGreaterThan(Date.now() - 60_000);
    const reopened = await app.http.patch(`/api/secretary/tasks/${t.id}`, { version: done.body.version, status: 'todo' }, { token: user.token });
    expect(reopened.body.completed_at).toBeNull();
    // Computed fields are never accepted in a body.
    expect((await app.http.patch(`/api/secretary/tasks/${t.id}`, { version: reopened.body.version, completed_at: new Date().toISOString() }, { token: user.token })).status).toBe(400);
  });

  it('bulk status change is all or nothing: an unknown or foreign id is 404, a stale version 409, and nothing changes', async () => {
    const user = await createUser(app);
    const other = await createUser(app);
    const mine = [await task(user, {}), await task(user, {}), await task(user, {})];
    const theirs = await task(other, {});
    const items = mine.map((t) => ({ id: t.id, version: t.version }));

    const foreign = await app.http.post('/api/secretary/tasks/bulk', { items: [...items, { id: theirs.id, version: theirs.version }], status: 'done' }, { token: user.token });
    expect(foreign.status).toBe(404);
    const unknown = await app.http.post('/api/secretary/tasks/bulk', { items: [...items, { id: randomUUID(), version: 1 }], status: 'done' }, { token: user.token });
    expect(unknown.status).toBe(404);
    const stale = await app.http.post('/api/secretary/tasks/bulk', { items: [...items.slice(1), { id: mine[0]!.id, version: 7 }], status: 'done' }, { token: user.token });
    expect(stale.status).toBe(409);
    const twice = await app.http.post('/api/secretary/tasks/bulk', { items: [items[0], items[0]], status: 'done' }, { token: user.token });
    expect(twice.status).toBe(400);
    const noWhom = await app.http.post('/api/secretary/tasks/bulk', { items, status: 'waiting' }, { token: user.token });
    expect(noWhom.status).toBe(400);
    for (const t of mine) expect((await app.http.get(`/api/secretary/tasks/${t.id}`, { token: user.token })).body).toMatchObject({ status: 'todo', version: 1 });

    const ok = await app.http.post('/api/secretary/tasks/bulk', { items, status: 'waiting', waiting_on: 'GP reply' }, { token: user.token });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.items.map((t: SecretaryTask) => [t.status, t.waiting_on, t.version])).toEqual(mine.map(() => ['waiting', 'GP reply', 2]));
    expect((await app.http.get(`/api/secretary/tasks/${theirs.id}`, { token: other.token })).body.status).toBe('todo');
  });

  it('the week’s workload: due and not done per day and type, and done per day', async () => {
    const user = await createUser(app);
    const today = todayInEngland();
    const monday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7));
    await task(user, { type: 'typing', due_date: monday });
    await task(user, { type: 'typing', due_date: monday });
    await task(user, { type: 'patient_query', due_date: monday });
    await task(user, { type: 'typing', due_date: addDays(monday, 6) });
    await task(user, { type: 'typing', due_date: addDays(monday, 7) });
    await task(user, { type: 'other', due_date: monday, status: 'done' });

    const res = await app.http.get(`/api/secretary/workload?week=${monday}`, { token: user.token });
    expect(res.status, res.text).toBe(200);
    expect(res.body.week).toBe(monday);
    expect(res.body.days.map((d: { date: string }) => d.date)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
    expect(res.body.days[0]).toMatchObject({ due: 3, by_type: { typing: 2, patient_query: 1 } });
    expect(res.body.days[6]).toMatchObject({ due: 1, by_type: { typing: 1 } });
    const doneToday = res.body.days.find((d: { date: string }) => d.date === today);
    expect(doneToday.done).toBe(1);
    expect((await app.http.get('/api/secretary/workload', { token: user.token })).body.week).toBe(monday);
    expect((await app.http.get(`/api/secretary/workload?week=${addDays(monday, 1)}`, { token: user.token })).status).toBe(400);
  });
});
