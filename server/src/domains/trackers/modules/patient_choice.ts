import { daysBetween, defineTracker, type TrackerRow } from '../define.js';

/** §1.6: a patient's request to delay by more than 6 weeks goes to clinical review; the clock never pauses. */
const CLINICAL_REVIEW_AFTER_DAYS = 42;

function longDelay(row: TrackerRow): boolean {
  const { kind, from, to } = row.fields;
  return kind === 'requested_delay' && typeof from === 'string' && typeof to === 'string' && daysBetween(from, to) > CLINICAL_REVIEW_AFTER_DAYS;
}

/** Declined offers, requested delays and declared unavailability: logged, and reviewed when the delay is long. */
export default defineTracker({
  module: 'patient_choice',
  name: 'Patient choice and deferrals',
  description: 'Declined offers, requested delays and unavailability. A delay over 6 weeks goes to clinical review; the RTT clock keeps running.',
  fields: [
    {
      name: 'kind',
      label: 'Kind',
      type: 'enum',
      required: true,
      options: ['declined_offer', 'requested_delay', 'unavailable'],
      optionLabels: ['Declined a reasonable offer', 'Asked to delay', 'Declared unavailable'],
    },
    { name: 'offered_date', label: 'Date offered', type: 'date', futureAllowed: true, help: 'A reasonable offer is at least 3 weeks after it is made.' },
    { name: 'from', label: 'From', type: 'date', futureAllowed: true },
    { name: 'to', label: 'To', type: 'date', futureAllowed: true, notBefore: 'from' },
  ],
  columns: ['patient_name', 'kind', 'offered_date', 'from', 'to', 'status'],
  statuses: ['logged', 'clinical_review', 'closed'],
  statusLabels: { logged: 'Logged', clinical_review: 'Clinical review', closed: 'Closed' },
  transitions: { logged: ['clinical_review', 'closed'], clinical_review: ['closed'] },
  initialStatus: (row) => (longDelay(row) ? 'clinical_review' : 'logged'),
  rule: (row) => {
    const out = [];
    if (row.fields.kind === 'requested_delay' && (row.fields.from == null || row.fields.to == null)) {
      out.push({ path: row.fields.from == null ? 'fields.from' : 'fields.to', message: 'A requested delay needs its from and to dates' });
    }
    if (longDelay(row) && row.status === 'logged') {
      out.push({ path: 'status', message: 'A delay of more than 6 weeks goes to clinical review (§1.6); the clock keeps running' });
    }
    return out;
  },
});
