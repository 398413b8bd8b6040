/**
 * The data quality rules (API-modules.md, "Data quality"; domain/nhs-waiting-times.md §1.7, §1.8,
 * §3, §4.4): pure functions, one per rule, plain records in, findings out. No I/O: the run
 * (run.ts) gathers each pathway's facts in one streamed pass and calls these.
 */
import { isValidNhsNumber } from '../../contract/nhs-number.js';
import type { CancerClocks } from '../../contract/cancer.js';
import type { Clock, PathwayStage } from '../../contract/ptl.js';
import type { ActivityKind, FindingSeverity, FindingTargetType, QualityRule } from '../../contract/quality.js';
import { QUALITY_RULES } from '../../contract/quality.js';
import { addDays, daysBetween } from '../ptl/clock.js';

export interface AuditSettingsAt {
  /** The census date the clocks are computed at. */
  as_of: string;
  /** The day the run is made (England): a date after it has not happened yet. */
  today: string;
  inactive_weeks: number;
  soon_weeks: number;
}

/** What a rule reports; the run adds the audit, the status and the id. */
export interface RuleFinding {
  rule: QualityRule;
  severity: FindingSeverity;
  target: { type: FindingTargetType; id: string; label: string };
  message: string;
  /** What to fix. */
  detail: string;
}

export interface PtlEventFact {
  id: string;
  event_type: string;
  event_date: string;
}

/** One PTL pathway as the run sees it: its stored fields, its events, its clock at `as_of` and its activity. */
export interface PtlFacts {
  id: string;
  patient_id: string;
  patient_name: string;
  nhs_number: string | null;
  specialty: string;
  referral_date: string;
  clock_start_date: string;
  current_status: string;
  events: readonly PtlEventFact[];
  /** The RTT engine's clock at `as_of` (ptl/clock.ts). */
  clock: Clock;
  /** The latest activity on or before `as_of`: clock start, event, appointment or validation. */
  last_activity: { date: string; kind: ActivityKind };
  /** A `booked` appointment dated on or after `as_of`. */
  has_future_booking: boolean;
}

/** One cancer pathway: its recorded dates and its clocks at `as_of` (cancer/clocks.ts). */
export interface CancerFacts {
  id: string;
  patient_id: string;
  patient_name: string;
  nhs_number: string | null;
  referral_received_date: string;
  upgrade_date: string | null;
  diagnosis: string | null;
  diagnosis_communicated_date: string | null;
  decision_to_treat_date: string | null;
  first_treatment_date: string | null;
  clocks: CancerClocks;
}

const SEVERITY = Object.fromEntries(QUALITY_RULES.map((r) => [r.rule, r.severity])) as Record<QualityRule, FindingSeverity>;

/** "Jane Doe (PT-1)": who the record is about, as a finding names it. */
export const labelOf = (r: { patient_name: string; patient_id: string }) => `${r.patient_name} (${r.patient_id})`.slice(0, 300);

function finding(rule: QualityRule, type: FindingTargetType, r: { id: string; patient_name: string; patient_id: string }, message: string, detail: string): RuleFinding {
  return { rule, severity: SEVERITY[rule], target: { type, id: r.id, label: labelOf(r) }, message, detail };
}

type Record_ = { id: string; patient_name: string; patient_id: string; nhs_number: string | null };

// ---------------------------------------------------------------------------------------------
// NHS number (§3)

/** `nhs_number_missing`: no NHS number. */
export function nhsNumberMissing(r: Record_, type: FindingTargetType): RuleFinding[] {
  if (r.nhs_number !== null && r.nhs_number.trim() !== '') return [];
  return [finding('nhs_number_missing', type, r, 'The record has no NHS number.', 'Find the patient’s NHS number (the referral letter, the PDS) and add it to the record.')];
}

/** `nhs_number_invalid`: present but fails the Modulus 11 check (rows from before validation, or written in SQL). */
export function nhsNumberInvalid(r: Record_, type: FindingTargetType): RuleFinding[] {
  if (r.nhs_number === null || r.nhs_number.trim() === '' || isValidNhsNumber(r.nhs_number)) return [];
  return [
    finding(
      'nhs_number_invalid',
      type,
      r,
      `The NHS number ${r.nhs_number} fails the Modulus 11 check digit.`,
      'Check the number against the referral or the PDS: a digit is mistyped or two are swapped. Correct it on the record.',
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Dates

/** `date_order` on a PTL pathway: clock start before referral, an event before the clock start, a date after today. */
export function ptlDateOrder(p: PtlFacts, s: AuditSettingsAt): RuleFinding[] {
  const problems: string[] = [];
  if (p.referral_date > s.today) problems.push(`the referral date ${p.referral_date} is in the future`);
  if (p.clock_start_date > s.today) problems.push(`the clock start ${p.clock_start_date} is in the future`);
  if (p.clock_start_date < p.referral_date) problems.push(`the clock start ${p.clock_start_date} is before the referral ${p.referral_date}`);
  for (const e of p.events) {
    if (e.event_date < p.clock_start_date) problems.push(`the event ${e.event_type} on ${e.event_date} is before the clock start ${p.clock_start_date}`);
    if (e.event_date > s.today) problems.push(`the event ${e.event_type} is dated ${e.event_date}, in the future`);
  }
  if (problems.length === 0) return [];
  return [finding('date_order', 'ptl', p, `Dates out of order: ${problems.join('; ')}.`, 'Correct the dates from the source documents; an event that has not happened yet is recorded when it happens.')];
}

/** `date_order` on a cancer pathway: a date after today, or the contract's order broken (rows written in SQL). */
export function cancerDateOrder(c: CancerFacts, s: AuditSettingsAt): RuleFinding[] {
  const problems: string[] = [];
  const dates: [string, string | null][] = [
    ['referral received', c.referral_received_date],
    ['consultant upgrade', c.upgrade_date],
    ['diagnosis communicated', c.diagnosis_communicated_date],
    ['decision to treat', c.decision_to_treat_date],
    ['first treatment', c.first_treatment_date],
  ];
  for (const [name, d] of dates) {
    if (d === null) continue;
    if (d > s.today) problems.push(`the ${name} date ${d} is in the future`);
    if (d < c.referral_received_date) problems.push(`the ${name} date ${d} is before the referral was received (${c.referral_received_date})`);
  }
  if (c.first_treatment_date !== null) {
    if (c.decision_to_treat_date === null) problems.push('a first treatment is recorded with no decision to treat');
    else if (c.decision_to_treat_date > c.first_treatment_date) problems.push(`the decision to treat ${c.decision_to_treat_date} is after the first treatment ${c.first_treatment_date}`);
    if (c.upgrade_date !== null && c.upgrade_date > c.first_treatment_date) problems.push(`the consultant upgrade ${c.upgrade_date} is after the first treatment ${c.first_treatment_date}`);
  }
  if (c.diagnosis === 'ruled_out' && c.diagnosis_communicated_date !== null) {
    const told = c.diagnosis_communicated_date;
    for (const [name, d] of [['decision to treat', c.decision_to_treat_date], ['first treatment', c.first_treatment_date]] as const) {
      if (d !== null && d > told) problems.push(`the ${name} ${d} is after cancer was ruled out (${told})`);
    }
  }
  if (problems.length === 0) return [];
  return [finding('date_order', 'cancer', c, `Dates out of order: ${problems.join('; ')}.`, 'Correct the dates from the source documents; a date that has not happened yet is recorded when it happens.')];
}

// ---------------------------------------------------------------------------------------------
// The PTL's clocks (§1.7, §1.8)

const running = (p: PtlFacts) => p.clock.state === 'running';

/**
 * `duplicate_open_pathway`: two or more running pathways with the same NHS number and specialty;
 * one finding per pathway of each group. Takes the whole list (a group spans records).
 */
export function duplicateOpenPathway(pathways: readonly Pick<PtlFacts, 'id' | 'patient_id' | 'patient_name' | 'nhs_number' | 'specialty' | 'clock'>[]): RuleFinding[] {
  const groups = new Map<string, (typeof pathways)[number][]>();
  for (const p of pathways) {
    if (p.clock.state !== 'running' || p.nhs_number === null || p.nhs_number.trim() === '') continue;
    const key = `${p.nhs_number}\u0000${p.specialty}`;
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const found: RuleFinding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const p of group) {
      const others = group.filter((o) => o !== p).map(labelOf);
      found.push(
        finding(
          'duplicate_open_pathway',
          'ptl',
          p,
          `${group.length} running pathways for NHS number ${p.nhs_number} in ${p.specialty}: this one and ${others.join(', ')}.`,
          'Decide which pathway is the real one; record the stop (or merge the events) on the other so only one clock runs.',
        ),
      );
    }
  }
  return found;
}

/** `breached_no_booking`: running, over 126 days, and no booked appointment on or after `as_of`. */
export function breachedNoBooking(p: PtlFacts): RuleFinding[] {
  if (!running(p) || p.clock.days_waited <= 126 || p.has_future_booking) return [];
  return [
    finding(
      'breached_no_booking',
      'ptl',
      p,
      `Waiting ${p.clock.days_waited} days (over 18 weeks since ${p.clock.breach_date}) with no appointment booked.`,
      'Book the patient in turn by clinical priority, or record the stop if they have been treated or discharged.',
    ),
  ];
}

/** `breach_soon_no_booking`: running, breach date in (as_of, as_of + 7·soon_weeks], no booking. */
export function breachSoonNoBooking(p: PtlFacts, s: AuditSettingsAt): RuleFinding[] {
  if (!running(p) || p.has_future_booking) return [];
  const breach = p.clock.breach_date;
  if (!(breach > s.as_of && breach <= addDays(s.as_of, 7 * s.soon_weeks))) return [];
  return [
    finding(
      'breach_soon_no_booking',
      'ptl',
      p,
      `Passes 18 weeks on ${breach} (in ${daysBetween(s.as_of, breach)} days) with no appointment booked.`,
      `Book an appointment before ${breach}, or escalate at the PTL meeting.`,
    ),
  ];
}

const ACTIVITY_WORDS: Record<ActivityKind, string> = { clock_start: 'the clock start', event: 'an event', appointment: 'an appointment', validation: 'a validation' };

/** `no_recent_activity`: running, and the latest activity is more than 7·inactive_weeks days before `as_of`. */
export function noRecentActivity(p: PtlFacts, s: AuditSettingsAt): RuleFinding[] {
  if (!running(p)) return [];
  const since = daysBetween(p.last_activity.date, s.as_of);
  if (since <= 7 * s.inactive_weeks) return [];
  return [
    finding(
      'no_recent_activity',
      'ptl',
      p,
      `Nothing has happened for ${since} days (over ${s.inactive_weeks} weeks): the last activity was ${ACTIVITY_WORDS[p.last_activity.kind]} on ${p.last_activity.date}.`,
      'Validate the pathway: confirm the patient still needs and wants treatment, and record the validation and what it found.',
    ),
  ];
}

const AWAITING: ReadonlySet<string> = new Set<PathwayStage>([
  'awaiting_first_appointment',
  'awaiting_follow_up',
  'awaiting_diagnostics',
  'awaiting_decision',
  'admitted_waiting_list',
  'tci_booked',
]);
const MONITORING_STOPS: ReadonlySet<string> = new Set(['active_monitoring_patient', 'active_monitoring_clinician']);

/**
 * `status_contradicts_clock`: treated or discharged with a running clock; waiting (awaiting_*,
 * admitted list, TCI booked) with a stopped or nullified one; active monitoring not stopped by 31/32.
 */
export function statusContradictsClock(p: PtlFacts): RuleFinding[] {
  const { state } = p.clock;
  const status = p.current_status;
  let why: string | null = null;
  if ((status === 'treated' || status === 'discharged') && state === 'running') {
    why = `The status is ${status} but the clock is still running from ${p.clock.start_date}.`;
  } else if (AWAITING.has(status) && state !== 'running') {
    why = `The status is ${status} but the clock ${state === 'nullified' ? 'was nullified' : 'stopped'} on ${p.clock.stop_date}.`;
  } else if (status === 'active_monitoring' && !(state === 'stopped' && MONITORING_STOPS.has(p.clock.explanation.event_type))) {
    why = `The status is active_monitoring but the clock was not stopped by active monitoring (31/32): it is ${state}.`;
  }
  if (why === null) return [];
  return [finding('status_contradicts_clock', 'ptl', p, why, 'Record the event that explains the status (a treatment, a stop, a start of active monitoring), or correct the status.')];
}

/** `clock_warning`: one finding per warning the RTT engine returned. */
export function clockWarning(p: PtlFacts): RuleFinding[] {
  return p.clock.warnings.map((w) => finding('clock_warning', 'ptl', p, w, 'Read the warning against the pathway’s events and correct the event that causes it.'));
}

// ---------------------------------------------------------------------------------------------
// Cancer clocks (§2)

/** `cancer_fds_overdue`: the 28-day Faster Diagnosis clock running and breached. */
export function cancerFdsOverdue(c: CancerFacts): RuleFinding[] {
  const fds = c.clocks.fds_28;
  if (fds.state !== 'running' || !fds.breached) return [];
  return [
    finding(
      'cancer_fds_overdue',
      'cancer',
      c,
      `Day ${fds.days} of the 28-day Faster Diagnosis Standard (due ${fds.due_date}) with no diagnosis communicated.`,
      'Chase the diagnostics and tell the patient the outcome; record the date they were told, or a breach reason.',
    ),
  ];
}

/** `cancer_long_wait_104`: the 104-day flag and no first treatment by `as_of`. */
export function cancerLongWait104(c: CancerFacts, s: AuditSettingsAt): RuleFinding[] {
  const treated = c.first_treatment_date !== null && c.first_treatment_date <= s.as_of;
  if (!c.clocks.long_wait_104 || treated) return [];
  return [
    finding(
      'cancer_long_wait_104',
      'cancer',
      c,
      `Day ${c.clocks.days_on_pathway} on the 62-day pathway with no first treatment: a 104-day long waiter.`,
      'Escalate for treatment and complete a harm review; record the first treatment date when it happens.',
    ),
  ];
}

// ---------------------------------------------------------------------------------------------

/** Every per-record rule on one PTL pathway (duplicates are found across the list). */
export function ptlFindings(p: PtlFacts, s: AuditSettingsAt): RuleFinding[] {
  return [
    ...nhsNumberMissing(p, 'ptl'),
    ...nhsNumberInvalid(p, 'ptl'),
    ...ptlDateOrder(p, s),
    ...breachedNoBooking(p),
    ...breachSoonNoBooking(p, s),
    ...noRecentActivity(p, s),
    ...statusContradictsClock(p),
    ...clockWarning(p),
  ];
}

/** Every rule on one cancer pathway. */
export function cancerFindings(c: CancerFacts, s: AuditSettingsAt): RuleFinding[] {
  return [...nhsNumberMissing(c, 'cancer'), ...nhsNumberInvalid(c, 'cancer'), ...cancerDateOrder(c, s), ...cancerFdsOverdue(c), ...cancerLongWait104(c, s)];
}

/** The latest of the dated activities (clock start first, so a tie names the clock start least). */
export function latestActivity(candidates: readonly { date: string | null; kind: ActivityKind }[]): { date: string; kind: ActivityKind } {
  let best: { date: string; kind: ActivityKind } | null = null;
  for (const c of candidates) if (c.date !== null && (best === null || c.date >= best.date)) best = { date: c.date, kind: c.kind };
  if (best === null) throw new Error('latestActivity needs at least the clock start');
  return best;
}

/** 100 × clean ÷ checked to one decimal; null when nothing was checked. */
export function scoreOf(recordsChecked: number, recordsWithOpenFindings: number): number | null {
  if (recordsChecked === 0) return null;
  return Math.round((1000 * (recordsChecked - recordsWithOpenFindings)) / recordsChecked) / 10;
}
