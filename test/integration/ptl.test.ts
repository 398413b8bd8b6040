import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, signIn, type TestUser } from '../helpers/factories.js';
import { CSV_HEADER, pathwayInput, syntheticNhsNumber, uniquePatientId } from '../helpers/ptl.js';
import { connectSocket, type ClientSocket } from '../helpers/sockets.js';
import { expectSqlError } from '../helpers/sql.js';

describe.each(dbTargets)('PTL on %s', (target) => {
  let app: TestApp;
  let a: TestUser;
  let b: TestUser;
  beforeAll(async () => {
    app = await startTestApp(target);
    a = await createUser(app, { first_name: 'Alice' });
    b = await createUser(app, { first_name: 'Bob' });
  });
  afterAll(() => app?.close());

  const addPathway = async (user: TestUser, overrides: Record<string, unknown> = {}) => {
    const res = await app.http.post('/api/ptl', pathwayInput(overrides), { token: user.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; version: number; patient_id: string };
  };

  describe('privacy', () => {
    it('rejects the unauthenticated on every route', async () => {
      const id = '00000000-0000-4000-8000-000000000001';
      for (const [method, path] of [
        ['GET', '/api/ptl'],
        ['POST', '/api/ptl'],
        ['GET', '/api/ptl/stats'],
        ['GET', '/api/ptl/export.csv'],
        ['POST', '/api/ptl/import'],
        ['GET', `/api/ptl/${id}`],
        ['PATCH', `/api/ptl/${id}`],
        ['DELETE', `/api/ptl/${id}`],
        ['GET', `/api/ptl/${id}/events`],
        ['POST', `/api/ptl/${id}/events`],
        ['DELETE', `/api/ptl/${id}/events/${id}`],
      ] as const) {
        const res = await app.http.request(method, path, method === 'GET' ? undefined : {});
        expect(res.status, `${method} ${path}`).toBe(401);
      }
    });

    it('the seed scenario: A adds John Smith, logs out and in, still there; B sees nothing and gets 404 everywhere', async () => {
      const pathway = await addPathway(a, { patient_name: 'John Smith' });
      const event = await app.http.post(`/api/ptl/${pathway.id}/events`, { event_type: 'outpatient_attended', event_date: '2025-02-03' }, { token: a.token });
      expect(event.status).toBe(201);
      const eventId = event.body.events[0].id as string;

      expect((await app.http.post('/api/auth/logout', undefined, { token: a.token })).status).toBe(204);
      a = await signIn(app, a.email, a.password);
      const list = await app.http.get('/api/ptl?state=all&q=John%20Smith', { token: a.token });
      expect(list.body.items.map((p: { id: string }) => p.id)).toContain(pathway.id);

      const bList = await app.http.get('/api/ptl?state=all', { token: b.token });
      expect(bList.status).toBe(200);
      expect(bList.body.items).toEqual([]);
      for (const [method, path, body] of [
        ['GET', `/api/ptl/${pathway.id}`, undefined],
        ['PATCH', `/api/ptl/${pathway.id}`, { version: pathway.version, patient_name: 'Hijacked' }],
        ['DELETE', `/api/ptl/${pathway.id}`, undefined],
        ['GET', `/api/ptl/${pathway.id}/events`, undefined],
        ['POST', `/api/ptl/${pathway.id}/events`, { event_type: 'patient_died', event_date: '2025-02-04' }],
        ['DELETE', `/api/ptl/${pathway.id}/events/${eventId}`, undefined],
      ] as const) {
        const res = await app.http.request(method, path, body, { token: b.token });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
      const still = await app.http.get(`/api/ptl/${pathway.id}`, { token: a.token });
      expect(still.body).toMatchObject({ patient_name: 'John Smith', version: pathway.version + 1 });
      expect(still.body.events).toHaveLength(1);
      expect((await app.http.get('/api/ptl/stats', { token: b.token })).body.total_open).toBe(0);
      const bExport = await app.http.get('/api/ptl/export.csv?state=all', { token: b.token });
      expect(bExport.text.trim().split('\n')).toHaveLength(1);
    });

    it("in SQL as B, A's pathways and events are invisible and unwritable; admin reads both and changes neither", async () => {
      const pathway = await addPathway(a);
      await app.http.post(`/api/ptl/${pathway.id}/events`, { event_type: 'diagnostics', event_date: '2025-02-10' }, { token: a.token });
      const bPathway = await addPathway(b);

      const seenByB = await app.db.asUser(b.claims, async (tx) => ({
        pathways: (await tx.query('select id from public.ptl_patients where user_id = $1', [a.id])).rows,
        events: (await tx.query('select id from public.ptl_events where pathway_id = $1', [pathway.id])).rows,
        updated: (await tx.query("update public.ptl_patients set patient_name = 'x' where id = $1", [pathway.id])).rowCount,
        deleted: (await tx.query('delete from public.ptl_events where pathway_id = $1', [pathway.id])).rowCount,
      }));
      expect(seenByB).toEqual({ pathways: [], events: [], updated: 0, deleted: 0 });
      await expectSqlError(
        app.db.asUser(b.claims, (tx) =>
          tx.query("insert into public.ptl_events (pathway_id, user_id, event_type, event_date, rtt_status) values ($1, $2, 'patient_died', '2025-03-01', '36')", [pathway.id, b.id]),
        ),
        '42501',
      );
      await expectSqlError(
        app.db.asUser(b.claims, (tx) =>
          tx.query(
            "insert into public.ptl_patients (user_id, patient_id, patient_name, specialty, referral_date, clock_start_date, pathway_type, clock_period_start) values ($1, 'X1', 'x', 'Urology', '2025-01-01', '2025-01-01', 'routine', '2025-01-01')",
            [a.id],
          ),
        ),
        '42501',
      );

      const admin = await createAdmin(app);
      const seenByAdmin = await app.db.asUser(admin.claims, async (tx) => ({
        pathways: (await tx.query<{ id: string }>('select id from public.ptl_patients where id = any($1)', [[pathway.id, bPathway.id]])).rows.length,
        events: (await tx.query('select id from public.ptl_events where pathway_id = $1', [pathway.id])).rows.length,
        updated: (await tx.query("update public.ptl_patients set patient_name = 'admin' where id = any($1)", [[pathway.id, bPathway.id]])).rowCount,
        deleted: (await tx.query('delete from public.ptl_patients where id = any($1)', [[pathway.id, bPathway.id]])).rowCount,
      }));
      expect(seenByAdmin).toEqual({ pathways: 2, events: 1, updated: 0, deleted: 0 });
      // An admin's own PTL through the API is their own, not everyone's.
      expect((await app.http.get('/api/ptl?state=all', { token: admin.token })).body.items).toEqual([]);
    });
  });

  describe('pathways', () => {
    it('validates NHS numbers, dates and specialties with field-level messages', async () => {
      const cases: [Record<string, unknown>, string, RegExp][] = [
        [{ nhs_number: '9434765991' }, 'nhs_number', /Modulus 11/],
        [{ nhs_number: '12345' }, 'nhs_number', /10 digits/],
        [{ referral_date: '2098-01-01', clock_start_date: '2098-01-01' }, 'referral_date', /future/],
        [{ referral_date: '2999-01-01', clock_start_date: '2999-01-01' }, 'referral_date', /between 1900-01-01 and 2099-12-31/],
        [{ referral_date: '2025-02-01', clock_start_date: '2025-01-20' }, 'clock_start_date', /before the referral/],
        [{ specialty: 'Wizardry' }, 'specialty', /Unknown specialty/],
        [{ referral_date: '2025-02-30' }, 'referral_date', /real calendar date/],
        [{ pathway_type: 'slow' }, 'pathway_type', /routine/],
      ];
      for (const [override, path, message] of cases) {
        const res = await app.http.post('/api/ptl', pathwayInput(override), { token: a.token });
        expect(res.status, JSON.stringify(override)).toBe(400);
        expect(res.body.error.details, JSON.stringify(override)).toEqual(expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]));
      }
      const spaced = await app.http.post('/api/ptl', pathwayInput({ nhs_number: '943 476 5919' }), { token: a.token });
      expect(spaced.status).toBe(201);
      expect(spaced.body.nhs_number).toBe('9434765919');
    });

    it('every sort works with every clock state, in both directions (the census date is typed even when unused)', async () => {
      const u = await createUser(app);
      await app.http.post('/api/ptl', pathwayInput(), { token: u.token });
      for (const state of ['open', 'running', 'stopped', 'nullified', 'transferred', 'all']) {
        for (const sort of ['weeks_waited', 'breach_date', 'patient_name', 'referral_date']) {
          for (const order of ['asc', 'desc']) {
            const res = await app.http.get(`/api/ptl?state=${state}&sort=${sort}&order=${order}`, { token: u.token });
            expect(res.status, `${state} ${sort} ${order}: ${res.text}`).toBe(200);
          }
        }
      }
    });

    it('patient IDs are unique per user, not globally', async () => {
      const patient_id = uniquePatientId();
      await addPathway(a, { patient_id });
      const again = await app.http.post('/api/ptl', pathwayInput({ patient_id }), { token: a.token });
      expect(again.status).toBe(409);
      expect(again.body.error.details[0].path).toBe('patient_id');
      await addPathway(b, { patient_id });
    });

    it('two tabs editing one pathway: the second gets 409 and changes nothing', async () => {
      const p = await addPathway(a, { patient_name: 'Two Tabs' });
      const first = await app.http.patch(`/api/ptl/${p.id}`, { version: p.version, priority: 'P2' }, { token: a.token });
      expect(first.status).toBe(200);
      expect(first.body.version).toBe(p.version + 1);
      const second = await app.http.patch(`/api/ptl/${p.id}`, { version: p.version, patient_name: 'Stale' }, { token: a.token });
      expect(second.status).toBe(409);
      const now = await app.http.get(`/api/ptl/${p.id}`, { token: a.token });
      expect(now.body).toMatchObject({ patient_name: 'Two Tabs', priority: 'P2' });
    });

    it('events drive the clock: treatment stops it, removing the event restarts it, with an explanation', async () => {
      const p = await addPathway(a, { clock_start_date: '2025-01-06', referral_date: '2025-01-06' });
      const early = await app.http.post(`/api/ptl/${p.id}/events`, { event_type: 'diagnostics', event_date: '2025-01-01' }, { token: a.token });
      expect(early.status).toBe(400);
      expect((await app.http.post(`/api/ptl/${p.id}/events`, { event_type: 'outpatient_attended', event_date: '2098-01-01' }, { token: a.token })).status).toBe(400);

      const treated = await app.http.post(`/api/ptl/${p.id}/events`, { event_type: 'treatment_admitted', event_date: '2025-06-16', note: 'Knee replacement' }, { token: a.token });
      expect(treated.status).toBe(201);
      expect(treated.body.clock).toMatchObject({ state: 'stopped', start_date: '2025-01-06', stop_date: '2025-06-16', days_waited: 161, band: '>22-23', breached: true, breach_date: '2025-05-13' });
      expect(treated.body.clock.explanation).toMatchObject({ event_id: treated.body.events[0].id, event_type: 'treatment_admitted', rtt_status: '30' });
      expect(treated.body.events[0]).toMatchObject({ rtt_status: '30', note: 'Knee replacement' });

      const open = await app.http.get('/api/ptl?state=open&limit=500', { token: a.token });
      expect(open.body.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
      const stopped = await app.http.get('/api/ptl?state=stopped&limit=500', { token: a.token });
      expect(stopped.body.items.map((x: { id: string }) => x.id)).toContain(p.id);

      const undone = await app.http.delete(`/api/ptl/${p.id}/events/${treated.body.events[0].id}`, undefined, { token: a.token });
      expect(undone.status).toBe(200);
      expect(undone.body.clock.state).toBe('running');
      expect(undone.body.events).toEqual([]);
    });

    it('a first-appointment DNA nullifies the clock and a rebooking starts a new one', async () => {
      const p = await addPathway(a, { clock_start_date: '2025-01-06', referral_date: '2025-01-06' });
      await app.http.post(`/api/ptl/${p.id}/events`, { event_type: 'first_appointment_dna', event_date: '2025-02-03' }, { token: a.token });
      const nullified = await app.http.get(`/api/ptl/${p.id}`, { token: a.token });
      expect(nullified.body.clock.state).toBe('nullified');
      const rebooked = await app.http.post(`/api/ptl/${p.id}/events`, { event_type: 'rebooked_after_dna', event_date: '2025-02-10' }, { token: a.token });
      expect(rebooked.body.clock).toMatchObject({ state: 'running', start_date: '2025-02-10', breach_date: '2025-06-17' });
      expect(rebooked.body.periods).toHaveLength(2);
    });
  });

  describe('list, stats and export', () => {
    let c: TestUser;
    // As at 2025-06-30: waits of 0, 100, 126, 127, 200, 400 and 800 days (and, below, one stopped clock).
    const fixture = [0, 100, 126, 127, 200, 400, 800].map((days, i) => ({ days, patient_id: `W${days}`, nhs_number: syntheticNhsNumber(i * 7 + 1) }));
    beforeAll(async () => {
      c = await createUser(app);
      // As at 2025-06-30: waits of 0, 100, 126, 127, 200, 400 and 800 days, and one stopped clock.
      const census = Date.UTC(2025, 5, 30);
      const startFor = (days: number) => new Date(census - days * 86_400_000).toISOString().slice(0, 10);
      for (const { days, patient_id, nhs_number } of fixture) {
        await addPathway(c, {
          patient_id,
          patient_name: `Wait ${days}`,
          nhs_number,
          referral_date: startFor(days),
          clock_start_date: startFor(days),
          specialty: days < 127 ? 'Urology' : 'Cardiology',
        });
      }
      const treated = await addPathway(c, { patient_id: 'T1', patient_name: 'Treated', referral_date: '2025-01-02', clock_start_date: '2025-01-02' });
      await app.http.post(`/api/ptl/${treated.id}/events`, { event_type: 'treatment_outpatient', event_date: '2025-02-01' }, { token: c.token });
    });

    it('sorts by weeks waited (longest first), filters, and pages by keyset without overlap', async () => {
      const all = await app.http.get('/api/ptl?as_of=2025-06-30', { token: c.token });
      expect(all.body.items.map((p: { patient_id: string }) => p.patient_id)).toEqual(['W800', 'W400', 'W200', 'W127', 'W126', 'W100', 'W0']);
      expect(all.body.items[0].clock).toMatchObject({ days_waited: 800, wait_group: '104+', breached: true, band: '104+' });

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { body: { items: { patient_id: string }[]; next_cursor: string | null } } = await app.http.get(
          `/api/ptl?as_of=2025-06-30&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
          { token: c.token },
        );
        seen.push(...res.body.items.map((p) => p.patient_id));
        cursor = res.body.next_cursor;
      } while (cursor);
      expect(seen).toEqual(['W800', 'W400', 'W200', 'W127', 'W126', 'W100', 'W0']);

      const breached = await app.http.get('/api/ptl?as_of=2025-06-30&breached=true&sort=breach_date', { token: c.token });
      expect(breached.body.items.map((p: { patient_id: string }) => p.patient_id)).toEqual(['W800', 'W400', 'W200', 'W127']);
      const group = await app.http.get('/api/ptl?as_of=2025-06-30&wait_group=52-65', { token: c.token });
      expect(group.body.items.map((p: { patient_id: string }) => p.patient_id)).toEqual(['W400']);
      const urology = await app.http.get('/api/ptl?as_of=2025-06-30&specialty=Urology&sort=weeks_waited&order=asc', { token: c.token });
      expect(urology.body.items.map((p: { patient_id: string }) => p.patient_id)).toEqual(['W0', 'W100', 'W126']);
      const byNhs = await app.http.get(`/api/ptl?as_of=2025-06-30&q=${syntheticNhsNumber(8).slice(0, 6)}`, { token: c.token });
      // Worked out from the fixture: the pathways whose synthetic NHS number starts with those six digits.
      const prefix = syntheticNhsNumber(8).slice(0, 6);
      const expected = fixture.filter((f) => f.nhs_number.startsWith(prefix)).map((f) => f.patient_id).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(byNhs.body.items.map((p: { patient_id: string }) => p.patient_id).sort()).toEqual(expected);
      const stopped = await app.http.get('/api/ptl?state=stopped', { token: c.token });
      expect(stopped.body.items.map((p: { patient_id: string }) => p.patient_id)).toEqual(['T1']);
      expect((await app.http.get('/api/ptl?cursor=garbage', { token: c.token })).status).toBe(400);
    });

    it('stats: open total, % within 18 weeks against 92%, bands, groups, upcoming breaches, specialties', async () => {
      const res = await app.http.get('/api/ptl/stats?as_of=2025-06-30', { token: c.token });
      expect(res.status).toBe(200);
      const s = res.body;
      expect(s).toMatchObject({ as_of: '2025-06-30', total_open: 7, within_18_weeks: 3, breached: 4, standard_percent: 92, meets_standard: false });
      expect(s.percent_within_18).toBeCloseTo(42.9, 1);
      expect(s.by_wait_group).toEqual({ '0-18': 3, '18-52': 2, '52-65': 1, '65-78': 0, '78-104': 0, '104+': 1 });
      const band = (label: string) => s.by_band.find((b: { band: string }) => b.band === label)?.count;
      expect(band('0-1')).toBe(1);
      expect(band('>14-15')).toBe(1);
      expect(band('>17-18')).toBe(1);
      expect(band('>18-19')).toBe(1);
      expect(band('104+')).toBe(1);
      expect(s.by_band.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(7);
      // The 126-day wait breaches tomorrow, the 100-day wait in 27 days (week 4).
      expect(s.breaches_next_4_weeks).toEqual([
        { week: 1, from: '2025-07-01', to: '2025-07-07', count: 1 },
        { week: 2, from: '2025-07-08', to: '2025-07-14', count: 0 },
        { week: 3, from: '2025-07-15', to: '2025-07-21', count: 0 },
        { week: 4, from: '2025-07-22', to: '2025-07-28', count: 1 },
      ]);
      expect(s.by_specialty).toEqual([
        { specialty: 'Cardiology', open: 4, within_18: 0, percent_within_18: 0, breached: 4 },
        { specialty: 'Urology', open: 3, within_18: 3, percent_within_18: 100, breached: 0 },
      ]);
    });

    it('exports CSV with the clock figures, and the export imports again', async () => {
      const res = await app.http.get('/api/ptl/export.csv?as_of=2025-06-30&state=all', { token: c.token });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/attachment/);
      const lines = res.text.trim().split('\n');
      expect(lines).toHaveLength(1 + 8);
      expect(lines[0]).toMatch(/^patient_id,patient_name,nhs_number,specialty,referral_date,clock_start_date,pathway_type,priority,current_status,clock_state/);
      expect(lines.find((l) => l.startsWith('W400,'))).toMatch(/,running,\d{4}-\d{2}-\d{2},,400,57,>57-58,52-65,\d{4}-\d{2}-\d{2},true,true$/);
      expect(lines.find((l) => l.startsWith('T1,'))).toMatch(/,stopped,2025-01-02,2025-02-01,30,4,>4-5,0-18,2025-05-09,false,true$/);

      const d = await createUser(app);
      const imported = await app.http.request('POST', '/api/ptl/import?mode=atomic', res.text, { token: d.token, headers: { 'content-type': 'text/csv' } });
      expect(imported.body).toMatchObject({ committed: true, imported: 8, rejected: 0 });
    });
  });

  describe('open-clock counters behind the stats', () => {
    const recount = async (userId: string) => {
      const counted = await app.db.query<{ specialty: string; start: string; n: number }>(
        `select specialty, clock_period_start::text as start, count(*)::int as n from public.ptl_patients
          where user_id = $1 and clock_state = 'running' and on_ptl group by 1, 2 order by 1, 2`,
        [userId],
      );
      const kept = await app.db.query<{ specialty: string; start: string; n: number }>(
        'select specialty, clock_period_start::text as start, pathways as n from public.ptl_open_counts where user_id = $1 order by 1, 2',
        [userId],
      );
      return { counted: counted.rows, kept: kept.rows };
    };

    it('always equal a recount of the open clocks, whatever changed', async () => {
      const e = await createUser(app);
      const expectConsistent = async (step: string) => {
        const { counted, kept } = await recount(e.id);
        expect(kept, step).toEqual(counted);
      };
      const p1 = await addPathway(e, { specialty: 'Urology', clock_start_date: '2025-03-03', referral_date: '2025-03-03' });
      const p2 = await addPathway(e, { specialty: 'Urology', clock_start_date: '2025-03-03', referral_date: '2025-03-03' });
      const p3 = await addPathway(e, { specialty: 'Cardiology', clock_start_date: '2025-04-01', referral_date: '2025-04-01' });
      await expectConsistent('after creates');
      expect((await recount(e.id)).kept).toEqual([
        { specialty: 'Cardiology', start: '2025-04-01', n: 1 },
        { specialty: 'Urology', start: '2025-03-03', n: 2 },
      ]);
      await app.http.post(`/api/ptl/${p1.id}/events`, { event_type: 'treatment_outpatient', event_date: '2025-05-01' }, { token: e.token });
      await expectConsistent('after a stop');
      await app.http.post(`/api/ptl/${p2.id}/events`, { event_type: 'transferred_out', event_date: '2025-05-02' }, { token: e.token });
      await expectConsistent('after a transfer');
      const detail = await app.http.get(`/api/ptl/${p3.id}`, { token: e.token });
      await app.http.patch(`/api/ptl/${p3.id}`, { version: detail.body.version, specialty: 'Dermatology', clock_start_date: '2025-04-02' }, { token: e.token });
      await expectConsistent('after moving specialty and start');
      const first = await app.http.post(`/api/ptl/${p1.id}/events`, { event_type: 'first_appointment_dna', event_date: '2025-03-10' }, { token: e.token });
      await app.http.delete(`/api/ptl/${p1.id}/events/${first.body.events.find((x: { event_type: string }) => x.event_type === 'treatment_outpatient').id}`, undefined, { token: e.token });
      await expectConsistent('after a nullification and an undone stop');
      await app.http.request('POST', '/api/ptl/import', [CSV_HEADER, 'C1,A,,Urology,2025-03-03,2025-03-03,routine,,', 'C2,B,,Neurology,2025-06-01,2025-06-01,urgent,,'].join('\n'), {
        token: e.token,
        headers: { 'content-type': 'text/csv' },
      });
      await expectConsistent('after an import');
      await app.http.delete(`/api/ptl/${p3.id}`, undefined, { token: e.token });
      await expectConsistent('after a delete');
      const erased = await app.http.delete('/api/auth/me', { password: e.password }, { token: e.token });
      expect(erased.status, JSON.stringify(erased.body)).toBe(204);
      expect((await recount(e.id)).kept).toEqual([]);
    });

    it('clients can read only their own counters and can write none, not even through the helper', async () => {
      await addPathway(a, { specialty: 'Urology' });
      const seen = await app.db.asUser(b.claims, (tx) => tx.query('select 1 from public.ptl_open_counts where user_id = $1', [a.id]));
      expect(seen.rows).toEqual([]);
      await expectSqlError(
        app.db.asUser(b.claims, (tx) => tx.query("insert into public.ptl_open_counts values ($1, 'Urology', '2025-01-01', 5)", [b.id])),
        '42501',
      );
      await expectSqlError(app.db.asUser(b.claims, (tx) => tx.query('update public.ptl_open_counts set pathways = 0')), '42501');
      await expectSqlError(
        app.db.asUser(b.claims, (tx) =>
          tx.query(`select private.ptl_open_counts_apply($1::jsonb)`, [JSON.stringify([{ user_id: a.id, specialty: 'Urology', clock_period_start: '2025-01-06', delta: 100 }])]),
        ),
        '42501',
      );
    });
  });

  describe('CSV import', () => {
    function bigCsv(rows: number, badLines: Set<number>) {
      const lines = [CSV_HEADER];
      for (let i = 0; i < rows; i++) {
        const line = i + 2; // line 1 is the header
        const bad = badLines.has(line);
        const kind = i % 3;
        lines.push(
          [
            `IMP${i}`,
            `Patient ${i}`,
            bad && kind === 0 ? '9434765991' : syntheticNhsNumber(i),
            bad && kind === 1 ? 'Astrology' : i % 2 ? '110' : 'Urology',
            '2025-01-06',
            bad && kind === 2 ? '2024-12-31' : '2025-01-06',
            'routine',
            'P3',
            '',
          ].join(','),
        );
      }
      return lines.join('\n');
    }

    it('a 10,000-row file with 37 bad rows imports 9,963 and reports the 37 by line, with progress', async () => {
      const user = await createUser(app);
      const badLines = new Set(Array.from({ length: 37 }, (_, k) => 2 + k * 271));
      const csv = bigCsv(10_000, badLines);
      const { socket } = await connectSocket(app.url, { token: user.token });
      const progress: { processed: number; total: number }[] = [];
      (socket as ClientSocket).on('ptl:import:progress', (p) => {
        if (p.import_id === '7d1f2a9e-0000-4000-8000-000000000000') progress.push(p);
      });
      try {
        const res = await app.http.request('POST', '/api/ptl/import?mode=partial&import_id=7d1f2a9e-0000-4000-8000-000000000000', csv, {
          token: user.token,
          headers: { 'content-type': 'text/csv' },
        });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ mode: 'partial', committed: true, total_rows: 10_000, imported: 9_963, rejected: 37 });
        expect(res.body.errors.map((e: { line: number }) => e.line)).toEqual([...badLines].sort((x, y) => x - y));
        expect(res.body.errors[0]).toEqual({ line: 2, patient_id: 'IMP0', errors: [{ field: 'nhs_number', message: expect.stringMatching(/Modulus 11/) }] });
        expect(res.body.errors[1].errors[0].field).toBe('specialty');
        expect(res.body.errors[2].errors[0]).toMatchObject({ field: 'clock_start_date' });
        const stats = await app.http.get('/api/ptl/stats', { token: user.token });
        expect(stats.body.total_open).toBe(9_963);
        // The last progress event may still be on its way when the answer arrives: wait for it, not a while.
        await expect.poll(() => progress.at(-1)?.processed, { timeout: 5_000 }).toBe(10_000);
        expect(progress.length).toBeGreaterThan(2);
        expect(progress.map((p) => p.processed)).toEqual([...progress.map((p) => p.processed)].sort((x, y) => x - y));
        expect(progress.at(-1)).toEqual({ import_id: '7d1f2a9e-0000-4000-8000-000000000000', processed: 10_000, total: 10_000 });
      } finally {
        socket.close();
      }
    });

    it('atomic mode imports nothing when any row is bad, and everything when none is', async () => {
      const user = await createUser(app);
      const res = await app.http.request('POST', '/api/ptl/import?mode=atomic', bigCsv(500, new Set([10, 20])), { token: user.token, headers: { 'content-type': 'text/csv' } });
      expect(res.body).toMatchObject({ committed: false, imported: 0, rejected: 500 });
      expect(res.body.errors.map((e: { line: number }) => e.line)).toEqual([10, 20]);
      expect((await app.http.get('/api/ptl/stats', { token: user.token })).body.total_open).toBe(0);
      const ok = await app.http.request('POST', '/api/ptl/import?mode=atomic', bigCsv(500, new Set()), { token: user.token, headers: { 'content-type': 'text/csv' } });
      expect(ok.body).toMatchObject({ committed: true, imported: 500, rejected: 0 });
      // Importing the same file again: every row already exists, so atomic refuses it whole.
      const again = await app.http.request('POST', '/api/ptl/import?mode=atomic', bigCsv(500, new Set()), { token: user.token, headers: { 'content-type': 'text/csv' } });
      expect(again.body).toMatchObject({ committed: false, imported: 0 });
      expect(again.body.errors).toHaveLength(500);
      expect((await app.http.get('/api/ptl/stats', { token: user.token })).body.total_open).toBe(500);
    });

    it('reports duplicate rows in the file, refuses bad headers, non-CSV bodies and oversized files', async () => {
      const user = await createUser(app);
      const dup = [CSV_HEADER, 'D1,Ann,,Urology,2025-01-06,2025-01-06,routine,,', 'D1,Ann Again,,Urology,2025-01-06,2025-01-06,routine,,'].join('\n');
      const res = await app.http.request('POST', '/api/ptl/import', dup, { token: user.token, headers: { 'content-type': 'text/csv' } });
      expect(res.body).toMatchObject({ imported: 1, rejected: 1 });
      expect(res.body.errors[0]).toMatchObject({ line: 3, errors: [{ field: 'patient_id', message: 'Duplicate of line 2 in this file' }] });

      const badHeader = await app.http.request('POST', '/api/ptl/import', 'name,age\nx,1', { token: user.token, headers: { 'content-type': 'text/csv' } });
      expect(badHeader.status).toBe(400);
      expect(badHeader.body.error.details.map((d: { message: string }) => d.message).join(' ')).toMatch(/Unknown columns: name, age/);
      const json = await app.http.post('/api/ptl/import', { rows: [] }, { token: user.token });
      expect(json.status).toBe(400);
      const huge = 'x'.repeat(21 * 1024 * 1024);
      const tooBig = await app.http.request('POST', '/api/ptl/import', huge, { token: user.token, headers: { 'content-type': 'text/csv' } });
      expect(tooBig.status).toBe(413);
    });
  });
});
