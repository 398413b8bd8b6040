import { MEETING_STATUS_LABELS, type MdtMeeting } from '$contract';
import type { ColumnDef } from '../../lib/kit/definition';
import { formatDay } from '../../lib/dates';
import { TUMOUR_SITE_LABELS } from '../cancer/labels';

/** How the MDT pages name and list a meeting. */

/** "Breast MDT" */
export function meetingTeam(meeting: Pick<MdtMeeting, 'tumour_site'>): string {
  return `${TUMOUR_SITE_LABELS[meeting.tumour_site]} MDT`;
}

/** "Breast MDT, Thu 3 Dec 2026 at 13:00" */
export function meetingTitle(meeting: Pick<MdtMeeting, 'tumour_site' | 'meeting_date' | 'start_time'>): string {
  return `${meetingTeam(meeting)}, ${formatDay(meeting.meeting_date)}${meeting.start_time ? ` at ${meeting.start_time}` : ''}`;
}

export const MEETING_COLUMNS: readonly ColumnDef<MdtMeeting>[] = [
  { key: 'meeting_date', label: 'Date', text: (m) => formatDay(m.meeting_date) },
  { key: 'start_time', label: 'Time', text: (m) => m.start_time ?? '—' },
  { key: 'tumour_site', label: 'Team', text: (m) => meetingTeam(m) },
  { key: 'status', label: 'Status', text: (m) => MEETING_STATUS_LABELS[m.status] },
  { key: 'listed', label: 'Patients', text: (m) => String(m.summary.listed) },
  { key: 'ready', label: 'Ready', text: (m) => `${m.summary.ready} of ${m.summary.listed}` },
  { key: 'outcomes', label: 'Outcomes', text: (m) => `${m.summary.outcomes_recorded} recorded, ${m.summary.outcomes_to_communicate} to tell` },
  { key: 'open_actions', label: 'Open actions', text: (m) => String(m.summary.open_actions) },
];
