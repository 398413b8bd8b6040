// The three trackers over clinic booking, through the real API: `capacity` (a stored plan whose
// demand, supply and weeks to clear are worked out live from the PTL and the clinic templates) and
// the read-only `dna` and `cancellations` registers over appointments, with each row's RTT effect
// in the PTL engine's words. Writes to a register are 404; another user sees nothing of them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, Slot } from '../../server/src/contract/booking.js';
import type { TrackerDefinitionView, TrackerItem } from '../../server/src/contract/trackers.js';
import { bankHolidayLookup } from '../../server/src/domains/booking/bank-holidays.js';
import { addDays, isoWeekday } from '../../server/src/domains/booking/slots.js';
import { todayInEngland } from '../../server/src/kit/dates.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';
import { pathwayInput } from '../helpers/ptl.js';

const holiday = bankHolidayLookup();
const today = todayInEngland();

function pastWorkday(n: number): string {
  let d = addDays(today, -n);
  while (holiday(d)) d = addDays(d, -1);
  return d;
}

describe.each(dbTargets)('the booking trackers on %s', (target) => {
  let app: TestApp;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    app = await startTestApp(target);
    [owner, other] = await Promise.all([createUser(app), createUser(app)]);
  });
  afterAll(() => app?.close());

  const as = (u: TestUser) => ({ token: u.token });

  async function clinicOn(user: TestUser, date: string, body: Record<string, unknown> = {}) {
    const res = await app.http.post(
      '/api/booking/clinics',
      {
        name: `Knee clinic ${randomUUID().slice(0, 6)}`,
        specialty: 'Trauma and Orthopaedics',
        clinician: 'Mr B Surgeon',
        weekday: isoWeekday(date),
        start_time: '09:00',
        end_time: '10:00',
        slot_minutes: 20,
        new_slots: 2,
        valid_from: '2025-01-01',
        ...body,
      },
      as(user),
    );
    expect(res.status, res.text).toBe(201);
    expect((await app.http.post(`/api/booking/clinics/${res.body.id}/slots`, { from: date, to: date }, as(user))).status).toBe(201);
    const slots = (await app.http.get(`/api/booking/slots?clinic_id=${res.body.id}`, as(user))).body.items as Slot[];
    return { clinic: res.body as { id: string; name: string }, slots };
  }

  async function pathway(user: TestUser, overrides: Record<string, unknown> = {}) {
    const start = addDays(today, -60);
    const res = await app.http.post('/api/ptl', pathwayInput({ referral_date: start, clock_start_date: start, ...overrides }), as(user));
    expect(res.status, res.text).toBe(201);
    return res.body as { id: string; patient_name: string };
  }

  async function bookAndRecord(user: TestUser, slot: Slot, pathwayId: string | null, outcome: Record<string, unknown>, bookedOn: string) {
    const body = pathwayId ? { slot_id: slot.id, pathway_id: pathwayId, booked_on: bookedOn } : { slot_id: slot.id, patient_id: 'WALKIN1', patient_name: 'Pat Walk-in', booked_on: bookedOn };
    const booked = await app.http.post('/api/booking/appointments', body, as(user));
    expect(booked.status, booked.text).toBe(201);
    const res = await app.http.post(`/api/booking/appointments/${booked.body.id}/outcome`, { version: booked.body.version, ...outcome }, as(user));
    expect(res.status, res.text).toBe(200);
    return res.body.appointment as Appointment;
  }

  it('describes capacity with computed fields and a chart, and the two registers as read-only', async () => {
    const res = await app.http.get('/api/trackers', as(owner));
    const byModule = new Map((res.body.items as TrackerDefinitionView[]).map((d) => [d.module, d]));
    const capacity = byModule.get('capacity')!;
    expect(capacity.read_only).toBe(false);
    expect(capacity.fields.filter((f) => f.computed).map((f) => f.name)).toEqual(['open_pathways', 'template_weekly_slots', 'weekly_slots', 'clearance_weeks']);
    expect(capacity.chart).toEqual({ title: expect.any(String), category: 'specialty', series: ['open_pathways', 'weekly_slots'] });
    expect(capacity.statuses).toEqual(['active', 'archived']);
    expect(byModule.get('dna')).toMatchObject({ read_only: true });
    expect(byModule.get('cancellations')).toMatchObject({ read_only: true, statuses: ['patient_cancelled', 'hospital_cancelled'] });
  });

  it('a capacity plan works out demand from open PTL pathways and supply from the templates in force, live', async () => {
    const user = await createUser(app);
    // Demand: three open Urology pathways and one stopped one (not open).
    for (let i = 0; i < 3; i++) await pathway(user, { specialty: 'Urology' });
    const stopped = await pathway(user, { specialty: 'Urology' });
    expect((await app.http.post(`/api/ptl/${stopped.id}/events`, { event_type: 'treatment_outpatient', event_date: addDays(today, -1) }, as(user))).status).toBe(201);
    // Supply: two templates in force (2 + 3 new slots a week) and one that ended (not counted).
    for (const [new_slots, valid_to] of [[2, null], [3, null], [1, '2025-06-30']] as const) {
      const res = await app.http.post(
        '/api/booking/clinics',
        { name: `Uro ${randomUUID().slice(0, 4)}`, specialty: 'Urology', clinician: 'Dr U', weekday: 2, start_time: '09:00', end_time: '11:00', slot_minutes: 20, new_slots, valid_from: '2025-01-01', valid_to },
        as(user),
      );
      expect(res.status, res.text).toBe(201);
    }

    const created = await app.http.post('/api/trackers/capacity', { fields: { specialty: 'Urology' } }, as(user));
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: 'active', fields: { specialty: 'Urology', open_pathways: 3, template_weekly_slots: 5, weekly_slots: 5, clearance_weeks: 0.6 } });

    // The planner's own figure replaces the templates' in the weeks to clear.
    const planned = await app.http.patch(`/api/trackers/capacity/${created.body.id}`, { version: created.body.version, fields: { weekly_slots_override: 2 } }, as(user));
    expect(planned.status, planned.text).toBe(200);
    expect(planned.body.fields).toMatchObject({ open_pathways: 3, template_weekly_slots: 5, weekly_slots: 2, clearance_weeks: 1.5 });

    // Live: a new pathway shows at once, in the list and on the row.
    await pathway(user, { specialty: 'Urology' });
    const listed = await app.http.get('/api/trackers/capacity', as(user));
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.body.id, fields: expect.objectContaining({ open_pathways: 4, clearance_weeks: 2 }) })]);
    expect((await app.http.get(`/api/trackers/capacity/${created.body.id}`, as(user))).body.fields).toMatchObject({ open_pathways: 4 });

    // No slots at all: nothing to divide by, so no weeks to clear.
    const none = await app.http.patch(`/api/trackers/capacity/${created.body.id}`, { version: planned.body.version, fields: { weekly_slots_override: 0 } }, as(user));
    expect(none.body.fields).toMatchObject({ weekly_slots: 0, clearance_weeks: null });

    // The computed values are never stored and never accepted.
    const refused = await app.http.post('/api/trackers/capacity', { fields: { specialty: 'Urology', clearance_weeks: 1 } }, as(user));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: 'fields.clearance_weeks', message: expect.stringMatching(/worked out/) })]);
    const stored = await app.db.query<{ fields: Record<string, unknown> }>('select fields from public.tracker_items where id = $1', [created.body.id]);
    expect(stored.rows[0]!.fields).toEqual({ specialty: 'Urology', weekly_slots_override: 0 });

    // Another user's plan of the same specialty sees only their own (empty) PTL and templates.
    const theirs = await app.http.post('/api/trackers/capacity', { fields: { specialty: 'Urology' } }, as(other));
    expect(theirs.body.fields).toMatchObject({ open_pathways: 0, weekly_slots: 0, clearance_weeks: null });
    expect((await app.http.get(`/api/trackers/capacity/${created.body.id}`, as(other))).status).toBe(404);
  });

  it('the dna register lists each missed appointment with the clock effect in the engine’s words; its rows cannot be written', async () => {
    const user = await createUser(app);
    const day = pastWorkday(10);
    const { clinic, slots } = await clinicOn(user, day);
    const p = await pathway(user);
    const missed = await bookAndRecord(user, slots[0]!, p.id, { outcome: 'dna' }, addDays(day, -20));
    const followUp = slots.find((s) => s.kind === 'follow_up')!;
    const unlinked = await bookAndRecord(user, followUp, null, { outcome: 'dna' }, addDays(day, -20));

    const list = await app.http.get('/api/trackers/dna', as(user));
    expect(list.status, list.text).toBe(200);
    const items = list.body.items as TrackerItem[];
    expect(items.map((i) => i.id).sort()).toEqual([missed.id, unlinked.id].sort());
    const row = items.find((i) => i.id === missed.id)!;
    expect(row).toMatchObject({ module: 'dna', status: 'dna', pathway_id: p.id, patient_name: p.patient_name, fields: { date: day, clinic: clinic.name, kind: 'new' } });
    const ptl = (await app.http.get(`/api/ptl/${p.id}`, as(user))).body;
    expect(ptl.clock.state).toBe('nullified');
    expect(row.fields.rtt_effect).toBe(ptl.clock.explanation.text);
    expect(items.find((i) => i.id === unlinked.id)!.fields).toMatchObject({ kind: 'follow_up', rtt_effect: null });

    expect((await app.http.get(`/api/trackers/dna/${missed.id}`, as(user))).body).toEqual(row);
    expect((await app.http.get(`/api/trackers/dna?pathway_id=${p.id}`, as(user))).body.items.map((i: TrackerItem) => i.id)).toEqual([missed.id]);
    expect((await app.http.get('/api/trackers/dna?q=walk-in', as(user))).body.items.map((i: TrackerItem) => i.id)).toEqual([unlinked.id]);

    // Read-only: every write is 404, and nothing changes.
    expect((await app.http.post('/api/trackers/dna', { patient_name: 'X' }, as(user))).status).toBe(404);
    expect((await app.http.patch(`/api/trackers/dna/${missed.id}`, { version: 1, notes: 'x' }, as(user))).status).toBe(404);
    expect((await app.http.delete(`/api/trackers/dna/${missed.id}`, undefined, as(user))).status).toBe(404);
    expect((await app.http.get(`/api/booking/appointments/${missed.id}`, as(user))).body.status).toBe('dna');

    // Another user: nothing listed, 404 on the row; an appointment that is not a DNA is not a dna row.
    expect((await app.http.get('/api/trackers/dna', as(other))).body.items).toEqual([]);
    expect((await app.http.get(`/api/trackers/dna/${missed.id}`, as(other))).status).toBe(404);
    expect((await app.http.get(`/api/trackers/cancellations/${missed.id}`, as(user))).status).toBe(404);

    // An admin reads a trainee's register with ?user_id=, on the oversight log.
    const admin = await createAdmin(app);
    const read = await app.http.get(`/api/trackers/dna?user_id=${user.id}`, as(admin));
    expect(read.status, read.text).toBe(200);
    expect(read.body.items).toHaveLength(2);
    const logged = await app.db.query('select 1 from public.admin_audit_log where admin_id = $1 and subject_id = $2', [admin.id, user.id]);
    expect(logged.rows.length).toBeGreaterThan(0);
    expect((await app.http.get(`/api/trackers/dna?user_id=${user.id}`, as(other))).status).toBe(403);
  });

  it('the cancellations register shows who cancelled, when, and the rebooking; the clock kept running', async () => {
    const user = await createUser(app);
    const day = pastWorkday(5);
    const { slots } = await clinicOn(user, day);
    const p = await pathway(user);
    const hospital = await bookAndRecord(user, slots[0]!, p.id, { outcome: 'hospital_cancelled', outcome_date: addDays(day, -2) }, addDays(day, -30));
    const booked = (await app.http.post('/api/booking/appointments', { slot_id: slots[1]!.id, pathway_id: p.id, booked_on: addDays(day, -30) }, as(user))).body as Appointment;
    const { slots: later } = await clinicOn(user, '2027-06-14');
    const rebook = await app.http.post(`/api/booking/appointments/${booked.id}/rebook`, { version: booked.version, slot_id: later[0]!.id, by: 'patient', outcome_date: addDays(day, -1) }, as(user));
    expect(rebook.status, rebook.text).toBe(201);

    const items = (await app.http.get('/api/trackers/cancellations', as(user))).body.items as TrackerItem[];
    expect(items.map((i) => i.id).sort()).toEqual([hospital.id, booked.id].sort());
    expect(items.find((i) => i.id === hospital.id)).toMatchObject({ status: 'hospital_cancelled', fields: { by: 'hospital', outcome_date: addDays(day, -2), rebooked_as: null } });
    const byPatient = items.find((i) => i.id === booked.id)!;
    expect(byPatient).toMatchObject({ status: 'patient_cancelled', fields: { by: 'patient', outcome_date: addDays(day, -1), rebooked_as: rebook.body.id, rebooked_date: '2027-06-14' } });
    expect(String(byPatient.fields.rtt_effect)).not.toMatch(/stop|nullif/i);
    expect((await app.http.get(`/api/ptl/${p.id}`, as(user))).body.clock.state).toBe('running');
    expect((await app.http.get('/api/trackers/cancellations?status=hospital_cancelled', as(user))).body.items.map((i: TrackerItem) => i.id)).toEqual([hospital.id]);
  });

  it('the registers page through every row once, latest first', async () => {
    const user = await createUser(app);
    const days = [pastWorkday(21), pastWorkday(14), pastWorkday(7)];
    const ids: string[] = [];
    for (const day of days) {
      const { slots } = await clinicOn(user, day);
      for (const slot of slots.filter((s) => s.kind === 'new')) ids.push((await bookAndRecord(user, slot, null, { outcome: 'dna' }, addDays(day, -10))).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; text: string; body: { items: TrackerItem[]; next_cursor: string | null } } = await app.http.get(`/api/trackers/dna?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, as(user));
      expect(res.status, res.text).toBe(200);
      seen.push(...(res.body.items as TrackerItem[]).map((i) => i.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());
    const first = (await app.http.get('/api/trackers/dna?limit=2', as(user))).body.items as TrackerItem[];
    expect(first.every((i) => i.fields.date === days[2])).toBe(true);
  });
});
