// Cancer pathways over HTTP (/api/cancer) and in SQL: the five routes and the stats, every
// validation rule naming its field, list filters, sorts and keyset paging on the clocks at a census
// date, privacy (another user's row or PTL pathway is 404 on every route, and invisible in SQL),
// admins' read-only oversight, the audit trail, the export, the portfolio, erasure with the account,
// and the parity of the list's SQL clocks with clocks.ts on generated pathways.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANCER_CLOCKS, type CancerPathway, type CancerPathwayDetail } from '../../server/src/contract/cancer.js';
import { clockJoins } from '../../server/src/domains/cancer/clock-sql.js';
import { cancerClocks, isOpen } from '../../server/src/domains/cancer/clocks.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';
import { pathwayInput, syntheticNhsNumber, uniquePatientId } from '../helpers/ptl.js';
import { expectSqlError } from '../helpers/sql.js';
import { validPathway } from '../unit/cancer/arbitraries.js';

const AS_OF = '2025-06-30';

/** The §2.4 worked example as a body: USC referral 2025-03-03, told 03-27, DTT 04-14, surgery 05-10. */
const worked = (overrides: Record<string, unknown> = {}) => ({
  patient_id: uniquePatientId('CA'),
  patient_name: 'Alpha Worked',
  nhs_number: '943 476 5919',
  tumour_site: 'breast',
  route: 'usc',
  referral_received_date: '2025-03-03',
  diagnosis: 'cancer',
  diagnosis_communicated_date: '2025-03-27',
  decision_to_treat_date: '2025-04-14',
  first_treatment_date: '2025-05-10',
  treatment_modality: 'surgery',
  ...overrides,
});

describe.each(dbTargets)('cancer pathways on %s', (target) => {
  let app: TestApp;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    app = await startTestApp(target);
    [owner, other] = [await createUser(app), await createUser(app)];
  });
  afterAll(() => app?.close());

  const create = async (user: TestUser, body: Record<string, unknown>) => {
    const res = await app.http.post('/api/cancer', body, { token: user.token });
    expect(res.status, res.text).toBe(201);
    return res.body as CancerPathway;
  };
  const ptlPathway = async (user: TestUser) => {
    const res = await app.http.post('/api/ptl', pathwayInput(), { token: user.token });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };

  it('rejects the unauthenticated on every route', async () => {
    const id = randomUUID();
    expect((await app.http.get('/api/cancer')).status).toBe(401);
    expect((await app.http.get('/api/cancer/stats')).status).toBe(401);
    expect((await app.http.post('/api/cancer', worked())).status).toBe(401);
    expect((await app.http.get(`/api/cancer/${id}`)).status).toBe(401);
    expect((await app.http.patch(`/api/cancer/${id}`, { version: 1 })).status).toBe(401);
    expect((await app.http.delete(`/api/cancer/${id}`)).status).toBe(401);
  });

  it('another user gets 404 on every route, and for a PTL pathway of theirs in a body; nothing changes', async () => {
    const mine = await create(owner, worked());
    const as = { token: other.token };
    expect((await app.http.get(`/api/cancer/${mine.id}`, as)).status).toBe(404);
    expect((await app.http.patch(`/api/cancer/${mine.id}`, { version: mine.version, patient_name: 'Taken' }, as)).status).toBe(404);
    expect((await app.http.delete(`/api/cancer/${mine.id}`, undefined, as)).status).toBe(404);
    expect((await app.http.get('/api/cancer?state=all', as)).body.items.map((p: CancerPathway) => p.id)).not.toContain(mine.id);
    // A non-admin naming someone else is refused outright.
    expect((await app.http.get(`/api/cancer?user_id=${owner.id}`, as)).status).toBe(403);
    expect((await app.http.get(`/api/cancer/stats?user_id=${owner.id}`, as)).status).toBe(403);
    expect((await app.http.get(`/api/cancer/${mine.id}?user_id=${owner.id}`, as)).status).toBe(404);

    // Linking the other user's PTL pathway (or one that does not exist) is 404, on create and on change.
    const theirPtl = await ptlPathway(other);
    expect((await app.http.post('/api/cancer', worked({ ptl_pathway_id: theirPtl }), { token: owner.token })).status).toBe(404);
    expect((await app.http.post('/api/cancer', worked({ ptl_pathway_id: randomUUID() }), { token: owner.token })).status).toBe(404);
    expect((await app.http.patch(`/api/cancer/${mine.id}`, { version: mine.version, ptl_pathway_id: theirPtl }, { token: owner.token })).status).toBe(404);
    const unchanged = await app.http.get(`/api/cancer/${mine.id}`, { token: owner.token });
    expect(unchanged.body).toMatchObject({ version: 1, ptl_pathway_id: null, patient_name: 'Alpha Worked' });
  });

  it('create, read, change (409 when stale) and delete; clocks computed, never accepted; a PTL link of one’s own', async () => {
    const myPtl = await ptlPathway(owner);
    const created = await create(owner, worked({ ptl_pathway_id: myPtl }));
    expect(created).toMatchObject({ version: 1, nhs_number: '9434765919', ptl_pathway_id: myPtl, screening_programme: null, upgrade_date: null, breach_reason: null });
    expect(Object.keys(created).sort()).toEqual(
      ['id', 'patient_id', 'patient_name', 'nhs_number', 'tumour_site', 'route', 'screening_programme', 'referral_received_date', 'upgrade_date', 'diagnosis',
        'diagnosis_communicated_date', 'decision_to_treat_date', 'first_treatment_date', 'treatment_modality', 'breach_reason', 'ptl_pathway_id', 'clocks', 'version',
        'created_at', 'updated_at'].sort(),
    );
    expect(created.clocks.treatment_62).toMatchObject({ state: 'stopped', days: 68, breached: true, due_date: '2025-05-04', breach_date: '2025-05-05' });

    const got = await app.http.get(`/api/cancer/${created.id}?as_of=2025-04-20`, { token: owner.token });
    expect(got.status).toBe(200);
    const detail = got.body as CancerPathwayDetail;
    expect(detail.mdt).toEqual([]);
    expect(detail.clocks.treatment_31).toMatchObject({ state: 'running', days: 6, days_remaining: 25 });
    expect(detail.clocks.fds_28).toMatchObject({ state: 'stopped', days: 24, breached: false });

    const changed = await app.http.patch(`/api/cancer/${created.id}`, { version: 1, breach_reason: 'Theatre capacity', first_treatment_date: '2025-05-04' }, { token: owner.token });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, breach_reason: 'Theatre capacity' });
    expect(changed.body.clocks.treatment_62).toMatchObject({ days: 62, breached: false });

    const stale = await app.http.patch(`/api/cancer/${created.id}`, { version: 1, patient_name: 'Stale' }, { token: owner.token });
    expect(stale.status).toBe(409);
    expect((await app.http.get(`/api/cancer/${created.id}`, { token: owner.token })).body).toMatchObject({ version: 2, patient_name: 'Alpha Worked' });

    // Computed fields and unknown fields are a 400, on create and on change.
    expect((await app.http.post('/api/cancer', worked({ clocks: created.clocks }), { token: owner.token })).status).toBe(400);
    expect((await app.http.patch(`/api/cancer/${created.id}`, { version: 2, clocks: created.clocks }, { token: owner.token })).status).toBe(400);
    expect((await app.http.patch(`/api/cancer/${created.id}`, { version: 2, user_id: other.id }, { token: owner.token })).status).toBe(400);
    expect((await app.http.get('/api/cancer/not-a-uuid', { token: owner.token })).status).toBe(400);
    expect((await app.http.get(`/api/cancer/${created.id}?as_of=2025-02-30`, { token: owner.token })).status).toBe(400);

    // Deleting the PTL pathway keeps the cancer pathway and drops the link.
    expect((await app.http.delete(`/api/ptl/${myPtl}`, undefined, { token: owner.token })).status).toBe(204);
    expect((await app.http.get(`/api/cancer/${created.id}`, { token: owner.token })).body.ptl_pathway_id).toBeNull();

    expect((await app.http.delete(`/api/cancer/${created.id}`, undefined, { token: owner.token })).status).toBe(204);
    expect((await app.http.get(`/api/cancer/${created.id}`, { token: owner.token })).status).toBe(404);
    expect((await app.http.delete(`/api/cancer/${created.id}`, undefined, { token: owner.token })).status).toBe(404);
  });

  it('every rule between fields is a 400 naming the field, on create and on the merged row of a change', async () => {
    const refused = async (body: Record<string, unknown>, path: string) => {
      const res = await app.http.post('/api/cancer', worked(body), { token: owner.token });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
    };
    await refused({ route: 'screening' }, 'screening_programme');
    await refused({ screening_programme: 'bowel' }, 'screening_programme');
    await refused({ diagnosis: null }, 'diagnosis');
    await refused({ diagnosis_communicated_date: null }, 'diagnosis_communicated_date');
    await refused({ route: 'consultant_upgrade' }, 'upgrade_date');
    await refused({ upgrade_date: '2025-03-10' }, 'upgrade_date');
    await refused({ route: 'screening', screening_programme: 'breast', upgrade_date: '2025-03-10' }, 'upgrade_date');
    await refused({ route: 'consultant_upgrade', upgrade_date: '2025-05-11' }, 'upgrade_date');
    await refused({ route: 'consultant_upgrade', upgrade_date: '2025-03-01' }, 'upgrade_date');
    await refused({ diagnosis_communicated_date: '2025-03-02' }, 'diagnosis_communicated_date');
    await refused({ decision_to_treat_date: '2025-03-01', first_treatment_date: null }, 'decision_to_treat_date');
    await refused({ diagnosis: 'ruled_out' }, 'first_treatment_date');
    await refused({ diagnosis: 'ruled_out', first_treatment_date: null }, 'decision_to_treat_date');
    await refused({ decision_to_treat_date: null }, 'decision_to_treat_date');
    await refused({ decision_to_treat_date: '2025-05-11' }, 'first_treatment_date');
    await refused({ first_treatment_date: '2099-01-01' }, 'first_treatment_date');
    await refused({ referral_received_date: '2099-01-01', diagnosis: null, diagnosis_communicated_date: null, decision_to_treat_date: null, first_treatment_date: null }, 'referral_received_date');
    // Field formats: the PTL's patient fields (Modulus 11), the enums, real dates.
    await refused({ nhs_number: '9434765918' }, 'nhs_number');
    await refused({ patient_id: 'has spaces' }, 'patient_id');
    await refused({ patient_name: '' }, 'patient_name');
    await refused({ tumour_site: 'liver' }, 'tumour_site');
    await refused({ referral_received_date: '2025-02-30' }, 'referral_received_date');
    await refused({ breach_reason: 'x'.repeat(2001) }, 'breach_reason');
    await refused({ ptl_pathway_id: 'nope' }, 'ptl_pathway_id');

    // A change is judged on the row as it would be: leaving screening without clearing the programme is refused.
    const screening = await create(owner, worked({ route: 'screening', screening_programme: 'breast' }));
    const half = await app.http.patch(`/api/cancer/${screening.id}`, { version: 1, route: 'usc' }, { token: owner.token });
    expect(half.status).toBe(400);
    expect(half.body.error.details[0].path).toBe('screening_programme');
    const whole = await app.http.patch(`/api/cancer/${screening.id}`, { version: 1, route: 'usc', screening_programme: null }, { token: owner.token });
    expect(whole.status, whole.text).toBe(200);
    const early = await app.http.patch(`/api/cancer/${screening.id}`, { version: 2, referral_received_date: '2025-04-01' }, { token: owner.token });
    expect(early.status).toBe(400);
    expect(early.body.error.details.map((d: { path: string }) => d.path)).toContain('diagnosis_communicated_date');
    const ruledOut = await app.http.patch(`/api/cancer/${screening.id}`, { version: 2, diagnosis: 'ruled_out' }, { token: owner.token });
    expect(ruledOut.status).toBe(400);
    expect((await app.http.get(`/api/cancer/${screening.id}`, { token: owner.token })).body).toMatchObject({ version: 2, route: 'usc', diagnosis: 'cancer' });
  });

  describe('the list and the stats at a census date', () => {
    let user: TestUser;
    const ids: Record<string, string> = {};
    const names = (res: { body: { items: CancerPathway[] } }) => res.body.items.map((p) => p.patient_name);
    const list = async (query: string) => {
      const res = await app.http.get(`/api/cancer?as_of=${AS_OF}&${query}`, { token: user.token });
      expect(res.status, res.text).toBe(200);
      return res as { body: { items: CancerPathway[]; next_cursor: string | null } };
    };

    beforeAll(async () => {
      user = await createUser(app);
      const rows: Record<string, Record<string, unknown>> = {
        // Closed at the census: every clock stopped; 62-day breached (68 days).
        A: worked({ patient_name: 'A Alpha' }),
        // Open: FDS on day 29 (breached), 62-day day 29.
        B: { patient_id: 'B-1', patient_name: 'B Bravo', tumour_site: 'lung', route: 'usc', referral_received_date: '2025-06-01', nhs_number: syntheticNhsNumber(4242) },
        // Open: FDS met (19), 31-day day 97 (breached), 62-day day 121 (long wait).
        C: { patient_id: 'C-1', patient_name: 'C Charlie', tumour_site: 'lower_gi', route: 'screening', screening_programme: 'bowel', referral_received_date: '2025-03-01',
          diagnosis: 'cancer', diagnosis_communicated_date: '2025-03-20', decision_to_treat_date: '2025-03-25' },
        // Open: upgraded 2025-05-01, 62-day day 60; no FDS.
        D: { patient_id: 'D-1', patient_name: 'D Delta', tumour_site: 'urological', route: 'consultant_upgrade', referral_received_date: '2025-01-10', upgrade_date: '2025-05-01' },
        // Open: another route, 31-day day 10; no 62-day, so no days on pathway.
        E: { patient_id: 'E-1', patient_name: 'E Echo', tumour_site: 'skin', route: 'other', referral_received_date: '2025-05-01', diagnosis: 'cancer',
          diagnosis_communicated_date: '2025-06-15', decision_to_treat_date: '2025-06-20' },
        // Closed: ruled out on day 9; 62-day ended.
        F: { patient_id: 'F-1', patient_name: 'F Foxtrot', tumour_site: 'breast', route: 'breast_symptomatic', referral_received_date: '2025-04-01', diagnosis: 'ruled_out',
          diagnosis_communicated_date: '2025-04-10' },
      };
      for (const [key, body] of Object.entries(rows)) ids[key] = (await create(user, body)).id;
    });

    it('state open (default), closed and all; filters by tumour site, route, breached clock, long wait and search', async () => {
      expect(names(await list(''))).toEqual(['C Charlie', 'D Delta', 'B Bravo', 'E Echo']);
      expect(names(await list('state=closed'))).toEqual(['A Alpha', 'F Foxtrot']);
      expect(names(await list('state=all&tumour_site=lung'))).toEqual(['B Bravo']);
      expect(names(await list('state=all&route=screening'))).toEqual(['C Charlie']);
      expect(names(await list('state=all&breached=fds_28'))).toEqual(['B Bravo']);
      expect(names(await list('state=all&breached=treatment_31'))).toEqual(['C Charlie']);
      expect(names(await list('state=all&breached=treatment_62'))).toEqual(['C Charlie', 'A Alpha']);
      expect(names(await list('breached=treatment_62'))).toEqual(['C Charlie']);
      expect(names(await list('state=all&long_wait=true'))).toEqual(['C Charlie']);
      expect(names(await list('state=all&q=foxtrot'))).toEqual(['F Foxtrot']);
      expect(names(await list('state=all&q=D-1'))).toEqual(['D Delta']);
      expect(names(await list(`state=all&q=${syntheticNhsNumber(4242).slice(0, 6)}`))).toEqual(['B Bravo']);
      // Each item's clocks are those at the census date.
      const c = (await list('q=charlie')).body.items[0]!;
      expect(c.clocks).toMatchObject({ days_on_pathway: 121, long_wait_104: true, fds_28: { state: 'stopped', days: 19 }, treatment_31: { state: 'running', days: 97, breached: true } });
      // An earlier census date: later dates have not happened (B, E, F not yet referred; D not yet upgraded).
      const early = await app.http.get('/api/cancer?as_of=2025-03-10', { token: user.token });
      expect(names(early).sort()).toEqual(['A Alpha', 'C Charlie']);
      for (const bad of ['state=maybe', 'breached=rtt', 'long_wait=false', 'sort=age', 'as_of=2025-13-01', 'order=up', 'limit=0', 'colour=red']) {
        expect((await app.http.get(`/api/cancer?${bad}`, { token: user.token })).status, bad).toBe(400);
      }
    });

    it('sorts on days on pathway, due dates and name, in either order, pending clocks last', async () => {
      expect(names(await list('state=all'))).toEqual(['C Charlie', 'A Alpha', 'D Delta', 'B Bravo', 'F Foxtrot', 'E Echo']);
      expect(names(await list('state=all&order=asc'))).toEqual(['F Foxtrot', 'B Bravo', 'D Delta', 'A Alpha', 'C Charlie', 'E Echo']);
      const fds = names(await list('state=all&sort=fds_due'));
      expect(fds.slice(0, 4)).toEqual(['C Charlie', 'A Alpha', 'F Foxtrot', 'B Bravo']);
      expect(fds.slice(4).sort()).toEqual(['D Delta', 'E Echo']);
      const fdsDesc = names(await list('state=all&sort=fds_due&order=desc'));
      expect(fdsDesc.slice(0, 4)).toEqual(['B Bravo', 'F Foxtrot', 'A Alpha', 'C Charlie']);
      expect(names(await list('state=all&sort=treatment_62_due'))).toEqual(['C Charlie', 'A Alpha', 'F Foxtrot', 'D Delta', 'B Bravo', 'E Echo']);
      expect(names(await list('state=all&sort=patient_name'))).toEqual(['A Alpha', 'B Bravo', 'C Charlie', 'D Delta', 'E Echo', 'F Foxtrot']);
      expect(names(await list('state=all&sort=patient_name&order=desc'))).toEqual(['F Foxtrot', 'E Echo', 'D Delta', 'C Charlie', 'B Bravo', 'A Alpha']);
    });

    it('keyset pages walk each order without gaps or repeats; a foreign cursor is a 400', async () => {
      for (const query of ['state=all', 'state=all&order=asc', 'state=all&sort=fds_due', 'state=all&sort=treatment_62_due&order=desc', 'state=all&sort=patient_name']) {
        const whole = names(await list(query));
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: { items: CancerPathway[]; next_cursor: string | null } } = await list(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.body.items.length).toBeLessThanOrEqual(2);
          seen.push(...names(page));
          cursor = page.body.next_cursor;
        } while (cursor);
        expect(seen, query).toEqual(whole);
      }
      const dateCursor = (await list('state=all&sort=fds_due&limit=1')).body.next_cursor!;
      const res = await app.http.get(`/api/cancer?state=all&sort=days_on_pathway&cursor=${dateCursor}`, { token: user.token });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('cursor');
      expect((await app.http.get('/api/cancer?cursor=garbage', { token: user.token })).status).toBe(400);
    });

    it('stats: the month’s standards from clocks stopped in it, open pathways by days, clocks due in the next 7 days', async () => {
      const stats = async (query: string) => {
        const res = await app.http.get(`/api/cancer/stats?${query}`, { token: user.token });
        expect(res.status, res.text).toBe(200);
        return res.body;
      };
      const march = await stats(`month=2025-03&as_of=${AS_OF}`);
      expect(march).toMatchObject({ month: '2025-03', as_of: AS_OF });
      expect(march.standards).toEqual([
        { standard: 'fds_28', target_percent: 75, stopped: 2, met: 2, breached: 0, percent_met: 100 },
        { standard: 'treatment_31', target_percent: 96, stopped: 0, met: 0, breached: 0, percent_met: null },
        { standard: 'treatment_62', target_percent: 85, stopped: 0, met: 0, breached: 0, percent_met: null },
      ]);
      expect(march.open_by_days).toEqual({ '0-28': 0, '29-62': 2, '63-103': 0, '104+': 1 });
      expect(march.due_next_7_days).toBe(1);

      const may = await stats(`month=2025-05&as_of=${AS_OF}`);
      expect(may.standards.map((s: { stopped: number; met: number; breached: number; percent_met: number | null }) => [s.stopped, s.met, s.breached, s.percent_met])).toEqual([
        [0, 0, 0, null],
        [1, 1, 0, 100],
        [1, 0, 1, 0],
      ]);
      // Before the surgery on 2025-05-10 nothing of May had stopped yet; the month defaults to the census's.
      const beforeSurgery = await stats('as_of=2025-05-09');
      expect(beforeSurgery.month).toBe('2025-05');
      expect(beforeSurgery.standards.map((s: { stopped: number }) => s.stopped)).toEqual([0, 0, 0]);
      // Due in the next 7 days, the census day and six after inclusive: B's FDS (06-29) and D's 62-day (07-02).
      expect((await stats('as_of=2025-06-26')).due_next_7_days).toBe(2);
      expect((await stats('as_of=2025-06-27')).due_next_7_days).toBe(2);
      expect((await stats('as_of=2025-06-30')).due_next_7_days).toBe(1);
      // FDS's target rises to 80% from March 2026.
      expect((await stats('month=2026-03')).standards[0]).toMatchObject({ standard: 'fds_28', target_percent: 80, stopped: 0, percent_met: null });
      expect((await app.http.get('/api/cancer/stats?month=2025-13', { token: user.token })).status).toBe(400);
      expect((await app.http.get('/api/cancer/stats?week=1', { token: user.token })).status).toBe(400);
      // Another user's stats are their own: all zeros.
      const theirs = (await app.http.get(`/api/cancer/stats?month=2025-03&as_of=${AS_OF}`, { token: other.token })).body;
      expect(theirs.standards[0].stopped).toBe(0);
      expect(theirs.open_by_days).toEqual({ '0-28': 0, '29-62': 0, '63-103': 0, '104+': 0 });
    });

    it('an admin reads anyone’s list, pathway and stats with ?user_id= (read-only, on the oversight log)', async () => {
      const admin = await createAdmin(app);
      const listed = await app.http.get(`/api/cancer?state=all&as_of=${AS_OF}&user_id=${user.id}`, { token: admin.token });
      expect(listed.status).toBe(200);
      expect(names(listed).sort()).toEqual(['A Alpha', 'B Bravo', 'C Charlie', 'D Delta', 'E Echo', 'F Foxtrot']);
      expect((await app.http.get(`/api/cancer?state=all`, { token: admin.token })).body.items).toEqual([]);
      expect((await app.http.get(`/api/cancer/${ids.C}?user_id=${user.id}`, { token: admin.token })).body.patient_name).toBe('C Charlie');
      expect((await app.http.get(`/api/cancer/${ids.C}?user_id=${other.id}`, { token: admin.token })).status).toBe(404);
      expect((await app.http.get(`/api/cancer/stats?month=2025-03&as_of=${AS_OF}&user_id=${user.id}`, { token: admin.token })).body.standards[0].stopped).toBe(2);
      // Read-only: no change and no delete of someone else's pathway.
      expect((await app.http.patch(`/api/cancer/${ids.C}`, { version: 1, patient_name: 'Admin was here' }, { token: admin.token })).status).toBe(404);
      expect((await app.http.delete(`/api/cancer/${ids.C}`, undefined, { token: admin.token })).status).toBe(404);
      expect((await app.http.get(`/api/cancer/${ids.C}`, { token: user.token })).body).toMatchObject({ version: 1, patient_name: 'C Charlie' });
      const log = await app.db.query<{ action: string; subject_id: string }>('select action, subject_id from public.admin_audit_log where admin_id = $1', [admin.id]);
      expect(new Set(log.rows.map((r) => r.action))).toEqual(new Set(['cancer_pathways.list', 'cancer_pathways.view', 'cancer_pathways.stats']));
      expect(new Set(log.rows.map((r) => r.subject_id))).toEqual(new Set([user.id]));
    });
  });

  it('in SQL, another user cannot see, change, remove or link to the row, nor add one as someone else', async () => {
    const mine = await create(owner, worked());
    const theirPtl = await ptlPathway(other);
    const seen = await app.db.asUser(other.claims, (tx) => tx.query('select id from public.cancer_pathways where id = $1', [mine.id]));
    expect(seen.rows).toEqual([]);
    const updated = await app.db.asUser(other.claims, (tx) => tx.query(`update public.cancer_pathways set patient_name = 'Hijacked' where id = $1`, [mine.id]));
    expect(updated.rowCount).toBe(0);
    const deleted = await app.db.asUser(other.claims, (tx) => tx.query('delete from public.cancer_pathways where id = $1', [mine.id]));
    expect(deleted.rowCount).toBe(0);
    const insert = (user: TestUser, extra: string, values: unknown[]) =>
      app.db.asUser(user.claims, (tx) =>
        tx.query(`insert into public.cancer_pathways (patient_id, patient_name, tumour_site, route, referral_received_date${extra}) values ('SQL-1', 'Sql Patient', 'lung', 'usc', '2025-01-01'${values.map((_, i) => `, $${i + 1}`).join('')})`, values),
      );
    // Linking another user's PTL pathway fails in the database itself.
    await expectSqlError(insert(owner, ', ptl_pathway_id', [theirPtl]), '42501');
    await expectSqlError(insert(owner, ', user_id', [other.id]), '42501');
    await expectSqlError(app.db.asUser(owner.claims, (tx) => tx.query('update public.cancer_pathways set ptl_pathway_id = $1 where id = $2', [theirPtl, mine.id])), '42501');
    // The table's checks hold whoever writes: a treatment before its decision to treat cannot be stored.
    await expectSqlError(
      app.db.asUser(owner.claims, (tx) => tx.query(`update public.cancer_pathways set first_treatment_date = '2025-04-13' where id = $1`, [mine.id])),
      '23514',
    );
    // Computed clocks are no column at all, and the owner cannot write `version` or `user_id`.
    await expectSqlError(app.db.asUser(owner.claims, (tx) => tx.query('update public.cancer_pathways set version = 9 where id = $1', [mine.id])), '42501');
    await expectSqlError(app.db.asUser(owner.claims, (tx) => tx.query('update public.cancer_pathways set user_id = $1 where id = $2', [other.id, mine.id])), '42501');
    await insert(owner, '', []);
    expect((await app.http.get(`/api/cancer/${mine.id}`, { token: owner.token })).body).toMatchObject({ version: 1, patient_name: 'Alpha Worked' });
  });

  it('every create, change and delete is on the audit trail, for the owner only', async () => {
    const row = await create(owner, worked());
    expect((await app.http.patch(`/api/cancer/${row.id}`, { version: 1, breach_reason: 'Patient choice' }, { token: owner.token })).status).toBe(200);
    expect((await app.http.delete(`/api/cancer/${row.id}`, undefined, { token: owner.token })).status).toBe(204);
    const trail = await app.http.get(`/api/audit?table=cancer_pathways&row_id=${row.id}`, { token: owner.token });
    expect(trail.status).toBe(200);
    const entries = trail.body.items as { action: string; actor_id: string; before: { version: number; breach_reason: string | null } | null; after: { version: number; breach_reason: string | null } | null }[];
    expect(entries.map((e) => e.action)).toEqual(['delete', 'update', 'insert']);
    expect(new Set(entries.map((e) => e.actor_id))).toEqual(new Set([owner.id]));
    expect(entries[1]).toMatchObject({ before: { version: 1, breach_reason: null }, after: { version: 2, breach_reason: 'Patient choice' } });
    expect((await app.http.get(`/api/audit?row_id=${row.id}`, { token: other.token })).body.items).toEqual([]);
  });

  const twoPathways = async (user: TestUser) => ({
    closed: await create(user, worked({ patient_name: 'Export Closed' })),
    open: await create(user, { patient_id: 'EX-2', patient_name: 'Export Open', tumour_site: 'lung', route: 'usc', referral_received_date: '2025-06-01' }),
  });

  it('the personal-data export holds the person’s pathways, oldest first, with their clocks, and nobody else’s', async () => {
    const user = await createUser(app);
    const { closed, open } = await twoPathways(user);
    await create(other, worked({ patient_name: 'Not The Leaver' }));
    const exported = await app.http.get('/api/portfolio/export', { token: user.token });
    expect(exported.status).toBe(200);
    const doc = JSON.parse(exported.text) as { cancer_pathways: CancerPathway[] };
    expect(doc.cancer_pathways?.map((p) => p.id)).toEqual([closed.id, open.id]);
    expect(doc.cancer_pathways[0]).toMatchObject({ patient_name: 'Export Closed', clocks: { treatment_62: { state: 'stopped', days: 68 } } });
    expect(exported.text).not.toContain('Not The Leaver');
  });

  it('the portfolio counts the pathways (open and breached today); erasing the account removes them', async () => {
    const leaver = await createUser(app, { password: 'leaving-password-1' });
    await twoPathways(leaver);

    // Today: the worked example is closed with a breached 62-day; the other is open and long past every target.
    const portfolio = await app.http.get('/api/portfolio', { token: leaver.token });
    expect(portfolio.status).toBe(200);
    const cancer = portfolio.body.modules.find((m: { id: string }) => m.id === 'cancer');
    expect(cancer).toMatchObject({ available: true, counts: { pathways: 2, open: 1, breached: 2 } });
    expect(Date.parse(cancer.last_at)).toBeGreaterThan(Date.now() - 600_000);

    expect((await app.http.delete('/api/auth/me', { password: 'leaving-password-1' }, { token: leaver.token })).status).toBe(204);
    const left = await app.db.query<{ n: number }>('select count(*)::int as n from public.cancer_pathways where user_id = $1', [leaver.id]);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('GET /:id has no MDT discussions until the pathway is listed (mdt.test.ts lists it); the services the MDT domain uses see the owner’s rows only', async () => {
    const row = await create(owner, worked());
    expect((await app.http.get(`/api/cancer/${row.id}`, { token: owner.token })).body.mdt).toEqual([]);
    // The services the MDT domain codes against: clocks and existence, for the owner only.
    const clocks = await app.db.asUser(owner.claims, (tx) => app.server.services.cancer.clocksIn(tx, owner.id, [row.id, randomUUID()], '2025-04-20'));
    expect([...clocks.keys()]).toEqual([row.id]);
    expect(clocks.get(row.id)!.treatment_31).toMatchObject({ state: 'running', days: 6 });
    expect(await app.db.asUser(other.claims, (tx) => app.server.services.cancer.findIn(tx, other.id, row.id))).toBeNull();
    expect((await app.db.asUser(owner.claims, (tx) => app.server.services.cancer.findIn(tx, owner.id, row.id)))?.id).toBe(row.id);
  });

  it('the list’s SQL clocks agree with clocks.ts on generated pathways at many census dates', async () => {
    const user = await createUser(app);
    const generated = fc.sample(validPathway, { numRuns: 250, seed: 20261203 });
    const columns = ['route', 'screening_programme', 'referral_received_date', 'upgrade_date', 'diagnosis', 'diagnosis_communicated_date', 'decision_to_treat_date', 'first_treatment_date'] as const;
    const values: unknown[] = [user.id];
    const tuples = generated.map((p, i) => {
      const start = values.length;
      values.push(`GEN-${i}`, ...columns.map((c) => p[c]));
      return `($1, $${start + 1}, 'Generated', 'other', ${columns.map((_, j) => `$${start + 2 + j}`).join(', ')})`;
    });
    await app.db.query(
      `insert into public.cancer_pathways (user_id, patient_id, patient_name, tumour_site, ${columns.join(', ')}) values ${tuples.join(', ')}`,
      values,
    );
    const pick = CANCER_CLOCKS.flatMap((c) => [`k.${c}_state`, `k.${c}_start::text as ${c}_start`, `k.${c}_stop::text as ${c}_stop`, `k.${c}_days`, `k.${c}_due::text as ${c}_due`, `k.${c}_breached`]);
    let compared = 0;
    for (const asOf of ['2023-12-15', '2024-03-01', '2024-09-15', '2025-01-20', '2025-06-30', '2025-11-01', '2026-12-01']) {
      const { rows } = await app.db.asUser(user.claims, (tx) =>
        tx.query<Record<string, unknown>>(`select t.*, ${pick.join(', ')}, k.is_open, k.long_wait_104 from public.cancer_pathways t ${clockJoins('$1')} where t.user_id = $2`, [asOf, user.id]),
      );
      expect(rows).toHaveLength(generated.length);
      for (const row of rows) {
        const expected = cancerClocks(row as never, asOf);
        const actual: Record<string, unknown> = { is_open: row.is_open, long_wait_104: row.long_wait_104 };
        const wanted: Record<string, unknown> = { is_open: isOpen(expected), long_wait_104: expected.long_wait_104 };
        for (const c of CANCER_CLOCKS) {
          for (const [field, sqlField] of [['state', 'state'], ['start_date', 'start'], ['stop_date', 'stop'], ['days', 'days'], ['due_date', 'due'], ['breached', 'breached']] as const) {
            actual[`${c}.${field}`] = row[`${c}_${sqlField}`];
            wanted[`${c}.${field}`] = expected[c][field];
          }
        }
        expect(actual, `${String(row.patient_id)} at ${asOf}`).toEqual(wanted);
        compared++;
      }
    }
    expect(compared).toBe(250 * 7);
  });
});
