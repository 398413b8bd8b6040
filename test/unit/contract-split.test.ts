import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Rolldown } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractSplit } from '../../client/build/contract-split.js';

// A contract in miniature, written the way server/src/contract is: values and zod schemas side by side.
const CONTRACT = {
  'primitives.ts': `
import { z } from 'zod';
export const MAX = 10;
export const Text = z.string();
`,
  'things.ts': `
import { z } from 'zod';
import { MAX, Text } from './primitives.js';
export const KINDS = ['a', 'b'] as const;
export type Kind = (typeof KINDS)[number];
export const KIND_LABELS: Record<Kind, string> = { a: 'Label of A', b: 'Label of B' };
/** A value that makes calls but needs no zod. */
export const KIND_OPTIONS = KINDS.map((value) => ({ value, label: KIND_LABELS[value] }));
const NAME_MAX = MAX * 2;
export const ThingSchema = z.strictObject({ kind: z.enum(KINDS), name: Text.max(NAME_MAX) });
export type Thing = z.infer<typeof ThingSchema>;
export const UnusedSchema = z.object({ unused_marker_field: Text });
/** No call, but it holds a schema: it belongs with the schemas. */
export const SCHEMAS = { thing: ThingSchema };
export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}
export function parseThing(value: unknown): Thing {
  return ThingSchema.parse(value);
}
`,
  'index.ts': `
export * from './primitives.js';
export * from './things.js';
`,
};

const ENTRIES = {
  'values-only.ts': `
import { KIND_OPTIONS, MAX, isKind } from './contract/index.ts';
export const options = KIND_OPTIONS;
export const max = MAX;
export const known = isKind('a') && !isKind('z');
`,
  'with-schema.ts': `
import { KIND_LABELS, ThingSchema, parseThing } from './contract/index.ts';
export const ok = ThingSchema.safeParse({ kind: 'a', name: 'short' }).success;
export const tooLong = ThingSchema.safeParse({ kind: 'a', name: 'x'.repeat(21) }).success;
export const parsed = parseThing({ kind: 'b', name: 'n' });
export const label = KIND_LABELS.b;
`,
};

/** Under node_modules, so that the fixture's `zod` resolves to the project's. */
const scratchRoot = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));

describe('the client build of the contract (client/build/contract-split.ts)', () => {
  let dir: string;
  const bundles: Record<string, { code: string; exports: Record<string, unknown> }> = {};

  beforeAll(async () => {
    await mkdir(scratchRoot, { recursive: true });
    dir = await mkdtemp(path.join(scratchRoot, 'contract-split-'));
    await mkdir(path.join(dir, 'contract'));
    for (const [name, text] of Object.entries(CONTRACT)) await writeFile(path.join(dir, 'contract', name), text);
    for (const [name, text] of Object.entries(ENTRIES)) await writeFile(path.join(dir, name), text);
    for (const name of Object.keys(ENTRIES)) {
      const result = (await build({
        root: dir,
        configFile: false,
        logLevel: 'silent',
        plugins: [contractSplit(path.join(dir, 'contract'))],
        build: { write: false, minify: false, lib: { entry: path.join(dir, name), formats: ['es'], fileName: 'out' } },
      })) as Rolldown.RolldownOutput[];
      const code = result[0]!.output.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
      const file = path.join(dir, `${name}.bundle.mjs`);
      await writeFile(file, code);
      bundles[name] = { code, exports: (await import(pathToFileURL(file).href)) as Record<string, unknown> };
    }
  }, 60_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('gives a page that uses only values no zod and no schema, and the values still work', () => {
    const { code, exports } = bundles['values-only.ts']!;
    expect(code).not.toMatch(/from ['"]zod|zod\/v4|ZodObject|\$ZodType/);
    expect(code).not.toContain('strictObject');
    expect(exports.options).toEqual([
      { value: 'a', label: 'Label of A' },
      { value: 'b', label: 'Label of B' },
    ]);
    expect(exports.max).toBe(10);
    expect(exports.known).toBe(true);
  });

  it('gives a page that uses a schema the schema, its values and zod, working as written', () => {
    const { code, exports } = bundles['with-schema.ts']!;
    expect(code).toContain('strictObject');
    expect(exports.ok).toBe(true);
    // NAME_MAX (a value beside the schema, from another module's value) reached the schema.
    expect(exports.tooLong).toBe(false);
    expect(exports.parsed).toEqual({ kind: 'b', name: 'n' });
    expect(exports.label).toBe('Label of B');
  });

  it('drops the schemas nobody uses', () => {
    for (const { code } of Object.values(bundles)) expect(code).not.toContain('unused_marker_field');
  });
});
