import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IsoDateSchema, IsoInstantSchema, PG_INT_MAX, Text, VersionSchema } from '../../server/src/contract/primitives.js';

const contractDir = path.resolve(import.meta.dirname, '../../server/src/contract');

describe('contract primitives', () => {
  it('every text schema in the contract is built on the shared Text (a new module cannot forget the NUL rule)', () => {
    const offenders: string[] = [];
    for (const file of readdirSync(contractDir).filter((f) => f.endsWith('.ts') && f !== 'primitives.ts')) {
      readFileSync(path.join(contractDir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // `z.string()` and `z.number()` (for versions) must come from primitives.ts; a `.string()` on its own line is the same call split.
          if (/\bz\s*\.\s*string\s*\(|^\s*\.string\s*\(/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
          if (/version\s*:\s*z\s*\.\s*number/.test(line)) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('Text refuses a NUL anywhere, keeps everything else verbatim, and chains like z.string()', () => {
    expect(Text.safeParse('a\u0000b').success).toBe(false);
    expect(Text.safeParse('\u0000').success).toBe(false);
    for (const ok of ['', "O'Brien", 'Zoë 😀 مرحبا', 'line\nbreak\ttab']) expect(Text.parse(ok)).toBe(ok);
    const name = Text.trim().min(1).max(5);
    expect(name.parse('  abc  ')).toBe('abc');
    expect(name.safeParse(' x\u0000 ').success).toBe(false);
    expect(name.safeParse('abcdef').success).toBe(false);
  });

  it('a version is a positive PostgreSQL integer', () => {
    expect(VersionSchema.parse(1)).toBe(1);
    expect(VersionSchema.parse(PG_INT_MAX)).toBe(PG_INT_MAX);
    for (const bad of [0, -1, 1.5, PG_INT_MAX + 1, 2 ** 53, Number.NaN, '1']) expect(VersionSchema.safeParse(bad).success).toBe(false);
  });

  it('dates are real and within 1900–2099', () => {
    for (const ok of ['1900-01-01', '2024-02-29', '2099-12-31']) expect(IsoDateSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['1899-12-31', '2100-01-01', '9999-12-31', '0001-01-01', '2023-02-29', '2024-1-1', '']) expect(IsoDateSchema.safeParse(bad).success).toBe(false);
    const instant = IsoInstantSchema();
    expect(instant.safeParse('2026-12-01T18:30:00Z').success).toBe(true);
    expect(instant.safeParse('2099-12-31T23:59:59+00:00').success).toBe(true);
    for (const bad of ['9999-12-31T10:00:00Z', '0001-01-01T00:00:00Z', '2026-12-01 18:30']) expect(instant.safeParse(bad).success).toBe(false);
  });
});
