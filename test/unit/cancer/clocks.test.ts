// The cancer clocks against the rules document (shared/domain/nhs-waiting-times.md §2) and the
// contract's table of clocks (API-modules.md, "Cancer pathways"). The section is named on each test;
// where the document gives no date, the test says which one it made up.
import { describe, expect, it } from 'vitest';
import { standardTargetPercent } from '../../../server/src/contract/cancer.js';
import { addDays, cancerClocks, daysBetween, isOpen, type ClockInput } from '../../../server/src/domains/cancer/clocks.js';

const pathway = (p: Partial<ClockInput>): ClockInput => ({
  route: 'usc',
  referral_received_date: '2025-03-03',
  upgrade_date: null,
  diagnosis: null,
  diagnosis_communicated_date: null,
  decision_to_treat_date: null,
  first_treatment_date: null,
  ...p,
});

// §2.4: USC referral received 2025-03-03; told the diagnosis 2025-03-27; decision to treat
// 2025-04-14; surgery 2025-05-10.
const worked = pathway({
  diagnosis: 'cancer',
  diagnosis_communicated_date: '2025-03-27',
  decision_to_treat_date: '2025-04-14',
  first_treatment_date: '2025-05-10',
});

describe('§2.4 worked cancer example', () => {
  it('due dates: FDS by 2025-03-31, 62-day by 2025-05-04, 31-day by 2025-05-15; day 104 is 2025-06-15', () => {
    const c = cancerClocks(worked, '2025-06-30');
    expect(c.fds_28).toMatchObject({ start_date: '2025-03-03', due_date: '2025-03-31', breach_date: '2025-04-01', target_days: 28 });
    expect(c.treatment_62).toMatchObject({ start_date: '2025-03-03', due_date: '2025-05-04', breach_date: '2025-05-05', target_days: 62 });
    expect(c.treatment_31).toMatchObject({ start_date: '2025-04-14', due_date: '2025-05-15', breach_date: '2025-05-16', target_days: 31 });
    expect(addDays('2025-03-03', 104)).toBe('2025-06-15');
  });

  it('diagnosis told on day 24: FDS met; surgery: 31-day met (26 days), 62-day breached (68 days)', () => {
    const c = cancerClocks(worked, '2025-06-30');
    expect(c.fds_28).toMatchObject({ state: 'stopped', stop_date: '2025-03-27', days: 24, breached: false, days_remaining: null });
    expect(c.treatment_31).toMatchObject({ state: 'stopped', stop_date: '2025-05-10', days: 26, breached: false });
    expect(c.treatment_62).toMatchObject({ state: 'stopped', stop_date: '2025-05-10', days: 68, breached: true });
    expect(c.days_on_pathway).toBe(68);
    expect(c.long_wait_104).toBe(false);
    expect(isOpen(c)).toBe(false);
    expect(c.fds_28.explanation).toBe('Stopped on 2025-03-27, when the patient was told they have cancer, after 24 days (met)');
    expect(c.treatment_62.explanation).toMatch(/^Stopped on 2025-05-10 by the first treatment, from the referral received on 2025-03-03, after 68 days \(breached\)$/);
  });

  it('the same pathway at earlier census dates: later dates have not happened yet', () => {
    // 2025-03-20 (made up): day 17, before the diagnosis was told.
    const early = cancerClocks(worked, '2025-03-20');
    expect(early.fds_28).toMatchObject({ state: 'running', stop_date: null, days: 17, days_remaining: 11, breached: false });
    expect(early.treatment_31).toMatchObject({ state: 'pending', start_date: null, days: null, due_date: null, breach_date: null });
    expect(early.treatment_62).toMatchObject({ state: 'running', days: 17, days_remaining: 45 });
    expect(early.fds_28.explanation).toBe('Running from the referral received on 2025-03-03; day 17 of 28, 11 days left');
    expect(isOpen(early)).toBe(true);

    // 2025-04-20 (made up): FDS stopped, 31-day running from the decision to treat.
    const middle = cancerClocks(worked, '2025-04-20');
    expect(middle.fds_28).toMatchObject({ state: 'stopped', days: 24 });
    expect(middle.treatment_31).toMatchObject({ state: 'running', days: 6, days_remaining: 25, due_date: '2025-05-15' });
    expect(middle.treatment_62).toMatchObject({ state: 'running', days: 48, days_remaining: 14 });

    // The 62-day due date is the last compliant day; the next day is the breach.
    expect(cancerClocks(worked, '2025-05-04').treatment_62).toMatchObject({ state: 'running', days: 62, days_remaining: 0, breached: false });
    expect(cancerClocks(worked, '2025-05-05').treatment_62).toMatchObject({ state: 'running', days: 63, days_remaining: -1, breached: true });
    expect(cancerClocks(worked, '2025-05-05').treatment_62.explanation).toBe('Running from the referral received on 2025-03-03; day 63 of 62, 1 day over');
  });

  it('day 104 (2025-06-15) of an untreated 62-day pathway is the long-wait backstop (§2.3)', () => {
    const untreated = pathway({ diagnosis: 'cancer', diagnosis_communicated_date: '2025-03-27', decision_to_treat_date: '2025-04-14' });
    expect(cancerClocks(untreated, '2025-06-14')).toMatchObject({ days_on_pathway: 103, long_wait_104: false });
    expect(cancerClocks(untreated, '2025-06-15')).toMatchObject({ days_on_pathway: 104, long_wait_104: true });
    // Treated after day 104: the stopped clock keeps the flag (the harm review still applies).
    const late = { ...untreated, first_treatment_date: '2025-06-20' };
    expect(cancerClocks(late, '2025-07-01')).toMatchObject({ days_on_pathway: 109, long_wait_104: true });
    expect(cancerClocks(late, '2025-07-01').treatment_62.state).toBe('stopped');
  });
});

describe('§2.1 standards: targets and percentages', () => {
  it('FDS 75%, 80% from March 2026; 31-day 96%; 62-day 85%', () => {
    expect(standardTargetPercent('fds_28', '2025-03')).toBe(75);
    expect(standardTargetPercent('fds_28', '2026-02')).toBe(75);
    expect(standardTargetPercent('fds_28', '2026-03')).toBe(80);
    expect(standardTargetPercent('fds_28', '2027-01')).toBe(80);
    expect(standardTargetPercent('treatment_31', '2025-03')).toBe(96);
    expect(standardTargetPercent('treatment_62', '2026-06')).toBe(85);
  });

  it('the receipt day is day 0: told the same day is 0 days; day 28 met, day 29 breached', () => {
    expect(cancerClocks(pathway({ diagnosis: 'ruled_out', diagnosis_communicated_date: '2025-03-03' }), '2025-03-03').fds_28).toMatchObject({ state: 'stopped', days: 0 });
    expect(cancerClocks(pathway({ diagnosis: 'cancer', diagnosis_communicated_date: '2025-03-31' }), '2025-04-30').fds_28).toMatchObject({ days: 28, breached: false });
    expect(cancerClocks(pathway({ diagnosis: 'cancer', diagnosis_communicated_date: '2025-04-01' }), '2025-04-30').fds_28).toMatchObject({ days: 29, breached: true });
    expect(daysBetween('2025-03-03', '2025-03-03')).toBe(0);
  });
});

describe('§2.2 routes: which clocks apply', () => {
  it('urgent suspected cancer, breast symptomatic and screening referrals have all three', () => {
    for (const route of ['usc', 'breast_symptomatic', 'screening'] as const) {
      const c = cancerClocks(pathway({ route }), '2025-03-10');
      expect([c.fds_28.state, c.treatment_31.state, c.treatment_62.state]).toEqual(['running', 'pending', 'running']);
    }
  });

  it('a consultant upgrade: no FDS; the 62-day clock starts at the upgrade, pending before it', () => {
    const upgraded = pathway({ route: 'consultant_upgrade', referral_received_date: '2025-01-06', upgrade_date: '2025-02-03' });
    const before = cancerClocks(upgraded, '2025-01-20');
    expect(before.fds_28).toMatchObject({ state: 'not_applicable', start_date: null, days: null, breached: false });
    expect(before.fds_28.explanation).toMatch(/this pathway came by a consultant upgrade$/);
    expect(before.treatment_62).toMatchObject({ state: 'pending', start_date: null, days: null });
    expect(before.treatment_62.explanation).toBe('The consultant upgrade is on 2025-02-03, after 2025-01-20');
    expect(before.days_on_pathway).toBeNull();
    const after = cancerClocks(upgraded, '2025-03-03');
    expect(after.treatment_62).toMatchObject({ state: 'running', start_date: '2025-02-03', days: 28, due_date: '2025-04-06' });
    expect(after.treatment_62.explanation).toMatch(/^Running from the consultant upgrade on 2025-02-03/);
  });

  it('any other route with a cancer diagnosis: the 31-day only', () => {
    const other = pathway({ route: 'other', diagnosis: 'cancer', diagnosis_communicated_date: '2025-03-10', decision_to_treat_date: '2025-03-12' });
    const c = cancerClocks(other, '2025-03-20');
    expect(c.fds_28.state).toBe('not_applicable');
    expect(c.treatment_62.state).toBe('not_applicable');
    expect(c.treatment_31).toMatchObject({ state: 'running', start_date: '2025-03-12', days: 8 });
    expect(c).toMatchObject({ days_on_pathway: null, long_wait_104: false });
  });
});

describe('the contract’s clock states', () => {
  it('FDS stops at a decision to treat that comes before the diagnosis is communicated', () => {
    const c = cancerClocks(pathway({ decision_to_treat_date: '2025-03-20', diagnosis: 'cancer', diagnosis_communicated_date: '2025-03-25' }), '2025-04-01');
    expect(c.fds_28).toMatchObject({ state: 'stopped', stop_date: '2025-03-20', days: 17 });
    expect(c.fds_28.explanation).toMatch(/^Stopped on 2025-03-20 by the decision to treat/);
  });

  it('cancer ruled out: FDS stopped, 31-day not applicable, 62-day ended unmeasured (never breached, no long wait)', () => {
    const ruledOut = pathway({ diagnosis: 'ruled_out', diagnosis_communicated_date: '2025-07-01' });
    const c = cancerClocks(ruledOut, '2025-08-01');
    expect(c.fds_28).toMatchObject({ state: 'stopped', stop_date: '2025-07-01', days: 120, breached: true });
    expect(c.fds_28.explanation).toMatch(/cancer was ruled out/);
    expect(c.treatment_31).toMatchObject({ state: 'not_applicable', start_date: null, days: null });
    expect(c.treatment_31.explanation).toBe('Cancer was ruled out on 2025-07-01: there is no treatment to measure');
    expect(c.treatment_62).toMatchObject({ state: 'ended', stop_date: '2025-07-01', days: 120, days_remaining: null, breached: false });
    expect(c.long_wait_104).toBe(false);
    expect(isOpen(c)).toBe(false);
    // Before the patient was told, the clocks ran as for any referral.
    const before = cancerClocks(ruledOut, '2025-06-30');
    expect([before.fds_28.state, before.treatment_31.state, before.treatment_62.state]).toEqual(['running', 'pending', 'running']);
    expect(before.long_wait_104).toBe(true);
  });

  it('a ruling-out after a decision to treat makes the running 31-day not applicable', () => {
    const c = pathway({ decision_to_treat_date: '2025-03-10', diagnosis: 'ruled_out', diagnosis_communicated_date: '2025-03-20' });
    expect(cancerClocks(c, '2025-03-15').treatment_31.state).toBe('running');
    expect(cancerClocks(c, '2025-03-20').treatment_31.state).toBe('not_applicable');
  });

  it('a referral received after the census date: nothing has started', () => {
    const c = cancerClocks(pathway({}), '2025-03-02');
    expect([c.fds_28.state, c.treatment_31.state, c.treatment_62.state]).toEqual(['pending', 'pending', 'pending']);
    expect(c.fds_28.explanation).toBe('The referral is received on 2025-03-03, after 2025-03-02');
    expect(isOpen(c)).toBe(false);
  });

  it('a stop before its start is refused, not reported as a negative wait', () => {
    expect(() => cancerClocks(pathway({ decision_to_treat_date: '2025-04-10', first_treatment_date: '2025-04-01' }), '2025-05-01')).toThrow(RangeError);
    expect(() => cancerClocks(pathway({ diagnosis: 'cancer', diagnosis_communicated_date: '2025-03-01' }), '2025-05-01')).toThrow(RangeError);
  });
});
