import { describe, expect, it } from 'vitest';
import type { PathwayType, PtlEventType } from '../../../server/src/contract/ptl.js';
import {
  addDays,
  BREACH_DAYS,
  computeClock,
  daysBetween,
  monthlyBand,
  waitGroup,
  type ClockEvent,
} from '../../../server/src/domains/ptl/clock.js';

// Figures and dates below come from shared/domain/nhs-waiting-times.md; the section is named on
// each test. Where the document leaves a date out, the test says which one it made up.

const ev = (id: string, event_type: PtlEventType, event_date: string, appointment_communicated = true): ClockEvent => ({
  id,
  event_type,
  event_date,
  appointment_communicated,
});

const clockOf = (start: string, events: ClockEvent[], today: string, pathway_type: PathwayType = 'routine') =>
  computeClock({ clock_start_date: start, pathway_type, events }, today);

describe('dates', () => {
  it('counts whole calendar days, the start being day 0', () => {
    expect(daysBetween('2025-01-06', '2025-01-06')).toBe(0);
    expect(daysBetween('2025-01-06', '2025-03-31')).toBe(84);
    expect(daysBetween('2025-03-31', '2025-01-06')).toBe(-84);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2); // leap year
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    // Across the clocks going forward in spring: calendar days, not 24-hour spans.
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-01-06', 126)).toBe('2025-05-12');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01'); // not a leap year
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29'); // but this is
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('rejects dates that are not YYYY-MM-DD or not on the calendar', () => {
    expect(() => daysBetween('2025-1-06', '2025-01-06')).toThrow(RangeError);
    expect(() => addDays('2025-02-29', 0)).toThrow(RangeError);
    expect(() => addDays('2025-13-01', 0)).toThrow(RangeError);
    expect(() => addDays('06/01/2025', 0)).toThrow(RangeError);
  });
});

describe('§1.8 bands, groups and breach dates', () => {
  it('band boundaries: 0–7 "0-1", 8–14 ">1-2", 120–126 ">17-18", 358–364 ">51-52", 729+ "104+"', () => {
    for (let d = 0; d <= 7; d++) expect(monthlyBand(d)).toBe('0-1');
    for (let d = 8; d <= 14; d++) expect(monthlyBand(d)).toBe('>1-2');
    for (let d = 120; d <= 126; d++) expect(monthlyBand(d)).toBe('>17-18');
    expect(monthlyBand(127)).toBe('>18-19');
    for (let d = 358; d <= 364; d++) expect(monthlyBand(d)).toBe('>51-52');
    expect(monthlyBand(365)).toBe('>52-53');
    expect(monthlyBand(728)).toBe('>103-104');
    expect(monthlyBand(729)).toBe('104+');
    expect(monthlyBand(5000)).toBe('104+');
  });

  it('wait groups: "more than N weeks" is more than 7·N days', () => {
    expect([126, 127, 364, 365, 455, 456, 546, 547, 728, 729].map(waitGroup)).toEqual([
      '0-18', '18-52', '18-52', '52-65', '52-65', '65-78', '65-78', '78-104', '78-104', '104+',
    ]);
    expect(BREACH_DAYS).toBe(126);
  });

  it('verified example: start 2025-01-06, day 126 within, day 127 breached, long-wait dates, census 2025-03-31', () => {
    const at = (today: string) => clockOf('2025-01-06', [], today).clock;

    expect(at('2025-05-12')).toMatchObject({ days_waited: 126, breached: false, wait_group: '0-18', breach_date: '2025-05-13' });
    expect(at('2025-05-13')).toMatchObject({ days_waited: 127, breached: true, wait_group: '18-52' });

    expect(at('2026-01-05').wait_group).toBe('18-52');
    expect(at('2026-01-06').wait_group).toBe('52-65');
    expect(at('2026-04-06').wait_group).toBe('52-65');
    expect(at('2026-04-07').wait_group).toBe('65-78');
    expect(at('2026-07-06').wait_group).toBe('65-78');
    expect(at('2026-07-07').wait_group).toBe('78-104');
    expect(at('2027-01-04').wait_group).toBe('78-104');
    expect(at('2027-01-05').wait_group).toBe('104+');

    expect(at('2025-03-31')).toMatchObject({ state: 'running', days_waited: 84, band: '>11-12', weeks_waited: 12 });
  });
});

describe('§1.11 worked examples', () => {
  it('1: routine admitted pathway — 161 days, band ">22-23", breached on 2025-05-13', () => {
    const { clock, periods } = clockOf(
      '2025-01-06',
      [ev('opa', 'outpatient_attended', '2025-02-03'), ev('dta', 'decision_to_admit', '2025-02-03'), ev('adm', 'treatment_admitted', '2025-06-16')],
      '2025-07-31',
    );
    expect(clock).toMatchObject({
      state: 'stopped',
      start_date: '2025-01-06',
      stop_date: '2025-06-16',
      days_waited: 161,
      weeks_waited: 23,
      band: '>22-23',
      breach_date: '2025-05-13',
      breached: true,
      on_ptl: true,
      warnings: [],
    });
    expect(clock.explanation).toMatchObject({ event_id: 'adm', event_type: 'treatment_admitted', rtt_status: '30', date: '2025-06-16' });
    expect(clock.explanation.text).toContain('admission date');
    expect(periods).toHaveLength(1);
    expect(periods[0]?.started_by).toMatchObject({ event_id: null, event_type: 'clock_start', rtt_status: '10', date: '2025-01-06' });
  });

  describe('2: first-appointment DNA', () => {
    const nullified = [ev('dna', 'first_appointment_dna', '2025-02-03')];

    it('a communicated first appointment missed nullifies the clock; its 28 days count nowhere', () => {
      const { clock, periods } = clockOf('2025-01-06', nullified, '2025-02-07');
      expect(clock).toMatchObject({ state: 'nullified', start_date: '2025-01-06', stop_date: '2025-02-03', days_waited: 28, breached: false });
      expect(clock.explanation).toMatchObject({ event_id: 'dna', rtt_status: '33' });
      expect(clock.explanation.text).toContain('excluded from all counts');
      expect(periods).toEqual([expect.objectContaining({ state: 'nullified', days_waited: 28 })]);
    });

    it('the patient rebooks 2025-02-10: new clock from 2025-02-10, last compliant day 2025-06-16, breach 2025-06-17', () => {
      const events = [...nullified, ev('call', 'rebooked_after_dna', '2025-02-10')];
      const within = clockOf('2025-01-06', events, '2025-06-16');
      expect(within.clock).toMatchObject({ state: 'running', start_date: '2025-02-10', days_waited: 126, breached: false, breach_date: '2025-06-17' });
      expect(within.clock.explanation).toMatchObject({ event_id: 'call', event_type: 'rebooked_after_dna', rtt_status: '10' });
      expect(within.periods.map((p) => [p.state, p.start_date, p.stop_date])).toEqual([
        ['nullified', '2025-01-06', '2025-02-03'],
        ['running', '2025-02-10', null],
      ]);
      expect(clockOf('2025-01-06', events, '2025-06-17').clock).toMatchObject({ days_waited: 127, breached: true });
    });

    it('had the consultant decided to re-offer on 2025-02-05, the new clock starts 2025-02-05 (the earlier date wins)', () => {
      // Recorded in the order the trust heard about them: the call first, the earlier decision later.
      const events = [...nullified, ev('call', 'rebooked_after_dna', '2025-02-10'), ev('reoffer', 'clinician_reoffer_after_dna', '2025-02-05')];
      const { clock, periods } = clockOf('2025-01-06', events, '2025-03-01');
      expect(clock).toMatchObject({ state: 'running', start_date: '2025-02-05', breach_date: '2025-06-12', warnings: [] });
      expect(clock.explanation).toMatchObject({ event_id: 'reoffer', event_type: 'clinician_reoffer_after_dna' });
      expect(periods).toHaveLength(2);
    });
  });

  describe('3: later DNA (same patient, after the rebooked clock of example 2)', () => {
    // The attended first appointment on 2025-02-24 is made up: a follow-up needs a first visit.
    const base = [
      ev('dna1', 'first_appointment_dna', '2025-02-03'),
      ev('call', 'rebooked_after_dna', '2025-02-10'),
      ev('opa', 'outpatient_attended', '2025-02-24'),
      ev('fu', 'later_appointment_dna', '2025-03-10'),
    ];

    it('the trust rebooks: the clock is unchanged', () => {
      const { clock } = clockOf('2025-01-06', base, '2025-04-01');
      expect(clock).toMatchObject({ state: 'running', start_date: '2025-02-10', days_waited: 50, warnings: [] });
      expect(clock.explanation.event_id).toBe('call');
    });

    it('discharge under the DNA policy stops the clock (34) on the missed appointment by default', () => {
      const events = [...base, ev('dis', 'discharged_after_dna', '2025-03-17')];
      const { clock } = clockOf('2025-01-06', events, '2025-04-01');
      expect(clock).toMatchObject({ state: 'stopped', start_date: '2025-02-10', stop_date: '2025-03-10', days_waited: 28, warnings: [] });
      expect(clock.explanation).toMatchObject({ event_id: 'dis', event_type: 'discharged_after_dna', rtt_status: '34', date: '2025-03-17' });
      expect(clock.explanation.text).toContain('2025-03-10');
    });

    it('… or on the discharge date when the trust chooses that setting', () => {
      const events = [...base, ev('dis', 'discharged_after_dna', '2025-03-17')];
      const input = { clock_start_date: '2025-01-06', pathway_type: 'routine' as const, events };
      const { clock } = computeClock(input, '2025-04-01', { laterDnaStopDate: 'discharge' });
      expect(clock).toMatchObject({ state: 'stopped', stop_date: '2025-03-17', days_waited: 35 });
      expect(computeClock(input, '2025-04-01', { laterDnaStopDate: 'missed_appointment' }).clock.stop_date).toBe('2025-03-10');
    });
  });

  it('4: hospital cancellation — the TCI cancelled for lack of theatre (even after admission) changes nothing', () => {
    // Treatment date 2025-04-22 is made up.
    const events = [
      ev('dta', 'decision_to_admit', '2025-02-03'),
      ev('cancel', 'hospital_cancelled', '2025-04-01'),
      ev('ant', 'admitted_not_treated', '2025-04-01'),
    ];
    const waiting = clockOf('2025-01-06', events, '2025-04-15').clock;
    expect(waiting).toMatchObject({ state: 'running', start_date: '2025-01-06', days_waited: 99, warnings: [] });
    expect(waiting.explanation.event_type).toBe('clock_start');

    const treated = clockOf('2025-01-06', [...events, ev('adm', 'treatment_admitted', '2025-04-22')], '2025-05-01').clock;
    expect(treated).toMatchObject({ state: 'stopped', stop_date: '2025-04-22', days_waited: 106 });
    expect(treated.explanation.event_id).toBe('adm');
  });

  it('5: two declined TCIs, clinician-initiated active monitoring (32, stop), then "ready" starts a new clock (11) from 2025-07-01', () => {
    // Clock start 2025-01-06 is made up; the declined offers are recorded as patient cancellations.
    const events = [
      ev('dta', 'decision_to_admit', '2025-03-03'),
      ev('decline1', 'patient_cancelled', '2025-04-07'),
      ev('decline2', 'patient_cancelled', '2025-05-12'),
      ev('am', 'active_monitoring_clinician', '2025-05-15'),
      ev('ready', 'decision_to_treat_after_monitoring', '2025-07-01'),
    ];
    const onMonitoring = clockOf('2025-01-06', events.slice(0, 4), '2025-06-01');
    expect(onMonitoring.clock).toMatchObject({ state: 'stopped', stop_date: '2025-05-15', days_waited: 129 });
    expect(onMonitoring.clock.explanation).toMatchObject({ event_id: 'am', rtt_status: '32' });

    const { clock, periods } = clockOf('2025-01-06', events, '2025-07-15');
    expect(clock).toMatchObject({ state: 'running', start_date: '2025-07-01', days_waited: 14, breach_date: '2025-11-05', breached: false, warnings: [] });
    expect(clock.explanation).toMatchObject({ event_id: 'ready', event_type: 'decision_to_treat_after_monitoring', rtt_status: '11' });
    expect(periods.map((p) => [p.state, p.start_date, p.stop_date, p.ended_by?.rtt_status ?? null])).toEqual([
      ['stopped', '2025-01-06', '2025-05-15', '32'],
      ['running', '2025-07-01', null, null],
    ]);
  });

  it('6: an 8-week requested delay with no agreement to monitor — the clock keeps running; review needed over 6 weeks', () => {
    const { clock } = clockOf('2025-01-06', [ev('delay', 'patient_requested_delay', '2025-03-03')], '2025-05-01');
    expect(clock).toMatchObject({ state: 'running', start_date: '2025-01-06', days_waited: 115 });
    expect(clock.explanation.event_type).toBe('clock_start');
    expect(clock.warnings).toHaveLength(1);
    expect(clock.warnings[0]).toMatch(/6 weeks/);
    expect(clock.warnings[0]).toMatch(/clinical review/);
  });

  describe('7: inter-provider transfer', () => {
    it('Trust A records 21: the clock runs on from 2025-01-02 but leaves its PTL', () => {
      const { clock, periods } = clockOf('2025-01-02', [ev('xfer', 'transferred_out', '2025-01-28')], '2025-03-01');
      expect(clock).toMatchObject({ state: 'running', start_date: '2025-01-02', stop_date: null, days_waited: 58, on_ptl: false });
      expect(clock.explanation).toMatchObject({ event_id: 'xfer', rtt_status: '21' });
      expect(clock.explanation.text).toMatch(/keeps running there from the original start 2025-01-02/);
      expect(periods).toHaveLength(1);
    });

    it('Trust B, which received it on 2025-01-28, reports the start as 2025-01-02', () => {
      const { clock } = clockOf('2025-01-02', [ev('seen', 'outpatient_attended', '2025-02-10')], '2025-03-01');
      expect(clock).toMatchObject({ state: 'running', start_date: '2025-01-02', days_waited: 58, on_ptl: true });
    });
  });

  it('8: bilateral — left eye admission 2025-03-01 (30); fit for the right eye 2025-05-01 starts a new clock', () => {
    // First clock start 2024-11-04 is made up.
    const { clock, periods } = clockOf(
      '2024-11-04',
      [ev('left', 'treatment_admitted', '2025-03-01'), ev('right', 'new_period_second_side', '2025-05-01')],
      '2025-05-20',
    );
    expect(clock).toMatchObject({ state: 'running', start_date: '2025-05-01', days_waited: 19, breach_date: '2025-09-05' });
    expect(clock.explanation).toMatchObject({ event_id: 'right', event_type: 'new_period_second_side', rtt_status: '10' });
    expect(periods.map((p) => [p.state, p.start_date, p.stop_date, p.days_waited])).toEqual([
      ['stopped', '2024-11-04', '2025-03-01', 117],
      ['running', '2025-05-01', null, 19],
    ]);
  });
});

describe('§1.12 misconceptions are handled correctly', () => {
  it('active monitoring is a stop, not a pause, and 11 starts a new clock at zero rather than resuming', () => {
    const { clock, periods } = clockOf(
      '2025-01-06',
      [ev('am', 'active_monitoring_patient', '2025-03-03'), ev('dtt', 'decision_to_treat_after_monitoring', '2025-06-02')],
      '2025-06-02',
    );
    expect(periods[0]).toMatchObject({ state: 'stopped', stop_date: '2025-03-03', days_waited: 56 });
    expect(periods[0]?.ended_by?.rtt_status).toBe('31');
    expect(clock).toMatchObject({ state: 'running', start_date: '2025-06-02', days_waited: 0 });
  });

  it('a patient-requested delay subtracts nothing from the wait', () => {
    const without = clockOf('2025-01-06', [], '2025-06-01').clock;
    const withDelay = clockOf('2025-01-06', [ev('delay', 'patient_requested_delay', '2025-02-01')], '2025-06-01').clock;
    expect(withDelay.days_waited).toBe(without.days_waited);
    expect(withDelay.start_date).toBe('2025-01-06');
  });

  it('code 10 is not the clock start: the referral receipt is', () => {
    const { clock } = clockOf('2025-01-06', [ev('opa', 'outpatient_attended', '2025-02-03')], '2025-02-10');
    expect(clock.start_date).toBe('2025-01-06');
    expect(clock.days_waited).toBe(35);
    expect(clock.explanation).toMatchObject({ event_type: 'clock_start', rtt_status: '10' });
    expect(clock.explanation.text).toMatch(/Code 10 marks the first activity/);
    expect(clock.explanation.text).toMatch(/referral receipt/);
  });

  it('a short-notice patient cancellation of the first appointment is not a DNA', () => {
    const { clock, periods } = clockOf('2025-01-06', [ev('cx', 'patient_cancelled', '2025-02-03')], '2025-02-10');
    expect(clock).toMatchObject({ state: 'running', start_date: '2025-01-06', days_waited: 35, warnings: [] });
    expect(periods).toHaveLength(1);
  });

  it('two later DNAs do not discharge the patient by themselves', () => {
    const { clock } = clockOf(
      '2025-01-06',
      [ev('opa', 'outpatient_attended', '2025-02-03'), ev('dna1', 'later_appointment_dna', '2025-03-03'), ev('dna2', 'later_appointment_dna', '2025-04-07')],
      '2025-05-01',
    );
    expect(clock).toMatchObject({ state: 'running', start_date: '2025-01-06', days_waited: 115 });
    expect(clock.explanation.event_type).toBe('clock_start');
  });

  it("an unfit patient's clock keeps running (admitted but not treated)", () => {
    const { clock } = clockOf(
      '2025-01-06',
      [ev('dta', 'decision_to_admit', '2025-02-03'), ev('unfit', 'admitted_not_treated', '2025-04-01')],
      '2025-06-01',
    );
    expect(clock).toMatchObject({ state: 'running', start_date: '2025-01-06', days_waited: 146, breached: true });
  });
});

describe('first-appointment DNA conditions (§1.5)', () => {
  it.each(['2ww', '62day'] as const)('on a %s pathway the clock continues, with a warning saying why', (pathway) => {
    const { clock, periods } = clockOf('2025-01-06', [ev('dna', 'first_appointment_dna', '2025-01-15')], '2025-02-01', pathway);
    expect(clock).toMatchObject({ state: 'running', start_date: '2025-01-06', days_waited: 26 });
    expect(periods).toHaveLength(1);
    expect(clock.warnings).toEqual([expect.stringContaining('suspected-cancer pathway')]);
    expect(clock.warnings[0]).toContain('dna');
  });

  it('urgent pathways follow the routine rule', () => {
    expect(clockOf('2025-01-06', [ev('dna', 'first_appointment_dna', '2025-01-15')], '2025-02-01', 'urgent').clock.state).toBe('nullified');
  });

  it('an appointment the trust cannot show was communicated does not nullify', () => {
    const { clock } = clockOf('2025-01-06', [ev('dna', 'first_appointment_dna', '2025-02-03', false)], '2025-03-01');
    expect(clock).toMatchObject({ state: 'running', start_date: '2025-01-06', days_waited: 54 });
    expect(clock.warnings).toEqual([expect.stringContaining('cannot show the appointment was clearly communicated')]);
  });

  it('a "first" DNA after the patient had attended is really a later DNA: the clock continues', () => {
    const { clock } = clockOf(
      '2025-01-06',
      [ev('opa', 'outpatient_attended', '2025-02-03'), ev('dna', 'first_appointment_dna', '2025-03-03')],
      '2025-04-01',
    );
    expect(clock.state).toBe('running');
    expect(clock.warnings).toEqual([expect.stringContaining('had already attended on 2025-02-03 (event opa)')]);
  });

  it('an attendance recorded on the same day but after the DNA does not stop the nullification', () => {
    const { clock } = clockOf(
      '2025-01-06',
      [ev('dna', 'first_appointment_dna', '2025-02-03'), ev('opa', 'outpatient_attended', '2025-02-03')],
      '2025-04-01',
    );
    expect(clock.state).toBe('nullified');
  });

  it('a rebooking only restarts a nullified clock; after any other stop it is a warning', () => {
    const { clock } = clockOf(
      '2025-01-06',
      [ev('tx', 'treatment_outpatient', '2025-02-03'), ev('call', 'rebooked_after_dna', '2025-02-10')],
      '2025-03-01',
    );
    expect(clock).toMatchObject({ state: 'stopped', stop_date: '2025-02-03' });
    expect(clock.explanation.event_id).toBe('tx');
    expect(clock.warnings).toEqual([expect.stringContaining('only after a nullified first-appointment DNA')]);
  });
});

describe('discharge after a later DNA (§1.5 setting)', () => {
  it('a care activity after the missed appointment means the discharge is not against it: stop on the discharge date', () => {
    const { clock } = clockOf(
      '2025-01-06',
      [
        ev('opa', 'outpatient_attended', '2025-02-03'),
        ev('fu', 'later_appointment_dna', '2025-03-03'),
        ev('scan', 'diagnostics', '2025-03-10'),
        ev('dis', 'discharged_after_dna', '2025-03-17'),
      ],
      '2025-04-01',
    );
    expect(clock).toMatchObject({ state: 'stopped', stop_date: '2025-03-17' });
    expect(clock.warnings).toEqual([expect.stringContaining('no missed appointment recorded since the patient was last seen')]);
  });

  it('the most recent of several missed appointments is the stop date', () => {
    const { clock } = clockOf(
      '2025-01-06',
      [
        ev('opa', 'outpatient_attended', '2025-02-03'),
        ev('fu1', 'later_appointment_dna', '2025-03-03'),
        ev('fu2', 'later_appointment_dna', '2025-04-07'),
        ev('dis', 'discharged_after_dna', '2025-04-14'),
      ],
      '2025-05-01',
    );
    expect(clock).toMatchObject({ state: 'stopped', stop_date: '2025-04-07', days_waited: 91 });
  });

  it('a missed appointment that was not shown to be communicated is flagged', () => {
    const { clock } = clockOf(
      '2025-01-06',
      [ev('opa', 'outpatient_attended', '2025-02-03'), ev('fu', 'later_appointment_dna', '2025-03-03', false), ev('dis', 'discharged_after_dna', '2025-03-10')],
      '2025-04-01',
    );
    expect(clock.state).toBe('stopped');
    expect(clock.warnings).toEqual([expect.stringContaining('cannot show was clearly communicated')]);
  });

  it('on a 2WW pathway the missed (not nullifying) first appointment is the one the discharge refers to', () => {
    const { clock } = clockOf(
      '2025-01-06',
      [ev('dna', 'first_appointment_dna', '2025-01-15'), ev('dis', 'discharged_after_dna', '2025-01-22')],
      '2025-02-01',
      '2ww',
    );
    expect(clock).toMatchObject({ state: 'stopped', stop_date: '2025-01-15', days_waited: 9 });
    expect(clock.explanation.event_id).toBe('dis');
  });
});

describe('transfer out (21)', () => {
  it('events recorded after the transfer still apply but are flagged; the pathway stays off this PTL', () => {
    const { clock } = clockOf(
      '2025-01-02',
      [ev('xfer', 'transferred_out', '2025-01-28'), ev('tx', 'treatment_admitted', '2025-03-03')],
      '2025-04-01',
    );
    expect(clock).toMatchObject({ state: 'stopped', stop_date: '2025-03-03', on_ptl: false });
    expect(clock.explanation.event_id).toBe('tx');
    expect(clock.warnings).toEqual([expect.stringContaining('after the pathway was transferred to another provider on 2025-01-28')]);
  });

  it('a transfer after the clock stopped changes nothing', () => {
    const { clock } = clockOf(
      '2025-01-02',
      [ev('tx', 'treatment_outpatient', '2025-01-28'), ev('xfer', 'transferred_out', '2025-02-03')],
      '2025-04-01',
    );
    expect(clock).toMatchObject({ state: 'stopped', on_ptl: true });
    expect(clock.warnings).toEqual([expect.stringContaining('no running clock to transfer')]);
  });
});

describe('rebooking after a nullified DNA', () => {
  it('a second rebooking of the same kind while the new clock runs is flagged and changes nothing', () => {
    const { clock } = clockOf(
      '2025-01-06',
      [ev('dna', 'first_appointment_dna', '2025-02-03'), ev('call1', 'rebooked_after_dna', '2025-02-10'), ev('call2', 'rebooked_after_dna', '2025-02-20')],
      '2025-03-01',
    );
    expect(clock).toMatchObject({ start_date: '2025-02-10' });
    expect(clock.explanation.event_id).toBe('call1');
    expect(clock.warnings).toEqual([expect.stringContaining('still running')]);
  });
});

describe('events that do not change the clock', () => {
  it('a stop after the clock has stopped is a warning naming the earlier stop', () => {
    const { clock, periods } = clockOf(
      '2025-01-06',
      [ev('tx', 'treatment_outpatient', '2025-02-03'), ev('dnt', 'decision_not_to_treat', '2025-03-03')],
      '2025-04-01',
    );
    expect(clock).toMatchObject({ state: 'stopped', stop_date: '2025-02-03', days_waited: 28 });
    expect(clock.explanation.event_id).toBe('tx');
    expect(clock.warnings).toEqual([expect.stringContaining('after the clock had already stopped on 2025-02-03 — check the pathway')]);
    expect(periods).toHaveLength(1);
  });

  it('a new-period event while the clock runs is a warning, not a restart', () => {
    const { clock, periods } = clockOf('2025-01-06', [ev('dtt', 'decision_to_treat_after_monitoring', '2025-03-03')], '2025-04-01');
    expect(clock).toMatchObject({ state: 'running', start_date: '2025-01-06', days_waited: 85 });
    expect(periods).toHaveLength(1);
    expect(clock.warnings).toEqual([expect.stringContaining('still running')]);
  });

  it('11 needs a stop by active monitoring; new_period_* needs a completed (not nullified) period', () => {
    const afterTreatment = clockOf('2025-01-06', [ev('tx', 'treatment_outpatient', '2025-02-03'), ev('dtt', 'decision_to_treat_after_monitoring', '2025-03-03')], '2025-04-01');
    expect(afterTreatment.clock.state).toBe('stopped');
    expect(afterTreatment.clock.warnings).toEqual([expect.stringContaining('31/32')]);

    const afterNullified = clockOf('2025-01-06', [ev('dna', 'first_appointment_dna', '2025-02-03'), ev('np', 'new_period_new_treatment', '2025-03-03')], '2025-04-01');
    expect(afterNullified.clock.state).toBe('nullified');
    expect(afterNullified.clock.warnings).toEqual([expect.stringContaining('nullified on 2025-02-03')]);

    const afterDeath = clockOf('2025-01-06', [ev('rip', 'patient_died', '2025-02-03'), ev('np', 'new_period_new_treatment', '2025-03-03')], '2025-04-01');
    expect(afterDeath.clock).toMatchObject({ state: 'stopped', stop_date: '2025-02-03' });
    expect(afterDeath.clock.explanation.rtt_status).toBe('36');
  });

  it('events after today and before the clock start are ignored with a warning', () => {
    const { clock } = clockOf(
      '2025-01-06',
      [ev('early', 'treatment_outpatient', '2025-01-05'), ev('late', 'treatment_outpatient', '2025-04-02')],
      '2025-04-01',
    );
    expect(clock).toMatchObject({ state: 'running', days_waited: 85 });
    expect(clock.warnings).toEqual([
      expect.stringContaining('Event early (treatment_outpatient) on 2025-01-05 is before the clock start'),
      expect.stringContaining('Event late (treatment_outpatient) is dated 2025-04-02, after today'),
    ]);
  });

  it('a clock start after today waits 0 days, with a warning', () => {
    const { clock } = clockOf('2025-05-01', [], '2025-04-01');
    expect(clock).toMatchObject({ state: 'running', days_waited: 0, weeks_waited: 0, band: '0-1' });
    expect(clock.warnings).toHaveLength(1);
  });
});

describe('stops and their codes', () => {
  it.each([
    ['treatment_outpatient', '30'],
    ['treatment_admitted', '30'],
    ['active_monitoring_patient', '31'],
    ['active_monitoring_clinician', '32'],
    ['decision_not_to_treat', '34'],
    ['added_to_transplant_list', '34'],
    ['discharged_after_dna', '34'],
    ['patient_declined_treatment', '35'],
    ['patient_died', '36'],
  ] as const)('%s stops the clock with %s and the explanation names it', (type, code) => {
    const { clock } = clockOf('2025-01-06', [ev('x1', 'outpatient_attended', '2025-01-20'), ev('stop', type, '2025-02-03')], '2025-03-01');
    expect(clock).toMatchObject({ state: 'stopped', stop_date: '2025-02-03', days_waited: 28 });
    expect(clock.explanation).toMatchObject({ event_id: 'stop', event_type: type, rtt_status: code, date: '2025-02-03' });
    expect(clock.explanation.text).toContain('2025-02-03');
    expect(clock.explanation.text).toContain(code);
  });

  it('a 4-week wait stopped before 18 weeks is not breached even when today is long after', () => {
    const { clock } = clockOf('2025-01-06', [ev('tx', 'treatment_outpatient', '2025-02-03')], '2026-02-03');
    expect(clock).toMatchObject({ days_waited: 28, breached: false, band: '>3-4', wait_group: '0-18' });
  });
});
