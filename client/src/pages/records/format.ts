import type { RecordParty } from '$contract';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO timestamp in the reader's own zone and language, e.g. "22 Nov 2026, 14:05". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function fullName(p: RecordParty): string {
  return `${p.first_name} ${p.last_name}`.trim() || 'Unknown';
}

export function doctorName(p: RecordParty): string {
  const name = `${p.first_name} ${p.last_name}`.trim();
  return name ? `Dr ${name}` : 'A doctor';
}
