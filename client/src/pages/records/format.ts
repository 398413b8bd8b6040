import type { RecordParty } from '$contract';

export function fullName(p: RecordParty): string {
  return `${p.first_name} ${p.last_name}`.trim() || 'Unknown';
}

export function doctorName(p: RecordParty): string {
  const name = `${p.first_name} ${p.last_name}`.trim();
  return name ? `Dr ${name}` : 'A doctor';
}
