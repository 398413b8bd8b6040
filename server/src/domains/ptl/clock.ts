/**
 * The 18-week Referral to Treatment (RTT) clock of one pathway: which period is running, stopped or
 * nullified, how long it has waited and why — per shared/domain/nhs-waiting-times.md §1.
 *
 * Pure rules, no I/O. The server runs this over every pathway on a PTL (100,000 and more), so dates
 * are turned into day numbers with integer arithmetic once each and the event loop allocates only
 * what it returns.
 */
import type {
  Clock,
  ClockExplanation,
  ClockPeriod,
  ClockState,
  PathwayType,
  PtlEventType,
  WaitGroup,
} from '../../contract/ptl.js';
import { RTT_STATUS_BY_EVENT } from '../../contract/ptl.js';

export interface ClockEvent {
  id: string;
  event_type: PtlEventType;
  event_date: string;
  appointment_communicated: boolean;
}

export interface ClockInput {
  clock_start_date: string;
  pathway_type: PathwayType;
  /** In recording order: events on the same date are applied in this order. */
  events: readonly ClockEvent[];
}

export interface ClockOptions {
  /**
   * Stop date when a patient is discharged under the DNA policy after missing a later appointment.
   * The national guidance says "discharge date" in its rule text but uses the missed appointment's
   * date in its own worked example (§1.5), so it is a setting. Default: 'missed_appointment'.
   */
  laterDnaStopDate?: 'missed_appointment' | 'discharge';
}

/** 18 weeks: a wait of exactly 126 days is still within the standard (§1.1). */
export const BREACH_DAYS = 126;

// ---------------------------------------------------------------------------------------------
// Dates: civil date <-> day number (days since 1970-01-01), H. Hinnant's integer algorithms. They
// agree with Date.UTC for every 4-digit year and cost no allocation, which matters at PTL scale.

function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function dayNumber(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${String(s)}`);
  }
  const y = digits(s, 0, 4);
  const m = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`Not a real calendar date: ${s}`);
  }
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;

function dateString(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) throw new RangeError(`Date out of range (year ${y})`);
  return String(y).padStart(4, '0') + '-' + pad2(m) + '-' + pad2(d);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); no time zones involved. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: string, days: number): string {
  return dateString(dayNumber(date) + days);
}

// ---------------------------------------------------------------------------------------------
// Bands and groups (§1.8)

// Index = ceil(days / 7) for 8..728 days; built once so banding 100,000 pathways allocates nothing.
const BANDS: readonly string[] = Array.from({ length: 105 }, (_, w) => (w <= 1 ? '0-1' : `>${w - 1}-${w}`));

/**
 * The monthly-return time band: "0-1" holds days 0–7 (eight values, because the return counts the
 * start day as day 0), then ">1-2" holds 8–14 … ">103-104" holds 722–728, and "104+" 729 and over.
 */
export function monthlyBand(days: number): string {
  if (days <= 7) return '0-1';
  if (days > 728) return '104+';
  return BANDS[Math.ceil(days / 7)] ?? '104+';
}

/** Long-wait group: "more than N weeks" means more than 7·N days, so 52 weeks exactly is still "18-52". */
export function waitGroup(days: number): WaitGroup {
  if (days <= 126) return '0-18';
  if (days <= 364) return '18-52';
  if (days <= 455) return '52-65';
  if (days <= 546) return '65-78';
  if (days <= 728) return '78-104';
  return '104+';
}

// ---------------------------------------------------------------------------------------------
// What each event does to the clock

const ATTEND = 1; // a care activity: proves the first appointment has happened (20)
const CONTINUE = 2; // cancellations by either side: no effect at all (20)
const DELAY = 3; // patient-requested delay: no effect, but a review reminder (20)
const FIRST_DNA = 4; // 33 when the conditions hold, otherwise the clock runs on
const LATER_DNA = 5; // 20: the trust rebooks
const DISCHARGE_DNA = 6; // 34 under the DNA policy; stop date per the setting
const STOP = 7; // 30–36 stops
const RESTART_AFTER_DNA = 8; // 10 after a nullified first-appointment DNA
const RESTART_AFTER_MONITORING = 9; // 11 after 31/32
const NEW_PERIOD = 10; // 10 after a completed period
const TRANSFER = 11; // 21

const KIND: Record<PtlEventType, number> = {
  outpatient_attended: ATTEND,
  diagnostics: ATTEND,
  decision_to_admit: ATTEND,
  pre_op_assessment: ATTEND,
  // The patient came in, so the first appointment is long past (§1.3: not a stop either).
  admitted_not_treated: ATTEND,
  first_appointment_dna: FIRST_DNA,
  later_appointment_dna: LATER_DNA,
  discharged_after_dna: DISCHARGE_DNA,
  patient_cancelled: CONTINUE,
  hospital_cancelled: CONTINUE,
  patient_requested_delay: DELAY,
  treatment_outpatient: STOP,
  treatment_admitted: STOP,
  active_monitoring_patient: STOP,
  active_monitoring_clinician: STOP,
  decision_not_to_treat: STOP,
  added_to_transplant_list: STOP,
  patient_declined_treatment: STOP,
  patient_died: STOP,
  rebooked_after_dna: RESTART_AFTER_DNA,
  clinician_reoffer_after_dna: RESTART_AFTER_DNA,
  decision_to_treat_after_monitoring: RESTART_AFTER_MONITORING,
  new_period_second_side: NEW_PERIOD,
  new_period_new_treatment: NEW_PERIOD,
  transferred_out: TRANSFER,
};

function stopText(type: PtlEventType, date: string): string {
  switch (type) {
    case 'treatment_outpatient':
      return `First definitive treatment started in outpatients on ${date}, so the clock stopped that day (code 30, Rule 4: a clock stops when treatment starts).`;
    case 'treatment_admitted':
      return `The patient was admitted for first definitive treatment on ${date}, so the clock stopped on the admission date (code 30, Rule 4) — even if the operation was the next day.`;
    case 'active_monitoring_patient':
      return `Active monitoring was agreed at the patient's request on ${date}, which stops the clock (code 31, Rule 5). It is a stop, not a pause: if the patient later decides to go ahead, a new clock starts at zero (code 11).`;
    case 'active_monitoring_clinician':
      return `Active monitoring was started by the clinician, with the patient's agreement, on ${date}, which stops the clock (code 32, Rule 5). It is a stop, not a pause: a later decision to treat starts a new clock at zero (code 11).`;
    case 'decision_not_to_treat':
      return `A decision not to treat (or that no further consultant-led care is needed) was made and communicated on ${date}, so the clock stopped (code 34, Rule 5).`;
    case 'added_to_transplant_list':
      return `The patient was added to a matched transplant list on ${date}, which stops the clock (code 34, Rule 5).`;
    case 'patient_declined_treatment':
      return `The patient declined the treatment offered on ${date}, so the clock stopped (code 35, Rule 5).`;
    case 'patient_died':
      return `The trust learned on ${date} that the patient died before treatment, so the clock stopped (code 36).`;
    default:
      return `The clock stopped on ${date}.`;
  }
}

function startText(type: PtlEventType, date: string): string {
  switch (type) {
    case 'rebooked_after_dna':
      return `The patient contacted the trust on ${date} to rebook after the nullified first-appointment DNA, so a new clock started at zero that day (code 10). It is not linked to the old start date; had a clinician decided to re-offer earlier, that earlier date would be the start.`;
    case 'clinician_reoffer_after_dna':
      return `A clinician decided on ${date} to offer another first appointment after the nullified DNA, so a new clock started at zero that day (code 10) — even if no slot could be booked yet. It is not linked to the old start date.`;
    case 'decision_to_treat_after_monitoring':
      return `The patient decided to go ahead with treatment after active monitoring on ${date}, so a new clock started at zero that day (code 11). Active monitoring stopped the old clock; nothing is resumed, though the patient rejoins the list at the position they left.`;
    case 'new_period_second_side':
      return `The patient became fit and available for the second side of a bilateral procedure on ${date}, so a new clock started at zero that day (code 10).`;
    case 'new_period_new_treatment':
      return `A substantively new treatment, not in the agreed care plan, was decided and communicated on ${date} after the earlier period was completed, so a new clock started at zero that day (code 10).`;
    default:
      return `A new clock started on ${date}.`;
  }
}

const isCancerPathway = (t: PathwayType) => t === '2ww' || t === '62day';

function stateWord(state: ClockState): string {
  return state === 'nullified' ? 'was nullified' : 'had already stopped';
}

// ---------------------------------------------------------------------------------------------

/**
 * Applies a pathway's events to its RTT clock and returns the latest period as `clock` plus every
 * period in order. `today` is the census date: events after it are ignored (with a warning) and a
 * running clock waits until it. Events are applied in date order; same-date events keep their
 * recording order. Throws RangeError on a malformed date (inputs are validated upstream).
 */
export function computeClock(
  input: ClockInput,
  today: string,
  options?: ClockOptions,
): { clock: Clock; periods: ClockPeriod[] } {
  const missedDateStops = options?.laterDnaStopDate !== 'discharge';
  const firstStart = input.clock_start_date;
  const firstStartDay = dayNumber(firstStart);
  const todayDay = dayNumber(today);
  const events = input.events;
  const n = events.length;
  const warnings: string[] = [];
  const periods: ClockPeriod[] = [];

  if (firstStartDay > todayDay) {
    warnings.push(`The clock start ${firstStart} is after today (${today}), so no time has been waited yet — check the referral date.`);
  }

  // The current period
  let startDay = firstStartDay;
  let startDate = firstStart;
  let startedBy: ClockExplanation = {
    event_id: null,
    event_type: 'clock_start',
    date: firstStart,
    rtt_status: '10',
    text: `The clock started on ${firstStart}, the day the referral was received (for e-RS, the day the booking was made). Code 10 marks the first activity of the period; it is the referral receipt, not the code 10 event, that starts the clock.`,
  };
  let state: ClockState = 'running';
  let stopDay = 0;
  let stopDate: string | null = null;
  let endedBy: ClockExplanation | null = null;
  let stoppedBy: PtlEventType | null = null;
  let attended: ClockEvent | null = null; // first care activity of the period
  let missed: ClockEvent | null = null; // latest missed appointment since the last care activity
  let missedDay = 0;
  let transfer: ClockExplanation | null = null;

  if (n > 0) {
    // Parse each date once; stable insertion sort of indices (0–5 events is the common case).
    const days = new Array<number>(n);
    const order = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      days[i] = dayNumber(events[i]!.event_date);
      let j = i;
      while (j > 0 && days[order[j - 1]!]! > days[i]!) {
        order[j] = order[j - 1]!;
        j--;
      }
      order[j] = i;
    }

    for (let k = 0; k < n; k++) {
      const idx = order[k]!;
      const e = events[idx]!;
      const d = days[idx]!;
      const type = e.event_type;
      const date = e.event_date;

      if (d < firstStartDay) {
        warnings.push(`Event ${e.id} (${type}) on ${date} is before the clock start ${firstStart} and is ignored — check its date.`);
        continue;
      }
      if (d > todayDay) {
        warnings.push(`Event ${e.id} (${type}) is dated ${date}, after today (${today}), and is ignored until then.`);
        continue;
      }
      const kind = KIND[type];
      if (transfer !== null && state === 'running' && kind !== TRANSFER) {
        warnings.push(`Event ${e.id} (${type}) on ${date} was recorded after the pathway was transferred to another provider on ${transfer.date}; that provider now records this clock — check it belongs here.`);
      }

      switch (kind) {
        case ATTEND:
          if (state === 'running') {
            attended ??= e;
            missed = null;
          }
          break;

        case CONTINUE:
          // Hospital cancellations and patient cancellations (at any notice — never a DNA) change nothing.
          break;

        case DELAY:
          if (state === 'running') {
            warnings.push(`The patient asked on ${date} (event ${e.id}) to delay: the clock keeps running — there are no pauses since October 2015. If the delay is longer than 6 weeks, a clinical review is needed.`);
          }
          break;

        case LATER_DNA:
          if (state === 'running') {
            missed = e;
            missedDay = d;
          }
          break;

        case FIRST_DNA: {
          if (state !== 'running') {
            warnings.push(`A first-appointment DNA (event ${e.id}) is recorded on ${date} after the clock ${stateWord(state)} on ${stopDate} — check the pathway.`);
            break;
          }
          let why = '';
          if (attended !== null) {
            why = `the patient had already attended on ${attended.event_date} (event ${attended.id}), so this was not the first appointment and counts as a later DNA`;
          } else if (isCancerPathway(input.pathway_type)) {
            why = `on a ${input.pathway_type} suspected-cancer pathway a first-appointment DNA does not nullify the RTT period: it continues unless a clinician discharges the patient to primary care`;
          }
          if (!e.appointment_communicated) {
            why += `${why ? '; also, ' : ''}the trust cannot show the appointment was clearly communicated, and nullification requires that`;
          }
          if (why === '') {
            state = 'nullified';
            stopDay = d;
            stopDate = date;
            stoppedBy = type;
            endedBy = {
              event_id: e.id,
              event_type: type,
              date,
              rtt_status: RTT_STATUS_BY_EVENT[type],
              text: `The patient did not attend the first appointment after referral on ${date}, and the trust can show it was clearly communicated, so the clock was stopped and nullified (code 33). This period is excluded from all counts — never reported as completed or as waiting. A new clock starts at zero when the patient rebooks or a clinician decides to re-offer, whichever is first.`,
            };
          } else {
            warnings.push(`The first-appointment DNA on ${date} (event ${e.id}) does not nullify the clock: ${why}. The clock keeps running from ${startDate}.`);
            missed = e;
            missedDay = d;
          }
          break;
        }

        case DISCHARGE_DNA:
        case STOP: {
          if (state !== 'running') {
            warnings.push(`A stop (${type}, event ${e.id}) is recorded on ${date} after the clock ${stateWord(state)} on ${stopDate} — check the pathway.`);
            break;
          }
          state = 'stopped';
          stoppedBy = type;
          if (kind === STOP) {
            stopDay = d;
            stopDate = date;
            endedBy = { event_id: e.id, event_type: type, date, rtt_status: RTT_STATUS_BY_EVENT[type], text: stopText(type, date) };
            break;
          }
          let text = `A clinician discharged the patient to their GP on ${date} under the published DNA policy, which stops the clock (code 34, Rule 5; missed appointments alone never discharge anyone).`;
          if (missed !== null && missedDateStops) {
            stopDay = missedDay;
            stopDate = missed.event_date;
            text += ` The stop date is the missed appointment on ${stopDate} (event ${missed.id}), as this trust's setting chooses.`;
          } else {
            stopDay = d;
            stopDate = date;
            text += missed !== null ? ` The stop date is the discharge date, as this trust's setting chooses.` : ` The stop date is the discharge date.`;
          }
          if (missed === null) {
            warnings.push(`The discharge after a DNA on ${date} (event ${e.id}) has no missed appointment recorded since the patient was last seen — check the pathway.`);
          } else if (!missed.appointment_communicated) {
            warnings.push(`The discharge on ${date} (event ${e.id}) follows a missed appointment on ${missed.event_date} that the trust cannot show was clearly communicated; a DNA discharge requires that — check it.`);
          }
          endedBy = { event_id: e.id, event_type: type, date, rtt_status: RTT_STATUS_BY_EVENT[type], text };
          break;
        }

        case RESTART_AFTER_DNA:
        case RESTART_AFTER_MONITORING:
        case NEW_PERIOD: {
          let refusal = '';
          if (state === 'running') {
            // A rebooking call after the clinician's re-offer (or the other way round) is expected:
            // the earlier of the two started the clock (§1.5), so the later one changes nothing.
            const other = type === 'rebooked_after_dna' ? 'clinician_reoffer_after_dna' : 'rebooked_after_dna';
            if (kind === RESTART_AFTER_DNA && startedBy.event_type === other) break;
            refusal = `the clock that started on ${startDate} is still running, and a new clock can only start after a stop`;
          } else if (stoppedBy === 'patient_died') {
            refusal = `the clock stopped on ${stopDate} because the patient died`;
          } else if (kind === RESTART_AFTER_DNA && state !== 'nullified') {
            refusal = `a rebooking or re-offer starts a new clock only after a nullified first-appointment DNA (33), but this clock stopped on ${stopDate} (${stoppedBy})`;
          } else if (kind === RESTART_AFTER_MONITORING && stoppedBy !== 'active_monitoring_patient' && stoppedBy !== 'active_monitoring_clinician') {
            refusal = `a decision to treat after active monitoring (11) needs a clock stopped by active monitoring (31/32), but this clock ${stateWord(state)} on ${stopDate} (${stoppedBy})`;
          } else if (kind === NEW_PERIOD && state === 'nullified') {
            refusal = `the clock was nullified on ${stopDate}, not completed: after a first-appointment DNA a new clock starts with the rebooking or the clinician's re-offer`;
          }
          if (refusal !== '') {
            warnings.push(`Event ${e.id} (${type}) on ${date} would start a new clock, but ${refusal} — check the pathway.`);
            break;
          }
          periods.push({ state, start_date: startDate, stop_date: stopDate, days_waited: stopDay - startDay, started_by: startedBy, ended_by: endedBy });
          startDay = d;
          startDate = date;
          startedBy = { event_id: e.id, event_type: type, date, rtt_status: RTT_STATUS_BY_EVENT[type], text: startText(type, date) };
          state = 'running';
          stopDate = null;
          endedBy = null;
          stoppedBy = null;
          attended = null;
          missed = null;
          transfer = null;
          break;
        }

        case TRANSFER:
          if (state !== 'running') {
            warnings.push(`A transfer (event ${e.id}) is recorded on ${date} after the clock ${stateWord(state)} on ${stopDate}; there is no running clock to transfer — check the pathway.`);
          } else if (transfer !== null) {
            warnings.push(`A second transfer (event ${e.id}) is recorded on ${date}; the pathway already left this provider on ${transfer.date} — check the pathway.`);
          } else {
            transfer = {
              event_id: e.id,
              event_type: type,
              date,
              rtt_status: RTT_STATUS_BY_EVENT[type],
              text: `The pathway was transferred on ${date} to another provider that takes over clinical responsibility (code 21). The clock keeps running there from the original start ${startDate} — a transfer never restarts it — and the pathway leaves this provider's PTL.`,
            };
          }
          break;
      }
    }
  }

  const running = state === 'running';
  const days = running ? Math.max(0, todayDay - startDay) : stopDay - startDay;
  periods.push({ state, start_date: startDate, stop_date: stopDate, days_waited: days, started_by: startedBy, ended_by: endedBy });

  const clock: Clock = {
    state,
    start_date: startDate,
    stop_date: stopDate,
    days_waited: days,
    weeks_waited: Math.floor(days / 7),
    band: monthlyBand(days),
    wait_group: waitGroup(days),
    breach_date: dateString(startDay + BREACH_DAYS + 1),
    // A nullified period is excluded from every count, so it can never be a breach.
    breached: state !== 'nullified' && days > BREACH_DAYS,
    on_ptl: transfer === null,
    explanation: running ? (transfer ?? startedBy) : (endedBy ?? startedBy),
    warnings,
  };
  return { clock, periods };
}
