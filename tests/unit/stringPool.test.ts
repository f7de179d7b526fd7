import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createStringPool } from '../../src/worker/stringPool';

describe('sharing the repeated strings of received sites', () => {
  it('never changes a value, and equal values of a field come back as one copy', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('category', 'district'), fc.constantFrom('加油站', '学校', '鼓楼区', '')), {
          maxLength: 300,
        }),
        (pairs) => {
          const pool = createStringPool();
          const first = new Map<string, string>();
          for (const [field, value] of pairs) {
            const copy = value.split('').join(''); // an equal string, not the same literal
            const got = pool.string(field, copy);
            expect(got).toBe(value);
            const key = `${field}\u0000${value}`;
            if (!first.has(key)) first.set(key, got);
            expect(Object.is(got, first.get(key))).toBe(true);
          }
        },
      ),
    );
  });

  it('keeps working past the distinct-value limit of a field (ids stop being pooled, values stay right)', () => {
    const pool = createStringPool();
    for (let i = 0; i < 5_000; i++) expect(pool.string('id', `S${i}`)).toBe(`S${i}`);
    expect(pool.string('category', '学校')).toBe('学校');
  });
});
