import { exportCell } from '$contract';

/**
 * RFC 4180 CSV text. Text cells a spreadsheet would run as a formula go through the contract's
 * `exportCell`, the same rule the server's CSV writer applies, so a downloaded report cannot carry
 * a formula into Excel and still reads back as written.
 */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? exportCell(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
