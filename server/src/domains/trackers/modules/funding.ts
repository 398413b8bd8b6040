import { defineTracker } from '../define.js';

/** Individual funding requests and prior approvals: submitted, decided, appealed. */
export default defineTracker({
  module: 'funding',
  name: 'Funding and IFR',
  description: 'Individual funding requests and prior approvals, from draft to decision, with appeals.',
  fields: [
    { name: 'treatment', label: 'Treatment', type: 'text', required: true },
    { name: 'route', label: 'Route', type: 'enum', required: true, options: ['ifr', 'prior_approval'], optionLabels: ['Individual funding request', 'Prior approval'] },
    { name: 'submitted_on', label: 'Submitted on', type: 'date', requiredFrom: ['submitted', 'approved', 'declined', 'appealed'] },
    { name: 'decision_on', label: 'Decision on', type: 'date', notBefore: 'submitted_on', requiredFrom: ['approved', 'declined'] },
    { name: 'cost', label: 'Cost (£)', type: 'number', min: 0, max: 10_000_000 },
  ],
  columns: ['patient_name', 'treatment', 'route', 'submitted_on', 'decision_on', 'status'],
  statuses: ['draft', 'submitted', 'approved', 'declined', 'appealed'],
  statusLabels: { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', declined: 'Declined', appealed: 'Appealed' },
  transitions: { draft: ['submitted'], submitted: ['approved', 'declined'], declined: ['appealed'], appealed: ['approved', 'declined'] },
});
