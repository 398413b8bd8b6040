import type { ActivityKind } from '$contract';
import type { FindingStatus, QualityRule, ValidationKind, ValidationOutcome } from './types';

/** What each audit rule checks and how a user clears it: the finding page's explanation. */
export interface RuleText {
  name: string;
  /** Why the rule exists, in one or two sentences a trainee can follow. */
  why: string;
  /** What to change on the record (or why accepting it may be right). */
  fix: string;
}

export const RULES: Record<QualityRule, RuleText> = {
  nhs_number_missing: {
    name: 'NHS number missing',
    why: 'Without an NHS number the pathway cannot be matched to the patient’s other records, and duplicates go unnoticed.',
    fix: 'Find the NHS number (the referral letter, the spine) and add it to the record.',
  },
  nhs_number_invalid: {
    name: 'NHS number fails its check digit',
    why: 'The tenth digit of an NHS number is a Modulus 11 check digit; this one does not match, so at least one digit is wrong.',
    fix: 'Check the number against the referral and correct it. Rows written before the check existed need the same fix.',
  },
  date_order: {
    name: 'Dates out of order',
    why: 'A clock cannot start before the referral, an event cannot come before the clock start, and no date can be in the future. Wrong dates give a wrong wait.',
    fix: 'Correct the date that is wrong on the record (or delete and re-enter the event with the right date).',
  },
  duplicate_open_pathway: {
    name: 'Duplicate open pathway',
    why: 'Two running pathways for the same NHS number and specialty usually mean one referral was entered twice, which counts the patient twice on the PTL.',
    fix: 'Compare the pathways: stop or delete the duplicate. If both are genuine (two separate conditions), accept the finding with that reason.',
  },
  breached_no_booking: {
    name: 'Breached and not booked',
    why: 'The patient has waited more than 18 weeks and has no booked appointment: nothing on the list will stop the clock.',
    fix: 'Book the patient (clinical priority first, then in turn), or record the event that stopped the clock if treatment already happened.',
  },
  breach_soon_no_booking: {
    name: 'Breaches soon, not booked',
    why: 'The pathway reaches 18 weeks within the look-ahead window and nothing is booked before then.',
    fix: 'Book an appointment before the breach date, or record the clock stop if one has happened.',
  },
  no_recent_activity: {
    name: 'No recent activity',
    why: 'No event, appointment or validation has been recorded within the set number of weeks: the patient may have been lost on the list.',
    fix: 'Validate the pathway (administrative or clinical) in the validation queue, or record what happened since.',
  },
  status_contradicts_clock: {
    name: 'Stage contradicts the clock',
    why: 'The stage says one thing and the RTT clock another (treated but still running, awaiting an appointment but stopped).',
    fix: 'Either update the stage or add the event that explains the clock (a treatment, a discharge, a new clock start).',
  },
  clock_warning: {
    name: 'RTT engine warning',
    why: 'The RTT rules engine found something a validator should look at, such as a long patient-initiated delay needing clinical review.',
    fix: 'Read the warning on the pathway’s clock and act on it; accept the finding if it was reviewed and is right.',
  },
  cancer_fds_overdue: {
    name: 'Faster Diagnosis Standard overdue',
    why: 'The 28-day clock is still running past day 28: the patient has not been told whether they have cancer.',
    fix: 'Record the date the diagnosis (or ruling out) was communicated, or chase the diagnostic result.',
  },
  cancer_long_wait_104: {
    name: 'Over 104 days without treatment',
    why: 'A cancer pathway past 104 days without a first treatment needs a clinical harm review.',
    fix: 'Record the first treatment date if treated; otherwise escalate and record the breach reason.',
  },
};

export function ruleName(rule: string): string {
  return RULES[rule as QualityRule]?.name ?? rule;
}

export const FINDING_STATUS_LABELS: Record<FindingStatus, string> = {
  open: 'Open',
  resolved: 'Resolved',
  accepted: 'Accepted',
};

export const TARGET_LABELS = { ptl: 'PTL pathway', cancer: 'Cancer pathway' } as const;

export const KIND_LABELS: Record<ValidationKind, string> = {
  technical: 'Technical',
  administrative: 'Administrative',
  clinical: 'Clinical',
};

export const KIND_HINTS: Record<ValidationKind, string> = {
  technical: 'The data: duplicates, pathways that should have stopped, missing or wrong dates.',
  administrative: 'The patient was contacted and still needs and wants treatment.',
  clinical: 'A clinician reviewed need and urgency and set the priority.',
};

export const OUTCOME_LABELS: Record<ValidationOutcome, string> = {
  still_waiting: 'Still waiting',
  data_corrected: 'Data corrected',
  priority_set: 'Priority set',
  remove_treated: 'Remove: already treated',
  remove_no_longer_required: 'Remove: no longer required',
};

/** Where a finding's record lives in the app: its page and its edit form. */
export function recordPages(target: { type: 'ptl' | 'cancer'; id: string }): { view: string; edit: string } {
  const base = target.type === 'ptl' ? `/ptl/${encodeURIComponent(target.id)}` : `/cancer/${encodeURIComponent(target.id)}`;
  return { view: base, edit: `${base}/edit` };
}

export const qualityHref = {
  home: '/quality',
  audit: (id: string) => `/quality/audits/${encodeURIComponent(id)}`,
  finding: (id: string) => `/quality/findings/${encodeURIComponent(id)}`,
  queue: '/quality/validation',
};

export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  clock_start: 'clock start',
  event: 'event',
  appointment: 'appointment',
  validation: 'validation',
};
