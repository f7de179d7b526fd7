import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStringPool } from '../../src/worker/stringPool';

const site = fc.record({
  id: fc.string(),
  name: fc.string(),
  category: fc.constantFrom('加油站', '学校', 'construction'),
  district: fc.option(fc.constantFrom('鼓楼区', '玄武区'), { nil: undefined }),
  likelihood: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  geometry: fc.oneof(
    fc.record({ type: fc.constant('Point'), coordinates: fc.tuple(fc.double({ noNaN: true }), fc.double({ noNaN: true })) }),
    fc.record({ type: fc.constant('Polygon'), coordinates: fc.constant([[[0, 0], [1, 0], [1, 1], [0, 0]]]) }),
  ),
});

describe('sharing the repeated strings of received records', () => {
  it('never changes a value: each record equals a clone taken before, across many records and one pool', () => {
    fc.assert(
      fc.property(fc.array(site, { maxLength: 200 }), (records) => {
        const before = structuredClone(records);
        const pool = createStringPool();
        const after = records.map((r) => pool.share(r));
        expect(after).toEqual(before);
        expect(after.every((r, i) => r === records[i])).toBe(true); // in place: the array the caller holds is the result
      }),
    );
  });

  it('keeps working past the distinct-value limit of a field (ids stop being pooled, values stay right)', () => {
    const pool = createStringPool();
    const records = Array.from({ length: 5_000 }, (_, i) => ({ id: `S${i}`, category: i % 2 ? '学校' : '加油站', geometry: { type: 'Point', coordinates: [118, 32] } }));
    const shared = records.map((r) => pool.share(structuredClone(r)));
    expect(shared).toEqual(records);
  });
});
