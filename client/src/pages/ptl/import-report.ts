import { PATHWAY_FIELDS } from '$contract';
import type { PtlImportRowError } from '$contract';
import { toCsv } from './csv';

/** One line per field problem, as the report table shows them. */
export interface ReportLine {
  line: number;
  patient_id: string;
  field: string;
  message: string;
}

export function reportLines(errors: readonly PtlImportRowError[]): ReportLine[] {
  return errors.flatMap((row) =>
    (row.errors.length ? row.errors : [{ field: '', message: 'Rejected' }]).map((e) => ({
      line: row.line,
      patient_id: row.patient_id ?? '',
      field: e.field,
      message: e.message,
    })),
  );
}

export function reportCsv(lines: readonly ReportLine[]): string {
  return toCsv([['line', 'patient_id', 'field', 'message'], ...lines.map((l) => [l.line, l.patient_id, l.field, l.message])]);
}

/** The CSV header the import expects, in order: the contract's pathway fields. */
export const IMPORT_COLUMNS = PATHWAY_FIELDS;
