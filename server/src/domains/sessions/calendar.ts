import ical from 'ical-generator';
import type { SessionRow } from './repo.js';

/** An iCalendar file for one session, with the room link, in UTC (calendars show it in local time). */
export function sessionCalendar(s: SessionRow, appUrl: string, yourRole: string): string {
  const minutes = Math.ceil((s.reading_s + s.consultation_s + s.feedback_s) / 60) + 5;
  const calendar = ical({ name: 'OSCE Practice', prodId: { company: 'OSCE Practice', product: 'practice-sessions' } });
  calendar.createEvent({
    id: `${s.id}@osce-practice`,
    start: s.datetime_utc,
    end: new Date(s.datetime_utc.getTime() + minutes * 60_000),
    summary: `Practice station (${yourRole})`,
    description: `Your role: ${yourRole}. Join the room: ${appUrl}${s.room_url}`,
    url: `${appUrl}${s.room_url}`,
    timezone: 'UTC',
  });
  return calendar.toString();
}
