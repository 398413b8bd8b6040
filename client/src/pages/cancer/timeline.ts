import { CANCER_CLOCKS, type CancerClockName, type CancerPathwayDetail } from '$contract';
import { addDays } from '../../lib/dates';

/**
 * The pathway page's timeline: one shared date axis for the three clocks, and the dated events
 * that started or stopped them (with the MDT discussions, which never move a clock). Pure, so the
 * page only positions what this works out.
 */

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface Axis {
  start: string;
  end: string;
  days: number;
}

/** From the referral to the latest date worth seeing (the census, a due date or a stop), a few days' margin after. */
export function axisFor(pathway: CancerPathwayDetail, asOf: string): Axis {
  const dates = [asOf, pathway.referral_received_date];
  for (const name of CANCER_CLOCKS) {
    const clock = pathway.clocks[name];
    for (const d of [clock.start_date, clock.stop_date, clock.breach_date]) if (d) dates.push(d);
  }
  const start = dates.reduce((a, b) => (b < a ? b : a));
  const latest = dates.reduce((a, b) => (b > a ? b : a));
  const end = addDays(latest, Math.max(3, Math.round(daysBetween(start, latest) * 0.04)));
  return { start, end, days: Math.max(1, daysBetween(start, end)) };
}

/** Where `date` falls on the axis, as a percentage of its width (clamped to it). */
export function position(axis: Axis, date: string): number {
  return Math.min(100, Math.max(0, (daysBetween(axis.start, date) / axis.days) * 100));
}

export interface Milestone {
  date: string;
  label: string;
  /** What it did to the clocks, in words. */
  effect: string;
  kind: 'start' | 'stop' | 'end' | 'mdt' | 'census';
  href?: string;
}

const STARTS: Record<CancerClockName, string> = {
  fds_28: '28-day Faster Diagnosis',
  treatment_31: '31-day',
  treatment_62: '62-day',
};

function joinNames(names: CancerClockName[]): string {
  const words = names.map((n) => STARTS[n]);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The clocks whose start (or stop) is `date`. */
function clocksAt(pathway: CancerPathwayDetail, date: string, end: 'start_date' | 'stop_date'): CancerClockName[] {
  return CANCER_CLOCKS.filter((n) => pathway.clocks[n][end] === date && pathway.clocks[n].state !== 'not_applicable');
}

/** The pathway's dated events, oldest first, each with what it did to the clocks. */
export function milestones(pathway: CancerPathwayDetail, asOf: string, meetingHref: (id: string) => string): Milestone[] {
  const list: Milestone[] = [];
  const effect = (date: string, fallback: string) => {
    const started = clocksAt(pathway, date, 'start_date');
    const stopped = clocksAt(pathway, date, 'stop_date');
    const parts: string[] = [];
    if (started.length) parts.push(`starts the ${joinNames(started)} ${started.length === 1 ? 'clock' : 'clocks'}`);
    if (stopped.length) parts.push(`stops the ${joinNames(stopped)} ${stopped.length === 1 ? 'clock' : 'clocks'}`);
    return parts.length ? `${parts.join('; ')}.` : fallback;
  };
  const kindAt = (date: string): Milestone['kind'] => (clocksAt(pathway, date, 'stop_date').length ? 'stop' : 'start');

  list.push({ date: pathway.referral_received_date, label: 'Referral received', effect: effect(pathway.referral_received_date, 'No clock starts on this route.'), kind: 'start' });
  if (pathway.upgrade_date) list.push({ date: pathway.upgrade_date, label: 'Upgraded by a consultant', effect: effect(pathway.upgrade_date, 'No clock change.'), kind: 'start' });
  if (pathway.diagnosis && pathway.diagnosis_communicated_date) {
    const ruledOut = pathway.diagnosis === 'ruled_out';
    const date = pathway.diagnosis_communicated_date;
    list.push({
      date,
      label: ruledOut ? 'Told cancer is ruled out' : 'Told of the cancer diagnosis',
      effect: ruledOut ? `${effect(date, '')} The 62-day clock ends unmeasured.`.trim() : effect(date, 'No clock change: the Faster Diagnosis clock had already stopped.'),
      kind: ruledOut ? 'end' : kindAt(date),
    });
  }
  if (pathway.decision_to_treat_date) list.push({ date: pathway.decision_to_treat_date, label: 'Decision to treat agreed', effect: effect(pathway.decision_to_treat_date, 'No clock change.'), kind: 'start' });
  if (pathway.first_treatment_date) list.push({ date: pathway.first_treatment_date, label: 'First definitive treatment', effect: effect(pathway.first_treatment_date, 'No clock change.'), kind: 'stop' });
  for (const d of pathway.mdt) {
    const label = d.meeting_status === 'held' ? 'Discussed at an MDT meeting' : d.meeting_status === 'planned' ? 'Listed for an MDT meeting' : 'Listed for an MDT meeting that was cancelled';
    list.push({ date: d.meeting_date, label, effect: 'An MDT meeting never starts or stops a clock.', kind: 'mdt', href: meetingHref(d.meeting_id) });
  }
  list.push({ date: asOf, label: 'Census date (the clocks are counted to here)', effect: 'Dates after it count as not yet happened.', kind: 'census' });
  // Same day: the census last, then the order the events happen in on a pathway.
  const rank: Record<Milestone['kind'], number> = { start: 0, end: 1, stop: 1, mdt: 2, census: 3 };
  return list.filter((m) => m.kind === 'census' || m.date <= asOf || m.kind === 'mdt').sort((a, b) => a.date.localeCompare(b.date) || rank[a.kind] - rank[b.kind]);
}
