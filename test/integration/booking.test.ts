// Clinic booking through the real API on a migrated database: templates and slot generation (bank
// holidays, cancelled dates, idempotence), the booking race decided by the partial unique index,
// outcomes becoming RTT events on the linked PTL pathway (a DNA nullifies, the rebooking restarts,
// cancellations leave the clock running, treatment stops it, undoing takes the events back),
// rebooking, the views, privacy over HTTP and in SQL, the audit trail, the export and erasure.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, ClinicTemplate, Slot } from '../../server/src/contract/booking.js';
import type { PathwayDetail } from '../../server/src/contract/ptl.js';
import { bankHolidayLookup } from '../../server/src/domains/booking/bank-holidays.js';
import { addDays, isoWeekday, mondayOf } from '../../server/src/domains/booking/slots.js';
import { todayInEngland } from '../../server/src/kit/dates.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { dbTargets } from '../helpers/db.js';
import { createAdmin, createUser, type TestUser } from '../helpers/factories.js';
import { pathwayInput } from '../helpers/ptl.js';
import { expectSqlError } from '../helpers/sql.js';

const holiday = bankHolidayLookup();
const today = todayInEngland();

/** `n` days before today, moved earlier past any bank holiday (a clinic cannot run on one). */
function pastWorkday(n: number): string {
  let d = addDays(today, -n);
  while (holiday(d)) d = addDays(d, -1);
  return d;
}

describe.each(dbTargets)('clinic booking on %s', (target) => {
  let app: TestApp;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    app = await startTestApp(target);
    [owner, other] = await Promise.all([createUser(app), createUser(app)]);
  });
  afterAll(() => app?.close());

  const as = (u: TestUser) => ({ token: u.token });

  async function clinic(user: TestUser, body: Record<string, unknown> = {}): Promise<ClinicTemplate> {
    const res = await app.http.post(
      '/api/booking/clinics',
      {
        name: `Fracture clinic ${randomUUID().slice(0, 6)}`,
        specialty: 'Trauma and Orthopaedics',
        clinician: 'Ms A Surgeon',
        weekday: 1,
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
    return res.body;
  }

  /** A clinic on `date`'s weekday with its slots generated for that one day (three 20-minute slots, two new). */
  async function clinicOn(user: TestUser, date: string, body: Record<string, unknown> = {}) {
    const c = await clinic(user, { weekday: isoWeekday(date), ...body });
    const gen = await app.http.post(`/api/booking/clinics/${c.id}/slots`, { from: date, to: date }, as(user));
    expect(gen.status, gen.text).toBe(201);
    const slots = await app.http.get(`/api/booking/slots?clinic_id=${c.id}`, as(user));
    return { clinic: c, slots: slots.body.items as Slot[] };
  }

  async function pathway(user: TestUser, overrides: Record<string, unknown> = {}): Promise<PathwayDetail> {
    const start = addDays(today, -60);
    const res = await app.http.post('/api/ptl', pathwayInput({ referral_date: start, clock_start_date: start, ...overrides }), as(user));
    expect(res.status, res.text).toBe(201);
    return res.body;
  }

  async function book(user: TestUser, body: Record<string, unknown>): Promise<Appointment> {
    const res = await app.http.post('/api/booking/appointments', body, as(user));
    expect(res.status, res.text).toBe(201);
    return res.body;
  }

  const ptl = async (user: TestUser, id: string): Promise<PathwayDetail> => (await app.http.get(`/api/ptl/${id}`, as(user))).body;

  it('rejects the anonymous on every route', async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ['GET', '/api/booking/clinics'],
      ['POST', '/api/booking/clinics'],
      ['GET', `/api/booking/clinics/${id}`],
      ['PATCH', `/api/booking/clinics/${id}`],
      ['DELETE', `/api/booking/clinics/${id}`],
      ['POST', `/api/booking/clinics/${id}/slots`],
      ['GET', `/api/booking/clinics/${id}/day`],
      ['GET', '/api/booking/bank-holidays'],
      ['GET', '/api/booking/slots'],
      ['PATCH', `/api/booking/slots/${id}`],
      ['GET', '/api/booking/appointments'],
      ['POST', '/api/booking/appointments'],
      ['GET', `/api/booking/appointments/${id}`],
      ['DELETE', `/api/booking/appointments/${id}`],
      ['POST', `/api/booking/appointments/${id}/outcome`],
      ['DELETE', `/api/booking/appointments/${id}/outcome`],
      ['POST', `/api/booking/appointments/${id}/rebook`],
      ['GET', '/api/booking/capacity'],
      ['GET', '/api/booking/stats'],
    ] as const) {
      expect((await app.http.request(method, path, method === 'GET' ? undefined : {})).status, `${method} ${path}`).toBe(401);
    }
  });

  it('templates: capacity computed, new slots within it, strict bodies, versions', async () => {
    const c = await clinic(owner, { start_time: '13:30', end_time: '17:00', slot_minutes: 15, new_slots: 4, cancelled_dates: ['2027-01-04'] });
    expect(c).toMatchObject({ start_time: '13:30', end_time: '17:00', capacity: 14, new_slots: 4, valid_to: null, cancelled_dates: ['2027-01-04'], version: 1 });
    const post = (body: Record<string, unknown>) =>
      app.http.post('/api/booking/clinics', { name: 'X', specialty: 'Cardiology', clinician: 'Dr B', weekday: 2, start_time: '09:00', end_time: '10:00', slot_minutes: 15, valid_from: '2027-01-01', ...body }, as(owner));
    expect((await post({ new_slots: 5 })).body.error.details[0].path).toBe('new_slots');
    expect((await post({ slot_minutes: 90 })).body.error.details[0].path).toBe('slot_minutes');
    expect((await post({ end_time: '08:00' })).body.error.details[0].path).toBe('end_time');
    expect((await post({ start_time: '9:00' })).status).toBe(400);
    expect((await post({ weekday: 8 })).status).toBe(400);
    expect((await post({ specialty: 'Astrology' })).status).toBe(400);
    expect((await post({ capacity: 4 })).status).toBe(400);
    expect((await post({ valid_to: '2026-12-31' })).body.error.details[0].path).toBe('valid_to');

    const changed = await app.http.patch(`/api/booking/clinics/${c.id}`, { version: 1, slot_minutes: 30 }, as(owner));
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ capacity: 7, version: 2, affected_appointments: [] });
    // new_slots is checked against the template as it would be after the change.
    expect((await app.http.patch(`/api/booking/clinics/${c.id}`, { version: 2, slot_minutes: 60 }, as(owner))).body.error.details[0].path).toBe('new_slots');
    expect((await app.http.patch(`/api/booking/clinics/${c.id}`, { version: 1, name: 'Stale' }, as(owner))).status).toBe(409);
    expect((await app.http.get(`/api/booking/clinics/${c.id}`, as(owner))).body.name).toBe(c.name);
    const listed = await app.http.get('/api/booking/clinics?specialty=Trauma%20and%20Orthopaedics', as(owner));
    expect(listed.body.items.map((i: ClinicTemplate) => i.id)).toContain(c.id);
  });

  it('slot generation skips bank holidays and cancelled dates, and a re-run creates only what is missing', async () => {
    // Mondays of spring 2027: Easter Monday 29 March, 3 May and 31 May are bank holidays.
    const c = await clinic(owner, { weekday: 1, cancelled_dates: ['2027-04-12'], valid_from: '2027-03-01', valid_to: '2027-05-24' });
    const first = await app.http.post(`/api/booking/clinics/${c.id}/slots`, { from: '2027-03-15', to: '2027-05-31' }, as(owner));
    expect(first.status, first.text).toBe(201);
    expect(first.body.skipped).toEqual([
      { date: '2027-03-29', reason: 'bank_holiday' },
      { date: '2027-04-12', reason: 'cancelled_date' },
      { date: '2027-05-03', reason: 'bank_holiday' },
    ]);
    // 15 Mar … 24 May is 11 Mondays, 3 skipped: 8 sessions of 3 slots.
    expect(first.body).toMatchObject({ created: 24, existing: 0 });
    const again = await app.http.post(`/api/booking/clinics/${c.id}/slots`, { from: '2027-03-01', to: '2027-05-31' }, as(owner));
    // 1 and 8 March were outside the first range: two more sessions.
    expect(again.body).toMatchObject({ created: 6, existing: 24 });
    const slots = await app.http.get(`/api/booking/slots?clinic_id=${c.id}&from=2027-03-15&to=2027-03-15`, as(owner));
    expect(slots.body.items.map((s: Slot) => `${s.start_time} ${s.kind} ${s.status}`)).toEqual(['09:00 new free', '09:20 new free', '09:40 follow_up free']);
    // Paging walks the same order without gaps.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: Slot[]; next_cursor: string | null } } = await app.http.get(`/api/booking/slots?clinic_id=${c.id}&limit=7${cursor ? `&cursor=${cursor}` : ''}`, as(owner));
      seen.push(...page.body.items.map((s) => s.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(30);
    expect((await app.http.post(`/api/booking/clinics/${c.id}/slots`, { from: '2027-01-01', to: '2028-01-03' }, as(owner))).status).toBe(400);
    expect((await app.http.post(`/api/booking/clinics/${c.id}/slots`, { from: '2027-02-01', to: '2027-01-01' }, as(owner))).status).toBe(400);
    const bh = await app.http.get('/api/booking/bank-holidays?year=2027', as(owner));
    expect(bh.body.dates.map((d: { date: string }) => d.date)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
  });

  it('the booking race: 20 concurrent bookings of one slot give one 201 and 19 × 409', async () => {
    const { slots } = await clinicOn(owner, '2027-06-07');
    const slot = slots[0]!;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        app.http.post('/api/booking/appointments', { slot_id: slot.id, patient_id: `RACE-${i}`, patient_name: `Racer ${i}` }, as(owner)),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(19).fill(409)]);
    const winner = results.find((r) => r.status === 201)!.body as Appointment;
    const after = await app.http.get(`/api/booking/slots?clinic_id=${slot.clinic_id}&status=booked`, as(owner));
    expect(after.body.items).toEqual([expect.objectContaining({ id: slot.id, status: 'booked', appointment_id: winner.id })]);
    const held = await app.db.query<{ n: number }>('select count(*)::int as n from public.appointments where slot_id = $1', [slot.id]);
    expect(held.rows[0]!.n).toBe(1);
  });

  it('DNA of a first appointment nullifies the PTL clock, through the API; the rebooking starts a new clock; undoing takes it back', async () => {
    const missedOn = pastWorkday(14);
    const { slots } = await clinicOn(owner, missedOn);
    const p = await pathway(owner);
    const booked = await book(owner, { slot_id: slots[0]!.id, pathway_id: p.id, booked_on: addDays(missedOn, -20) });
    expect(booked).toMatchObject({ kind: 'new', status: 'booked', patient_id: p.patient_id, patient_name: p.patient_name, communicated: true, rtt_event_ids: [] });

    const dna = await app.http.post(`/api/booking/appointments/${booked.id}/outcome`, { version: booked.version, outcome: 'dna' }, as(owner));
    expect(dna.status, dna.text).toBe(200);
    expect(dna.body.appointment).toMatchObject({ status: 'dna', outcome_date: missedOn });
    expect(dna.body.pathway.clock).toMatchObject({ state: 'nullified', stop_date: missedOn });
    expect(dna.body.pathway.clock.explanation.event_id).toBe(dna.body.appointment.rtt_event_ids[0]);
    const event = dna.body.pathway.events.find((e: { id: string }) => e.id === dna.body.appointment.rtt_event_ids[0]);
    expect(event).toMatchObject({ event_type: 'first_appointment_dna', event_date: missedOn, note: `booking:${booked.id}`, appointment_communicated: true });
    expect((await ptl(owner, p.id)).clock.state).toBe('nullified');
    // A second outcome is refused.
    expect((await app.http.post(`/api/booking/appointments/${booked.id}/outcome`, { version: dna.body.appointment.version, outcome: 'attended' }, as(owner))).status).toBe(409);

    // The patient calls to rebook: a new booking on a nullified clock restarts it from that day.
    const calledOn = pastWorkday(7) < missedOn ? missedOn : pastWorkday(7);
    const early = await app.http.post(`/api/booking/appointments/${booked.id}/rebook`, { version: dna.body.appointment.version, slot_id: slots[1]!.id, by: 'patient', outcome_date: addDays(missedOn, -1) }, as(owner));
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].path).toBe('outcome_date');
    const { slots: later } = await clinicOn(owner, '2027-06-14');
    const rebooked = await app.http.post(`/api/booking/appointments/${booked.id}/rebook`, { version: dna.body.appointment.version, slot_id: later[0]!.id, by: 'patient', outcome_date: calledOn }, as(owner));
    expect(rebooked.status, rebooked.text).toBe(201);
    expect(rebooked.body).toMatchObject({ booked_on: calledOn, pathway_id: p.id, status: 'booked', date: '2027-06-14' });
    expect(rebooked.body.rtt_event_ids).toHaveLength(1);
    const restarted = await ptl(owner, p.id);
    expect(restarted.clock).toMatchObject({ state: 'running', start_date: calledOn });
    expect(restarted.clock.explanation).toMatchObject({ event_type: 'rebooked_after_dna', event_id: rebooked.body.rtt_event_ids[0] });
    expect((await app.http.get(`/api/booking/appointments/${booked.id}`, as(owner))).body).toMatchObject({ status: 'dna', rebooked_as: rebooked.body.id });

    // Undoing the DNA waits for the new booking to go; deleting it takes its restart with it.
    expect((await app.http.delete(`/api/booking/appointments/${booked.id}/outcome`, undefined, as(owner))).status).toBe(409);
    expect((await app.http.delete(`/api/booking/appointments/${rebooked.body.id}`, undefined, as(owner))).status).toBe(204);
    expect((await ptl(owner, p.id)).clock.state).toBe('nullified');
    const undone = await app.http.delete(`/api/booking/appointments/${booked.id}/outcome`, undefined, as(owner));
    expect(undone.status, undone.text).toBe(200);
    expect(undone.body.appointment).toMatchObject({ status: 'booked', outcome_date: null, rebooked_as: null, rtt_event_ids: [] });
    expect(undone.body.pathway.clock).toMatchObject({ state: 'running', start_date: p.clock_start_date });
    expect(undone.body.pathway.events).toEqual([]);
  });

  it('a hospital or patient cancellation leaves the clock running; treatment at clinic stops it; undo puts it back', async () => {
    const day = pastWorkday(3);
    const { slots } = await clinicOn(owner, day);
    const p = await pathway(owner);
    const a = await book(owner, { slot_id: slots[0]!.id, pathway_id: p.id, booked_on: addDays(day, -30) });

    const cancelled = await app.http.post(`/api/booking/appointments/${a.id}/outcome`, { version: a.version, outcome: 'hospital_cancelled', outcome_date: addDays(day, -2) }, as(owner));
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.pathway.clock).toMatchObject({ state: 'running', start_date: p.clock_start_date });
    expect(cancelled.body.pathway.events.map((e: { event_type: string; note: string }) => [e.event_type, e.note])).toEqual([['hospital_cancelled', `booking:${a.id}`]]);
    // The cancellation freed the slot.
    const freed = (await app.http.get(`/api/booking/slots?clinic_id=${a.clinic_id}&status=free`, as(owner))).body.items as Slot[];
    expect(freed.map((s) => s.id)).toContain(a.slot_id);

    // Rebooked by the hospital into the next slot: one transaction, the cancellation dated that day.
    const b = await book(owner, { slot_id: slots[1]!.id, pathway_id: p.id, booked_on: addDays(day, -30) });
    const r = await app.http.post(`/api/booking/appointments/${b.id}/rebook`, { version: b.version, slot_id: slots[2]!.id, by: 'patient', outcome_date: addDays(day, -1) }, as(owner));
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ slot_id: slots[2]!.id, booked_on: addDays(day, -1), rtt_event_ids: [] });
    expect((await app.http.get(`/api/booking/appointments/${b.id}`, as(owner))).body).toMatchObject({ status: 'patient_cancelled', outcome_date: addDays(day, -1), rebooked_as: r.body.id });
    expect((await ptl(owner, p.id)).clock.state).toBe('running');

    const treated = await app.http.post(`/api/booking/appointments/${r.body.id}/outcome`, { version: r.body.version, outcome: 'attended', clinic_outcome: 'treatment_started' }, as(owner));
    expect(treated.status, treated.text).toBe(200);
    expect(treated.body.pathway.clock).toMatchObject({ state: 'stopped', stop_date: day });
    expect(treated.body.pathway.clock.explanation.event_type).toBe('treatment_outpatient');
    expect(treated.body.appointment.rtt_event_ids).toHaveLength(2);

    const undo = await app.http.delete(`/api/booking/appointments/${r.body.id}/outcome`, undefined, as(owner));
    expect(undo.body.pathway.clock.state).toBe('running');
    expect(undo.body.pathway.events.map((e: { event_type: string }) => e.event_type).sort()).toEqual(['hospital_cancelled', 'patient_cancelled']);
  });

  it('outcome rules: dates the PTL would refuse are 400 naming the field, and nothing is written', async () => {
    const day = pastWorkday(3);
    const { slots } = await clinicOn(owner, day);
    // The clock started after the slot: an attendance on the slot's day would be before it.
    const late = await pathway(owner, { referral_date: addDays(day, 1), clock_start_date: addDays(day, 1) });
    const a = await book(owner, { slot_id: slots[0]!.id, pathway_id: late.id, booked_on: day });
    const refused = await app.http.post(`/api/booking/appointments/${a.id}/outcome`, { version: a.version, outcome: 'attended' }, as(owner));
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('outcome');
    expect((await app.http.get(`/api/booking/appointments/${a.id}`, as(owner))).body).toMatchObject({ status: 'booked', version: a.version });
    expect((await ptl(owner, late.id)).events).toEqual([]);

    const { slots: future } = await clinicOn(owner, '2027-06-21');
    const f = await book(owner, { slot_id: future[0]!.id, patient_id: 'NOPATH-1', patient_name: 'No Pathway' });
    expect(f).toMatchObject({ pathway_id: null, booked_on: today });
    const tooSoon = await app.http.post(`/api/booking/appointments/${f.id}/outcome`, { version: f.version, outcome: 'dna' }, as(owner));
    expect(tooSoon.body.error.details[0].path).toBe('outcome');
    const futureCancel = await app.http.post(`/api/booking/appointments/${f.id}/outcome`, { version: f.version, outcome: 'patient_cancelled', outcome_date: addDays(today, 1) }, as(owner));
    expect(futureCancel.body.error.details[0].path).toBe('outcome_date');
    expect((await app.http.post(`/api/booking/appointments/${f.id}/outcome`, { version: f.version + 1, outcome: 'patient_cancelled' }, as(owner))).status).toBe(409);
    const ok = await app.http.post(`/api/booking/appointments/${f.id}/outcome`, { version: f.version, outcome: 'patient_cancelled' }, as(owner));
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({ appointment: { status: 'patient_cancelled', outcome_date: today, rtt_event_ids: [] }, pathway: null });
    // Only a booked appointment may be deleted.
    expect((await app.http.delete(`/api/booking/appointments/${f.id}`, undefined, as(owner))).status).toBe(409);
    // Booking: after the slot's day, in the future, both patient and pathway, or neither → 400.
    expect((await app.http.post('/api/booking/appointments', { slot_id: future[1]!.id, patient_id: 'P1', patient_name: 'P', booked_on: addDays(today, 1) }, as(owner))).status).toBe(400);
    expect((await app.http.post('/api/booking/appointments', { slot_id: slots[1]!.id, patient_id: 'P1', patient_name: 'P', booked_on: addDays(day, 1) }, as(owner))).body.error.details[0].path).toBe('booked_on');
    expect((await app.http.post('/api/booking/appointments', { slot_id: future[1]!.id, pathway_id: late.id, patient_id: 'P1' }, as(owner))).status).toBe(400);
    expect((await app.http.post('/api/booking/appointments', { slot_id: future[1]!.id }, as(owner))).status).toBe(400);
  });

  it('cancelled dates and slots: free slots cancelled, booked ones listed; a cancelled or taken slot is 409; a clinic with appointments stays', async () => {
    const { clinic: c, slots } = await clinicOn(owner, '2027-07-05');
    const a = await book(owner, { slot_id: slots[0]!.id, patient_id: 'CXL-1', patient_name: 'Cancel Me' });
    const patched = await app.http.patch(`/api/booking/clinics/${c.id}`, { version: c.version, cancelled_dates: ['2027-07-05'] }, as(owner));
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body.affected_appointments.map((x: Appointment) => x.id)).toEqual([a.id]);
    const day = await app.http.get(`/api/booking/clinics/${c.id}/day?date=2027-07-05`, as(owner));
    expect(day.body).toMatchObject({ date: '2027-07-05', bank_holiday: null, cancelled_date: true });
    expect(day.body.slots.map((s: Slot & { appointment: Appointment | null }) => [s.status, s.appointment?.id ?? null])).toEqual([
      ['booked', a.id],
      ['cancelled', null],
      ['cancelled', null],
    ]);
    expect((await app.http.post('/api/booking/appointments', { slot_id: slots[1]!.id, patient_id: 'CXL-2', patient_name: 'Too Late' }, as(owner))).status).toBe(409);
    expect((await app.http.post('/api/booking/appointments', { slot_id: slots[0]!.id, patient_id: 'CXL-3', patient_name: 'Taken' }, as(owner))).status).toBe(409);
    // A booked slot cannot be cancelled; a free one can, and reopened.
    const bookedSlot = (await app.http.get(`/api/booking/slots?clinic_id=${c.id}&status=booked`, as(owner))).body.items[0] as Slot;
    expect((await app.http.patch(`/api/booking/slots/${bookedSlot.id}`, { version: bookedSlot.version, cancelled: true }, as(owner))).status).toBe(409);
    const cancelledSlot = (await app.http.get(`/api/booking/slots?clinic_id=${c.id}&status=cancelled`, as(owner))).body.items[0] as Slot;
    const reopened = await app.http.patch(`/api/booking/slots/${cancelledSlot.id}`, { version: cancelledSlot.version, cancelled: false }, as(owner));
    expect(reopened.body).toMatchObject({ status: 'free', version: cancelledSlot.version + 1 });
    expect((await app.http.patch(`/api/booking/slots/${cancelledSlot.id}`, { version: cancelledSlot.version, cancelled: true }, as(owner))).status).toBe(409);
    // The clinic's history keeps it.
    expect((await app.http.delete(`/api/booking/clinics/${c.id}`, undefined, as(owner))).status).toBe(409);
    // Without appointments a clinic goes, its slots with it.
    const { clinic: empty } = await clinicOn(owner, '2027-07-06');
    expect((await app.http.delete(`/api/booking/clinics/${empty.id}`, undefined, as(owner))).status).toBe(204);
    expect((await app.http.get(`/api/booking/slots?clinic_id=${empty.id}`, as(owner))).body.items).toEqual([]);
  });

  it('views: the week’s capacity grid and utilisation / DNA rate per clinic and overall', async () => {
    const user = await createUser(app);
    const day = pastWorkday(2);
    const { clinic: c, slots } = await clinicOn(user, day);
    const attended = await book(user, { slot_id: slots[0]!.id, patient_id: 'S-1', patient_name: 'One', booked_on: day });
    const missed = await book(user, { slot_id: slots[1]!.id, patient_id: 'S-2', patient_name: 'Two', booked_on: day });
    await app.http.post(`/api/booking/appointments/${attended.id}/outcome`, { version: 1, outcome: 'attended' }, as(user));
    await app.http.post(`/api/booking/appointments/${missed.id}/outcome`, { version: 1, outcome: 'dna' }, as(user));

    const week = mondayOf(day);
    const grid = await app.http.get(`/api/booking/capacity?week=${week}`, as(user));
    expect(grid.status, grid.text).toBe(200);
    expect(grid.body.clinics).toHaveLength(1);
    expect(grid.body.clinics[0].days).toHaveLength(7);
    expect(grid.body.clinics[0].days.find((d: { date: string }) => d.date === day)).toEqual({ date: day, slots: 3, booked: 2, free: 1, cancelled: 0 });
    expect((await app.http.get(`/api/booking/capacity?week=${addDays(week, 1)}`, as(user))).status).toBe(400);

    const stats = await app.http.get(`/api/booking/stats?from=${day}&to=${day}`, as(user));
    expect(stats.status, stats.text).toBe(200);
    const row = { slots: 3, cancelled_slots: 0, used: 2, booked: 0, attended: 1, dna: 1, patient_cancelled: 0, hospital_cancelled: 0, utilisation: 2 / 3, dna_rate: 0.5 };
    expect(stats.body.clinics).toEqual([{ clinic_id: c.id, name: c.name, ...row }]);
    expect(stats.body.overall).toEqual(row);
    expect((await app.http.get('/api/booking/stats', as(user))).body.to).toBe(today);
    expect((await app.http.get(`/api/booking/stats?from=${day}&to=${addDays(day, 400)}`, as(user))).status).toBe(400);
    const byStatus = await app.http.get(`/api/booking/appointments?status=dna&clinic_id=${c.id}`, as(user));
    expect(byStatus.body.items.map((x: Appointment) => x.id)).toEqual([missed.id]);

    // The portfolio shows the module's real figures.
    const portfolio = await app.http.get('/api/portfolio', as(user));
    expect(portfolio.body.modules.find((m: { id: string }) => m.id === 'booking')).toMatchObject({
      available: true,
      counts: { clinics: 1, appointments: 2, attended: 1, dna: 1 },
    });
  });

  it('another user gets 404 for every resource and every link in a body, and sees nothing listed', async () => {
    const day = pastWorkday(3);
    const { clinic: c, slots } = await clinicOn(owner, day);
    const p = await pathway(owner);
    const a = await book(owner, { slot_id: slots[0]!.id, pathway_id: p.id, booked_on: day });
    const theirs = await clinicOn(other, day);
    const theirPathway = await pathway(other);
    const o = as(other);

    expect((await app.http.get(`/api/booking/clinics/${c.id}`, o)).status).toBe(404);
    expect((await app.http.patch(`/api/booking/clinics/${c.id}`, { version: c.version, name: 'Mine now' }, o)).status).toBe(404);
    expect((await app.http.delete(`/api/booking/clinics/${c.id}`, undefined, o)).status).toBe(404);
    expect((await app.http.post(`/api/booking/clinics/${c.id}/slots`, { from: day, to: day }, o)).status).toBe(404);
    expect((await app.http.get(`/api/booking/clinics/${c.id}/day?date=${day}`, o)).status).toBe(404);
    expect((await app.http.patch(`/api/booking/slots/${slots[1]!.id}`, { version: 1, cancelled: true }, o)).status).toBe(404);
    expect((await app.http.get(`/api/booking/appointments/${a.id}`, o)).status).toBe(404);
    expect((await app.http.delete(`/api/booking/appointments/${a.id}`, undefined, o)).status).toBe(404);
    expect((await app.http.post(`/api/booking/appointments/${a.id}/outcome`, { version: a.version, outcome: 'attended' }, o)).status).toBe(404);
    expect((await app.http.delete(`/api/booking/appointments/${a.id}/outcome`, undefined, o)).status).toBe(404);
    expect((await app.http.post(`/api/booking/appointments/${a.id}/rebook`, { version: a.version, slot_id: theirs.slots[0]!.id, by: 'patient' }, o)).status).toBe(404);
    // Links in a body: the owner's slot, the owner's pathway.
    expect((await app.http.post('/api/booking/appointments', { slot_id: slots[1]!.id, patient_id: 'X', patient_name: 'Intruder' }, o)).status).toBe(404);
    expect((await app.http.post('/api/booking/appointments', { slot_id: theirs.slots[0]!.id, pathway_id: p.id }, o)).status).toBe(404);
    // …and the other way round: the owner cannot link the other's slot or pathway either.
    expect((await app.http.post('/api/booking/appointments', { slot_id: slots[1]!.id, pathway_id: theirPathway.id }, as(owner))).status).toBe(404);
    expect((await app.http.post(`/api/booking/appointments/${a.id}/rebook`, { version: a.version, slot_id: theirs.slots[1]!.id, by: 'hospital', outcome_date: day }, as(owner))).status).toBe(404);
    expect((await app.http.get(`/api/booking/appointments/${a.id}`, as(owner))).body).toMatchObject({ status: 'booked', version: a.version });

    for (const path of ['/api/booking/clinics', '/api/booking/slots', '/api/booking/appointments', `/api/booking/appointments?pathway_id=${p.id}`]) {
      const ids = (await app.http.get(path, o)).body.items.map((i: { id: string }) => i.id);
      expect(ids, path).not.toContain(c.id);
      expect(ids, path).not.toContain(a.id);
      expect(ids, path).not.toContain(slots[0]!.id);
    }
    expect((await app.http.get(`/api/booking/appointments?user_id=${owner.id}`, o)).status).toBe(403);
    expect((await app.http.get(`/api/booking/capacity?week=${mondayOf(day)}`, o)).body.clinics.map((x: { clinic_id: string }) => x.clinic_id)).not.toContain(c.id);
  });

  it('SQL-level privacy, as `authenticated` with the other user’s claims: nothing read, changed or linked', async () => {
    const day = pastWorkday(3);
    const { clinic: c, slots } = await clinicOn(owner, day);
    const p = await pathway(owner);
    const a = await book(owner, { slot_id: slots[0]!.id, pathway_id: p.id, booked_on: day });
    const theirs = await clinicOn(other, day);
    const sql = <T = unknown>(text: string, params: unknown[]) => app.db.asUser(other.claims, (tx) => tx.query<T>(text, params));

    for (const [table, id] of [['clinic_templates', c.id], ['clinic_slots', slots[0]!.id], ['appointments', a.id]] as const) {
      expect((await sql(`select id from public.${table} where id = $1`, [id])).rows, table).toEqual([]);
      expect((await sql(`delete from public.${table} where id = $1`, [id]).catch((e: { code: string }) => ({ rowCount: e.code }))).rowCount, table).toEqual(table === 'clinic_slots' ? '42501' : 0);
    }
    expect((await sql("update public.clinic_templates set name = 'hijacked' where id = $1", [c.id])).rowCount).toBe(0);
    expect((await sql('update public.clinic_slots set cancelled = true where id = $1', [slots[1]!.id])).rowCount).toBe(0);
    expect((await sql("update public.appointments set status = 'dna', outcome_date = date where id = $1", [a.id])).rowCount).toBe(0);
    // Linking: a slot into another user's clinic, an appointment into another user's slot or onto their pathway.
    await expectSqlError(sql("insert into public.clinic_slots (clinic_id, date, start_time, end_time, kind) values ($1, $2, '11:00', '11:20', 'new')", [c.id, day]), '42501');
    await expectSqlError(sql("insert into public.appointments (slot_id, patient_id, patient_name, booked_on) values ($1, 'X', 'Intruder', $2)", [slots[1]!.id, day]), 'PT404');
    await expectSqlError(
      sql("insert into public.appointments (slot_id, pathway_id, patient_id, patient_name, booked_on) values ($1, $2, 'X', 'Intruder', $3)", [theirs.slots[0]!.id, p.id, day]),
      '42501',
    );
    // Nor may they write the columns the trigger owns, or point a rebooking at the owner's
    // appointment: the foreign key on (rebooked_as, user_id) finds no such appointment of theirs.
    const mine = await app.db.asUser(other.claims, (tx) =>
      tx.query<{ id: string }>("insert into public.appointments (slot_id, patient_id, patient_name, booked_on) values ($1, 'Y', 'Mine', $2) returning id", [theirs.slots[0]!.id, day]),
    );
    await expectSqlError(sql("insert into public.appointments (slot_id, patient_id, patient_name, booked_on, kind) values ($1, 'Z', 'Z', $2, 'new')", [theirs.slots[1]!.id, day]), '42501');
    await expectSqlError(
      sql("update public.appointments set status = 'patient_cancelled', outcome_date = booked_on, rebooked_as = $2 where id = $1", [mine.rows[0]!.id, a.id]),
      '23503',
    );
    // The database itself refuses a second live appointment in a slot, whoever writes it.
    await expectSqlError(
      app.db.asUser(owner.claims, (tx) => tx.query("insert into public.appointments (slot_id, patient_id, patient_name, booked_on) values ($1, 'DUP', 'Dup', $2)", [slots[0]!.id, day])),
      '23505',
    );
  });

  it('admins read anyone’s booking rows with ?user_id= (on the oversight log), and change nothing', async () => {
    const admin = await createAdmin(app);
    const { clinic: c, slots } = await clinicOn(owner, '2027-08-02');
    const a = await book(owner, { slot_id: slots[0]!.id, patient_id: 'ADM-1', patient_name: 'Watched' });
    const listed = await app.http.get(`/api/booking/appointments?user_id=${owner.id}&clinic_id=${c.id}`, as(admin));
    expect(listed.body.items.map((x: Appointment) => x.id)).toEqual([a.id]);
    expect((await app.http.get(`/api/booking/appointments/${a.id}`, as(admin))).status).toBe(200);
    expect((await app.http.get(`/api/booking/slots?user_id=${owner.id}&clinic_id=${c.id}`, as(admin))).body.items).toHaveLength(3);
    expect((await app.http.post(`/api/booking/appointments/${a.id}/outcome`, { version: a.version, outcome: 'patient_cancelled' }, as(admin))).status).toBe(404);
    expect((await app.http.delete(`/api/booking/appointments/${a.id}`, undefined, as(admin))).status).toBe(404);
    expect((await app.http.patch(`/api/booking/slots/${slots[1]!.id}`, { version: 1, cancelled: true }, as(admin))).status).toBe(404);
    const log = await app.db.query<{ action: string }>('select action from public.admin_audit_log where admin_id = $1 order by id', [admin.id]);
    expect(log.rows.map((r) => r.action)).toEqual(['appointments.list', 'appointments.view', 'clinic_slots.list']);
  });

  it('every change is on the audit trail; the export holds the rows; erasing the account removes them all', async () => {
    const user = await createUser(app);
    const day = pastWorkday(3);
    const { clinic: c, slots } = await clinicOn(user, day);
    const p = await pathway(user);
    const a = await book(user, { slot_id: slots[0]!.id, pathway_id: p.id, booked_on: day });
    const attended = await app.http.post(`/api/booking/appointments/${a.id}/outcome`, { version: a.version, outcome: 'attended', clinic_outcome: 'follow_up' }, as(user));
    expect(attended.status).toBe(200);

    const trail = await app.http.get(`/api/audit?table=appointments&row_id=${a.id}`, as(user));
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'insert']);
    expect(trail.body.items[0].after).toMatchObject({ status: 'attended', version: 2 });
    expect((await app.http.get(`/api/audit?table=clinic_slots&row_id=${slots[2]!.id}`, as(user))).body.items.map((e: { action: string }) => e.action)).toEqual(['insert']);

    const exported = await app.db.asUser(user.claims, (tx) => app.server.services.booking.exportFor(tx, user.id));
    expect(exported.clinic_templates.map((x) => x.id)).toEqual([c.id]);
    expect(exported.clinic_slots.map((s) => [s.id, s.status])).toEqual(slots.map((s, i) => [s.id, i === 0 ? 'booked' : 'free']));
    expect(exported.appointments).toEqual([expect.objectContaining({ id: a.id, status: 'attended', clinic_outcome: 'follow_up', rtt_event_ids: attended.body.appointment.rtt_event_ids })]);
    // The same sections in the downloadable document.
    const doc = await app.http.get('/api/portfolio/export', as(user));
    expect(doc.status).toBe(200);
    expect(JSON.parse(doc.text)).toMatchObject({
      clinic_templates: [expect.objectContaining({ id: c.id, capacity: 3 })],
      appointments: [expect.objectContaining({ id: a.id, status: 'attended' })],
    });
    expect(JSON.parse(doc.text).clinic_slots).toHaveLength(3);
    // Someone else's transaction exports none of it.
    const foreign = await app.db.asUser(other.claims, (tx) => app.server.services.booking.exportFor(tx, user.id));
    expect(foreign).toEqual({ clinic_templates: [], clinic_slots: [], appointments: [] });

    expect((await app.http.delete('/api/auth/me', { password: user.password }, as(user))).status).toBe(204);
    for (const table of ['clinic_templates', 'clinic_slots', 'appointments']) {
      const left = await app.db.query<{ n: number }>(`select count(*)::int as n from public.${table} where user_id = $1`, [user.id]);
      expect(left.rows[0]!.n, table).toBe(0);
    }
  });
});
