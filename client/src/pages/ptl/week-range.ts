import { formatDate } from '../../lib/dates';

/** `2025-05-14` → `14 May`: the chart's weeks are all within a few weeks of today. */
function dayMonth(iso: string): string {
  return formatDate(iso).replace(/ \d{4}$/, '');
}

/**
 * A week's dates as the breach chart labels it, in as many lines as its slot needs:
 * `14 May – 20 May` when it fits, then `14–20 May`, and finally the two ends on two lines.
 */
export function weekRangeLines(from: string, to: string, fits: (line: string) => boolean): string[] {
  const start = dayMonth(from);
  const end = dayMonth(to);
  const full = `${start} – ${end}`;
  if (fits(full)) return [full];
  const [startDay, startMonth] = start.split(' ');
  const compact = startMonth === end.split(' ')[1] ? `${startDay}–${end}` : full.replace(/ – /, '–');
  if (fits(compact)) return [compact];
  return [`${start} –`, end];
}
