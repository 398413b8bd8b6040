import { describe, expect, it } from 'vitest';
import { CLINIC_OUTCOMES } from '../../../server/src/contract/booking.js';
import {
  bookingEvents,
  bookingNote,
  CLINIC_OUTCOME_EVENTS,
  outcomeEvents,
  settleOutcome,
  type BookedAppointment,
  type SettledOutcome,
} from '../../../server/src/domains/booking/outcomes.js';
import { computeClock } from '../../../server/src/domains/ptl/clock.js';

const ID = '00000000-0000-4000-8000-000000000001';
const TODAY = '2026-03-20';
const first: BookedAppointment = { id: ID, date: '2026-03-02', kind: 'new', booked_on: '2026-02-10', communicated: true };
const followUp: BookedAppointment = { ...first, kind: 'follow_up' };

function settled(a: BookedAppointment, input: Parameters<typeof settleOutcome>[1], today = TODAY): SettledOutcome {
  const r = settleOutcome(a, input, today);
  if ('problems' in r) throw new Error(JSON.stringify(r.problems));
  return r.outcome;
}
const problems = (a: BookedAppointment, input: Parameters<typeof settleOutcome>[1], today = TODAY) => {
  const r = settleOutcome(a, input, today);
  return 'problems' in r ? r.problems.map((p) => p.path) : [];
};
const types = (events: { event_type: string; event_date: string }[]) => events.map((e) => `${e.event_type} ${e.event_date}`);

describe('appointment changes → PTL events (the contract’s table)', () => {
  it('every event carries the note booking:<appointment id>', () => {
    const all = [
      ...bookingEvents(first, 'nullified'),
      ...outcomeEvents(first, settled(first, { outcome: 'attended', clinic_outcome: 'treatment_started' })),
      ...outcomeEvents(first, settled(first, { outcome: 'dna', discharge_date: '2026-03-05' })),
      ...outcomeEvents(first, settled(first, { outcome: 'hospital_cancelled', outcome_date: '2026-02-20' })),
    ];
    expect(all.length).toBeGreaterThan(4);
    for (const e of all) expect(e.note).toBe(bookingNote(ID));
    expect(bookingNote(ID)).toBe(`booking:${ID}`);
  });

  it('a booking while the clock is nullified restarts it from booked_on; otherwise a booking writes nothing', () => {
    expect(types(bookingEvents(first, 'nullified'))).toEqual(['rebooked_after_dna 2026-02-10']);
    expect(bookingEvents(first, 'nullified', 'outcome_date')[0]!.field).toBe('outcome_date');
    expect(bookingEvents(first, 'running')).toEqual([]);
    expect(bookingEvents(first, 'stopped')).toEqual([]);
  });

  it('attended: outpatient_attended on the slot date, plus the clinic outcome’s own event', () => {
    expect(types(outcomeEvents(first, settled(first, { outcome: 'attended' })))).toEqual(['outpatient_attended 2026-03-02']);
    expect(types(outcomeEvents(first, settled(first, { outcome: 'attended', clinic_outcome: 'follow_up' })))).toEqual(['outpatient_attended 2026-03-02']);
    const second = Object.fromEntries(
      CLINIC_OUTCOMES.map((c) => [c, outcomeEvents(first, settled(first, { outcome: 'attended', clinic_outcome: c })).slice(1).map((e) => e.event_type)]),
    );
    expect(second).toEqual({
      follow_up: [],
      decision_to_admit: ['decision_to_admit'],
      treatment_started: ['treatment_outpatient'],
      active_monitoring_patient: ['active_monitoring_patient'],
      active_monitoring_clinician: ['active_monitoring_clinician'],
      no_treatment_needed: ['decision_not_to_treat'],
      patient_declined_treatment: ['patient_declined_treatment'],
    });
    expect(Object.keys(CLINIC_OUTCOME_EVENTS).sort()).toEqual([...CLINIC_OUTCOMES].sort());
  });

  it('dna: a new slot is a first-appointment DNA carrying `communicated`; a follow-up slot a later DNA; a discharge adds its own event', () => {
    const dna = outcomeEvents(first, settled(first, { outcome: 'dna' }));
    expect(types(dna)).toEqual(['first_appointment_dna 2026-03-02']);
    expect(dna[0]!.appointment_communicated).toBe(true);
    const uncommunicated = { ...first, communicated: false };
    expect(outcomeEvents(uncommunicated, settled(uncommunicated, { outcome: 'dna' }))[0]!.appointment_communicated).toBe(false);
    expect(types(outcomeEvents(followUp, settled(followUp, { outcome: 'dna' })))).toEqual(['later_appointment_dna 2026-03-02']);
    expect(types(outcomeEvents(followUp, settled(followUp, { outcome: 'dna', discharge_date: '2026-03-09' })))).toEqual([
      'later_appointment_dna 2026-03-02',
      'discharged_after_dna 2026-03-09',
    ]);
  });

  it('cancellations: the same type on the day it was made (default today), never a DNA', () => {
    expect(types(outcomeEvents(first, settled(first, { outcome: 'patient_cancelled', outcome_date: '2026-03-02' })))).toEqual(['patient_cancelled 2026-03-02']);
    const lateToday = settled(first, { outcome: 'hospital_cancelled' }, '2026-02-25');
    expect(lateToday.outcome_date).toBe('2026-02-25');
    expect(types(outcomeEvents(first, lateToday))).toEqual(['hospital_cancelled 2026-02-25']);
  });
});

describe('settling an outcome’s dates (400s naming the field)', () => {
  it('attended and dna: the slot’s day must have come, and is the outcome date', () => {
    expect(settled(first, { outcome: 'attended' }).outcome_date).toBe('2026-03-02');
    expect(problems(first, { outcome: 'attended' }, '2026-03-01')).toEqual(['outcome']);
    expect(problems(first, { outcome: 'dna' }, '2026-03-01')).toEqual(['outcome']);
    expect(problems(first, { outcome: 'attended' }, '2026-03-02')).toEqual([]);
    expect(problems(first, { outcome: 'attended', outcome_date: '2026-03-03' })).toEqual(['outcome_date']);
    expect(problems(first, { outcome: 'attended', outcome_date: '2026-03-02' })).toEqual([]);
  });

  it('clinic outcome only when attended; discharge only after a DNA, on or after it and not in the future', () => {
    expect(problems(first, { outcome: 'dna', clinic_outcome: 'follow_up' })).toEqual(['clinic_outcome']);
    expect(problems(first, { outcome: 'patient_cancelled', clinic_outcome: 'follow_up', outcome_date: '2026-03-01' })).toEqual(['clinic_outcome']);
    expect(problems(first, { outcome: 'attended', discharge_date: '2026-03-05' })).toEqual(['discharge_date']);
    expect(problems(first, { outcome: 'dna', discharge_date: '2026-03-01' })).toEqual(['discharge_date']);
    expect(problems(first, { outcome: 'dna', discharge_date: '2026-03-21' })).toEqual(['discharge_date']);
    expect(settled(first, { outcome: 'dna', discharge_date: '2026-03-02' }).discharge_date).toBe('2026-03-02');
  });

  it('cancellations: between the booking and the appointment, never in the future', () => {
    expect(problems(first, { outcome: 'patient_cancelled', outcome_date: '2026-03-03' })).toEqual(['outcome_date']);
    expect(problems(first, { outcome: 'patient_cancelled', outcome_date: '2026-02-09' })).toEqual(['outcome_date']);
    expect(problems(first, { outcome: 'patient_cancelled', outcome_date: '2026-02-10' })).toEqual([]);
    // Today is after the appointment: the default (today) is refused, a date must be given.
    expect(problems(first, { outcome: 'hospital_cancelled' })).toEqual(['outcome_date']);
    const future = { ...first, date: '2026-04-01' };
    expect(problems(future, { outcome: 'patient_cancelled', outcome_date: '2026-03-21' })).toEqual(['outcome_date']);
  });
});

describe('what the PTL engine makes of them (§1.4, §1.5)', () => {
  const clock = (events: { event_type: string; event_date: string; appointment_communicated: boolean }[], pathway_type: 'routine' | '2ww' = 'routine') =>
    computeClock(
      {
        clock_start_date: '2026-01-05',
        pathway_type,
        events: events.map((e, i) => ({ id: `e${i}`, event_type: e.event_type as never, event_date: e.event_date, appointment_communicated: e.appointment_communicated })),
      },
      TODAY,
    ).clock;

  it('a communicated first-appointment DNA nullifies a routine clock; the rebooking starts a new one from booked_on', () => {
    const dna = outcomeEvents(first, settled(first, { outcome: 'dna' }));
    expect(clock(dna).state).toBe('nullified');
    const rebooked = { ...first, id: '00000000-0000-4000-8000-000000000002', booked_on: '2026-03-09', date: '2026-03-30' };
    const after = clock([...dna, ...bookingEvents(rebooked, 'nullified')]);
    expect(after).toMatchObject({ state: 'running', start_date: '2026-03-09' });
  });

  it('not nullified when not communicated, or on a 2ww pathway', () => {
    const uncommunicated = { ...first, communicated: false };
    expect(clock(outcomeEvents(uncommunicated, settled(uncommunicated, { outcome: 'dna' }))).state).toBe('running');
    expect(clock(outcomeEvents(first, settled(first, { outcome: 'dna' })), '2ww').state).toBe('running');
  });

  it('cancellations never stop the clock; treatment started at clinic stops it on the slot date', () => {
    for (const outcome of ['patient_cancelled', 'hospital_cancelled'] as const) {
      expect(clock(outcomeEvents(first, settled(first, { outcome, outcome_date: '2026-02-20' })))).toMatchObject({ state: 'running', start_date: '2026-01-05' });
    }
    expect(clock(outcomeEvents(first, settled(first, { outcome: 'attended', clinic_outcome: 'treatment_started' })))).toMatchObject({
      state: 'stopped',
      stop_date: '2026-03-02',
    });
  });
});
