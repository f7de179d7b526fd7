import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Assessment } from '../../src/engine';
import { buildLookupsWhenIdle, findingsOf, siteById, siteName, sitePosition } from '../../src/state/siteLookup';

const ids = fc.constantFrom('A', 'B', 'C', 'D', 'E');
const assessment = fc
  .record({
    sites: fc.array(fc.record({ id: ids, name: fc.string({ maxLength: 3 }) }), { maxLength: 8 }),
    findings: fc.array(fc.record({ hazardId: ids, targetId: ids }), { maxLength: 12 }),
  })
  .map((x) => x as unknown as Assessment);

describe('site lookups, indexed once per assessment', () => {
  it('find what a scan of the arrays finds, sites in id order (binary search) or not (a map)', () => {
    const inIdOrder = assessment.map((a) => ({
      ...a,
      sites: [...a.sites].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
    }));
    fc.assert(
      // either asked first: a site by id (its position index made alone) or its findings (every index at once)
      fc.property(fc.oneof(assessment, inIdOrder), ids, fc.boolean(), (a, id, siteFirst) => {
        const first = a.sites.findIndex((s) => s.id === id);
        const scanned = a.findings.flatMap((v, i) => (v.hazardId === id || v.targetId === id ? [i] : []));
        if (!siteFirst) expect(findingsOf(a, id)).toEqual(scanned);
        expect(sitePosition(a, id)).toBe(first);
        expect(siteById(a, id)).toBe(a.sites[first]);
        expect(siteName(a, id)).toBe(a.sites[first]?.name);
        expect(findingsOf(a, id)).toEqual(scanned);
      }),
    );
  });

  it('builds them in idle slices that each stop when the idle time is used up', () => {
    const sites = Array.from({ length: 10_000 }, (_, i) => ({ id: `S${i}`, name: `n${i}` }));
    const violations = Array.from({ length: 5_000 }, (_, i) => ({ hazardId: `S${i}`, targetId: `S${9_999 - i}` }));
    const a = { sites, findings: violations } as unknown as Assessment;
    const queue: ((d: { timeRemaining(): number }) => void)[] = [];
    buildLookupsWhenIdle(a, (work) => queue.push(work));
    let slices = 0;
    while (queue.length) {
      slices++;
      let budget = 3; // each idle period allows three steps
      queue.shift()!({ timeRemaining: () => (budget-- > 0 ? 5 : 0) });
    }
    // "S10" sorts before "S9": the order check stops at once and a map is built, 10 000 sites in steps of 2 000
    // rows; then 5 000 findings counted and placed, 3 steps each: 11 steps, 3 per idle period
    expect(slices).toBe(4);
    buildLookupsWhenIdle(a, (work) => queue.push(work));
    expect(queue).toHaveLength(0); // already built: nothing more to schedule
    expect(sitePosition(a, 'S9999')).toBe(9999);
    expect(findingsOf(a, 'S0')).toEqual([0]);
    expect(findingsOf(a, 'S9999')).toEqual([0]);
  });
});
