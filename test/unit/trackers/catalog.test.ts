import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrackers } from '../../../server/src/domains/trackers/catalog.js';
import { defineTracker, describe as describeTracker, fieldProblems, fieldsSchema } from '../../../server/src/domains/trackers/define.js';
import { clearanceWeeks } from '../../../server/src/domains/trackers/modules/capacity.js';
import { moveProblem } from '../../../server/src/kit/workflow.js';

const defineUrl = path.resolve(import.meta.dirname, '../../../server/src/domains/trackers/define.ts');

describe('tracker definitions', () => {
  it('loads the nine trackers of the contract from their files', async () => {
    const modules = (await loadTrackers()).map((d) => d.module);
    expect(modules).toEqual(['cancellations', 'capacity', 'communications', 'consent', 'dna', 'exceptions', 'funding', 'patient_choice', 'transfers']);
  });

  it('a new tracker is one file in the folder: nothing else names it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trackers-'));
    writeFileSync(
      path.join(dir, 'imaging.ts'),
      `import { defineTracker } from ${JSON.stringify(defineUrl)};
       export default defineTracker({ module: 'imaging', name: 'Imaging', description: 'Scans', columns: ['patient_name', 'status'],
         fields: [{ name: 'modality', label: 'Modality', type: 'enum', required: true, options: ['ct', 'mri'] }],
         statuses: ['requested', 'reported'], statusLabels: { requested: 'Requested', reported: 'Reported' }, transitions: { requested: ['reported'] } });`,
    );
    const [imaging] = await loadTrackers(dir);
    expect(describeTracker(imaging!)).toMatchObject({ module: 'imaging', fields: [{ name: 'modality', type: 'enum', required: true, options: ['ct', 'mri'] }], transitions: { requested: ['reported'] } });
  });

  it('refuses a declaration with unknown statuses, missing labels or unknown fields, at start', () => {
    const base = { module: 'x', name: 'X', description: '', fields: [], columns: ['status'], statuses: ['a', 'b'], statusLabels: { a: 'A', b: 'B' }, transitions: { a: ['b'] } };
    expect(() => defineTracker({ ...base, transitions: { a: ['c'] } })).toThrow(/status "c"/);
    expect(() => defineTracker({ ...base, statusLabels: { a: 'A' } })).toThrow(/"b" has no label/);
    expect(() => defineTracker({ ...base, columns: ['nope'] })).toThrow(/column "nope"/);
    expect(() => defineTracker({ ...base, module: 'Bad Name' })).toThrow(/slug/);
    expect(() => defineTracker({ ...base, fields: [{ name: 'k', label: 'K', type: 'enum' }] })).toThrow(/no options/);
    expect(() => defineTracker({ ...base, fields: [{ name: 'n', label: 'N', type: 'number', computed: true }] })).toThrow(/no compute\(\)/);
    const compute = async () => new Map();
    expect(() => defineTracker({ ...base, compute, fields: [{ name: 'n', label: 'N', type: 'number', computed: true, required: true }] })).toThrow(/cannot be required/);
    const view = { list: async () => ({ items: [], next_cursor: null }), get: async () => Promise.reject(new Error('none')) };
    expect(() => defineTracker({ ...base, view })).toThrow(/view must be read-only/);
  });

  it('capacity: weeks to clear are open pathways over weekly slots, to one decimal, and none without slots', () => {
    expect(clearanceWeeks(30, 4)).toBe(7.5);
    expect(clearanceWeeks(10, 3)).toBe(3.3);
    expect(clearanceWeeks(0, 5)).toBe(0);
    expect(clearanceWeeks(12, 0)).toBeNull();
  });

  it('a chart names a field for its groups and number fields for its bars', () => {
    const base = { module: 'x', name: 'X', description: '', columns: ['status'], statuses: ['a'], statusLabels: { a: 'A' }, transitions: {} };
    const fields = [
      { name: 'group', label: 'Group', type: 'text' as const },
      { name: 'size', label: 'Size', type: 'number' as const },
    ];
    expect(describeTracker(defineTracker({ ...base, fields, chart: { title: 'T', category: 'group', series: ['size'] } })).chart).toEqual({ title: 'T', category: 'group', series: ['size'] });
    expect(() => defineTracker({ ...base, fields, chart: { title: 'T', category: 'nope', series: ['size'] } })).toThrow(/category "nope"/);
    expect(() => defineTracker({ ...base, fields, chart: { title: 'T', category: 'group', series: ['group'] } })).toThrow(/series "group"/);
  });

  it('a computed field is described as such, refused by name in a body, and skipped by the field rules', () => {
    const def = defineTracker({
      module: 'x',
      name: 'X',
      description: '',
      fields: [
        { name: 'size', label: 'Size', type: 'number', required: true },
        { name: 'weeks', label: 'Weeks to clear', type: 'number', computed: true },
      ],
      columns: ['status'],
      statuses: ['a'],
      statusLabels: { a: 'A' },
      transitions: {},
      compute: async () => new Map(),
    });
    expect(describeTracker(def).fields).toEqual([
      { name: 'size', label: 'Size', type: 'number', required: true },
      { name: 'weeks', label: 'Weeks to clear', type: 'number', required: false, computed: true },
    ]);
    const refused = fieldsSchema(def).safeParse({ size: 3, weeks: 9 });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]).toMatchObject({ path: ['weeks'], message: 'Weeks to clear is worked out by the tracker; it cannot be set' });
    expect(fieldsSchema(def).safeParse({ size: 3 }).success).toBe(true);
    expect(fieldProblems(def, { status: 'a', fields: { size: 3 } }, '2026-12-03')).toEqual([]);
  });

  it('field rules: required, required from a status, not in the future, not before another date', async () => {
    const consent = (await loadTrackers()).find((d) => d.module === 'consent')!;
    const today = '2026-12-03';
    const paths = (fields: Record<string, string | null>, status = 'planned') => fieldProblems(consent, { status, fields }, today).map((p) => p.path);
    expect(paths({})).toEqual(['fields.procedure', 'fields.form', 'fields.discussed_on']);
    const ok = { procedure: 'Hip', form: '1', discussed_on: '2026-12-01' };
    expect(paths(ok)).toEqual([]);
    expect(paths(ok, 'signed')).toEqual(['fields.signed_on']);
    expect(paths({ ...ok, signed_on: '2026-11-30' }, 'signed')).toEqual(['fields.signed_on']);
    expect(paths({ ...ok, signed_on: '2026-12-04' }, 'signed')).toEqual(['fields.signed_on']);
    expect(paths({ ...ok, signed_on: '2026-12-02' }, 'signed')).toEqual([]);
    expect(fieldsSchema(consent).safeParse({ form: '5' }).success).toBe(false);
    expect(fieldsSchema(consent).safeParse({ surprise: 1 }).success).toBe(false);
  });

  it('workflow moves say what is allowed', () => {
    const wf = { statuses: ['a', 'b', 'c'], transitions: { a: ['b'], b: ['c'] } };
    expect(moveProblem(wf, 'a', 'b')).toBeNull();
    expect(moveProblem(wf, 'a', 'a')).toBeNull();
    expect(moveProblem(wf, 'a', 'c')).toBe('a can move to b, not c');
    expect(moveProblem(wf, 'c', 'a')).toBe('c is final: it cannot move to a');
    expect(moveProblem(wf, 'a', 'z')).toBe('Unknown status: z');
  });
});
