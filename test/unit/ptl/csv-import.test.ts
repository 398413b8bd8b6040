import { describe, expect, it } from 'vitest';
import { parsePtlCsv } from '../../../server/src/domains/ptl/csv.js';
import { CSV_HEADER } from '../../helpers/ptl.js';

describe('parsePtlCsv and the export formula prefix', () => {
  it('undoes the prefix in every column, keeps apostrophes that belong to the text', () => {
    const csv = [
      CSV_HEADER,
      `'-PT-1,"'=HYPERLINK(""x"")",,Urology,2025-01-06,2025-01-06,routine,,`,
      `PT-2,''=x,,Urology,2025-01-06,2025-01-06,routine,,`,
      `PT-3,'Tis Ann,,Urology,2025-01-06,2025-01-06,routine,,`,
    ].join('\n');
    const parsed = parsePtlCsv(csv, '2025-06-30');
    expect(parsed.errors).toEqual([]);
    expect(parsed.valid.map((v) => [v.row.patient_id, v.row.patient_name])).toEqual([
      ['-PT-1', '=HYPERLINK("x")'],
      ['PT-2', "'=x"],
      ['PT-3', "'Tis Ann"],
    ]);
  });
});
