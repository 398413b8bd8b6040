import { defineTracker } from '../define.js';

/** Transfers of care in and out; the RTT clock start travels with the patient (§1.4). */
export default defineTracker({
  module: 'transfers',
  name: 'Transfers of care',
  description: 'Transfers in and out of the trust. The original clock start is kept: the wait carries on at the new provider.',
  fields: [
    { name: 'direction', label: 'Direction', type: 'enum', required: true, options: ['in', 'out'], optionLabels: ['Into this trust', 'Out to another provider'] },
    { name: 'other_provider', label: 'Other provider', type: 'text', required: true },
    { name: 'transfer_date', label: 'Transfer date', type: 'date', futureAllowed: true, requiredFrom: ['completed'] },
    { name: 'original_clock_start', label: 'Original clock start', type: 'date', required: true, help: 'Kept on transfer: the clock does not restart.' },
  ],
  columns: ['patient_name', 'direction', 'other_provider', 'transfer_date', 'original_clock_start', 'status'],
  statuses: ['requested', 'accepted', 'rejected', 'completed'],
  statusLabels: { requested: 'Requested', accepted: 'Accepted', rejected: 'Rejected', completed: 'Completed' },
  transitions: { requested: ['accepted', 'rejected'], accepted: ['completed'] },
});
