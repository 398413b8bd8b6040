// The trackers' own rules, as their definitions declare them: required fields, fields required
// from a status on, dates not in the future or not before another, a delay over six weeks going
// to clinical review, withdrawal from anywhere, partial field updates. (The privacy and validation
// every module shares is in modules.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackerDefinitionView, TrackerItem } from '../../server/src/contract/trackers.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(dbTargets)('trackers on %s', (target) => {
  let app: TestApp;
  let user: TestUser;

  beforeAll(async () => {
    app = await startTestApp(target);
    user = await createUser(app);
  });
  afterAll(() => app?.close());

  const post = (module: string, body: Record<string, unknown>) => app.http.post(`/api/trackers/${module}`, body, { token: user.token });
  const patch = (module: string, row: TrackerItem, body: Record<string, unknown>) =>
    app.http.patch(`/api/trackers/${module}/${row.id}`, { version: row.version, ...body }, { token: user.token });
  const paths = (res: { body: { error?: { details?: { path: string }[] } } }) => (res.body.error?.details ?? []).map((d) => d.path);

  it('describes every tracker with its fields, statuses and allowed moves', async () => {
    const res = await app.http.get('/api/trackers', { token: user.token });
    const consent = (res.body.items as TrackerDefinitionView[]).find((d) => d.module === 'consent')!;
    expect(consent).toMatchObject({ name: 'Consent', read_only: false, statuses: ['planned', 'signed', 'confirmed', 'withdrawn'] });
    expect(consent.transitions).toEqual({ planned: ['signed', 'withdrawn'], signed: ['confirmed', 'withdrawn'], confirmed: ['withdrawn'] });
    expect(consent.fields.find((f) => f.name === 'form')).toMatchObject({ type: 'enum', required: true, options: ['1', '2', '3', '4'] });
    expect(consent.fields.find((f) => f.name === 'discussed_on')).toMatchObject({ type: 'date', required: true, future_allowed: false });
  });

  it('an unknown tracker is 404 on every route', async () => {
    expect((await app.http.get('/api/trackers/nonsense', { token: user.token })).status).toBe(404);
    expect((await post('nonsense', {})).status).toBe(404);
    expect((await app.http.get('/api/trackers/NOPE/00000000-0000-4000-8000-000000000000', { token: user.token })).status).toBe(400);
  });

  it('consent: planned → signed → confirmed needs each date in order, and withdrawal ends it from anywhere', async () => {
    const missing = await post('consent', { patient_name: 'Ann Lee', fields: { procedure: 'Knee arthroscopy' } });
    expect(missing.status).toBe(400);
    expect(paths(missing)).toEqual(expect.arrayContaining(['fields.form', 'fields.discussed_on']));

    const created = await post('consent', { patient_name: 'Ann Lee', fields: { procedure: 'Knee arthroscopy', form: '1', discussed_on: day(-10) } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ module: 'consent', status: 'planned', fields: { procedure: 'Knee arthroscopy', form: '1', discussed_on: day(-10) } });
    let row = created.body as TrackerItem;

    const unsigned = await patch('consent', row, { status: 'signed' });
    expect(unsigned.status).toBe(400);
    expect(paths(unsigned)).toEqual(['fields.signed_on']);
    const early = await patch('consent', row, { status: 'signed', fields: { signed_on: day(-11) } });
    expect(paths(early)).toEqual(['fields.signed_on']);
    expect(early.body.error.details[0].message).toMatch(/before Discussed on/);
    const future = await patch('consent', row, { status: 'signed', fields: { signed_on: day(3) } });
    expect(future.body.error.details[0].message).toMatch(/after today/);

    const signed = await patch('consent', row, { status: 'signed', fields: { signed_on: day(-5) } });
    expect(signed.status, signed.text).toBe(200);
    row = signed.body;
    // A partial update of fields keeps the others.
    expect(row.fields).toEqual({ procedure: 'Knee arthroscopy', form: '1', discussed_on: day(-10), signed_on: day(-5) });
    const skip = await patch('consent', row, { status: 'planned' });
    expect(skip.status).toBe(400);
    expect(skip.body.error.details[0].message).toMatch(/Signed can move to Confirmed or Withdrawn, not Planned/);

    const withdrawn = await patch('consent', row, { status: 'withdrawn' });
    expect(withdrawn.body.status).toBe('withdrawn');
    const back = await patch('consent', withdrawn.body, { status: 'confirmed', fields: { confirmed_on: day(-1) } });
    expect(back.status).toBe(400);
    expect(back.body.error.details[0].message).toMatch(/Withdrawn is final/);
  });

  it('patient choice: a requested delay over six weeks starts at clinical review and cannot be closed without it', async () => {
    const short = await post('patient_choice', { patient_name: 'Bo Day', fields: { kind: 'requested_delay', from: day(7), to: day(7 + 42) } });
    expect(short.body.status).toBe('logged');
    const long = await post('patient_choice', { patient_name: 'Bo Day', fields: { kind: 'requested_delay', from: day(7), to: day(7 + 43) } });
    expect(long.status, long.text).toBe(201);
    expect(long.body.status).toBe('clinical_review');
    const forced = await post('patient_choice', { patient_name: 'Bo Day', status: 'logged', fields: { kind: 'requested_delay', from: day(7), to: day(100) } });
    expect(forced.status).toBe(400);
    expect(forced.body.error.details[0].message).toMatch(/clinical review/);
    // Lengthening a logged short delay past six weeks must go through review too.
    const lengthened = await patch('patient_choice', short.body, { fields: { to: day(90) } });
    expect(lengthened.status).toBe(400);
    const reviewed = await patch('patient_choice', short.body, { status: 'clinical_review', fields: { to: day(90) } });
    expect(reviewed.status, reviewed.text).toBe(200);
    expect((await patch('patient_choice', reviewed.body, { status: 'closed' })).body.status).toBe('closed');
    const noDates = await post('patient_choice', { patient_name: 'Bo Day', fields: { kind: 'requested_delay' } });
    expect(noDates.status).toBe(400);
  });

  it('fields are typed by their definition: enums, numbers, dates; null clears an optional one', async () => {
    const badEnum = await post('funding', { patient_name: 'C', fields: { treatment: 'Biologic', route: 'lottery' } });
    expect(paths(badEnum)).toEqual(['fields.route']);
    const badNumber = await post('funding', { patient_name: 'C', fields: { treatment: 'Biologic', route: 'ifr', cost: -5 } });
    expect(paths(badNumber)).toEqual(['fields.cost']);
    const badDate = await post('exceptions', { patient_name: 'C', fields: { reason: 'Frail', raised_on: '2025-02-30' } });
    expect(paths(badDate)).toEqual(['fields.raised_on']);
    const ok = await post('funding', { patient_name: 'C', fields: { treatment: 'Biologic', route: 'ifr', cost: 12500.5 } });
    expect(ok.body.fields.cost).toBe(12500.5);
    const cleared = await patch('funding', ok.body, { fields: { cost: null } });
    expect(cleared.body.fields.cost).toBeNull();
    const submitted = await patch('funding', cleared.body, { status: 'submitted', fields: { submitted_on: day(-3) } });
    expect(submitted.status).toBe(200);
    const decided = await patch('funding', submitted.body, { status: 'declined', fields: { decision_on: day(-1) } });
    expect((await patch('funding', decided.body, { status: 'appealed' })).body.status).toBe('appealed');
  });

  it('lists by status, pathway and search, newest change first, in pages', async () => {
    const marker = `Zed${Date.now()}`;
    for (let i = 0; i < 5; i += 1) {
      await post('communications', { patient_name: `${marker} ${i}`, fields: { channel: 'letter', direction: 'out', subject: `Letter ${i}` } });
    }
    const first = await app.http.get(`/api/trackers/communications?q=${marker}&limit=2`, { token: user.token });
    expect(first.body.items.map((r: TrackerItem) => r.patient_name)).toEqual([`${marker} 4`, `${marker} 3`]);
    const second = await app.http.get(`/api/trackers/communications?q=${marker}&limit=2&cursor=${first.body.next_cursor}`, { token: user.token });
    expect(second.body.items.map((r: TrackerItem) => r.patient_name)).toEqual([`${marker} 2`, `${marker} 1`]);
    const drafts = await app.http.get(`/api/trackers/communications?q=${marker}&status=draft`, { token: user.token });
    expect(drafts.body.items).toHaveLength(5);
    expect((await app.http.get(`/api/trackers/communications?q=${marker}&status=sent`, { token: user.token })).body.items).toHaveLength(0);
    expect((await app.http.get('/api/trackers/communications?cursor=forged', { token: user.token })).status).toBe(400);
  });

  it('the personal-data export holds every tracker row by module, the tasks and their trail', async () => {
    const other = await createUser(app);
    const mine = await post('consent', { patient_name: 'Export Me', fields: { procedure: 'Cataract surgery', form: '1', discussed_on: day(-3) } });
    const theirs = await app.http.post('/api/trackers/consent', { patient_name: 'Not Mine', fields: { procedure: 'X', form: '2', discussed_on: day(-3) } }, { token: other.token });
    const task = await app.http.post('/api/secretary/tasks', { title: 'Type the consent letter', type: 'typing' }, { token: user.token });
    const res = await app.http.get('/api/portfolio/export', { token: user.token });
    expect(res.status).toBe(200);
    const doc = typeof res.body === 'string' ? JSON.parse(res.body) : res.body;
    expect(doc.trackers.consent).toEqual(expect.arrayContaining([expect.objectContaining({ id: mine.body.id, patient_name: 'Export Me', fields: expect.objectContaining({ procedure: 'Cataract surgery' }) })]));
    expect(doc.secretary_tasks).toEqual([expect.objectContaining({ id: task.body.id, title: 'Type the consent letter' })]);
    expect(doc.audit_trail).toEqual(expect.arrayContaining([expect.objectContaining({ table: 'tracker_items', row_id: mine.body.id, action: 'insert' })]));
    expect(JSON.stringify(doc)).not.toContain(theirs.body.id);
  });
});
