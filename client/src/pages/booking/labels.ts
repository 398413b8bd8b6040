import type { AppointmentOutcome, AppointmentStatus, ClinicOutcome, SlotKind, SlotStatus } from '$contract';

/** The booking codes in a clerk's words. */

export const SLOT_KIND_LABELS: Record<SlotKind, string> = { new: 'New', follow_up: 'Follow-up' };

export const SLOT_STATUS_LABELS: Record<SlotStatus, string> = { free: 'Free', booked: 'Booked', cancelled: 'Slot cancelled' };

export const APPOINTMENT_STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  attended: 'Attended',
  dna: 'Did not attend',
  patient_cancelled: 'Cancelled by patient',
  hospital_cancelled: 'Cancelled by hospital',
};

export const OUTCOME_LABELS: Record<AppointmentOutcome, string> = {
  attended: 'Attended',
  dna: 'Did not attend (DNA)',
  patient_cancelled: 'Cancelled by the patient',
  hospital_cancelled: 'Cancelled by the hospital',
};

/** What each outcome does to the RTT clock of a linked pathway (the contract's table), shown beside the choice. */
export const OUTCOME_HINTS: Record<AppointmentOutcome, string> = {
  attended: 'The patient was seen. The clock runs on, unless the clinic outcome below stops it.',
  dna: 'The patient did not come and gave no notice. A first (new) appointment DNA nullifies a routine or urgent clock when the date was clearly communicated; a later one leaves it running.',
  patient_cancelled: 'The patient called to cancel or move it, at any notice: not a DNA. The clock runs on.',
  hospital_cancelled: 'The hospital cancelled or moved it. The clock runs on, with no adjustment.',
};

export const CLINIC_OUTCOME_LABELS: Record<ClinicOutcome, string> = {
  follow_up: 'Follow-up needed (clock runs on)',
  decision_to_admit: 'Decision to admit: added to the waiting list (clock runs on)',
  treatment_started: 'First definitive treatment started in clinic (clock stops)',
  active_monitoring_patient: 'Active monitoring, the patient’s choice (clock stops)',
  active_monitoring_clinician: 'Active monitoring, the clinician’s decision (clock stops)',
  no_treatment_needed: 'No treatment needed: decision not to treat (clock stops)',
  patient_declined_treatment: 'Patient declined treatment (clock stops)',
};
