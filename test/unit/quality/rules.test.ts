// Each data quality rule alone (server/src/domains/quality/rules.ts), with its edges: the 126-day
// boundary, the breach window, inactive weeks, each status contradiction, duplicate grouping.
import { describe, expect, it } from 'vitest';
import type { PtlEventType } from '../../../server/src/contract/ptl.js';
import { cancerClocks, type ClockInput } from '../../../server/src/domains/cancer/clocks.js';
import { addDays, computeClock } from '../../../server/src/domains/ptl/clock.js';
import {
  breachedNoBooking,
  breachSoonNoBooking,
  cancerDateOrder,
  cancerFdsOverdue,
  cancerFindings,
  cancerLongWait104,
  clockWarning,
  duplicateOpenPathway,
  latestActivity,
  nhsNumberInvalid,
  nhsNumberMissing,
  noRecentActivity,
  ptlDateOrder,
  ptlFindings,
  scoreOf,
  statusContradictsClock,
  type AuditSettingsAt,
  type CancerFacts,
  type PtlFacts,
} from '../../../server/src/domains/quality/rules.js';

const AS_OF = '2026-06-01';
const S: AuditSettingsAt = { as_of: AS_OF, today: AS_OF, inactive_weeks: 12, soon_weeks: 4 };

/** A PTL pathway whose clock started `daysAgo` days before AS_OF, its clock from the real engine. */
function ptl(o: { daysAgo?: number; events?: [PtlEventType, string][]; status?: string; nhs?: string | null; id?: string; specialty?: string; lastActivity?: string; booked?: boolean; referral?: string } = {}): PtlFacts {
  const start = addDays(AS_OF, -(o.daysAgo ?? 10));
  const events = (o.events ?? []).map(([event_type, event_date], i) => ({ id: `e${i}`, event_type, event_date, appointment_communicated: true }));
  const { clock } = computeClock({ clock_start_date: start, pathway_type: 'routine', events: events.filter((e) => e.event_date <= AS_OF) }, AS_OF);
  return {
    id: o.id ?? 'p1',
    patient_id: 'PT-1',
    patient_name: 'Jane Doe',
    nhs_number: o.nhs === undefined ? '9434765919' : o.nhs,
    specialty: o.specialty ?? 'Urology',
    referral_date: o.referral ?? start,
    clock_start_date: start,
    current_status: o.status ?? 'awaiting_first_appointment',
    events,
    clock,
    last_activity: { date: o.lastActivity ?? start, kind: 'clock_start' },
    has_future_booking: o.booked ?? false,
  };
}

function cancer(o: Partial<ClockInput> & { id?: string; nhs?: string | null } = {}): CancerFacts {
  const input: ClockInput = {
    route: 'usc',
    referral_received_date: addDays(AS_OF, -10),
    upgrade_date: null,
    diagnosis: null,
    diagnosis_communicated_date: null,
    decision_to_treat_date: null,
    first_treatment_date: null,
    ...o,
  };
  return { id: o.id ?? 'c1', patient_id: 'CA-1', patient_name: 'Ann Lee', nhs_number: o.nhs === undefined ? '9990000018' : o.nhs, ...input, clocks: cancerClocks(input, AS_OF) };
}

const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule);

describe('NHS number', () => {
  it('missing: null or blank, on either kind of record', () => {
    expect(rules(nhsNumberMissing(ptl({ nhs: null }), 'ptl'))).toEqual(['nhs_number_missing']);
    expect(nhsNumberMissing(ptl({ nhs: '  ' }), 'cancer')[0]).toMatchObject({ severity: 'warning', target: { type: 'cancer', id: 'p1', label: 'Jane Doe (PT-1)' } });
    expect(nhsNumberMissing(ptl(), 'ptl')).toEqual([]);
  });
  it('invalid: fails Modulus 11 (transposed digits, the 10 rule, all zeros); missing is not invalid', () => {
    for (const bad of ['9434765991', '1234567890', '0000000000', '9876544321']) expect(rules(nhsNumberInvalid(ptl({ nhs: bad }), 'ptl'))).toEqual(['nhs_number_invalid']);
    for (const good of ['9434765919', '9990000018', '9876543210']) expect(nhsNumberInvalid(ptl({ nhs: good }), 'ptl')).toEqual([]);
    expect(nhsNumberInvalid(ptl({ nhs: null }), 'ptl')).toEqual([]);
    expect(nhsNumberInvalid(ptl({ nhs: '9434765991' }), 'ptl')[0]!.severity).toBe('error');
  });
});

describe('date_order', () => {
  it('PTL: an event before the clock start, a future event, a future referral, a clock start before the referral — one finding listing each', () => {
    expect(ptlDateOrder(ptl({ events: [['outpatient_attended', addDays(AS_OF, -5)]] }), S)).toEqual([]);
    const before = ptlDateOrder(ptl({ daysAgo: 10, events: [['outpatient_attended', addDays(AS_OF, -11)]] }), S);
    expect(before).toHaveLength(1);
    expect(before[0]!.message).toContain('before the clock start');
    expect(ptlDateOrder(ptl({ events: [['outpatient_attended', addDays(AS_OF, 1)]] }), S)[0]!.message).toContain('in the future');
    expect(ptlDateOrder(ptl({ daysAgo: -3 }), S)[0]!.message).toMatch(/referral date .* is in the future; the clock start .* is in the future/);
    expect(ptlDateOrder(ptl({ referral: addDays(AS_OF, -5), daysAgo: 8 }), S)[0]!.message).toContain('before the referral');
    // "Future" is after the day of the run, not after the census date: a past census leaves later events alone.
    expect(ptlDateOrder(ptl({ events: [['outpatient_attended', addDays(AS_OF, 1)]] }), { ...S, today: addDays(AS_OF, 5) })).toEqual([]);
  });
  it('cancer: future dates and the contract’s order (as rows written in SQL could hold)', () => {
    expect(cancerDateOrder(cancer({ decision_to_treat_date: addDays(AS_OF, -2), first_treatment_date: AS_OF }), S)).toEqual([]);
    expect(cancerDateOrder(cancer({ diagnosis: 'cancer', diagnosis_communicated_date: addDays(AS_OF, 2) }), S)[0]!.message).toContain('in the future');
    const raw = (o: Partial<CancerFacts>): CancerFacts => ({ ...cancer(), ...o });
    expect(cancerDateOrder(raw({ first_treatment_date: addDays(AS_OF, -1) }), S)[0]!.message).toContain('no decision to treat');
    expect(cancerDateOrder(raw({ decision_to_treat_date: addDays(AS_OF, -1), first_treatment_date: addDays(AS_OF, -3) }), S)[0]!.message).toContain('after the first treatment');
    expect(cancerDateOrder(raw({ decision_to_treat_date: addDays(AS_OF, -20) }), S)[0]!.message).toContain('before the referral');
    expect(cancerDateOrder(raw({ diagnosis: 'ruled_out', diagnosis_communicated_date: addDays(AS_OF, -5), decision_to_treat_date: addDays(AS_OF, -2) }), S)[0]!.message).toContain('after cancer was ruled out');
  });
});

describe('breached_no_booking: running, more than 126 days, nothing booked from as_of', () => {
  it('126 days is within 18 weeks; 127 is over', () => {
    expect(breachedNoBooking(ptl({ daysAgo: 126 }))).toEqual([]);
    expect(rules(breachedNoBooking(ptl({ daysAgo: 127 })))).toEqual(['breached_no_booking']);
  });
  it('a booking or a stopped clock clears it', () => {
    expect(breachedNoBooking(ptl({ daysAgo: 200, booked: true }))).toEqual([]);
    expect(breachedNoBooking(ptl({ daysAgo: 200, events: [['treatment_outpatient', addDays(AS_OF, -1)]] }))).toEqual([]);
  });
});

describe('breach_soon_no_booking: breach date in (as_of, as_of + 7·soon_weeks]', () => {
  it('the window’s edges', () => {
    // breach date = start + 127: 126 days waited → breach tomorrow (in the window); 127 → today (out: already breached).
    expect(rules(breachSoonNoBooking(ptl({ daysAgo: 126 }), S))).toEqual(['breach_soon_no_booking']);
    expect(breachSoonNoBooking(ptl({ daysAgo: 127 }), S)).toEqual([]);
    // 4 weeks: breach on as_of + 28 is in; as_of + 29 is out.
    expect(rules(breachSoonNoBooking(ptl({ daysAgo: 127 - 28 }), S))).toEqual(['breach_soon_no_booking']);
    expect(breachSoonNoBooking(ptl({ daysAgo: 127 - 29 }), S)).toEqual([]);
    expect(rules(breachSoonNoBooking(ptl({ daysAgo: 127 - 29 }), { ...S, soon_weeks: 5 }))).toEqual(['breach_soon_no_booking']);
  });
  it('a booking or a stopped clock clears it', () => {
    expect(breachSoonNoBooking(ptl({ daysAgo: 120, booked: true }), S)).toEqual([]);
    expect(breachSoonNoBooking(ptl({ daysAgo: 120, events: [['decision_not_to_treat', addDays(AS_OF, -1)]] }), S)).toEqual([]);
  });
});

describe('no_recent_activity: nothing within 7·inactive_weeks days', () => {
  it('84 days since the last activity is within 12 weeks; 85 is not', () => {
    expect(noRecentActivity(ptl({ daysAgo: 200, lastActivity: addDays(AS_OF, -84) }), S)).toEqual([]);
    const found = noRecentActivity(ptl({ daysAgo: 200, lastActivity: addDays(AS_OF, -85) }), S);
    expect(rules(found)).toEqual(['no_recent_activity']);
    expect(found[0]!.message).toContain('85 days');
    expect(noRecentActivity(ptl({ daysAgo: 200, lastActivity: addDays(AS_OF, -85) }), { ...S, inactive_weeks: 13 })).toEqual([]);
  });
  it('only running clocks', () => {
    expect(noRecentActivity(ptl({ daysAgo: 300, events: [['treatment_admitted', addDays(AS_OF, -200)]], lastActivity: addDays(AS_OF, -200) }), S)).toEqual([]);
  });
  it('latestActivity picks the latest of clock start, event, appointment and validation', () => {
    expect(latestActivity([{ date: '2026-01-01', kind: 'clock_start' }, { date: null, kind: 'event' }, { date: '2026-03-01', kind: 'validation' }, { date: '2026-02-01', kind: 'appointment' }])).toEqual({ date: '2026-03-01', kind: 'validation' });
    expect(latestActivity([{ date: '2026-01-01', kind: 'clock_start' }])).toEqual({ date: '2026-01-01', kind: 'clock_start' });
  });
});

describe('status_contradicts_clock', () => {
  const stop = addDays(AS_OF, -3);
  it('treated or discharged with a running clock', () => {
    expect(rules(statusContradictsClock(ptl({ status: 'treated' })))).toEqual(['status_contradicts_clock']);
    expect(rules(statusContradictsClock(ptl({ status: 'discharged' })))).toEqual(['status_contradicts_clock']);
    expect(statusContradictsClock(ptl({ status: 'treated', events: [['treatment_outpatient', stop]] }))).toEqual([]);
  });
  it('every waiting status with a stopped or nullified clock', () => {
    for (const status of ['awaiting_first_appointment', 'awaiting_follow_up', 'awaiting_diagnostics', 'awaiting_decision', 'admitted_waiting_list', 'tci_booked']) {
      expect(rules(statusContradictsClock(ptl({ status, events: [['treatment_admitted', stop]] })))).toEqual(['status_contradicts_clock']);
      expect(statusContradictsClock(ptl({ status }))).toEqual([]);
    }
    const nullified = statusContradictsClock(ptl({ status: 'awaiting_first_appointment', events: [['first_appointment_dna', stop]] }));
    expect(nullified[0]!.message).toContain('nullified');
  });
  it('active monitoring must be a 31/32 stop', () => {
    expect(statusContradictsClock(ptl({ status: 'active_monitoring', events: [['active_monitoring_patient', stop]] }))).toEqual([]);
    expect(statusContradictsClock(ptl({ status: 'active_monitoring', events: [['active_monitoring_clinician', stop]] }))).toEqual([]);
    expect(rules(statusContradictsClock(ptl({ status: 'active_monitoring' })))).toEqual(['status_contradicts_clock']);
    expect(rules(statusContradictsClock(ptl({ status: 'active_monitoring', events: [['treatment_outpatient', stop]] })))).toEqual(['status_contradicts_clock']);
  });
});

describe('clock_warning: one finding per engine warning', () => {
  it('two delays, two findings; none without warnings', () => {
    const p = ptl({ daysAgo: 50, events: [['patient_requested_delay', addDays(AS_OF, -20)], ['patient_requested_delay', addDays(AS_OF, -10)]] });
    expect(p.clock.warnings).toHaveLength(2);
    expect(clockWarning(p).map((f) => f.message)).toEqual(p.clock.warnings);
    expect(clockWarning(ptl())).toEqual([]);
  });
});

describe('duplicate_open_pathway: ≥ 2 running pathways with the same NHS number and specialty', () => {
  it('one finding per pathway of each group; other specialties, stopped clocks and missing numbers do not group', () => {
    const a = ptl({ id: 'a' });
    const b = ptl({ id: 'b' });
    const c = ptl({ id: 'c' });
    const otherSpecialty = ptl({ id: 'd', specialty: 'Cardiology' });
    const stopped = ptl({ id: 'e', events: [['treatment_outpatient', addDays(AS_OF, -1)]] });
    const noNumber1 = ptl({ id: 'f', nhs: null });
    const noNumber2 = ptl({ id: 'g', nhs: null });
    const found = duplicateOpenPathway([a, b, c, otherSpecialty, stopped, noNumber1, noNumber2]);
    expect(found.map((f) => f.target.id)).toEqual(['a', 'b', 'c']);
    expect(found[0]!.message).toContain('3 running pathways');
    expect(duplicateOpenPathway([a, stopped])).toEqual([]);
    expect(duplicateOpenPathway([a, ptl({ id: 'x', nhs: '9990000018' })])).toEqual([]);
  });
});

describe('cancer clocks', () => {
  it('cancer_fds_overdue: the 28-day clock running past day 28', () => {
    expect(cancerFdsOverdue(cancer({ referral_received_date: addDays(AS_OF, -28) }))).toEqual([]);
    expect(rules(cancerFdsOverdue(cancer({ referral_received_date: addDays(AS_OF, -29) })))).toEqual(['cancer_fds_overdue']);
    // Stopped late is a breach reported by the standard, not an overdue pathway.
    expect(cancerFdsOverdue(cancer({ referral_received_date: addDays(AS_OF, -40), diagnosis: 'cancer', diagnosis_communicated_date: addDays(AS_OF, -1) }))).toEqual([]);
  });
  it('cancer_long_wait_104: day 104 and no first treatment by as_of', () => {
    expect(cancerLongWait104(cancer({ referral_received_date: addDays(AS_OF, -103) }), S)).toEqual([]);
    expect(rules(cancerLongWait104(cancer({ referral_received_date: addDays(AS_OF, -104) }), S))).toEqual(['cancer_long_wait_104']);
    const treated = cancer({ referral_received_date: addDays(AS_OF, -120), decision_to_treat_date: addDays(AS_OF, -10), first_treatment_date: addDays(AS_OF, -5) });
    expect(treated.clocks.long_wait_104).toBe(true);
    expect(cancerLongWait104(treated, S)).toEqual([]);
    // Routes outside the 62-day standard never flag.
    expect(cancerLongWait104(cancer({ route: 'other', referral_received_date: addDays(AS_OF, -200) }), S)).toEqual([]);
  });
  it('a clean cancer pathway has no findings', () => {
    expect(cancerFindings(cancer(), S)).toEqual([]);
  });
});

describe('the whole set and the score', () => {
  it('a clean pathway has no findings', () => {
    expect(ptlFindings(ptl(), S)).toEqual([]);
  });
  it('score = 100 × clean ÷ checked, one decimal; null with nothing checked', () => {
    expect(scoreOf(0, 0)).toBeNull();
    expect(scoreOf(3, 1)).toBe(66.7);
    expect(scoreOf(12, 0)).toBe(100);
    expect(scoreOf(7, 7)).toBe(0);
  });
});
