import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortRows, type SortKey } from '../../src/ui/sortRows';

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
});
