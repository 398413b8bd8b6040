import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { record, recordedFigures, writeFigures } from '../../../bench/figures.js';

describe('the bench’s figures file', () => {
  it('writes every recorded key as { value, unit }, sorted, the later figure of a key replacing the earlier (PostgreSQL after PGlite)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-figures-'));
    try {
      record('zeta_ms', 3, 'ms');
      record('alpha_per_s', 1234.5678912, 'req/s');
      record('zeta_ms', 2.5, 'ms');
      const file = writeFigures(path.join(dir, 'nested', 'bench.json'));
      expect(file).toBe(path.join(dir, 'nested', 'bench.json'));
      const text = await readFile(file!, 'utf8');
      expect(Object.keys(JSON.parse(text))).toEqual(['alpha_per_s', 'zeta_ms']);
      expect(JSON.parse(text)).toEqual({ alpha_per_s: { value: 1234.57, unit: 'req/s' }, zeta_ms: { value: 2.5, unit: 'ms' } });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a key that is not snake_case and a figure that is not a number, and writes nothing without BENCH_JSON', () => {
    expect(() => record('Board RPS', 1, 'req/s')).toThrow(/snake_case/);
    expect(() => record('board_rps', Number.NaN, 'req/s')).toThrow(/not a number/);
    expect(() => record('board_rps', Number.POSITIVE_INFINITY, 'req/s')).toThrow(/not a number/);
    expect(recordedFigures()).not.toHaveProperty('board_rps');
    expect(writeFigures('')).toBeNull();
  });
});
