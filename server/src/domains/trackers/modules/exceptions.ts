import { defineTracker } from '../define.js';

/** Clinical exceptions raised on a pathway, reviewed and closed. */
export default defineTracker({
  module: 'exceptions',
  name: 'Clinical exceptions',
  description: 'Clinical exceptions raised on a pathway, their review date and their closure.',
  fields: [
    { name: 'reason', label: 'Reason', type: 'textarea', required: true },
    { name: 'raised_on', label: 'Raised on', type: 'date', required: true },
    { name: 'review_due', label: 'Review due', type: 'date', futureAllowed: true, notBefore: 'raised_on' },
  ],
  columns: ['patient_name', 'reason', 'raised_on', 'review_due', 'status'],
  statuses: ['open', 'under_review', 'closed'],
  statusLabels: { open: 'Open', under_review: 'Under review', closed: 'Closed' },
  transitions: { open: ['under_review'], under_review: ['closed'] },
});
