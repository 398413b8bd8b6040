import { anyTo, defineTracker } from '../define.js';

const statuses = ['planned', 'signed', 'confirmed', 'withdrawn'] as const;

/** Consent for a procedure on NHS consent forms 1–4: discussed, signed, confirmed on the day, or withdrawn. */
export default defineTracker({
  module: 'consent',
  name: 'Consent',
  description: 'Consent for procedures on forms 1–4: discussed, signed, confirmed on the day, or withdrawn at any point.',
  fields: [
    { name: 'procedure', label: 'Procedure', type: 'text', required: true },
    {
      name: 'form',
      label: 'Consent form',
      type: 'enum',
      required: true,
      options: ['1', '2', '3', '4'],
      optionLabels: ['Form 1 (adult with capacity)', 'Form 2 (parent for a child)', 'Form 3 (no loss of consciousness)', 'Form 4 (adult lacking capacity)'],
    },
    { name: 'discussed_on', label: 'Discussed on', type: 'date', required: true },
    { name: 'signed_on', label: 'Signed on', type: 'date', notBefore: 'discussed_on', requiredFrom: ['signed', 'confirmed'] },
    { name: 'confirmed_on', label: 'Confirmed on', type: 'date', notBefore: 'signed_on', requiredFrom: ['confirmed'] },
  ],
  columns: ['patient_name', 'procedure', 'form', 'discussed_on', 'signed_on', 'status'],
  statuses,
  statusLabels: { planned: 'Planned', signed: 'Signed', confirmed: 'Confirmed', withdrawn: 'Withdrawn' },
  // Consent can be withdrawn at any point before it is complete; withdrawn is final.
  transitions: anyTo(statuses, { planned: ['signed'], signed: ['confirmed'] }, 'withdrawn'),
});
