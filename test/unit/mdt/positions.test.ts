// A meeting's list order: moving a patient or taking one off keeps positions 1…n dense and unique,
// and writes only the rows whose position changed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moveTo, positionChanges, without } from '../../../server/src/domains/mdt/positions.js';

const RUNS = { numRuns: 500, seed: 20261203 } as const;
const stored = (order: readonly string[]) => order.map((id, i) => ({ id, position: i + 1 }));
/** Applies the changes to the stored positions, as the database would. */
const apply = (rows: { id: string; position: number }[], changes: { id: string; position: number }[]) => {
  const next = new Map(rows.map((r) => [r.id, r.position]));
  for (const c of changes) next.set(c.id, c.position);
  return next;
};

describe('moving a patient on the list', () => {
  it('moves down and up, the others closing up', () => {
    expect(moveTo(['a', 'b', 'c', 'd'], 'a', 3)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveTo(['a', 'b', 'c', 'd'], 'd', 1)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveTo(['a', 'b', 'c', 'd'], 'b', 2)).toEqual(['a', 'b', 'c', 'd']);
    expect(moveTo(['a', 'b', 'c', 'd'], 'b', 4)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('refuses a position outside the list and an id not on it', () => {
    expect(() => moveTo(['a', 'b'], 'a', 3)).toThrow(/outside/);
    expect(() => moveTo(['a', 'b'], 'a', 0)).toThrow(/outside/);
    expect(() => moveTo(['a', 'b'], 'z', 1)).toThrow(/not on the list/);
  });

  it('writes only the rows between the old and the new place', () => {
    const rows = stored(['a', 'b', 'c', 'd', 'e']);
    expect(positionChanges(rows, moveTo(['a', 'b', 'c', 'd', 'e'], 'b', 4))).toEqual([
      { id: 'c', position: 2 },
      { id: 'd', position: 3 },
      { id: 'b', position: 4 },
    ]);
    expect(positionChanges(rows, ['a', 'b', 'c', 'd', 'e'])).toEqual([]);
  });

  const list = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 15 });

  it('any move leaves positions 1…n, each once, with the patient where asked', () => {
    fc.assert(
      fc.property(
        list.chain((order) => fc.tuple(fc.constant(order), fc.constantFrom(...order), fc.integer({ min: 1, max: order.length }))),
        ([order, id, to]) => {
          const rows = stored(order);
          const after = apply(rows, positionChanges(rows, moveTo(order, id, to)));
          expect([...after.values()].sort((x, y) => x - y)).toEqual(order.map((_, i) => i + 1));
          expect(after.get(id)).toBe(to);
          // The others keep their relative order.
          const others = order.filter((x) => x !== id);
          expect(others.map((x) => after.get(x)!)).toEqual([...others.map((x) => after.get(x)!)].sort((x, y) => x - y));
        },
      ),
      RUNS,
    );
  });

  it('taking any patient off closes the gap', () => {
    fc.assert(
      fc.property(
        list.chain((order) => fc.tuple(fc.constant(order), fc.constantFrom(...order))),
        ([order, id]) => {
          const rest = stored(order).filter((r) => r.id !== id);
          const after = apply(rest, positionChanges(rest, without(order, id)));
          expect([...after.values()].sort((x, y) => x - y)).toEqual(rest.map((_, i) => i + 1));
          expect(after.has(id)).toBe(false);
        },
      ),
      RUNS,
    );
  });
});
