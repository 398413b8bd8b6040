// The bench's figures as data: every measured number the run prints is also recorded here under a
// stable key, and written as `{ key: { value, unit } }` to the file BENCH_JSON names.
//
// The run measures the embedded database first and the PostgreSQL server second (when it is set);
// a key measured on both keeps the server's figure, so the JSON holds PostgreSQL's figures when
// BENCH_DATABASE_URL is set and PGlite's otherwise.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Figure {
  value: number;
  unit: string;
}

const figures: Record<string, Figure> = {};

/** Records one figure; a later one under the same key replaces it (see above). */
export function record(key: string, value: number, unit: string): void {
  if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`bench key ${key} is not snake_case`);
  if (!Number.isFinite(value)) throw new Error(`bench figure ${key} is not a number: ${value}`);
  figures[key] = { value: Number(value.toPrecision(6)), unit };
}

export function recordedFigures(): Readonly<Record<string, Figure>> {
  return figures;
}

/** Writes the figures to BENCH_JSON, when set; returns the path written, or null. */
export function writeFigures(file = process.env.BENCH_JSON): string | null {
  if (!file) return null;
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true });
  const sorted = Object.fromEntries(Object.entries(figures).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(target, `${JSON.stringify(sorted, null, 2)}\n`);
  return target;
}

/**
 * BENCH_SCALE=small: a pass that runs every measurement on little data, so CI keeps the bench
 * working without spending minutes on it. Its figures say nothing about performance.
 */
export const SMALL = process.env.BENCH_SCALE === 'small';

/** A size from the environment, else the full or the small default. */
export function scaled(envName: string, full: number, small: number): number {
  const set = process.env[envName];
  return set ? Number(set) : SMALL ? small : full;
}
