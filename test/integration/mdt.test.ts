// MDT meetings over HTTP (API-modules.md, "MDT meetings"; domain/nhs-waiting-times.md §5): meetings
// CRUD with its filters, 409 and workflow; a pathway listed once per meeting (sequential and
// concurrent: the unique constraint decides); the list's order and reordering; readiness and the
// meeting's summary; the outcome's rules and its appearance on the cancer pathway (whose clocks the
// MDT never moves); actions and the overdue filter; the coordinator's view; another user's 404 on
// every route and in SQL; the audit trail; the export and the portfolio.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CancerPathwayDetail } from '../../server/src/contract/cancer.js';
import type { CoordinatorView, MdtAction, MdtListing, MdtMeeting } from '../../server/src/contract/mdt.js';
import { todayInEngland } from '../../server/src/kit/dates.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';
import { expectSqlError } from '../helpers/sql.js';

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = todayInEngland();
const lastWeek = addDays(today, -7);
const nextWeek = addDays(today, 7);

const OUTCOME = {
  recommendation: 'Wide local excision then adjuvant radiotherapy.',
  intent: 'curative',
  planned_treatment: ['surgery', 'radiotherapy'],
  stage_tnm: 'T1 N0 M0',
  performance_status: 0,
  rediscuss: false,
};

describe.each(dbTargets)('MDT meetings on %s', (target) => {
  let app: TestApp;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    app = await startTestApp(target);
    [owner, other] = await Promise.all([createUser(app), createUser(app)]);
  });
  afterAll(() => app?.close());

  const as = (user: TestUser) => ({ token: user.token });

  const pathway = async (user: TestUser = owner, name = `Patient ${randomUUID().slice(0, 6)}`) => {
    const res = await app.http.post(
      '/api/cancer',
      { patient_id: `CA-${randomUUID().slice(0, 8)}`, patient_name: name, tumour_site: 'breast', route: 'usc', referral_received_date: addDays(today, -30) },
      as(user),
    );
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; patient_name: string };
  };
  const meeting = async (body: Record<string, unknown> = {}, user: TestUser = owner) => {
    const res = await app.http.post('/api/mdt/meetings', { tumour_site: 'breast', meeting_date: lastWeek, ...body }, as(user));
    expect(res.status, res.text).toBe(201);
    return res.body as MdtMeeting;
  };
  const list = async (meetingId: string, body: Record<string, unknown>, user: TestUser = owner) => {
    const res = await app.http.post(`/api/mdt/meetings/${meetingId}/patients`, { reason: 'New diagnosis: plan treatment', discussion: 'full', ...body }, as(user));
    expect(res.status, res.text).toBe(201);
    return res.body as MdtListing;
  };
  const patients = async (meetingId: string, user: TestUser = owner) => {
    const res = await app.http.get(`/api/mdt/meetings/${meetingId}/patients`, as(user));
    expect(res.status, res.text).toBe(200);
    return res.body.items as MdtListing[];
  };
  const action = async (m: MdtMeeting, l: MdtListing, body: Record<string, unknown> = {}) => {
    const res = await app.http.post(`/api/mdt/meetings/${m.id}/patients/${l.id}/actions`, { description: 'Book clinic to tell the patient', owner: 'CNS Jones', due_date: nextWeek, ...body }, as(owner));
    expect(res.status, res.text).toBe(201);
    return res.body as MdtAction;
  };

  it('meetings: create with defaults, read, filter, change at the current version (stale → 409), workflow and delete', async () => {
    const user = await createUser(app);
    const m = await meeting(
      { meeting_date: nextWeek, start_time: '08:30', attendees: [{ name: 'Ms Patel', role: 'surgeon' }, { name: 'Dr Okoro', role: 'histopathologist' }] },
      user,
    );
    expect(m).toMatchObject({
      tumour_site: 'breast',
      meeting_date: nextWeek,
      start_time: '08:30',
      status: 'planned',
      notes: '',
      version: 1,
      attendees: [{ name: 'Ms Patel', role: 'surgeon' }, { name: 'Dr Okoro', role: 'histopathologist' }],
      summary: { listed: 0, ready: 0, outstanding_items: 0, outcomes_recorded: 0, outcomes_to_communicate: 0, open_actions: 0 },
    });
    const lung = await meeting({ tumour_site: 'lung', meeting_date: lastWeek, status: 'held' }, user);
    const untimed = await meeting({ meeting_date: nextWeek }, user);

    const ids = async (query: string) => ((await app.http.get(`/api/mdt/meetings${query}`, as(user))).body.items as MdtMeeting[]).map((x) => x.id);
    // By date, then start time (none last).
    expect(await ids('')).toEqual([lung.id, m.id, untimed.id]);
    expect(await ids(`?from=${today}`)).toEqual([m.id, untimed.id]);
    expect(await ids(`?to=${today}`)).toEqual([lung.id]);
    expect(await ids('?tumour_site=lung')).toEqual([lung.id]);
    expect(await ids('?status=planned&tumour_site=breast')).toEqual([m.id, untimed.id]);
    expect(await ids('?limit=1')).toEqual([lung.id]);
    const page1 = await app.http.get('/api/mdt/meetings?limit=2', as(user));
    const page2 = await app.http.get(`/api/mdt/meetings?limit=2&cursor=${page1.body.next_cursor}`, as(user));
    expect([...page1.body.items, ...page2.body.items].map((x: MdtMeeting) => x.id)).toEqual([lung.id, m.id, untimed.id]);
    expect((await app.http.get(`/api/mdt/meetings?from=${today}&to=${lastWeek}`, as(user))).status).toBe(400);
    expect((await app.http.get('/api/mdt/meetings?tumour_site=liver', as(user))).status).toBe(400);

    expect((await app.http.get(`/api/mdt/meetings/${m.id}`, as(user))).body).toEqual(m);
    const changed = await app.http.patch(`/api/mdt/meetings/${m.id}`, { version: 1, notes: 'Video link in the invitation', start_time: null }, as(user));
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, notes: 'Video link in the invitation', start_time: null });
    const stale = await app.http.patch(`/api/mdt/meetings/${m.id}`, { version: 1, notes: 'late edit' }, as(user));
    expect(stale.status).toBe(409);
    expect((await app.http.get(`/api/mdt/meetings/${m.id}`, as(user))).body.notes).toBe('Video link in the invitation');

    // Held before its date is refused; held → cancelled is not a move the workflow has.
    const early = await app.http.patch(`/api/mdt/meetings/${m.id}`, { version: 2, status: 'held' }, as(user));
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].path).toBe('status');
    expect((await app.http.patch(`/api/mdt/meetings/${lung.id}`, { version: 1, status: 'cancelled' }, as(user))).status).toBe(400);
    expect((await app.http.get(`/api/mdt/meetings/${m.id}`, as(user))).body.version).toBe(2);

    // The contract's shapes and nothing else.
    for (const bad of [
      { tumour_site: 'breast', meeting_date: today, summary: {} },
      { tumour_site: 'breast', meeting_date: today, start_time: '8:30' },
      { tumour_site: 'breast', meeting_date: today, attendees: [{ name: 'X', role: 'porter' }] },
      { tumour_site: 'breast', meeting_date: today, attendees: [{ name: 'X', role: 'cns', email: 'x@example.test' }] },
      { tumour_site: 'breast', meeting_date: '2026-02-30' },
      { tumour_site: 'breast', meeting_date: today, notes: 'bad\u001b[31m' },
    ]) {
      expect((await app.http.post('/api/mdt/meetings', bad, as(user))).status, JSON.stringify(bad)).toBe(400);
    }

    expect((await app.http.delete(`/api/mdt/meetings/${untimed.id}`, undefined, as(user))).status).toBe(204);
    expect((await app.http.get(`/api/mdt/meetings/${untimed.id}`, as(user))).status).toBe(404);
  });

  it('a pathway is listed once per meeting: a second listing is 409, and of two concurrent ones one wins', async () => {
    const m = await meeting();
    const p = await pathway();
    const first = await list(m.id, { cancer_pathway_id: p.id });
    const again = await app.http.post(`/api/mdt/meetings/${m.id}/patients`, { cancer_pathway_id: p.id, reason: 'Again', discussion: 'full' }, as(owner));
    expect(again.status).toBe(409);
    expect(again.body.error.details[0].path).toBe('cancer_pathway_id');
    // The same pathway at another meeting is another listing.
    await list((await meeting()).id, { cancer_pathway_id: p.id });

    const race = await meeting();
    const q = await pathway();
    const body = { cancer_pathway_id: q.id, reason: 'Racing', discussion: 'standard_of_care' };
    const results = await Promise.all([1, 2, 3].map(() => app.http.post(`/api/mdt/meetings/${race.id}/patients`, body, as(owner))));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect((await patients(race.id)).map((l) => l.cancer_pathway_id)).toEqual([q.id]);

    // Concurrent listings of different pathways all go in, at positions 1…n.
    const others = await Promise.all([1, 2, 3, 4].map(() => pathway()));
    const added = await Promise.all(others.map((o) => app.http.post(`/api/mdt/meetings/${race.id}/patients`, { ...body, cancer_pathway_id: o.id }, as(owner))));
    expect(added.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect((await patients(race.id)).map((l) => l.position)).toEqual([1, 2, 3, 4, 5]);
    expect(first.position).toBe(1);
  });

  it('the list in position order: appended at the end, moved with the others closing up, gaps closed on removal', async () => {
    const m = await meeting();
    const [a, b, c, d] = await Promise.all(['Ann', 'Bob', 'Cat', 'Dan'].map((n) => pathway(owner, n)));
    const la = await list(m.id, { cancer_pathway_id: a!.id });
    const lb = await list(m.id, { cancer_pathway_id: b!.id });
    const lc = await list(m.id, { cancer_pathway_id: c!.id });
    const ld = await list(m.id, { cancer_pathway_id: d!.id });
    expect([la, lb, lc, ld].map((l) => [l.patient_name, l.position])).toEqual([['Ann', 1], ['Bob', 2], ['Cat', 3], ['Dan', 4]]);

    const moved = await app.http.patch(`/api/mdt/meetings/${m.id}/patients/${la.id}`, { version: la.version, position: 3 }, as(owner));
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ position: 3, version: la.version + 1 });
    const names = async () => (await patients(m.id)).map((l) => `${l.position}:${l.patient_name}`);
    expect(await names()).toEqual(['1:Bob', '2:Cat', '3:Ann', '4:Dan']);
    // Moving Bob changed Bob's place and those it passed; Dan, not passed, kept his version.
    const now = await patients(m.id);
    expect(now.find((l) => l.id === ld.id)!.version).toBe(ld.version);
    expect(now.find((l) => l.id === lb.id)!.version).toBe(lb.version + 1);

    const last = now.find((l) => l.id === ld.id)!;
    expect((await app.http.patch(`/api/mdt/meetings/${m.id}/patients/${last.id}`, { version: last.version, position: 1 }, as(owner))).status).toBe(200);
    expect(await names()).toEqual(['1:Dan', '2:Bob', '3:Cat', '4:Ann']);
    const beyond = await app.http.patch(`/api/mdt/meetings/${m.id}/patients/${last.id}`, { version: last.version + 1, position: 5 }, as(owner));
    expect(beyond.status).toBe(400);
    expect(beyond.body.error.details[0]).toMatchObject({ path: 'position', message: 'There are 4 patients on this list' });
    expect((await app.http.patch(`/api/mdt/meetings/${m.id}/patients/${last.id}`, { version: last.version + 1, position: 0 }, as(owner))).status).toBe(400);

    const bob = (await patients(m.id)).find((l) => l.id === lb.id)!;
    expect((await app.http.delete(`/api/mdt/meetings/${m.id}/patients/${bob.id}`, undefined, as(owner))).status).toBe(204);
    expect(await names()).toEqual(['1:Dan', '2:Cat', '3:Ann']);
    // A new patient goes at the end.
    expect((await list(m.id, { cancer_pathway_id: b!.id })).position).toBe(4);
    // A listing is reached through its own meeting only.
    expect((await app.http.patch(`/api/mdt/meetings/${(await meeting()).id}/patients/${la.id}`, { version: 1, reason: 'x' }, as(owner))).status).toBe(404);
  });

  it('readiness and the meeting’s summary: unready items, outcomes recorded and to tell, open actions', async () => {
    const m = await meeting();
    const ready = await list(m.id, { cancer_pathway_id: (await pathway()).id });
    const partly = await list(m.id, {
      cancer_pathway_id: (await pathway()).id,
      checklist: [{ item: 'Results', ready: true }, { item: 'Imaging', ready: false }, { item: 'Histology', ready: false }],
    });
    expect(ready).toMatchObject({ checklist: [], ready: true, outcome: null, outcome_communicated_date: null });
    expect(partly.ready).toBe(false);
    expect((await app.http.post(`/api/mdt/meetings/${m.id}/patients`, { cancer_pathway_id: (await pathway()).id, reason: 'x', discussion: 'full', checklist: [{ item: 'Imaging', ready: true }, { item: 'imaging', ready: false }] }, as(owner))).status).toBe(400);

    const imaging = await app.http.patch(`/api/mdt/meetings/${m.id}/patients/${partly.id}`, {
      version: partly.version,
      checklist: [{ item: 'Results', ready: true }, { item: 'Imaging', ready: true }, { item: 'Histology', ready: false }],
    }, as(owner));
    expect(imaging.body.ready).toBe(false);
    const decided = await app.http.patch(`/api/mdt/meetings/${m.id}/patients/${ready.id}`, { version: ready.version, outcome: OUTCOME }, as(owner));
    expect(decided.status, decided.text).toBe(200);
    await action(m, decided.body);
    const done = await action(m, decided.body);
    expect((await app.http.patch(`/api/mdt/actions/${done.id}`, { version: done.version, done: true }, as(owner))).status).toBe(200);

    const summary = { listed: 2, ready: 1, outstanding_items: 1, outcomes_recorded: 1, outcomes_to_communicate: 1, open_actions: 1 };
    expect((await app.http.get(`/api/mdt/meetings/${m.id}`, as(owner))).body.summary).toEqual(summary);
    const listed = await app.http.get(`/api/mdt/meetings?from=${lastWeek}&to=${lastWeek}`, as(owner));
    expect((listed.body.items as MdtMeeting[]).find((x) => x.id === m.id)!.summary).toEqual(summary);

    const told = await app.http.patch(`/api/mdt/meetings/${m.id}/patients/${ready.id}`, { version: decided.body.version, outcome_communicated_date: today }, as(owner));
    expect(told.status, told.text).toBe(200);
    expect((await app.http.get(`/api/mdt/meetings/${m.id}`, as(owner))).body.summary).toMatchObject({ outcomes_recorded: 1, outcomes_to_communicate: 0 });
  });

  it('the outcome: its shape, recorded once the meeting has come, told on or after the meeting and not after today', async () => {
    const future = await meeting({ meeting_date: nextWeek });
    const early = await list(future.id, { cancer_pathway_id: (await pathway()).id });
    const tooEarly = await app.http.patch(`/api/mdt/meetings/${future.id}/patients/${early.id}`, { version: early.version, outcome: OUTCOME }, as(owner));
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.error.details[0].path).toBe('outcome');

    const m = await meeting();
    const l = await list(m.id, { cancer_pathway_id: (await pathway()).id });
    const url = `/api/mdt/meetings/${m.id}/patients/${l.id}`;
    for (const bad of [
      { outcome: { ...OUTCOME, performance_status: 5 } },
      { outcome: { ...OUTCOME, intent: 'hopeful' } },
      { outcome: { ...OUTCOME, planned_treatment: ['surgery', 'surgery'] } },
      { outcome: { ...OUTCOME, recommendation: '' } },
      { outcome: { ...OUTCOME, recommendation: 'x'.repeat(2001) } },
      { outcome: { ...OUTCOME, consultant: 'Dr Who' } },
      { outcome: { recommendation: 'Surgery' } },
      { outcome_communicated_date: today },
      { outcome: OUTCOME, outcome_communicated_date: addDays(lastWeek, -1) },
      { outcome: OUTCOME, outcome_communicated_date: addDays(today, 1) },
      { ready: true },
      { clocks: {} },
    ]) {
      const res = await app.http.patch(url, { version: l.version, ...bad }, as(owner));
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await patients(m.id))[0]).toMatchObject({ outcome: null, version: l.version });

    const ok = await app.http.patch(url, { version: l.version, outcome: OUTCOME, outcome_communicated_date: lastWeek }, as(owner));
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ outcome: OUTCOME, outcome_communicated_date: lastWeek });
    // Taking the outcome away needs the date gone too.
    expect((await app.http.patch(url, { version: ok.body.version, outcome: null }, as(owner))).status).toBe(400);

    // The meeting now keeps its outcomes consistent: not into the future, not after a date told, not cancelled.
    for (const change of [{ meeting_date: nextWeek }, { meeting_date: today }, { status: 'cancelled' }]) {
      const res = await app.http.patch(`/api/mdt/meetings/${m.id}`, { version: m.version, ...change }, as(owner));
      expect(res.status, JSON.stringify(change)).toBe(400);
    }
    expect((await app.http.patch(`/api/mdt/meetings/${m.id}`, { version: m.version, meeting_date: addDays(lastWeek, -1), status: 'held' }, as(owner))).status).toBe(200);
  });

  it('the outcome shows on the cancer pathway, newest meeting first, and never moves its clocks', async () => {
    const p = await pathway();
    const before = (await app.http.get(`/api/cancer/${p.id}`, as(owner))).body as CancerPathwayDetail;
    expect(before.mdt).toEqual([]);

    const older = await meeting({ meeting_date: addDays(today, -14) });
    const newer = await meeting({ meeting_date: lastWeek, status: 'held' });
    await list(older.id, { cancer_pathway_id: p.id, reason: 'Diagnostic work-up', checklist: [{ item: 'Imaging', ready: false }] });
    const l = await list(newer.id, { cancer_pathway_id: p.id, reason: 'Histology back' });
    await app.http.patch(`/api/mdt/meetings/${newer.id}/patients/${l.id}`, { version: l.version, outcome: OUTCOME, outcome_communicated_date: today }, as(owner));

    const after = (await app.http.get(`/api/cancer/${p.id}`, as(owner))).body as CancerPathwayDetail;
    expect(after.mdt.map((d) => [d.meeting_id, d.reason, d.ready])).toEqual([
      [newer.id, 'Histology back', true],
      [older.id, 'Diagnostic work-up', false],
    ]);
    expect(after.mdt[0]).toMatchObject({ listing_id: l.id, meeting_date: lastWeek, meeting_status: 'held', tumour_site: 'breast', discussion: 'full', outcome: OUTCOME, outcome_communicated_date: today });
    // §2: MDT dates never start or stop a clock.
    expect(after.clocks).toEqual(before.clocks);
    expect(after.version).toBe(before.version);
    // The listing carries the pathway's clocks, at as_of when asked.
    expect((await patients(newer.id))[0]!.clocks).toEqual(before.clocks);
    const then = await app.http.get(`/api/mdt/meetings/${newer.id}/patients?as_of=${addDays(today, -10)}`, as(owner));
    expect(then.body.items[0].clocks.fds_28.days).toBe(20);

    // A listing goes with its pathway.
    expect((await app.http.delete(`/api/cancer/${p.id}`, undefined, as(owner))).status).toBe(204);
    expect(await patients(newer.id)).toEqual([]);
  });

  it('actions: created for a listed patient, changed, filtered by open, overdue and meeting, removed', async () => {
    const m = await meeting();
    const l = await list(m.id, { cancer_pathway_id: (await pathway()).id });
    const a = await action(m, l, { description: 'Order PET-CT', owner: 'Dr Smith', due_date: addDays(today, 14) });
    expect(a).toEqual({
      id: a.id,
      meeting_id: m.id,
      listing_id: l.id,
      description: 'Order PET-CT',
      owner: 'Dr Smith',
      due_date: addDays(today, 14),
      done: false,
      version: 1,
      created_at: a.created_at,
      updated_at: a.updated_at,
    });
    const late = await action(m, l, { due_date: addDays(today, -2) });
    const dueToday = await action(m, l, { due_date: today });
    const lateDone = await action(m, l, { due_date: addDays(today, -3) });
    expect((await app.http.patch(`/api/mdt/actions/${lateDone.id}`, { version: 1, done: true }, as(owner))).body).toMatchObject({ done: true, version: 2 });
    expect((await app.http.patch(`/api/mdt/actions/${lateDone.id}`, { version: 1, done: false }, as(owner))).status).toBe(409);

    const elsewhere = await meeting();
    const l2 = await list(elsewhere.id, { cancer_pathway_id: (await pathway()).id });
    const lateElsewhere = await action(elsewhere, l2, { due_date: addDays(today, -1) });

    const ids = async (query: string) => ((await app.http.get(`/api/mdt/actions${query}`, as(owner))).body.items as MdtAction[]).map((x) => x.id);
    expect(await ids(`?meeting_id=${m.id}`)).toEqual([lateDone.id, late.id, dueToday.id, a.id]);
    expect(await ids(`?meeting_id=${m.id}&open=true`)).toEqual([late.id, dueToday.id, a.id]);
    expect(await ids(`?meeting_id=${m.id}&open=false`)).toEqual([lateDone.id]);
    expect(await ids(`?meeting_id=${m.id}&overdue=true`)).toEqual([late.id]);
    const overdue = await ids('?overdue=true&open=true');
    expect(overdue).toEqual(expect.arrayContaining([late.id, lateElsewhere.id]));
    expect(overdue).not.toContain(dueToday.id);
    expect((await app.http.get('/api/mdt/actions?overdue=yes', as(owner))).status).toBe(400);

    // The meeting in the path must be the listing's; bodies are strict.
    expect((await app.http.post(`/api/mdt/meetings/${elsewhere.id}/patients/${l.id}/actions`, { description: 'x', owner: 'y', due_date: today }, as(owner))).status).toBe(404);
    expect((await app.http.post(`/api/mdt/meetings/${m.id}/patients/${l.id}/actions`, { description: 'x', owner: 'y', due_date: today, done: true }, as(owner))).status).toBe(400);
    expect((await app.http.post(`/api/mdt/meetings/${m.id}/patients/${l.id}/actions`, { description: 'x', owner: '', due_date: today }, as(owner))).status).toBe(400);

    expect((await app.http.delete(`/api/mdt/actions/${a.id}`, undefined, as(owner))).status).toBe(204);
    expect(await ids(`?meeting_id=${m.id}`)).not.toContain(a.id);
    // Removing the patient from the list takes their actions with them.
    expect((await app.http.delete(`/api/mdt/meetings/${m.id}/patients/${l.id}`, undefined, as(owner))).status).toBe(204);
    expect(await ids(`?meeting_id=${m.id}`)).toEqual([]);
  });

  it('the coordinator’s view: what is upcoming and not ready, outcomes to tell, overdue actions', async () => {
    const user = await createUser(app);
    const mine = async (name: string) => {
      const res = await app.http.post('/api/cancer', { patient_id: `CA-${randomUUID().slice(0, 8)}`, patient_name: name, tumour_site: 'lung', route: 'usc', referral_received_date: addDays(today, -30) }, as(user));
      expect(res.status, res.text).toBe(201);
      return res.body.id as string;
    };
    const meetingOf = async (body: Record<string, unknown>) => (await app.http.post('/api/mdt/meetings', { tumour_site: 'lung', ...body }, as(user))).body as MdtMeeting;
    const listAt = async (m: MdtMeeting, body: Record<string, unknown>) => {
      const res = await app.http.post(`/api/mdt/meetings/${m.id}/patients`, { reason: 'Discuss', discussion: 'full', ...body }, as(user));
      expect(res.status, res.text).toBe(201);
      return res.body as MdtListing;
    };

    const upcoming = await meetingOf({ meeting_date: addDays(today, 2), start_time: '09:00' });
    const farAway = await meetingOf({ meeting_date: addDays(today, 60) });
    await meetingOf({ meeting_date: addDays(today, 3), status: 'cancelled' });
    const past = await meetingOf({ meeting_date: lastWeek, status: 'held' });
    const missing = await listAt(upcoming, { cancer_pathway_id: await mine('Ann Missing'), checklist: [{ item: 'Imaging', ready: false }, { item: 'Histology', ready: true }] });
    await listAt(upcoming, { cancer_pathway_id: await mine('Ben Ready'), checklist: [{ item: 'Imaging', ready: true }] });
    await listAt(farAway, { cancer_pathway_id: await mine('Cal Far'), checklist: [{ item: 'Imaging', ready: false }] });
    const untold = await listAt(past, { cancer_pathway_id: await mine('Dee Untold') });
    await app.http.patch(`/api/mdt/meetings/${past.id}/patients/${untold.id}`, { version: untold.version, outcome: OUTCOME }, as(user));
    const late = (await app.http.post(`/api/mdt/meetings/${past.id}/patients/${untold.id}/actions`, { description: 'Refer to oncology', owner: 'Coordinator', due_date: addDays(today, -2) }, as(user))).body as MdtAction;
    await app.http.post(`/api/mdt/meetings/${past.id}/patients/${untold.id}/actions`, { description: 'Book clinic', owner: 'CNS', due_date: nextWeek }, as(user));

    const res = await app.http.get('/api/mdt/coordinator', as(user));
    expect(res.status, res.text).toBe(200);
    const view = res.body as CoordinatorView;
    expect(view).toMatchObject({ as_of: today, days: 28 });
    expect(view.upcoming.map((m) => [m.id, m.summary.listed, m.summary.ready, m.summary.outstanding_items])).toEqual([[upcoming.id, 2, 1, 1]]);
    expect(view.not_ready).toEqual([
      {
        meeting_id: upcoming.id,
        meeting_date: addDays(today, 2),
        tumour_site: 'lung',
        listing_id: missing.id,
        cancer_pathway_id: missing.cancer_pathway_id,
        patient_name: 'Ann Missing',
        position: 1,
        outstanding: ['Imaging'],
        clocks: missing.clocks,
      },
    ]);
    expect(view.to_communicate.map((e) => [e.listing_id, e.patient_name, e.days_since_meeting, e.outcome.intent])).toEqual([[untold.id, 'Dee Untold', 7, 'curative']]);
    expect(view.overdue_actions.map((e) => [e.id, e.patient_name, e.meeting_date, e.days_overdue])).toEqual([[late.id, 'Dee Untold', lastWeek, 2]]);

    // Looking further ahead and back in time.
    const wide = (await app.http.get('/api/mdt/coordinator?days=90', as(user))).body as CoordinatorView;
    expect(wide.upcoming.map((m) => m.id)).toEqual([upcoming.id, farAway.id]);
    expect(wide.not_ready.map((e) => e.patient_name)).toEqual(['Ann Missing', 'Cal Far']);
    const before = (await app.http.get(`/api/mdt/coordinator?as_of=${addDays(today, -10)}`, as(user))).body as CoordinatorView;
    expect(before.to_communicate).toEqual([]);
    expect(before.overdue_actions).toEqual([]);
    expect((await app.http.get('/api/mdt/coordinator?days=0', as(user))).status).toBe(400);
    // Nobody else's desk but one's own (admins excepted, read-only).
    expect((await app.http.get(`/api/mdt/coordinator?user_id=${owner.id}`, as(user))).status).toBe(403);
    expect((await app.http.get('/api/mdt/coordinator', as(other))).body).toMatchObject({ upcoming: [], not_ready: [], to_communicate: [], overdue_actions: [] });
  });

  it('another user gets 404 on every route and for a pathway or meeting of theirs, sees nothing listed, and nothing in SQL', async () => {
    const m = await meeting();
    const l = await list(m.id, { cancer_pathway_id: (await pathway()).id });
    const a = await action(m, l);
    const mine = await meeting({}, other);
    const myPathway = await pathway(other);

    const routes: [string, string, unknown?][] = [
      ['GET', `/api/mdt/meetings/${m.id}`],
      ['PATCH', `/api/mdt/meetings/${m.id}`, { version: m.version, notes: 'x' }],
      ['DELETE', `/api/mdt/meetings/${m.id}`],
      ['GET', `/api/mdt/meetings/${m.id}/patients`],
      ['POST', `/api/mdt/meetings/${m.id}/patients`, { cancer_pathway_id: myPathway.id, reason: 'x', discussion: 'full' }],
      ['PATCH', `/api/mdt/meetings/${m.id}/patients/${l.id}`, { version: l.version, reason: 'x' }],
      ['DELETE', `/api/mdt/meetings/${m.id}/patients/${l.id}`],
      ['POST', `/api/mdt/meetings/${m.id}/patients/${l.id}/actions`, { description: 'x', owner: 'y', due_date: today }],
      ['GET', `/api/mdt/actions/${a.id}`],
      ['PATCH', `/api/mdt/actions/${a.id}`, { version: a.version, done: true }],
      ['DELETE', `/api/mdt/actions/${a.id}`],
      // Their own meeting, with the owner's pathway in the body.
      ['POST', `/api/mdt/meetings/${mine.id}/patients`, { cancer_pathway_id: l.cancer_pathway_id, reason: 'x', discussion: 'full' }],
    ];
    for (const [method, path, body] of routes) {
      expect((await app.http.request(method, path, body, as(other))).status, `${method} ${path}`).toBe(404);
    }
    for (const [method, path, body] of routes.slice(0, -1)) {
      expect((await app.http.request(method, path, body)).status, `anonymous ${method} ${path}`).toBe(401);
    }
    expect((await app.http.get('/api/mdt/meetings', as(other))).body.items.map((x: MdtMeeting) => x.id)).toEqual([mine.id]);
    expect((await app.http.get('/api/mdt/actions', as(other))).body.items).toEqual([]);
    expect((await app.http.get(`/api/mdt/actions?meeting_id=${m.id}`, as(other))).body.items).toEqual([]);
    expect((await app.http.get('/api/mdt/meetings/not-a-uuid', as(owner))).status).toBe(400);
    expect((await app.http.patch(`/api/mdt/meetings/${m.id}/patients/not-a-uuid`, { version: 1 }, as(owner))).status).toBe(400);

    // In SQL as `authenticated` with the other user's claims: nothing to read, change or delete,
    // and no row of theirs can link to the owner's meeting, pathway or listing.
    for (const [table, id, column] of [['mdt_meetings', m.id, 'notes'], ['mdt_listings', l.id, 'reason'], ['mdt_actions', a.id, 'owner']] as const) {
      expect((await app.db.asUser(other.claims, (tx) => tx.query(`select id from public.${table} where id = $1`, [id]))).rows, table).toEqual([]);
      expect((await app.db.asUser(other.claims, (tx) => tx.query(`update public.${table} set ${column} = 'hijacked' where id = $1`, [id]))).rowCount, table).toBe(0);
      expect((await app.db.asUser(other.claims, (tx) => tx.query(`delete from public.${table} where id = $1`, [id]))).rowCount, table).toBe(0);
    }
    await expectSqlError(
      app.db.asUser(other.claims, (tx) =>
        tx.query("insert into public.mdt_listings (meeting_id, cancer_pathway_id, position, reason, discussion) values ($1, $2, 9, 'x', 'full')", [m.id, myPathway.id]),
      ),
      '42501',
    );
    await expectSqlError(
      app.db.asUser(other.claims, (tx) =>
        tx.query("insert into public.mdt_listings (meeting_id, cancer_pathway_id, position, reason, discussion) values ($1, $2, 1, 'x', 'full')", [mine.id, l.cancer_pathway_id]),
      ),
      '42501',
    );
    await expectSqlError(
      app.db.asUser(other.claims, (tx) =>
        tx.query("insert into public.mdt_actions (meeting_id, listing_id, description, owner, due_date) values ($1, $2, 'x', 'y', current_date)", [m.id, l.id]),
      ),
      '42501',
    );
    // An action's meeting is always its listing's, whoever writes it.
    const own = await meeting();
    await expect(
      app.db.asUser(owner.claims, (tx) =>
        tx.query("insert into public.mdt_actions (meeting_id, listing_id, description, owner, due_date) values ($1, $2, 'x', 'y', current_date)", [own.id, l.id]),
      ),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^(42501|23503)$/) });
    // Untouched.
    expect((await app.http.get(`/api/mdt/actions/${a.id}`, as(owner))).body.version).toBe(a.version);
    expect(await patients(m.id)).toHaveLength(1);
  });

  it('admins read anyone’s meetings, lists, actions and desk (read-only, on the oversight log)', async () => {
    const admin = await createAdmin(app);
    const m = await meeting();
    const l = await list(m.id, { cancer_pathway_id: (await pathway()).id });
    const a = await action(m, l);
    const read = async (path: string) => {
      const res = await app.http.get(path, as(admin));
      expect(res.status, `${path}: ${res.text}`).toBe(200);
      return res.body;
    };
    expect((await read(`/api/mdt/meetings?user_id=${owner.id}`)).items.map((x: MdtMeeting) => x.id)).toContain(m.id);
    expect((await read(`/api/mdt/meetings/${m.id}`)).summary.listed).toBe(1);
    expect((await read(`/api/mdt/meetings/${m.id}/patients`)).items[0]).toMatchObject({ id: l.id, clocks: l.clocks });
    expect((await read(`/api/mdt/actions?user_id=${owner.id}&meeting_id=${m.id}`)).items.map((x: MdtAction) => x.id)).toEqual([a.id]);
    expect((await read(`/api/mdt/coordinator?user_id=${owner.id}`)).as_of).toBe(today);
    expect((await app.http.patch(`/api/mdt/meetings/${m.id}/patients/${l.id}`, { version: l.version, reason: 'x' }, as(admin))).status).toBe(404);
    expect((await app.http.patch(`/api/mdt/actions/${a.id}`, { version: a.version, done: true }, as(admin))).status).toBe(404);
    expect((await app.http.delete(`/api/mdt/meetings/${m.id}`, undefined, as(admin))).status).toBe(404);
    const log = await app.db.query<{ action: string; subject_id: string }>('select action, subject_id from public.admin_audit_log where admin_id = $1', [admin.id]);
    expect(new Set(log.rows.map((r) => r.action))).toEqual(new Set(['mdt_meetings.list', 'mdt_meetings.view', 'mdt_listings.list', 'mdt_actions.list', 'mdt_coordinator.view']));
    expect(new Set(log.rows.map((r) => r.subject_id))).toEqual(new Set([owner.id]));
  });

  it('every change is on the audit trail; deleting a meeting takes its listings and actions with it', async () => {
    const user = await createUser(app);
    const p = await app.http.post('/api/cancer', { patient_id: 'CA-AUDIT', patient_name: 'Audit Patient', tumour_site: 'skin', route: 'usc', referral_received_date: lastWeek }, as(user));
    const m = (await app.http.post('/api/mdt/meetings', { tumour_site: 'skin', meeting_date: today }, as(user))).body as MdtMeeting;
    const l = (await app.http.post(`/api/mdt/meetings/${m.id}/patients`, { cancer_pathway_id: p.body.id, reason: 'x', discussion: 'standard_of_care' }, as(user))).body as MdtListing;
    const a = (await app.http.post(`/api/mdt/meetings/${m.id}/patients/${l.id}/actions`, { description: 'x', owner: 'y', due_date: today }, as(user))).body as MdtAction;
    await app.http.patch(`/api/mdt/meetings/${m.id}/patients/${l.id}`, { version: l.version, outcome: OUTCOME }, as(user));
    await app.http.patch(`/api/mdt/actions/${a.id}`, { version: a.version, done: true }, as(user));
    expect((await app.http.delete(`/api/mdt/meetings/${m.id}`, undefined, as(user))).status).toBe(204);

    const trail = async (table: string, id: string) => {
      const res = await app.http.get(`/api/audit?table=${table}&row_id=${id}`, as(user));
      return (res.body.items as { action: string; actor_id: string }[]).map((e) => `${e.action}:${e.actor_id === user.id}`);
    };
    expect(await trail('mdt_meetings', m.id)).toEqual(['delete:true', 'insert:true']);
    expect(await trail('mdt_listings', l.id)).toEqual(['delete:true', 'update:true', 'insert:true']);
    expect(await trail('mdt_actions', a.id)).toEqual(['delete:true', 'update:true', 'insert:true']);
    expect((await app.http.get(`/api/audit?row_id=${l.id}`, as(other))).body.items).toEqual([]);
    for (const table of ['mdt_listings', 'mdt_actions']) {
      expect((await app.db.asUser(user.claims, (tx) => tx.query(`select id from public.${table} where user_id = $1`, [user.id]))).rows, table).toEqual([]);
    }
  });

  /** A user with two meetings (one held, with a listed patient, an outcome and an action) and one planned. */
  const exportable = async () => {
    const user = await createUser(app);
    const p = await app.http.post('/api/cancer', { patient_id: 'CA-EXP', patient_name: 'Export Patient', tumour_site: 'lung', route: 'usc', referral_received_date: addDays(today, -20) }, as(user));
    const m = (await app.http.post('/api/mdt/meetings', { tumour_site: 'lung', meeting_date: lastWeek, status: 'held', attendees: [{ name: 'Dr Lee', role: 'oncologist' }] }, as(user))).body as MdtMeeting;
    await app.http.post('/api/mdt/meetings', { tumour_site: 'lung', meeting_date: nextWeek }, as(user));
    const l = (await app.http.post(`/api/mdt/meetings/${m.id}/patients`, { cancer_pathway_id: p.body.id, reason: 'Staging', discussion: 'full', checklist: [{ item: 'Imaging', ready: true }] }, as(user))).body as MdtListing;
    const decided = (await app.http.patch(`/api/mdt/meetings/${m.id}/patients/${l.id}`, { version: l.version, outcome: OUTCOME }, as(user))).body as MdtListing;
    const a = (await app.http.post(`/api/mdt/meetings/${m.id}/patients/${l.id}/actions`, { description: 'Tell the patient', owner: 'CNS', due_date: nextWeek }, as(user))).body as MdtAction;
    return { user, m, decided, a };
  };

  it('the export holds each meeting with its listings and actions, stored values only', async () => {
    const { user, m, decided, a } = await exportable();
    const res = await app.http.get('/api/portfolio/export', as(user));
    expect(res.status).toBe(200);
    const exported = res.body.mdt_meetings as Record<string, unknown>[];
    expect(exported).toHaveLength(2);
    const { summary: _summary, ...stored } = m;
    expect(exported[0]).toEqual({
      ...stored,
      listings: [{ ...(({ clocks: _c, ready: _r, ...rest }) => rest)(decided) }],
      actions: [a],
    });
  });

  it('the portfolio counts meetings, patients discussed and outcomes recorded', async () => {
    const { user, a } = await exportable();
    const portfolio = await app.http.get('/api/portfolio', as(user));
    const mdt = (portfolio.body.modules as { id: string; available: boolean; counts: Record<string, number>; summary: string; last_at: string }[]).find((x) => x.id === 'mdt')!;
    expect(mdt).toMatchObject({ available: true, counts: { meetings: 2, patients_discussed: 1, outcomes_recorded: 1 }, summary: '2 meetings, 1 patient discussed, 1 outcome recorded' });
    expect(Date.parse(mdt.last_at)).toBeGreaterThanOrEqual(Date.parse(a.created_at));
  });
});
