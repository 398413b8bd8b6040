// Data quality audits and validations over HTTP against a real database: a seeded PTL and cancer
// set with one defect of each rule plus clean pathways gives exactly the expected findings and
// score; acceptances survive a re-run; fixing a record clears its finding; validations are activity
// and never change a clock; the queue's order; privacy (HTTP and SQL), the trail, the export and
// admins' read.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QualityAudit, QualityFinding } from '../../server/src/contract/quality.js';
import { isoWeekday } from '../../server/src/domains/booking/slots.js';
import { todayInEngland } from '../../server/src/kit/dates.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';
import { pathwayInput, syntheticNhsNumber } from '../helpers/ptl.js';
import { expectSqlError } from '../helpers/sql.js';

const T = todayInEngland();
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const d = (n: number) => addDays(T, n);

describe.each(dbTargets)('data quality on %s', (target) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(target);
  });
  afterAll(() => app?.close());

  const as = (u: TestUser) => ({ token: u.token });
  let seed = Math.floor(Math.random() * 900_000);
  /** A valid NHS number never handed out before in this file (two seeds can give the same number). */
  const nhs = () => {
    const n = syntheticNhsNumber(seed);
    seed = Number(n.slice(3, 9)) + 1;
    return n;
  };

  async function pathway(user: TestUser, daysAgo: number, o: Record<string, unknown> = {}) {
    const res = await app.http.post('/api/ptl', pathwayInput({ referral_date: d(-daysAgo), clock_start_date: d(-daysAgo), nhs_number: nhs(), specialty: 'Urology', ...o }), as(user));
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; version: number; patient_id: string };
  }
  async function event(user: TestUser, id: string, event_type: string, event_date: string) {
    const res = await app.http.post(`/api/ptl/${id}/events`, { event_type, event_date }, as(user));
    expect(res.status, res.text).toBe(201);
  }
  async function cancer(user: TestUser, o: Record<string, unknown>) {
    const res = await app.http.post('/api/cancer', { patient_id: `CA-${randomUUID().slice(0, 8)}`, patient_name: 'Ann Lee', nhs_number: nhs(), tumour_site: 'lung', route: 'usc', ...o }, as(user));
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; version: number };
  }
  /** Rows the API would refuse, written in SQL as the user (as an old import or a script could). */
  const sql = (user: TestUser, text: string, params: unknown[]) => app.db.asUser(user.claims, (tx) => tx.query(text, params));
  async function audit(user: TestUser, body: Record<string, unknown> = {}) {
    const res = await app.http.post('/api/quality/audits', body, as(user));
    expect(res.status, res.text).toBe(201);
    return res.body as QualityAudit;
  }
  async function findings(user: TestUser, auditId: string, qs = '') {
    const res = await app.http.get(`/api/quality/audits/${auditId}/findings?limit=100${qs}`, as(user));
    expect(res.status, res.text).toBe(200);
    return res.body.items as QualityFinding[];
  }
  /** A booked appointment on `pathwayId` in a clinic a week or more ahead (skipping bank holidays). */
  async function book(user: TestUser, pathwayId: string) {
    for (let n = 7; n < 30; n++) {
      const date = d(n);
      const c = await app.http.post('/api/booking/clinics', { name: `Clinic ${randomUUID().slice(0, 6)}`, specialty: 'Urology', clinician: 'Dr A', weekday: isoWeekday(date), start_time: '09:00', end_time: '10:00', slot_minutes: 30, new_slots: 2, valid_from: T }, as(user));
      expect(c.status, c.text).toBe(201);
      await app.http.post(`/api/booking/clinics/${c.body.id}/slots`, { from: date, to: date }, as(user));
      const slots = (await app.http.get(`/api/booking/slots?clinic_id=${c.body.id}`, as(user))).body.items as { id: string }[];
      if (slots.length === 0) continue;
      const a = await app.http.post('/api/booking/appointments', { slot_id: slots[0]!.id, pathway_id: pathwayId }, as(user));
      expect(a.status, a.text).toBe(201);
      return a.body;
    }
    throw new Error('no clinic date found');
  }

  /** One defect of each rule, plus three clean records (16 records in all). */
  async function seedDefects(user: TestUser) {
    const p = {
      clean1: await pathway(user, 10),
      clean2: await pathway(user, 30, { current_status: 'awaiting_follow_up', specialty: 'Cardiology' }),
      missing: await pathway(user, 10, { nhs_number: null }),
      invalid: await pathway(user, 10),
      dateOrder: await pathway(user, 10),
      dupA: await pathway(user, 10, { nhs_number: '9434765919', specialty: 'Dermatology' }),
      dupB: await pathway(user, 20, { nhs_number: '9434765919', specialty: 'Dermatology' }),
      breached: await pathway(user, 130),
      soon: await pathway(user, 110),
      inactive: await pathway(user, 90),
      status: await pathway(user, 10, { current_status: 'treated' }),
      warning: await pathway(user, 20),
    };
    await event(user, p.clean2.id, 'outpatient_attended', d(-5));
    await event(user, p.breached.id, 'outpatient_attended', d(-10));
    await event(user, p.soon.id, 'outpatient_attended', d(-10));
    await event(user, p.warning.id, 'patient_requested_delay', d(-5));
    await sql(user, 'update public.ptl_patients set nhs_number = $2 where id = $1', [p.invalid.id, '9434765991']);
    await sql(user, `insert into public.ptl_events (pathway_id, user_id, event_type, event_date, rtt_status) values ($1, $2, 'outpatient_attended', $3, '20')`, [p.dateOrder.id, user.id, d(3)]);
    const c = {
      clean: await cancer(user, { referral_received_date: d(-10) }),
      fds: await cancer(user, { referral_received_date: d(-40) }),
      long: await cancer(user, { referral_received_date: d(-110), diagnosis: 'cancer', diagnosis_communicated_date: d(-100) }),
      dateOrder: await cancer(user, { referral_received_date: d(-10), diagnosis: 'cancer', diagnosis_communicated_date: d(-3) }),
    };
    await sql(user, 'update public.cancer_pathways set decision_to_treat_date = $2 where id = $1', [c.dateOrder.id, d(5)]);
    return { p, c };
  }

  it('rejects the unauthenticated on every route', async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ['POST', '/api/quality/audits'], ['GET', '/api/quality/audits'], ['GET', `/api/quality/audits/${id}`], ['GET', `/api/quality/audits/${id}/findings`],
      ['GET', `/api/quality/findings/${id}`], ['PATCH', `/api/quality/findings/${id}`], ['GET', '/api/quality/score'],
      ['POST', '/api/quality/validations'], ['GET', '/api/quality/validations'], ['GET', '/api/quality/validation-queue'],
    ] as const) {
      expect((await app.http.request(method, path, method === 'GET' ? undefined : {})).status, `${method} ${path}`).toBe(401);
    }
  });

  it('a seeded PTL with one defect of each rule gives exactly the expected findings and score', async () => {
    const user = await createUser(app);
    const { p, c } = await seedDefects(user);
    const run = await audit(user);
    expect(run).toMatchObject({ as_of: T, settings: { inactive_weeks: 12, soon_weeks: 4 }, records_checked: 16, findings: 13, open_findings: 13 });
    // 13 records with a finding, 3 clean: 100 × 3 ÷ 16 = 18.75 → 18.8.
    expect(run.score).toBe(18.8);
    const items = await findings(user, run.id);
    const got = items.map((f) => `${f.rule}:${f.target.id}`).sort();
    const expected = [
      `nhs_number_missing:${p.missing.id}`, `nhs_number_invalid:${p.invalid.id}`, `date_order:${p.dateOrder.id}`,
      `duplicate_open_pathway:${p.dupA.id}`, `duplicate_open_pathway:${p.dupB.id}`, `breached_no_booking:${p.breached.id}`,
      `breach_soon_no_booking:${p.soon.id}`, `no_recent_activity:${p.inactive.id}`, `status_contradicts_clock:${p.status.id}`,
      `clock_warning:${p.warning.id}`, `cancer_fds_overdue:${c.fds.id}`, `cancer_long_wait_104:${c.long.id}`, `date_order:${c.dateOrder.id}`,
    ];
    expect(got).toEqual(expected.sort());
    expect(run.by_rule).toEqual({
      nhs_number_missing: 1, nhs_number_invalid: 1, date_order: 2, duplicate_open_pathway: 2, breached_no_booking: 1, breach_soon_no_booking: 1,
      no_recent_activity: 1, status_contradicts_clock: 1, clock_warning: 1, cancer_fds_overdue: 1, cancer_long_wait_104: 1,
    });
    // Errors first; each finding links to its record.
    expect(items.findIndex((f) => f.severity === 'warning')).toBeGreaterThan(items.findLastIndex((f) => f.severity === 'error'));
    const cancerFinding = items.find((f) => f.rule === 'cancer_long_wait_104')!;
    expect(cancerFinding.target).toMatchObject({ type: 'cancer', href: `/api/cancer/${c.long.id}`, label: expect.stringContaining('Ann Lee') });
    expect(items.find((f) => f.rule === 'breached_no_booking')!.target.href).toBe(`/api/ptl/${p.breached.id}`);
    // Filters.
    expect((await findings(user, run.id, '&rule=duplicate_open_pathway')).map((f) => f.target.id).sort()).toEqual([p.dupA.id, p.dupB.id].sort());
    expect(await findings(user, run.id, '&status=accepted')).toEqual([]);
    // A finding's page: the record's fields now.
    const page = await app.http.get(`/api/quality/findings/${items.find((f) => f.rule === 'nhs_number_invalid')!.id}`, as(user));
    expect(page.body.record).toMatchObject({ nhs_number: '9434765991', patient_id: p.invalid.patient_id });
    expect(page.body.detail).toContain('Correct it');
    // Settings change what fires: with 13 inactive weeks the 90-day wait is not inactive.
    const relaxed = await audit(user, { inactive_weeks: 13, soon_weeks: 1 });
    expect(relaxed.by_rule.no_recent_activity).toBeUndefined();
    expect(relaxed.by_rule.breach_soon_no_booking).toBeUndefined();
    // Bad settings and a future census are 400.
    for (const body of [{ inactive_weeks: 0 }, { inactive_weeks: 105 }, { soon_weeks: 13 }, { as_of: d(1) }, { as_of: '2026-02-30' }, { score: 100 }]) {
      expect((await app.http.post('/api/quality/audits', body, as(user))).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('decisions need a reason; an accepted finding stays accepted in the next run; fixing a record clears its finding and the score rises', async () => {
    const user = await createUser(app);
    const { p } = await seedDefects(user);
    const first = await audit(user);
    const items = await findings(user, first.id);
    const missing = items.find((f) => f.rule === 'nhs_number_missing')!;
    const invalid = items.find((f) => f.rule === 'nhs_number_invalid')!;
    const breached = items.find((f) => f.rule === 'breached_no_booking')!;

    expect((await app.http.patch(`/api/quality/findings/${missing.id}`, { version: 1, status: 'accepted' }, as(user))).status).toBe(400);
    expect((await app.http.patch(`/api/quality/findings/${missing.id}`, { version: 1, status: 'resolved', reason: '' }, as(user))).status).toBe(400);
    expect((await app.http.patch(`/api/quality/findings/${missing.id}`, { version: 1, status: 'accepted', reason: 'x'.repeat(501) }, as(user))).status).toBe(400);
    expect((await app.http.patch(`/api/quality/findings/${missing.id}`, { version: 1, status: 'accepted', reason: 'ok', rule: 'date_order' }, as(user))).status).toBe(400);
    const accepted = await app.http.patch(`/api/quality/findings/${missing.id}`, { version: 1, status: 'accepted', reason: 'Overseas visitor: no NHS number' }, as(user));
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', reason: 'Overseas visitor: no NHS number', version: 2 });
    expect(accepted.body.decided_at).toBeTruthy();
    expect((await app.http.patch(`/api/quality/findings/${missing.id}`, { version: 1, status: 'open' }, as(user))).status).toBe(409);
    const resolved = await app.http.patch(`/api/quality/findings/${invalid.id}`, { version: 1, status: 'resolved', reason: 'Corrected from the referral letter' }, as(user));
    expect(resolved.status).toBe(200);

    // Fix two records: the NHS number, and book the breached pathway.
    await sql(user, 'update public.ptl_patients set nhs_number = $2 where id = $1', [p.invalid.id, nhs()]);
    await book(user, p.breached.id);

    const second = await audit(user);
    const next = await findings(user, second.id);
    const carried = next.find((f) => f.rule === 'nhs_number_missing')!;
    expect(carried).toMatchObject({ status: 'accepted', reason: 'Overseas visitor: no NHS number' });
    expect(next.some((f) => f.rule === 'nhs_number_invalid')).toBe(false);
    expect(next.some((f) => f.rule === 'breached_no_booking')).toBe(false);
    expect(breached.target.id).toBe(p.breached.id);
    // 16 records; open findings now on 10 of them (missing is accepted, invalid and breached fixed): 6 clean → 37.5.
    expect(second).toMatchObject({ records_checked: 16, findings: 11, open_findings: 10, score: 37.5 });
    // The first run's score stays what it was; the series is oldest first.
    const series = await app.http.get('/api/quality/score', as(user));
    expect(series.body.items.map((i: { audit_id: string; score: number }) => [i.audit_id, i.score])).toEqual([[first.id, 18.8], [second.id, 37.5]]);
    expect((await app.http.get(`/api/quality/score?from=${d(1)}`, as(user))).body.items).toEqual([]);
    expect((await app.http.get(`/api/quality/score?from=${d(1)}&to=${d(0)}`, as(user))).status).toBe(400);
    // Reopening clears the decision, and then it is not carried.
    const reopened = await app.http.patch(`/api/quality/findings/${carried.id}`, { version: carried.version, status: 'open' }, as(user));
    expect(reopened.body).toMatchObject({ status: 'open', reason: null, decided_at: null });
    const third = await audit(user);
    expect((await findings(user, third.id, '&rule=nhs_number_missing'))[0]!.status).toBe('open');
    // A deleted record leaves its finding pointing at nothing: the page shows it gone.
    await app.http.delete(`/api/ptl/${p.status.id}`, undefined, as(user));
    const gone = (await findings(user, third.id, '&rule=status_contradicts_clock'))[0]!;
    expect((await app.http.get(`/api/quality/findings/${gone.id}`, as(user))).body.record).toBeNull();
    // The list: newest first, paged.
    const page1 = await app.http.get('/api/quality/audits?limit=2', as(user));
    expect(page1.body.items.map((a: QualityAudit) => a.id)).toEqual([third.id, second.id]);
    const page2 = await app.http.get(`/api/quality/audits?limit=2&cursor=${page1.body.next_cursor}`, as(user));
    expect(page2.body).toEqual({ items: [expect.objectContaining({ id: first.id })], next_cursor: null });
    expect((await app.http.get(`/api/quality/audits/${first.id}`, as(user))).body).toEqual(first);
  });

  it('a validation is activity and never changes a clock; the queue lists the inactive, longest wait first', async () => {
    const user = await createUser(app);
    const oldest = await pathway(user, 200);
    const middle = await pathway(user, 150);
    const recent = await pathway(user, 100);
    const active = await pathway(user, 120);
    await event(user, active.id, 'outpatient_attended', d(-3));
    await pathway(user, 30); // waited under 12 weeks: its clock start is recent activity
    const stopped = await pathway(user, 300);
    await event(user, stopped.id, 'treatment_outpatient', d(-200));

    const queue = await app.http.get('/api/quality/validation-queue', as(user));
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.items.map((i: { pathway_id: string }) => i.pathway_id)).toEqual([oldest.id, middle.id, recent.id]);
    expect(queue.body.items[0]).toMatchObject({ days_waited: 200, last_activity: { date: d(-200), kind: 'clock_start' }, last_validation: null });
    // Paged in the same order.
    const first = await app.http.get('/api/quality/validation-queue?limit=2', as(user));
    const rest = await app.http.get(`/api/quality/validation-queue?limit=2&cursor=${first.body.next_cursor}`, as(user));
    expect([...first.body.items, ...rest.body.items].map((i: { pathway_id: string }) => i.pathway_id)).toEqual([oldest.id, middle.id, recent.id]);
    expect((await app.http.get('/api/quality/validation-queue?weeks=25', as(user))).body.items.map((i: { pathway_id: string }) => i.pathway_id)).toEqual([oldest.id]);
    expect((await app.http.get('/api/quality/validation-queue?weeks=0', as(user))).status).toBe(400);

    const before = (await app.http.get(`/api/ptl/${oldest.id}`, as(user))).body;
    const v = await app.http.post('/api/quality/validations', { pathway_id: oldest.id, kind: 'administrative', outcome: 'still_waiting', validated_on: d(-1), note: 'Phoned: still wants surgery' }, as(user));
    expect(v.status, v.text).toBe(201);
    expect(v.body).toMatchObject({ pathway_id: oldest.id, kind: 'administrative', outcome: 'still_waiting', validated_on: d(-1), version: 1 });
    const after = (await app.http.get(`/api/ptl/${oldest.id}`, as(user))).body;
    expect(after.version).toBe(before.version);
    expect(after.clock).toEqual(before.clock);
    // Activity: off the queue, and not inactive in an audit.
    expect((await app.http.get('/api/quality/validation-queue', as(user))).body.items.map((i: { pathway_id: string }) => i.pathway_id)).toEqual([middle.id, recent.id]);
    const run = await audit(user);
    expect((await findings(user, run.id, '&rule=no_recent_activity')).map((f) => f.target.id).sort()).toEqual([middle.id, recent.id].sort());

    for (const body of [
      { pathway_id: oldest.id, kind: 'clinical', outcome: 'priority_set', validated_on: d(1) },
      { pathway_id: oldest.id, kind: 'visual', outcome: 'still_waiting', validated_on: T },
      { pathway_id: oldest.id, kind: 'clinical', outcome: 'priority_set', validated_on: T, extra: 1 },
      { pathway_id: 'nope', kind: 'clinical', outcome: 'priority_set', validated_on: T },
    ]) expect((await app.http.post('/api/quality/validations', body, as(user))).status, JSON.stringify(body)).toBe(400);
    expect((await app.http.post('/api/quality/validations', { pathway_id: randomUUID(), kind: 'clinical', outcome: 'priority_set', validated_on: T }, as(user))).status).toBe(404);
    await app.http.post('/api/quality/validations', { pathway_id: middle.id, kind: 'technical', outcome: 'data_corrected', validated_on: T }, as(user));
    const list = await app.http.get('/api/quality/validations', as(user));
    expect(list.body.items.map((x: { pathway_id: string }) => x.pathway_id)).toEqual([middle.id, oldest.id]);
    expect((await app.http.get(`/api/quality/validations?pathway_id=${oldest.id}&kind=administrative`, as(user))).body.items).toHaveLength(1);
    expect((await app.http.get('/api/quality/validations?kind=technical', as(user))).body.items).toHaveLength(1);
  });

  it('another user gets 404 on every route and for a pathway_id in a body, and sees nothing in SQL', async () => {
    const owner = await createUser(app);
    const other = await createUser(app);
    const p = await pathway(owner, 10, { nhs_number: null });
    const run = await audit(owner);
    const [f] = await findings(owner, run.id);
    expect((await app.http.get(`/api/quality/audits/${run.id}`, as(other))).status).toBe(404);
    expect((await app.http.get(`/api/quality/audits/${run.id}/findings`, as(other))).status).toBe(404);
    expect((await app.http.get(`/api/quality/findings/${f!.id}`, as(other))).status).toBe(404);
    expect((await app.http.patch(`/api/quality/findings/${f!.id}`, { version: 1, status: 'accepted', reason: 'mine now' }, as(other))).status).toBe(404);
    expect((await app.http.post('/api/quality/validations', { pathway_id: p.id, kind: 'clinical', outcome: 'still_waiting', validated_on: T }, as(other))).status).toBe(404);
    expect((await app.http.get(`/api/quality/validations?pathway_id=${p.id}`, as(other))).body.items).toEqual([]);
    expect((await app.http.get('/api/quality/audits', as(other))).body.items).toEqual([]);
    expect((await app.http.get('/api/quality/score', as(other))).body.items).toEqual([]);
    expect((await app.http.get('/api/quality/audits?user_id=' + owner.id, as(other))).status).toBe(403);
    // The other user's audit sees none of the owner's pathways.
    expect(await audit(other)).toMatchObject({ records_checked: 0, findings: 0, score: null });
    expect((await app.http.get(`/api/quality/findings/${f!.id}`, as(owner))).body.status).toBe('open');

    // SQL as the other user: nothing to read, nothing to change, and no link to the owner's rows.
    await app.db.asUser(other.claims, async (tx) => {
      expect((await tx.query('select * from public.quality_audits where id = $1', [run.id])).rows).toEqual([]);
      expect((await tx.query('select * from public.quality_findings where id = $1', [f!.id])).rows).toEqual([]);
      expect((await tx.query(`update public.quality_findings set status = 'accepted', reason = 'x', decided_at = now() where id = $1`, [f!.id])).rowCount).toBe(0);
    });
    await expectSqlError(
      app.db.asUser(other.claims, (tx) => tx.query(`insert into public.quality_findings (user_id, audit_id, rule, severity, target_type, target_id, label, message) values ($1, $2, 'date_order', 'error', 'ptl', $3, 'x', 'x')`, [other.id, run.id, p.id])),
      '42501',
    );
    await expectSqlError(
      app.db.asUser(other.claims, (tx) => tx.query(`insert into public.pathway_validations (user_id, pathway_id, kind, outcome, validated_on) values ($1, $2, 'clinical', 'still_waiting', $3)`, [other.id, p.id, T])),
      '42501',
    );
    // Audits are never edited, not even by their owner.
    await expectSqlError(app.db.asUser(owner.claims, (tx) => tx.query('update public.quality_audits set score = 100 where id = $1', [run.id])), '42501');
  });

  it('the audit trail, the export, the portfolio and an admin’s read', async () => {
    const user = await createUser(app);
    const p = await pathway(user, 10);
    await app.http.post('/api/quality/validations', { pathway_id: p.id, kind: 'clinical', outcome: 'priority_set', validated_on: T }, as(user));
    const run1 = await audit(user);
    await pathway(user, 10, { nhs_number: null });
    const run2 = await audit(user);
    const [f] = await findings(user, run2.id);
    await app.http.patch(`/api/quality/findings/${f!.id}`, { version: 1, status: 'accepted', reason: 'Known' }, as(user));

    const trail = await app.http.get('/api/audit?limit=100', as(user));
    const tables = trail.body.items.map((e: { table: string; action: string }) => `${e.table}:${e.action}`);
    for (const t of ['quality_audits:insert', 'quality_findings:update', 'pathway_validations:insert']) expect(tables).toContain(t);
    // A run's findings are the run's output (the run is on the trail); only decisions on them are.
    expect(tables).not.toContain('quality_findings:insert');

    const doc = (await app.http.get('/api/portfolio/export', as(user))).body;
    expect(doc.quality_audits.map((a: { id: string }) => a.id)).toEqual([run1.id, run2.id]);
    expect(doc.quality_audits[1].findings_list).toEqual([expect.objectContaining({ id: f!.id, status: 'accepted', reason: 'Known' })]);
    expect(doc.pathway_validations).toEqual([expect.objectContaining({ pathway_id: p.id, outcome: 'priority_set' })]);

    const portfolio = (await app.http.get('/api/portfolio', as(user))).body;
    const quality = portfolio.modules.find((m: { id: string }) => m.id === 'quality');
    expect(quality).toMatchObject({ available: true, counts: { audits: 2, validations: 1, latest_score: 50 }, summary: '2 audits (score 100.0 → 50.0), 1 validation' });

    const admin = await createAdmin(app);
    const listed = await app.http.get(`/api/quality/audits?user_id=${user.id}`, as(admin));
    expect(listed.status, listed.text).toBe(200);
    expect(listed.body.items.map((a: QualityAudit) => a.id)).toEqual([run2.id, run1.id]);
    expect((await app.http.get(`/api/quality/audits/${run2.id}/findings`, as(admin))).body.items).toHaveLength(1);
    expect((await app.http.get(`/api/quality/validation-queue?user_id=${user.id}`, as(admin))).status).toBe(200);
    // Read-only: an admin cannot decide someone's finding.
    expect((await app.http.patch(`/api/quality/findings/${f!.id}`, { version: 2, status: 'open' }, as(admin))).status).toBe(404);
    const log = await app.http.get(`/api/admin/audit?subject_id=${user.id}`, as(admin));
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['quality_audits.list', 'quality_findings.list', 'pathway_validations.queue']));
  });
});
