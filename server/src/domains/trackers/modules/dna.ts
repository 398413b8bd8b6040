import { defineTracker } from '../define.js';
import { appointmentRegister } from '../appointment-register.js';

/** Every appointment marked "did not attend", with what it did to the RTT clock (§1.5). */
export default defineTracker({
  module: 'dna',
  name: 'Did not attend',
  description: 'Every appointment marked as a DNA in clinic booking, and what it did to the RTT clock. Record DNAs from a clinic’s day list.',
  readOnly: true,
  fields: [
    { name: 'date', label: 'Appointment date', type: 'date' },
    { name: 'start_time', label: 'Time', type: 'text' },
    { name: 'clinic', label: 'Clinic', type: 'text' },
    { name: 'kind', label: 'Slot', type: 'enum', options: ['new', 'follow_up'], optionLabels: ['New patient', 'Follow-up'] },
    { name: 'discharge_date', label: 'Discharged on', type: 'date' },
    { name: 'rtt_effect', label: 'RTT effect', type: 'textarea' },
  ],
  columns: ['patient_name', 'date', 'clinic', 'kind', 'rtt_effect'],
  statuses: ['dna'],
  statusLabels: { dna: 'Did not attend' },
  transitions: {},
  view: appointmentRegister('dna', ['dna'], (r) => ({
    date: r.date,
    start_time: r.start_time,
    clinic: r.clinic_name,
    kind: r.kind,
    discharge_date: r.discharge_date,
    rtt_effect: r.rtt_effect,
  })),
});
