// The Cancer Waiting Times clocks (domain/nhs-waiting-times.md §2; API-modules.md, "Cancer
// pathways"): pure functions of a pathway's recorded dates and a census date, no I/O. The list's
// SQL (clock-sql.ts) computes the same states, dates and days for filtering and sorting; a parity
// test holds the two together.
import {
  CANCER_TARGET_DAYS,
  LONG_WAIT_DAYS,
  type CancerClock,
  type CancerClockName,
  type CancerClocks,
  type CancerDiagnosis,
  type CancerRoute,
} from '../../contract/cancer.js';

/** The dates and route a pathway's clocks are computed from. */
export interface ClockInput {
  route: CancerRoute;
  referral_received_date: string;
  upgrade_date: string | null;
  diagnosis: CancerDiagnosis | null;
  diagnosis_communicated_date: string | null;
  decision_to_treat_date: string | null;
  first_treatment_date: string | null;
}

/** Routes each standard covers (§2.2; the contract's table). The 31-day covers every route. */
export const FDS_ROUTES: readonly CancerRoute[] = ['usc', 'breast_symptomatic', 'screening'];
export const TREATMENT_62_ROUTES: readonly CancerRoute[] = ['usc', 'breast_symptomatic', 'screening', 'consultant_upgrade'];

const DAY_MS = 86_400_000;
const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

export function addDays(date: string, n: number): string {
  return new Date((toDay(date) + n) * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (the start date is day 0). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

const ROUTE_WORDS: Record<CancerRoute, string> = {
  usc: 'an urgent suspected cancer referral',
  breast_symptomatic: 'a breast symptomatic referral',
  screening: 'a screening referral',
  consultant_upgrade: 'a consultant upgrade',
  other: 'another route',
};

/** A clock that has not started (or never will): no dates, no days. */
function unstarted(name: CancerClockName, state: 'pending' | 'not_applicable', explanation: string): CancerClock {
  return {
    state,
    start_date: null,
    stop_date: null,
    days: null,
    target_days: CANCER_TARGET_DAYS[name],
    due_date: null,
    breach_date: null,
    days_remaining: null,
    breached: false,
    explanation,
  };
}

/**
 * A started clock. `stop` is null while it runs (days count to `asOf`). A stop before its start
 * cannot be measured: the validation rules and the table's checks refuse such a row, and so does
 * this function rather than report a negative wait.
 */
function started(
  name: CancerClockName,
  state: 'running' | 'stopped' | 'ended',
  start: string,
  stop: string | null,
  asOf: string,
  explanation: string,
): CancerClock {
  const target = CANCER_TARGET_DAYS[name];
  const days = daysBetween(start, stop ?? asOf);
  if (days < 0) throw new RangeError(`${name}: the clock would stop (${stop ?? asOf}) before it starts (${start})`);
  const overTarget = days > target;
  return {
    state,
    start_date: start,
    stop_date: stop,
    days,
    target_days: target,
    due_date: addDays(start, target),
    breach_date: addDays(start, target + 1),
    days_remaining: state === 'running' ? target - days : null,
    breached: state !== 'ended' && overTarget,
    explanation: state === 'running' ? `${explanation}; ${runningWords(target, days)}` : `${explanation}${state === 'stopped' ? `, after ${days} ${plural(days)} (${overTarget ? 'breached' : 'met'})` : ''}`,
  };
}

const plural = (n: number) => (Math.abs(n) === 1 ? 'day' : 'days');

function runningWords(target: number, days: number): string {
  if (days <= target) return `day ${days} of ${target}, ${target - days} ${plural(target - days)} left`;
  return `day ${days} of ${target}, ${days - target} ${plural(days - target)} over`;
}

/** The date if it has happened by the census date; later dates count as not yet happened. */
const seen = (date: string | null, asOf: string): string | null => (date !== null && date <= asOf ? date : null);

/** Cancer ruled out and the patient told, by `asOf`: the day they were told; else null. */
function ruledOutOn(p: ClockInput, asOf: string): string | null {
  return p.diagnosis === 'ruled_out' ? seen(p.diagnosis_communicated_date, asOf) : null;
}

/**
 * 28-day Faster Diagnosis: from receipt of the referral to the day the patient is told cancer is
 * diagnosed or ruled out, or to a decision to treat if that comes first.
 */
export function fasterDiagnosisClock(p: ClockInput, asOf: string): CancerClock {
  if (!FDS_ROUTES.includes(p.route)) {
    return unstarted('fds_28', 'not_applicable', `The Faster Diagnosis Standard covers urgent suspected cancer, breast symptomatic and screening referrals; this pathway came by ${ROUTE_WORDS[p.route]}`);
  }
  const start = seen(p.referral_received_date, asOf);
  if (!start) return unstarted('fds_28', 'pending', `The referral is received on ${p.referral_received_date}, after ${asOf}`);
  const told = seen(p.diagnosis_communicated_date, asOf);
  const decided = seen(p.decision_to_treat_date, asOf);
  if (told && (!decided || told <= decided)) {
    const what = p.diagnosis === 'ruled_out' ? 'cancer was ruled out' : 'they have cancer';
    return started('fds_28', 'stopped', start, told, asOf, `Stopped on ${told}, when the patient was told ${what}`);
  }
  if (decided) return started('fds_28', 'stopped', start, decided, asOf, `Stopped on ${decided} by the decision to treat, before a diagnosis was communicated`);
  return started('fds_28', 'running', start, null, asOf, `Running from the referral received on ${start}`);
}

/** 31-day: from the decision to treat (agreed with the patient) to the first treatment; every route. */
export function treatment31Clock(p: ClockInput, asOf: string): CancerClock {
  const ruledOut = ruledOutOn(p, asOf);
  if (ruledOut) return unstarted('treatment_31', 'not_applicable', `Cancer was ruled out on ${ruledOut}: there is no treatment to measure`);
  const start = seen(p.decision_to_treat_date, asOf);
  if (!start) return unstarted('treatment_31', 'pending', 'No decision to treat yet: the 31-day clock starts when treatment is agreed with the patient');
  const treated = seen(p.first_treatment_date, asOf);
  if (treated) return started('treatment_31', 'stopped', start, treated, asOf, `Stopped on ${treated} by the first treatment`);
  return started('treatment_31', 'running', start, null, asOf, `Running from the decision to treat on ${start}`);
}

/**
 * 62-day: from receipt of the referral (for a consultant upgrade, from the upgrade) to the first
 * treatment; it ends unmeasured when cancer is ruled out.
 */
export function treatment62Clock(p: ClockInput, asOf: string): CancerClock {
  if (!TREATMENT_62_ROUTES.includes(p.route)) {
    return unstarted('treatment_62', 'not_applicable', `The 62-day standard covers urgent suspected cancer, breast symptomatic, screening and upgraded referrals; this pathway came by ${ROUTE_WORDS[p.route]}`);
  }
  const upgrade = p.route === 'consultant_upgrade';
  const startDate = upgrade ? p.upgrade_date : p.referral_received_date;
  // The contract requires an upgrade date on this route; without one there is nothing to start from.
  if (!startDate) return unstarted('treatment_62', 'pending', 'No consultant upgrade date: the 62-day clock starts at the upgrade');
  const start = seen(startDate, asOf);
  if (!start) return unstarted('treatment_62', 'pending', upgrade ? `The consultant upgrade is on ${startDate}, after ${asOf}` : `The referral is received on ${startDate}, after ${asOf}`);
  const ruledOut = ruledOutOn(p, asOf);
  if (ruledOut) return started('treatment_62', 'ended', start, ruledOut, asOf, `Ended on ${ruledOut}: cancer was ruled out, so this pathway is not reported against the 62-day standard`);
  const treated = seen(p.first_treatment_date, asOf);
  const from = upgrade ? `the consultant upgrade on ${start}` : `the referral received on ${start}`;
  if (treated) return started('treatment_62', 'stopped', start, treated, asOf, `Stopped on ${treated} by the first treatment, from ${from}`);
  return started('treatment_62', 'running', start, null, asOf, `Running from ${from}`);
}

/** All of a pathway's clocks at the census date `asOf` (later dates count as not yet happened). */
export function cancerClocks(p: ClockInput, asOf: string): CancerClocks {
  const treatment_62 = treatment62Clock(p, asOf);
  const measured = treatment_62.state === 'running' || treatment_62.state === 'stopped';
  return {
    fds_28: fasterDiagnosisClock(p, asOf),
    treatment_31: treatment31Clock(p, asOf),
    treatment_62,
    days_on_pathway: treatment_62.days,
    long_wait_104: measured && treatment_62.days! >= LONG_WAIT_DAYS,
  };
}

/** Open = at least one clock running at `asOf` (the list's `state=open`). */
export function isOpen(clocks: CancerClocks): boolean {
  return clocks.fds_28.state === 'running' || clocks.treatment_31.state === 'running' || clocks.treatment_62.state === 'running';
}
