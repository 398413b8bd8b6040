import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Portfolio, TraineeProgress } from '../../server/src/contract/portfolio.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';
import { pathwayInput } from '../helpers/ptl.js';
import { expectSqlError } from '../helpers/sql.js';
import { completedStation, sharedCase } from '../helpers/station.js';

describe.each(dbTargets)('the admin progress monitor on %s', (target) => {
  let app: TestApp;
  let admin: TestUser;
  let otherAdmin: TestUser;
  let trainee: TestUser;
  let actor: TestUser;
  let doctor: TestUser;
  let patient: TestUser;
  let tag: string;
  let sessionId: string;
  let marks: Record<string, number>;

  beforeAll(async () => {
    app = await startTestApp(target);
    tag = `Zed${randomBytes(4).toString('hex')}`;
    [admin, otherAdmin, trainee, actor, doctor, patient] = await Promise.all([
      createAdmin(app),
      createAdmin(app),
      createUser(app, { first_name: 'Tara', last_name: `Trainee${tag}` }),
      createUser(app, { first_name: 'Arthur', last_name: `Actor${tag}` }),
      createUser(app, { role: 'doctor', first_name: 'Dora', last_name: `Doctor${tag}` }),
      createUser(app, { role: 'patient', first_name: 'Pia', last_name: `Patient${tag}` }),
    ]);
    const shared = await sharedCase(app);
    marks = Object.fromEntries(shared.domains.map((d, i) => [d, i % 2 === 0 ? 3 : 2]));
    sessionId = await completedStation(app, {
      actor,
      candidate: trainee,
      caseId: shared.id,
      segments: [{ speaker: 'candidate', text: 'Hello, I am Tara, one of the doctors.' }],
      marks,
      strengths: 'Clear structure',
      improvements: 'Summarise at the end',
      self_reflection: 'I forgot to summarise.',
    });
    const pathway = await app.http.post('/api/ptl', pathwayInput({ patient_name: 'Monitor Patient' }), { token: trainee.token });
    expect(pathway.status).toBe(201);
  });
  afterAll(() => app?.close());

  const auditRows = async (adminId: string) =>
    (await app.db.query<{ action: string; subject_id: string | null; detail: Record<string, unknown> }>(
      'select action, subject_id, detail from public.admin_audit_log where admin_id = $1 order by id',
      [adminId],
    )).rows;

  it('rejects the unauthenticated, and every non-admin gets 403 on /api/admin/*', async () => {
    const paths = ['/api/admin/progress', `/api/admin/trainees/${trainee.id}/portfolio`, '/api/admin/audit', '/api/admin/anything'];
    for (const path of paths) expect((await app.http.get(path)).status, path).toBe(401);
    for (const who of [trainee, doctor, patient]) {
      for (const path of paths) {
        const res = await app.http.get(path, { token: who.token });
        expect(res.status, `${who.role} ${path}`).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
      const viaCookie = await app.http.get('/api/admin/progress', { cookie: who.cookie });
      expect(viaCookie.status).toBe(403);
    }
    // Refused requests record nothing.
    expect((await app.db.query('select 1 from public.admin_audit_log where admin_id = any($1::uuid[])', [[trainee.id, doctor.id, patient.id]])).rowCount).toBe(0);
  });

  it('lists every trainee and doctor with activity, sessions, average marks and last seen; search and sort', async () => {
    const before = (await auditRows(admin.id)).length;
    // Signing in (and use, at most once a minute) touches last_seen_at; set it as visits a week and
    // three weeks ago would have.
    await app.db.query("update public.accounts set last_seen_at = '2026-11-15T09:30:00Z' where id = $1", [trainee.id]);
    await app.db.query("update public.accounts set last_seen_at = '2026-11-01T09:30:00Z' where id = any($1::uuid[])", [[actor.id, doctor.id]]);
    const res = await app.http.get(`/api/admin/progress?q=${tag}`, { token: admin.token });
    expect(res.status, res.text).toBe(200);
    const items = res.body.items as TraineeProgress[];
    expect(items.map((i) => i.id).sort()).toEqual([trainee.id, actor.id, doctor.id].sort());
    expect(res.body.next_cursor).toBeNull();

    const t = items.find((i) => i.id === trainee.id)!;
    const mean = (xs: number[]) => Math.round((xs.reduce((x, y) => x + y, 0) / xs.length) * 100) / 100;
    expect(t).toMatchObject({
      email: trainee.email,
      first_name: 'Tara',
      last_name: `Trainee${tag}`,
      role: 'trainee',
      training_level: 'foundation_year_1',
      sessions_completed: 1,
      sessions_as_candidate: 1,
      sessions_as_actor: 0,
      average_marks: marks,
      overall_average: mean(Object.values(marks)),
      ptl_pathways: 1,
    });
    expect(t.last_seen_at).toBe('2026-11-15T09:30:00.000Z');
    expect(t.last_activity_at).toEqual(expect.any(String));
    expect(items.find((i) => i.id === actor.id)).toMatchObject({ sessions_completed: 1, sessions_as_candidate: 0, sessions_as_actor: 1, average_marks: {}, overall_average: null });
    expect(items.find((i) => i.id === doctor.id)).toMatchObject({ role: 'doctor', sessions_completed: 0, last_activity_at: null });

    // Patients and admins are not trainees.
    const everyone = await app.http.get('/api/admin/progress?limit=500', { token: admin.token });
    const ids = (everyone.body.items as TraineeProgress[]).map((i) => i.id);
    expect(ids).not.toContain(patient.id);
    expect(ids).not.toContain(admin.id);

    // Search by email and by full name.
    const byEmail = await app.http.get(`/api/admin/progress?q=${encodeURIComponent(trainee.email.toUpperCase())}`, { token: admin.token });
    expect(byEmail.body.items.map((i: TraineeProgress) => i.id)).toEqual([trainee.id]);
    const byName = await app.http.get(`/api/admin/progress?q=${encodeURIComponent(`Dora Doctor${tag}`)}`, { token: admin.token });
    expect(byName.body.items.map((i: TraineeProgress) => i.id)).toEqual([doctor.id]);

    // Sorts: by sessions completed (most first) and by name (A–Z by last name), and paging.
    const bySessions = await app.http.get(`/api/admin/progress?q=${tag}&sort=sessions_completed`, { token: admin.token });
    expect(bySessions.body.items.at(-1).id).toBe(doctor.id);
    const bySeen = await app.http.get(`/api/admin/progress?q=${tag}&sort=last_seen_at`, { token: admin.token });
    expect(bySeen.body.items[0].id).toBe(trainee.id);
    const byNameSort = await app.http.get(`/api/admin/progress?q=${tag}&sort=name&dir=asc&limit=2`, { token: admin.token });
    expect(byNameSort.body.items.map((i: TraineeProgress) => i.id)).toEqual([actor.id, doctor.id]);
    const next = await app.http.get(`/api/admin/progress?q=${tag}&sort=name&dir=asc&limit=2&cursor=${byNameSort.body.next_cursor}`, { token: admin.token });
    expect(next.body.items.map((i: TraineeProgress) => i.id)).toEqual([trainee.id]);
    expect(next.body.next_cursor).toBeNull();
    expect((await app.http.get('/api/admin/progress?sort=nonsense', { token: admin.token })).status).toBe(400);
    expect((await app.http.get('/api/admin/progress?cursor=garbage', { token: admin.token })).status).toBe(400);

    // Every successful list was recorded as a view of all trainees.
    const rows = await auditRows(admin.id);
    expect(rows.length - before).toBe(8);
    expect(rows[before]).toMatchObject({ action: 'progress.list', subject_id: null, detail: { q: tag, sort: 'name', shown: 3 } });
  });

  it('each trainee’s row carries their module activity: the counts their portfolio shows, for every module', async () => {
    const mark = `Mod${randomBytes(4).toString('hex')}`;
    const [busy, quiet] = await Promise.all([
      createUser(app, { first_name: 'Busy', last_name: `Busy${mark}` }),
      createUser(app, { first_name: 'Quiet', last_name: `Quiet${mark}` }),
    ]);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const as = { token: busy.token };
    for (const name of ['One', 'Two']) {
      const p = await app.http.post('/api/ptl', pathwayInput({ patient_name: `${name} ${mark}` }), as);
      expect(p.status, p.text).toBe(201);
      expect((await app.http.post(`/api/ptl/${p.body.id}/events`, { event_type: 'outpatient_attended', event_date: '2025-02-03' }, as)).status).toBe(201);
    }
    expect((await app.http.post('/api/secretary/tasks', { title: 'Type letter', type: 'typing' }, as)).status).toBe(201);
    expect((await app.http.post('/api/secretary/tasks', { title: 'Chase bloods', type: 'chasing_results', status: 'done' }, as)).status).toBe(201);
    const exception = { patient_id: `PT-${mark}`, patient_name: 'Alex Example', fields: { reason: 'Clinical exception', raised_on: yesterday } };
    expect((await app.http.post('/api/trackers/exceptions', exception, as)).status).toBe(201);
    expect((await app.http.get('/api/reports/rtt-incomplete', as)).status).toBe(200);

    const res = await app.http.get(`/api/admin/progress?q=${mark}`, { token: admin.token });
    expect(res.status, res.text).toBe(200);
    const rows = res.body.items as TraineeProgress[];
    expect(rows.map((r) => r.id).sort()).toEqual([busy.id, quiet.id].sort());
    const busyRow = rows.find((r) => r.id === busy.id)!;
    expect(busyRow.modules).toMatchObject({
      ptl: { pathways: 2, open_pathways: 2, events: 2 },
      secretary: { tasks: 2, open: 1, done: 1 },
      trackers: { entries: 1, trackers: 1 },
      reports: { returns: 1 },
      cancer: { pathways: 0, open: 0, breached: 0 },
    });
    // Every module, for both trainees on the one page, is exactly what the portfolio shows.
    for (const row of rows) {
      const portfolio = (await app.http.get(`/api/admin/trainees/${row.id}/portfolio`, { token: admin.token })).body as Portfolio;
      const shown = Object.fromEntries(portfolio.modules.filter((m) => m.available).map((m) => [m.id, m.counts]));
      expect(row.modules).toEqual(shown);
      expect(Object.keys(row.modules)).toEqual(portfolio.modules.filter((m) => m.available).map((m) => m.id));
    }
    expect(rows.find((r) => r.id === quiet.id)!.modules).toMatchObject({ ptl: { pathways: 0 }, reports: { returns: 0 }, trackers: { entries: 0 } });
  });

  it('drills into one trainee’s portfolio read-only, the same document the trainee sees, and records it', async () => {
    const res = await app.http.get(`/api/admin/trainees/${trainee.id}/portfolio`, { token: admin.token });
    expect(res.status, res.text).toBe(200);
    const seenByAdmin = res.body as Portfolio;
    const own = (await app.http.get('/api/portfolio', { token: trainee.token })).body as Portfolio;
    const comparable = (p: Portfolio) => ({ ...p, generated_at: null });
    expect(comparable(seenByAdmin)).toEqual(comparable(own));
    expect(seenByAdmin.feedback_received[0]).toMatchObject({ strengths: 'Clear structure' });
    expect(seenByAdmin.reflections[0]).toMatchObject({ text: 'I forgot to summarise.' });
    expect(seenByAdmin.sessions[0]).toMatchObject({ id: sessionId, role: 'candidate' });

    const rows = await auditRows(admin.id);
    expect(rows.at(-1)).toMatchObject({ action: 'trainee.portfolio', subject_id: trainee.id });

    // The audit trail lists it, newest first, with who looked at whom.
    const audit = await app.http.get(`/api/admin/audit?subject_id=${trainee.id}`, { token: otherAdmin.token });
    expect(audit.status).toBe(200);
    expect((audit.body.items as AuditEntry[])[0]).toMatchObject({
      action: 'trainee.portfolio',
      admin: { id: admin.id, email: admin.email },
      subject: { id: trainee.id, first_name: 'Tara', last_name: `Trainee${tag}` },
    });
    const all = await app.http.get('/api/admin/audit?limit=1', { token: admin.token });
    expect(all.body.items).toHaveLength(1);
    expect(all.body.next_cursor).toEqual(expect.any(String));
    const more = await app.http.get(`/api/admin/audit?limit=1&cursor=${all.body.next_cursor}`, { token: admin.token });
    expect(more.body.items[0].id).toBeLessThan(all.body.items[0].id);

    // Patients, admins and unknown ids are not trainees: 404, and nothing recorded.
    const count = rows.length;
    for (const id of [patient.id, otherAdmin.id, randomUUID()]) {
      expect((await app.http.get(`/api/admin/trainees/${id}/portfolio`, { token: admin.token })).status).toBe(404);
    }
    expect((await app.http.get('/api/admin/trainees/not-a-uuid/portfolio', { token: admin.token })).status).toBe(400);
    expect(await auditRows(admin.id)).toHaveLength(count);
  });

  it('an admin cannot write through the monitor, nor in SQL as app_admin', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const path of ['/api/admin/progress', `/api/admin/trainees/${trainee.id}/portfolio`, '/api/admin/audit']) {
        const res = await app.http.request(method, path, {}, { token: admin.token });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
    }
    const before = (await app.http.get(`/api/admin/trainees/${trainee.id}/portfolio`, { token: admin.token })).body as Portfolio;

    await expectSqlError(
      app.db.asUser(admin.claims, (tx) => tx.query("update public.session_assessments set self_reflection = 'edited by admin' where session_id = $1", [sessionId])),
      '42501',
    );
    await expectSqlError(
      app.db.asUser(admin.claims, (tx) => tx.query("update public.practice_sessions set status = 'cancelled' where id = $1", [sessionId])),
      '42501',
    );
    const ptl = await app.db.asUser(admin.claims, (tx) => tx.query("update public.ptl_patients set patient_name = 'Edited' where user_id = $1", [trainee.id]));
    expect(ptl.rowCount).toBe(0);
    const profile = await app.db.asUser(admin.claims, (tx) => tx.query("update public.profiles set first_name = 'Edited' where user_id = $1", [trainee.id]));
    expect(profile.rowCount).toBe(0);
    await expectSqlError(app.db.asUser(admin.claims, (tx) => tx.query('delete from public.session_transcript_segments where session_id = $1', [sessionId])), '42501');
    await expectSqlError(app.db.asUser(admin.claims, (tx) => tx.query('update public.accounts set role = $2 where id = $1', [trainee.id, 'admin'])), '42501');

    const after = (await app.http.get(`/api/admin/trainees/${trainee.id}/portfolio`, { token: admin.token })).body as Portfolio;
    expect({ ...after, generated_at: null }).toEqual({ ...before, generated_at: null });
  });

  it('the audit trail is append-only: admins insert only as themselves, nobody updates or deletes, trainees see nothing', async () => {
    await app.http.get(`/api/admin/trainees/${trainee.id}/portfolio`, { token: admin.token });
    await expectSqlError(
      app.db.asUser(admin.claims, (tx) =>
        tx.query("insert into public.admin_audit_log (admin_id, action, subject_id) values ($1, 'trainee.portfolio', $2)", [otherAdmin.id, trainee.id]),
      ),
      '42501',
    );
    const own = await app.db.asUser(admin.claims, (tx) =>
      tx.query("insert into public.admin_audit_log (admin_id, action, subject_id) values ($1, 'trainee.portfolio', $2)", [admin.id, trainee.id]),
    );
    expect(own.rowCount).toBe(1);
    // The time is the database's: an admin cannot backdate a view.
    await expectSqlError(
      app.db.asUser(admin.claims, (tx) => tx.query("insert into public.admin_audit_log (admin_id, action, at) values ($1, 'progress.list', '2000-01-01')", [admin.id])),
      '42501',
    );
    await expectSqlError(app.db.asUser(admin.claims, (tx) => tx.query("update public.admin_audit_log set action = 'nothing' where admin_id = $1", [admin.id])), '42501');
    await expectSqlError(app.db.asUser(admin.claims, (tx) => tx.query('delete from public.admin_audit_log where admin_id = $1', [admin.id])), '42501');
    await expectSqlError(app.db.asUser(admin.claims, (tx) => tx.query('truncate public.admin_audit_log')), '42501');

    // Admins read the whole trail, every admin's rows.
    const seen = await app.db.asUser(otherAdmin.claims, (tx) => tx.query('select 1 from public.admin_audit_log where admin_id = $1', [admin.id]));
    expect(seen.rowCount).toBeGreaterThan(0);

    // A trainee (even the subject) selects nothing and writes nothing.
    for (const who of [trainee, doctor]) {
      const rows = await app.db.asUser(who.claims, (tx) => tx.query('select * from public.admin_audit_log'));
      expect(rows.rowCount).toBe(0);
      await expectSqlError(
        app.db.asUser(who.claims, (tx) => tx.query("insert into public.admin_audit_log (admin_id, action) values ($1, 'progress.list')", [who.id])),
        '42501',
      );
    }
    const anon = app.db.asAnon((tx) => tx.query('select * from public.admin_audit_log'));
    await expectSqlError(anon, '42501');
  });
});
