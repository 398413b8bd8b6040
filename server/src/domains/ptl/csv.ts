import { parse } from 'csv-parse/sync';
import type { ErrorDetail } from '../../contract/errors.js';
import { PATHWAY_FIELDS, PathwayCreateSchema, SPECIALTIES, type PtlImportRowError } from '../../contract/ptl.js';
import { importCell } from '../../contract/csv-cells.js';
import { zodDetails } from '../../http/validate.js';
import type { PathwayFieldsRow } from './repo.js';
import { pathwayDateProblems } from './rules.js';

/** The import header: the pathway's editable fields. */
export const IMPORT_COLUMNS = PATHWAY_FIELDS;

/** What an export adds after the import columns; an exported file can be imported again as it is. */
export const EXPORT_ONLY_COLUMNS = [
  'clock_state',
  'clock_period_start',
  'clock_stop_date',
  'days_waited',
  'weeks_waited',
  'band',
  'wait_group',
  'breach_date',
  'breached',
  'on_ptl',
] as const;

const REQUIRED = ['patient_id', 'patient_name', 'specialty', 'referral_date', 'clock_start_date', 'pathway_type'];
const specialtyByCode = new Map<string, string>(SPECIALTIES.map((s) => [s.code.toLowerCase(), s.name]));
const specialtyByName = new Map<string, string>(SPECIALTIES.map((s) => [s.name.toLowerCase(), s.name]));

export interface ParsedImport {
  total: number;
  valid: { line: number; row: PathwayFieldsRow }[];
  errors: PtlImportRowError[];
}

export class CsvHeaderError extends Error {
  constructor(readonly details: ErrorDetail[]) {
    super('The CSV header is not usable');
  }
}

/** Accepts a treatment-function code (e.g. 110) or its name in any case. */
function specialtyName(raw: string): string {
  const key = raw.trim().toLowerCase();
  return specialtyByName.get(key) ?? specialtyByCode.get(key) ?? raw.trim();
}

/**
 * Reads and validates a PTL CSV row by row, undoing the writer's formula prefix (`'=…` reads as
 * `=…`, see contract/csv-cells.ts). Each bad row is reported with its line in the file and every reason;
 * the good rows are returned ready to insert. Duplicate patient IDs inside the file are bad rows
 * too (the first occurrence stays good).
 */
export function parsePtlCsv(text: string, today: string): ParsedImport {
  let records: Record<string, string>[];
  let header: string[] = [];
  // Line numbers through on_record: far cheaper than the `info` option, which copies a context per record.
  const lineOf: number[] = [];
  try {
    records = parse(text, {
      bom: true,
      columns: (h: string[]) => {
        header = h.map((c) => c.trim().toLowerCase());
        return header;
      },
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (record: Record<string, string>, context: { lines: number }) => {
        lineOf.push(context.lines);
        // Undo the export's formula prefix in every column: a patient ID may start with `-` too.
        for (const [column, value] of Object.entries(record)) if (typeof value === 'string') record[column] = importCell(value);
        return record;
      },
    }) as typeof records;
  } catch (err) {
    throw new CsvHeaderError([{ path: 'file', message: `Not a readable CSV file: ${(err as Error).message}` }]);
  }
  const known = new Set<string>([...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS]);
  const problems: ErrorDetail[] = [];
  const unknown = header.filter((h) => !known.has(h));
  if (header.length === 0) problems.push({ path: 'file', message: 'The file is empty' });
  if (unknown.length) problems.push({ path: 'header', message: `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` });
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length && header.length) problems.push({ path: 'header', message: `Missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` });
  if (problems.length) throw new CsvHeaderError(problems);

  const seen = new Map<string, number>();
  const valid: ParsedImport['valid'] = [];
  const errors: PtlImportRowError[] = [];
  for (const [index, record] of records.entries()) {
    const line = lineOf[index]!;
    const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());
    const candidate = {
      patient_id: record.patient_id ?? '',
      patient_name: record.patient_name ?? '',
      nhs_number: blankToNull(record.nhs_number),
      specialty: specialtyName(record.specialty ?? ''),
      referral_date: (record.referral_date ?? '').trim(),
      clock_start_date: (record.clock_start_date ?? '').trim(),
      pathway_type: (record.pathway_type ?? '').trim().toLowerCase(),
      priority: blankToNull(record.priority),
      current_status: blankToNull(record.current_status) ?? undefined,
    };
    const parsed = PathwayCreateSchema.safeParse(candidate);
    const patientId = candidate.patient_id.trim() || null;
    if (!parsed.success) {
      errors.push({ line, patient_id: patientId, errors: zodDetails(parsed.error).map((d) => ({ field: d.path, message: d.message })) });
      continue;
    }
    const row = parsed.data;
    const dateProblems = pathwayDateProblems(row, today);
    const firstLine = seen.get(row.patient_id);
    if (firstLine !== undefined) dateProblems.push({ path: 'patient_id', message: `Duplicate of line ${firstLine} in this file` });
    if (dateProblems.length) {
      errors.push({ line, patient_id: row.patient_id, errors: dateProblems.map((d) => ({ field: d.path, message: d.message })) });
      continue;
    }
    seen.set(row.patient_id, line);
    valid.push({ line, row: { ...row, priority: row.priority ?? null, nhs_number: row.nhs_number ?? null } });
  }
  return { total: records.length, valid, errors };
}
