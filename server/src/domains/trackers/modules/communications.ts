import { defineTracker } from '../define.js';

/** Letters, calls, texts and emails with patients, GPs and other providers, and the replies they wait for. */
export default defineTracker({
  module: 'communications',
  name: 'Communications',
  description: 'Letters, calls, texts and emails in and out, and the replies they are waiting for.',
  fields: [
    { name: 'channel', label: 'Channel', type: 'enum', required: true, options: ['letter', 'phone', 'text', 'email'], optionLabels: ['Letter', 'Phone', 'Text message', 'Email'] },
    { name: 'direction', label: 'Direction', type: 'enum', required: true, options: ['in', 'out'], optionLabels: ['Incoming', 'Outgoing'] },
    { name: 'subject', label: 'Subject', type: 'text', required: true },
    { name: 'sent_on', label: 'Sent on', type: 'date', requiredFrom: ['sent', 'replied'] },
    { name: 'reply_due', label: 'Reply due', type: 'date', futureAllowed: true, notBefore: 'sent_on' },
  ],
  columns: ['patient_name', 'subject', 'channel', 'direction', 'sent_on', 'reply_due', 'status'],
  statuses: ['draft', 'sent', 'replied', 'closed'],
  statusLabels: { draft: 'Draft', sent: 'Sent', replied: 'Replied', closed: 'Closed' },
  transitions: { draft: ['sent'], sent: ['replied', 'closed'] },
});
