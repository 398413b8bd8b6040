/**
 * Spreadsheet formula injection (OWASP "CSV Injection"), both directions, for every CSV the
 * product writes and reads.
 *
 * Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-`, `@`, tab or CR.
 * The writer puts one apostrophe in front of such text: spreadsheets then take the cell as text
 * (and hide the apostrophe). An export must also import back to the same data, so the reader has
 * to undo the prefix without guessing, including for text that really does start with
 * apostrophes followed by a trigger (a name stored as `'=x`). Hence the rule:
 *
 * - write: text matching `'*T…` (a run of apostrophes, possibly empty, then a trigger T) gets one
 *   more apostrophe in front;
 * - read: a cell matching `'+T…` (at least one apostrophe, then a trigger) loses one apostrophe.
 *
 * Every prefixed cell matches the read pattern, and a cell the writer left alone cannot (it would
 * have matched the write pattern), so `importCell(exportCell(s)) === s` for every string and no
 * written cell starts with a trigger. For example `=x` ⇄ `'=x`, `'=x` ⇄ `''=x`, while `'Tis` and
 * `''a` pass both ways unchanged. (A rule of only "T…, or `'`T…" would write `'=x` as `''=x` and
 * could not read it back.)
 */

/** The first characters that make a spreadsheet evaluate a cell. */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;
const PREFIXED = /^'+[=+\-@\t\r]/;

/** The text as written to a CSV cell: never starts with a formula trigger. */
export function exportCell(text: string): string {
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

/** A CSV cell as read: undoes exactly the prefix `exportCell` adds. */
export function importCell(cell: string): string {
  return PREFIXED.test(cell) ? cell.slice(1) : cell;
}
