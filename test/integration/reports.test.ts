// The commissioner report over HTTP: the monthly RTT return as JSON and as the national CSV, a past
// month as it stood at its census (events recorded later change nothing), the current month
// provisional, a later month refused; only the caller's running, on-PTL pathways counted; the
// history of returns produced, the export section and the portfolio's count; privacy in SQL.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Portfolio, PortfolioExport } from '../../server/src/contract/portfolio.js';
import type { RttReturn, RttReturnRecord } from '../../server/src/contract/reports.js';
import { todayInEngland } from '../../server/src/kit/dates.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createUser, type TestUser } from '../helpers/factories.js';
import { pathwayInput } from '../helpers/ptl.js';
import { expectSqlError } from '../helpers/sql.js';

const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const today = todayInEngland();
const currentMonth = today.slice(0, 7);
/** Last month: its census is the day before this month's first. */
const census = addDays(`${currentMonth}-01`, -1);
const lastMonth = census.slice(0, 7);
const nextMonth = addDays(addDays(`${currentMonth}-01`, 31).slice(0, 7) + '-01', 0).slice(0, 7);
const bandOf = (days: number) => (days <= 7 ? 0 : days > 728 ? 104 : Math.ceil(days / 7) - 1);

describe.each(dbTargets)('the monthly RTT return on %s', (target) => {
  let app: TestApp;
  let me: TestUser;
  let other: TestUser;
  let runningId: string;

  const pathway = async (user: TestUser, specialty: string, clockStart: string, events: { event_type: string; event_date: string }[] = []) => {
    const res = await app.http.post('/api/ptl', pathwayInput({ specialty, referral_date: clockStart, clock_start_date: clockStart }), { token: user.token });
    expect(res.status, res.text).toBe(201);
    for (const e of events) expect((await app.http.post(`/api/ptl/${res.body.id}/events`, e, { token: user.token })).status).toBe(201);
    return res.body.id as string;
  };
  const report = async (user: TestUser, month?: string) => {
    const res = await app.http.get<RttReturn>(`/api/reports/rtt-incomplete${month ? `?month=${month}` : ''}`, { token: user.token });
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    app = await startTestApp(target);
    [me, other] = await Promise.all([createUser(app), createUser(app)]);
    // Mine: one running General Surgery clock of 100 days and one Urology of 400 days at the census…
    runningId = await pathway(me, 'General Surgery', addDays(census, -100));
    await pathway(me, 'Urology', addDays(census, -400), [{ event_type: 'outpatient_attended', event_date: addDays(census, -390) }]);
    // …and three that are not incomplete at the census: nullified, stopped, transferred out.
    await pathway(me, 'Urology', addDays(census, -200), [{ event_type: 'first_appointment_dna', event_date: addDays(census, -190) }]);
    await pathway(me, 'Urology', addDays(census, -150), [{ event_type: 'treatment_outpatient', event_date: addDays(census, -140) }]);
    await pathway(me, 'Cardiology', addDays(census, -150), [{ event_type: 'transferred_out', event_date: addDays(census, -140) }]);
    // Another user's pathway is never in my return.
    await pathway(other, 'Dermatology', addDays(census, -30));
  });
  afterAll(() => app?.close());

  it('rejects the unauthenticated on every route', async () => {
    for (const path of ['/api/reports/rtt-incomplete', '/api/reports/rtt-incomplete.csv', '/api/reports/rtt-incomplete/history']) {
      expect((await app.http.get(path)).status, path).toBe(401);
    }
  });

  it('counts only my running, on-PTL pathways at the census: rows in code order, all 105 bands', async () => {
    const r = await report(me, lastMonth);
    expect(r).toMatchObject({ month: lastMonth, census_date: census, provisional: false });
    expect(r.bands).toHaveLength(105);
    expect(r.rows.map((row) => [row.treatment_function_code, row.treatment_function, row.total])).toEqual([
      ['100', 'General Surgery', 1],
      ['101', 'Urology', 1],
    ]);
    expect(r.rows[0]).toMatchObject({ within_18_weeks: 1, percent_within_18: 100, over_52_weeks: 0 });
    expect(r.rows[0]!.counts[bandOf(100)]).toBe(1);
    expect(r.rows[1]).toMatchObject({ within_18_weeks: 0, percent_within_18: 0, over_52_weeks: 1 });
    expect(r.rows[1]!.counts[bandOf(400)]).toBe(1);
    expect(r.total).toMatchObject({ total: 2, within_18_weeks: 1, percent_within_18: 50, over_52_weeks: 1 });
    // The other user sees only their own pathway.
    const theirs = await report(other, lastMonth);
    expect(theirs.rows.map((row) => row.treatment_function_code)).toEqual(['330']);
    expect(theirs.total.total).toBe(1);
  });

  it('the CSV is the same return in the national shape, with TOTAL last', async () => {
    const res = await app.http.get(`/api/reports/rtt-incomplete.csv?month=${lastMonth}`, { token: me.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="rtt-incomplete-${lastMonth}.csv"`);
    const lines = parse(res.text) as string[][];
    expect(lines[0]!.slice(0, 6)).toEqual(['treatment_function_code', 'treatment_function', 'total', 'within_18_weeks', 'percent_within_18', 'over_52_weeks']);
    expect(lines[0]!.slice(6)).toEqual((await report(me, lastMonth)).bands);
    expect(lines.map((l) => l.slice(0, 6))).toEqual([
      lines[0]!.slice(0, 6),
      ['100', 'General Surgery', '1', '1', '100', '0'],
      ['101', 'Urology', '1', '0', '0', '1'],
      ['TOTAL', 'Total', '2', '1', '50', '1'],
    ]);
  });

  it('a past month is unchanged by events and pathways added later; the current month is provisional and sees them', async () => {
    const before = await report(me, lastMonth);
    const currentBefore = await report(me);
    expect(currentBefore).toMatchObject({ month: currentMonth, census_date: today, provisional: true });
    expect(currentBefore.total.total).toBe(2);

    // Treated today (after last month's census), and a new referral whose clock starts today.
    expect((await app.http.post(`/api/ptl/${runningId}/events`, { event_type: 'treatment_outpatient', event_date: today }, { token: me.token })).status).toBe(201);
    await pathway(me, 'Ophthalmology', today);

    expect(await report(me, lastMonth)).toEqual(before);
    const current = await report(me, currentMonth);
    expect(current.rows.map((row) => row.treatment_function_code)).toEqual(['101', '130']);
    expect(current.total.total).toBe(2);
  });

  it('refuses a later month and a malformed one (400), and unknown query fields', async () => {
    for (const q of [`month=${nextMonth}`, 'month=2025-13', 'month=2025-1', 'month=1899-12', 'mnth=2025-01']) {
      const res = await app.http.get(`/api/reports/rtt-incomplete?${q}`, { token: me.token });
      expect(res.status, q).toBe(400);
      expect((await app.http.get(`/api/reports/rtt-incomplete.csv?${q}`, { token: me.token })).status, q).toBe(400);
    }
    const later = await app.http.get(`/api/reports/rtt-incomplete?month=${nextMonth}`, { token: me.token });
    expect(later.body.error.details[0].path).toBe('month');
  });

  it('records each return produced: the history (newest first, paged, mine only), the export and the portfolio', async () => {
    const user = await createUser(app);
    await pathway(user, 'Neurology', addDays(census, -10));
    await report(user, lastMonth);
    await report(user);
    expect((await app.http.get(`/api/reports/rtt-incomplete.csv?month=${lastMonth}`, { token: user.token })).status).toBe(200);
    // A refused month is not a return.
    expect((await app.http.get(`/api/reports/rtt-incomplete?month=${nextMonth}`, { token: user.token })).status).toBe(400);

    const history = await app.http.get<{ items: RttReturnRecord[]; next_cursor: string | null }>('/api/reports/rtt-incomplete/history', { token: user.token });
    expect(history.status).toBe(200);
    expect(history.body.items.map((h) => [h.month, h.provisional])).toEqual([
      [lastMonth, false],
      [currentMonth, true],
      [lastMonth, false],
    ]);
    expect(history.body.items[2]).toEqual({
      id: expect.any(String),
      month: lastMonth,
      census_date: census,
      provisional: false,
      total: 1,
      within_18_weeks: 1,
      over_52_weeks: 0,
      produced_at: expect.any(String),
    });
    // Paged with the keyset cursor, without gaps or repeats.
    const first = await app.http.get('/api/reports/rtt-incomplete/history?limit=2', { token: user.token });
    const second = await app.http.get(`/api/reports/rtt-incomplete/history?limit=2&cursor=${first.body.next_cursor}`, { token: user.token });
    expect([...first.body.items, ...second.body.items].map((h: RttReturnRecord) => h.id)).toEqual(history.body.items.map((h) => h.id));
    expect(second.body.next_cursor).toBeNull();
    expect((await app.http.get('/api/reports/rtt-incomplete/history?cursor=forged', { token: user.token })).status).toBe(400);
    // Nobody else's returns are in my history.
    const mine = await app.http.get<{ items: RttReturnRecord[] }>('/api/reports/rtt-incomplete/history', { token: other.token });
    expect(mine.body.items.every((h) => !history.body.items.some((x) => x.id === h.id))).toBe(true);

    const exported = await app.http.get<PortfolioExport>('/api/portfolio/export', { token: user.token });
    expect(exported.body.rtt_returns.map((r) => r.id)).toEqual(history.body.items.map((h) => h.id).reverse());

    const portfolio = await app.http.get<Portfolio>('/api/portfolio', { token: user.token });
    expect(portfolio.body.modules.find((m) => m.id === 'reports')).toMatchObject({
      name: 'Monthly RTT returns',
      available: true,
      counts: { returns: 3 },
      summary: '3 monthly RTT returns produced',
      last_at: history.body.items[0]!.produced_at,
    });
  });

  it('in SQL, a user reads and records only their own returns, and edits none', async () => {
    await report(me, lastMonth);
    const [mine, theirs] = await Promise.all([
      app.db.asUser(me.claims, (tx) => tx.query<{ user_id: string }>('select user_id from public.rtt_returns')),
      app.db.asUser(other.claims, (tx) => tx.query<{ user_id: string }>('select user_id from public.rtt_returns')),
    ]);
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.user_id === me.id)).toBe(true);
    expect(theirs.rows.every((r) => r.user_id === other.id)).toBe(true);
    await expectSqlError(
      app.db.asUser(other.claims, (tx) =>
        tx.query(`insert into public.rtt_returns (user_id, month, census_date, provisional, total, within_18_weeks, over_52_weeks)
                  values ($1, $2, $3, false, 0, 0, 0)`, [me.id, lastMonth, census]),
      ),
      '42501',
    );
    await expectSqlError(app.db.asUser(me.claims, (tx) => tx.query('update public.rtt_returns set total = 0')), '42501');
    // Deleting another user's returns touches nothing.
    const gone = await app.db.asUser(other.claims, (tx) => tx.query('delete from public.rtt_returns where user_id = $1', [me.id]));
    expect(gone.rowCount).toBe(0);
  });
});
