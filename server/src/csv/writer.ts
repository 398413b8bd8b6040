import { stringify } from 'csv-stringify/sync';
import { exportCell } from '../contract/csv-cells.js';

/** A cell as the product hands it over; its JavaScript type decides how it is written. */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * CSV text (RFC 4180 quoting by csv-stringify, `\n` between records) for `rows`. Every CSV the
 * server writes goes through here, so no text a user typed reaches a spreadsheet as a formula.
 *
 * Only text is neutralised, by `exportCell`. A finite number is a figure the product computed, and
 * `String(n)` is a plain numeric literal (`-3`, `1e-7`) that spreadsheets read as that number,
 * never as a formula; prefixing it would turn a negative figure into text and break sums. So a
 * column is numeric only by holding JavaScript numbers: whatever arrives as a string (an NHS
 * number, a date, a name) is text and is checked, even when it looks numeric. `NaN` and the
 * infinities are written as text for the same reason.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(rows.map((row) => row.map(cellText)));
}

function cellText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : exportCell(String(value));
  return exportCell(value);
}
