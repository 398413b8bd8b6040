import { describe, expect, it } from 'vitest';
import { PTL_IMPORT_COLUMNS, PTL_IMPORT_HEADER, ptlImportTemplateCsv } from '../../../server/src/contract/ptl-import.js';
import { CsvHeaderError, IMPORT_COLUMNS, parsePtlCsv } from '../../../server/src/domains/ptl/csv.js';

const TODAY = '2026-06-30';

/** The template with one column's example swapped for `value`. */
function templateWith(column: string, value: string): string {
  const row = PTL_IMPORT_COLUMNS.map((c) => (c.name === column ? value : c.example));
  return `${PTL_IMPORT_HEADER}\n${row.map((v) => (v.includes(',') ? `"${v}"` : v)).join(',')}\n`;
}

/** The template's header and example without `column`. */
function templateWithout(column: string): string {
  const kept = PTL_IMPORT_COLUMNS.filter((c) => c.name !== column);
  return `${kept.map((c) => c.name).join(',')}\n${kept.map((c) => c.example).join(',')}\n`;
}

describe('the PTL import template', () => {
  it('has the importer’s header, in its order, and an example row the importer accepts', () => {
    const [header, example, rest] = ptlImportTemplateCsv().split('\r\n');
    expect(header).toBe(IMPORT_COLUMNS.join(','));
    expect(example).toBe('RTT-0001,Jane Example,943 476 5919,Trauma and Orthopaedics,2025-01-06,2025-01-06,routine,P3,awaiting_first_appointment');
    expect(rest).toBe('');
    const parsed = parsePtlCsv(ptlImportTemplateCsv(), TODAY);
    expect(parsed.errors).toEqual([]);
    expect(parsed.valid).toHaveLength(1);
  });

  it('lists, for each coded column, values the importer accepts, every one of them', () => {
    const coded = PTL_IMPORT_COLUMNS.filter((c) => c.allowed);
    expect(coded.map((c) => c.name)).toEqual(['specialty', 'pathway_type', 'priority', 'current_status']);
    for (const column of coded) {
      for (const value of column.allowed!) {
        const parsed = parsePtlCsv(templateWith(column.name, value), TODAY);
        expect(parsed.errors, `${column.name} = ${value}`).toEqual([]);
      }
    }
    expect(parsePtlCsv(templateWith('pathway_type', 'elective'), TODAY).errors).toHaveLength(1);
  });

  it('marks as required exactly the columns the importer refuses a file without', () => {
    for (const column of PTL_IMPORT_COLUMNS) {
      const read = () => parsePtlCsv(templateWithout(column.name), TODAY);
      if (column.required) expect(read, column.name).toThrow(CsvHeaderError);
      else expect(read().errors, column.name).toEqual([]);
    }
  });
});
