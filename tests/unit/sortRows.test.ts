import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortRows, sortRowsRemembered, type SortKey } from '../../src/ui/sortRows';

/** The order a table should show, written out directly: by key (nulls last either way), then by original position. */
function expectedOrder(keys: SortKey[], descending: boolean): number[] {
  const rank = (k: SortKey) => (k === null ? 1 : 0);
  return keys
    .map((k, i) => ({ k, i }))
    .sort((a, b) => {
      if (rank(a.k) !== rank(b.k)) return rank(a.k) - rank(b.k);
      if (a.k !== null && b.k !== null && a.k !== b.k) return (a.k < b.k ? -1 : 1) * (descending ? -1 : 1);
      return a.i - b.i;
    })
    .map((x) => x.i);
}

describe('sortRows', () => {
  const withNulls = <K>(k: fc.Arbitrary<K>) =>
    fc.oneof({ arbitrary: fc.constant(null), weight: 1 }, { arbitrary: k, weight: 4 });
  const columns = fc.oneof(
    fc.array(withNulls(fc.integer({ min: 0, max: 4 })), { maxLength: 50 }), // few distinct: bucketed
    fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 50 }), // small integers, no null: their own buckets
    fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 80 }), // some past the small-integer range
    fc.array(withNulls(fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 300, maxLength: 500 }), // many: compared
    fc.array(withNulls(fc.string({ maxLength: 4 })), { minLength: 300, maxLength: 500 }),
  );
  it('orders like the plain definition, stable and nulls last, with few or many distinct keys', () => {
    fc.assert(
      fc.property(columns, fc.boolean(), (keys: SortKey[], descending) => {
        const rows = keys.map((k, i) => ({ k, i }));
        expect(sortRows(rows, (r) => r.k, descending).map((r) => r.i)).toEqual(expectedOrder(keys, descending));
      }),
      { numRuns: 200 },
    );
  });

  it('sorts 300 distinct numbers by comparison and 5 levels by buckets, the same way', () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ k: (i * 7919) % 300 }));
    expect(sortRows(many, (r) => r.k, false).map((r) => r.k)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    const levels = [3, 1, null, 2, 1, 4, null, 3].map((k, i) => ({ k, i }));
    expect(sortRows(levels, (r) => r.k, true).map((r) => r.i)).toEqual([5, 0, 7, 3, 1, 4, 2, 6]);
  });

  it('orders right at the edge between counted and compared keys (256 and 257 distinct)', () => {
    for (const distinct of [255, 256, 257]) {
      const keys: SortKey[] = Array.from({ length: 3 * distinct }, (_, i) =>
        i % 7 === 0 ? null : (i * 37) % distinct,
      );
      const rows = keys.map((k, i) => ({ k, i }));
      for (const descending of [false, true])
        expect(sortRows(rows, (r) => r.k, descending).map((r) => r.i)).toEqual(expectedOrder(keys, descending));
    }
  });
});

describe('sortRows by byte ranks of positions', () => {
  it('orders a subset of positions like the plain definition of their ranks, stable, either way', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.func(fc.boolean()), fc.boolean(), (ranks, keep, descending) => {
        const positions = Int32Array.from(Array.from(ranks.keys()).filter((p) => keep(p)));
        const keys = Array.from(positions, (p) => ranks[p]!);
        const sorted = sortRows(positions, (p) => ranks[p]!, descending, ranks);
        expect(sorted).toEqual(expectedOrder(keys, descending).map((i) => positions[i]!));
        // the same as the path that calls the key of each row
        expect(sorted).toEqual(sortRows(Array.from(positions), (p) => ranks[p]!, descending));
      }),
      { numRuns: 200 },
    );
  });
});

describe('sortRowsRemembered', () => {
  it('sorts once for the same rows, columns and order, and again for another order or set of columns', () => {
    const rows = [3, 1, 2].map((k) => ({ k }));
    const columns = [{}];
    let calls = 0;
    const keyOf = (r: { k: number }) => (calls++, r.k);
    const first = sortRowsRemembered(rows, columns, { key: 'k', descending: false }, keyOf);
    expect(first.map((r) => r.k)).toEqual([1, 2, 3]);
    expect(sortRowsRemembered(rows, columns, { key: 'k', descending: false }, keyOf)).toBe(first);
    expect(calls).toBe(3);
    expect(sortRowsRemembered(rows, columns, { key: 'k', descending: true }, keyOf).map((r) => r.k)).toEqual([3, 2, 1]);
    expect(sortRowsRemembered(rows, [{}], { key: 'k', descending: false }, keyOf)).not.toBe(first);
    expect(calls).toBe(9);
  });
});
