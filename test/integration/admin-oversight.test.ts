import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { caseInput } from '../helpers/cases.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser } from '../helpers/factories.js';
import { connectSocket, type ClientSocket } from '../helpers/sockets.js';

// Admins read every trainee's rows for the progress monitor; that must not make them a third
// participant of anyone's station, and every look at a trainee's own material is on the audit trail.
describe.each(dbTargets)('what admins can and cannot reach on %s', (target) => {
  let app: TestApp;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.close();
  });
  afterAll(() => app?.close());

  it('an admin is not a participant: no room, join, video, brief, transcript or assessment of others’ sessions', async () => {
    const { rows } = await app.db.query<{ id: string }>("select id from public.cases where owner_id is null order by case_name limit 1");
    const host = await createUser(app);
    const guest = await createUser(app);
    const admin = await createAdmin(app);
    const pub = await app.http.post(
      '/api/sessions',
      { datetime_utc: new Date(Date.now() + 86_400_000).toISOString(), host_role: 'actor', case_id: rows[0]!.id, preset: 'plab2' },
      { token: host.token },
    );
    const signup = await app.http.post(`/api/sessions/${pub.body.id}/signup`, { version: pub.body.version }, { token: guest.token });
    expect(signup.status).toBe(200);
    const id = pub.body.id as string;
    const token = (pub.body.room_url as string).replace('/room/', '');

    const seen = await app.http.get(`/api/sessions/${id}`, { token: admin.token });
    expect(seen.status).toBe(200);
    expect(seen.body.room_url).toBeUndefined(); // the board view, as for anyone else
    expect(seen.body.your_role).toBeUndefined();
    expect((await app.http.get(`/api/rooms/${token}`, { token: admin.token })).status).toBe(404);
    expect((await app.http.post(`/api/sessions/${id}/video`, undefined, { token: admin.token })).status).toBe(404);
    expect((await app.http.get(`/api/sessions/${id}/brief`, { token: admin.token })).status).toBe(404);
    expect((await app.http.get(`/api/sessions/${id}/transcript`, { token: admin.token })).status).toBe(404);
    expect((await app.http.get(`/api/sessions/${id}/assessment`, { token: admin.token })).status).toBe(404);
    expect((await app.http.get(`/api/sessions/${id}/calendar.ics`, { token: admin.token })).status).toBe(404);
    const { socket } = await connectSocket(app.url, { token: admin.token });
    sockets.push(socket);
    expect(await socket.emitWithAck('session:join', { session_id: id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await socket.emitWithAck('rtc:signal', { session_id: id, data: { type: 'offer' } })).toMatchObject({ ok: false });
  });

  it('an admin opening a trainee’s private case is recorded against that trainee; the shared bank and their own cases are not', async () => {
    const author = await createUser(app);
    const admin = await createAdmin(app);
    const created = await app.http.post('/api/cases', caseInput(), { token: author.token });
    expect(created.status).toBe(201);
    const shared = await app.db.query<{ id: string }>("select id from public.cases where owner_id is null limit 1");

    const audit = async () =>
      (await app.db.query<{ action: string; subject_id: string | null; detail: { case_id?: string } }>(
        'select action, subject_id, detail from public.admin_audit_log where admin_id = $1 order by id',
        [admin.id],
      )).rows;

    expect((await app.http.get(`/api/cases/${shared.rows[0]!.id}`, { token: admin.token })).status).toBe(200);
    expect(await audit()).toEqual([]);
    const opened = await app.http.get(`/api/cases/${created.body.id}`, { token: admin.token });
    expect(opened.status).toBe(200);
    expect(await audit()).toEqual([{ action: 'case.view', subject_id: author.id, detail: { case_id: created.body.id } }]);
    // The author reading their own case records nothing.
    expect((await app.http.get(`/api/cases/${created.body.id}`, { token: author.token })).status).toBe(200);
    expect(await audit()).toHaveLength(1);
  });

  it('signing in counts as being seen, for the monitor’s “last seen”', async () => {
    const user = await createUser(app);
    const { rows } = await app.db.query<{ last_seen_at: Date | null }>('select last_seen_at from public.accounts where id = $1', [user.id]);
    expect(rows[0]!.last_seen_at).toBeInstanceOf(Date);
    expect(Date.now() - rows[0]!.last_seen_at!.getTime()).toBeLessThan(60_000);
  });
});
