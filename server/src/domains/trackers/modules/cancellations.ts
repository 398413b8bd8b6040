import { defineTracker } from '../define.js';
import { appointmentRegister } from '../appointment-register.js';

/** Every appointment cancelled by the patient or the hospital; neither stops the RTT clock (§1.4). */
export default defineTracker({
  module: 'cancellations',
  name: 'Cancellations',
  description:
    'Every appointment cancelled by the patient or by the hospital, and whether it was rebooked. Neither kind stops or adjusts the RTT clock. Record cancellations from a clinic’s day list.',
  readOnly: true,
  fields: [
    { name: 'by', label: 'Cancelled by', type: 'enum', options: ['patient', 'hospital'], optionLabels: ['Patient', 'Hospital'] },
    { name: 'date', label: 'Appointment date', type: 'date' },
    { name: 'clinic', label: 'Clinic', type: 'text' },
    { name: 'outcome_date', label: 'Cancelled on', type: 'date' },
    { name: 'rebooked_as', label: 'Rebooked as', type: 'text' },
    { name: 'rebooked_date', label: 'Rebooked for', type: 'date' },
    { name: 'rtt_effect', label: 'RTT effect', type: 'textarea' },
  ],
  columns: ['patient_name', 'by', 'date', 'clinic', 'outcome_date', 'rebooked_date'],
  statuses: ['patient_cancelled', 'hospital_cancelled'],
  statusLabels: { patient_cancelled: 'Cancelled by the patient', hospital_cancelled: 'Cancelled by the hospital' },
  transitions: {},
  view: appointmentRegister('cancellations', ['patient_cancelled', 'hospital_cancelled'], (r) => ({
    by: r.status === 'patient_cancelled' ? 'patient' : 'hospital',
    date: r.date,
    clinic: r.clinic_name,
    outcome_date: r.outcome_date,
    rebooked_as: r.rebooked_as,
    rebooked_date: r.rebooked_date,
    rtt_effect: r.rtt_effect,
  })),
});
