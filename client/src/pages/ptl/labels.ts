import {
  CLINICAL_PRIORITIES,
  PATHWAY_STAGES,
  PATHWAY_TYPES,
  SPECIALTIES,
  WAIT_GROUPS,
  type ClinicalPriority,
  type ClockState,
  type PathwayStage,
  type PathwayType,
  type PtlEventType,
  type WaitGroup,
} from '$contract';

/** Human wording for the PTL's codes: event types, stages, pathway types, states and groups. */

export const EVENT_LABELS: Record<PtlEventType, string> = {
  outpatient_attended: 'Outpatient appointment attended',
  diagnostics: 'Diagnostic test',
  decision_to_admit: 'Decision to admit (added to the waiting list)',
  pre_op_assessment: 'Pre-operative assessment',
  first_appointment_dna: 'Did not attend the first appointment',
  later_appointment_dna: 'Did not attend a later appointment (rebooked)',
  discharged_after_dna: 'Discharged after not attending (clinician approved)',
  patient_cancelled: 'Patient cancelled an appointment',
  hospital_cancelled: 'Hospital cancelled an appointment',
  patient_requested_delay: 'Patient asked to delay',
  admitted_not_treated: 'Admitted but not treated',
  treatment_outpatient: 'First definitive treatment (outpatient)',
  treatment_admitted: 'First definitive treatment (admitted)',
  active_monitoring_patient: 'Active monitoring (patient’s choice)',
  active_monitoring_clinician: 'Active monitoring (clinician’s decision)',
  decision_not_to_treat: 'Decision not to treat or discharged',
  added_to_transplant_list: 'Added to a transplant list',
  patient_declined_treatment: 'Patient declined treatment',
  patient_died: 'Patient died before treatment',
  rebooked_after_dna: 'Rebooked after a first-appointment DNA',
  clinician_reoffer_after_dna: 'Clinician decided to re-offer after a DNA',
  decision_to_treat_after_monitoring: 'Decision to treat after active monitoring',
  new_period_second_side: 'Fit and ready for the second side (bilateral)',
  new_period_new_treatment: 'New treatment decided after a completed period',
  transferred_out: 'Transferred to another provider',
};

/** What the referral itself is called where a clock explanation points at the start. */
export const CLOCK_START_LABEL = 'Referral received (clock start)';

export function eventLabel(type: PtlEventType | 'clock_start'): string {
  return type === 'clock_start' ? CLOCK_START_LABEL : EVENT_LABELS[type];
}

/** The event select's groups, by what each event does to the clock. */
export const EVENT_GROUPS: readonly { label: string; types: readonly PtlEventType[] }[] = [
  {
    label: 'Keeps the clock running',
    types: [
      'outpatient_attended',
      'diagnostics',
      'decision_to_admit',
      'pre_op_assessment',
      'later_appointment_dna',
      'patient_cancelled',
      'hospital_cancelled',
      'patient_requested_delay',
      'admitted_not_treated',
    ],
  },
  {
    label: 'Stops the clock',
    types: [
      'treatment_outpatient',
      'treatment_admitted',
      'active_monitoring_patient',
      'active_monitoring_clinician',
      'decision_not_to_treat',
      'discharged_after_dna',
      'added_to_transplant_list',
      'patient_declined_treatment',
      'patient_died',
    ],
  },
  {
    label: 'Starts a new clock',
    types: [
      'rebooked_after_dna',
      'clinician_reoffer_after_dna',
      'decision_to_treat_after_monitoring',
      'new_period_second_side',
      'new_period_new_treatment',
    ],
  },
  { label: 'Other', types: ['first_appointment_dna', 'transferred_out'] },
];

/** DNA events, where whether the appointment was clearly communicated matters. */
export const DNA_EVENTS: ReadonlySet<PtlEventType> = new Set<PtlEventType>([
  'first_appointment_dna',
  'later_appointment_dna',
  'discharged_after_dna',
]);

export const STAGE_LABELS: Record<PathwayStage, string> = {
  awaiting_first_appointment: 'Awaiting first appointment',
  awaiting_follow_up: 'Awaiting follow-up',
  awaiting_diagnostics: 'Awaiting diagnostics',
  awaiting_decision: 'Awaiting decision',
  admitted_waiting_list: 'Admitted waiting list',
  tci_booked: 'TCI booked',
  active_monitoring: 'Active monitoring',
  treated: 'Treated',
  discharged: 'Discharged',
};

export const PATHWAY_TYPE_LABELS: Record<PathwayType, string> = {
  routine: 'Routine',
  urgent: 'Urgent',
  '2ww': 'Two-week wait',
  '62day': '62-day cancer',
};

/** For the PTL table's narrow column. */
export const PATHWAY_TYPE_SHORT: Record<PathwayType, string> = {
  routine: 'Routine',
  urgent: 'Urgent',
  '2ww': '2WW',
  '62day': '62-day',
};

export const PRIORITY_LABELS: Record<ClinicalPriority, string> = {
  P1a: 'P1a – within 24 hours',
  P1b: 'P1b – within 72 hours',
  P2: 'P2 – within 4 weeks',
  P3: 'P3 – within 3 months',
  P4: 'P4 – more than 3 months',
  P5: 'P5 – patient chose to wait (COVID-19)',
  P6: 'P6 – patient chose to wait (other)',
};

export const CLOCK_STATE_LABELS: Record<ClockState, string> = {
  running: 'Running',
  stopped: 'Stopped',
  nullified: 'Nullified',
};

/** The list's state filter: `open` = running clocks still on this PTL. */
export const STATE_FILTERS = ['open', 'running', 'stopped', 'nullified', 'transferred', 'all'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];
export const STATE_FILTER_LABELS: Record<StateFilter, string> = {
  open: 'Open (on this PTL)',
  running: 'Running',
  stopped: 'Stopped',
  nullified: 'Nullified',
  transferred: 'Transferred out',
  all: 'All',
};

export const WAIT_GROUP_LABELS: Record<WaitGroup, string> = {
  '0-18': 'Up to 18 weeks',
  '18-52': '18 to 52 weeks',
  '52-65': '52 to 65 weeks',
  '65-78': '65 to 78 weeks',
  '78-104': '78 to 104 weeks',
  '104+': 'Over 104 weeks',
};

export const SPECIALTY_OPTIONS = SPECIALTIES.map((s) => ({ value: s.name, label: `${s.name} (${s.code})` }));
export const STAGE_OPTIONS = PATHWAY_STAGES.map((value) => ({ value, label: STAGE_LABELS[value] }));
export const PATHWAY_TYPE_OPTIONS = PATHWAY_TYPES.map((value) => ({ value, label: PATHWAY_TYPE_LABELS[value] }));
export const PRIORITY_OPTIONS = CLINICAL_PRIORITIES.map((value) => ({ value, label: PRIORITY_LABELS[value] }));
export const STATE_FILTER_OPTIONS = STATE_FILTERS.map((value) => ({ value, label: STATE_FILTER_LABELS[value] }));
export const WAIT_GROUP_OPTIONS = WAIT_GROUPS.map((value) => ({ value, label: WAIT_GROUP_LABELS[value] }));
