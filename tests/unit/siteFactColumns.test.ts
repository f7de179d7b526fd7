// The sites' coded facts (state/siteFactColumns) say what the site objects say: every code decodes to the site's own
// value, the totals are the sites counted one by one, and the id order is the order the ids are in.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LEVELS_AND_UNSCORED, type AssessedSite } from '../../src/engine';
import { REACH_ROLE, ROLE_CODES, siteFactColumns } from '../../src/state/siteFactColumns';

const site = fc.record({
  id: fc.constantFrom('A1', 'A2', 'B7', 'C3', 'Z9'),
  level: fc.constantFrom('red', 'orange', 'yellow', 'blue', null),
  role: fc.constantFrom('hazard', 'target', 'risk', null),
  domain: fc.constantFrom('危险化学品', '建设施工', ''),
  district: fc.constantFrom('玄武区', '鼓楼区', '江宁区'),
  category: fc.constantFrom('fuel_station', 'school', 'fire_station', 'shelter', 'rescue_team', 'construction'),
});
const RESCUE = new Set(['fire_station', 'shelter', 'rescue_team']);

describe('site facts as columns', () => {
  it('decode to each site’s own level, role, domain, district and category, and count them', () => {
    fc.assert(
      fc.property(fc.array(site, { maxLength: 60 }), (drawn) => {
        const sites = drawn as unknown as AssessedSite[];
        const f = siteFactColumns(sites);
        const totals = { level: LEVELS_AND_UNSCORED.map(() => 0), role: [0, 0, 0, 0] };
        sites.forEach((s, i) => {
          expect(LEVELS_AND_UNSCORED[f.level[i]!]).toBe(s.level ?? 'unscored');
          const rescue = RESCUE.has(s.category);
          expect(f.role[i]).toBe(rescue ? REACH_ROLE : ROLE_CODES.indexOf(s.role ?? 'risk'));
          expect(f.domain.values[f.domain.codes[i]!]).toBe(s.domain);
          expect(f.district.values[f.district.codes[i]!]).toBe(s.district);
          expect(f.category.values[f.category.codes[i]!]).toBe(s.category);
          totals.role[f.role[i]!]!++;
          if (!rescue) totals.level[LEVELS_AND_UNSCORED.indexOf(s.level ?? 'unscored')]!++;
        });
        expect(f.totals).toEqual(totals);
        expect(f.idOrdered).toBe(sites.every((s, i) => i === 0 || sites[i - 1]!.id <= s.id));
      }),
      { numRuns: 300 },
    );
  });

  it('widens the codes past 65 536 distinct values instead of wrapping them', () => {
    const sites = Array.from(
      { length: 70_000 },
      (_, i) =>
        ({ id: `S${i}`, level: null, role: null, domain: '', district: `D${i}`, category: 'school' }) as unknown,
    ) as AssessedSite[];
    const f = siteFactColumns(sites);
    expect(f.district.codes).toBeInstanceOf(Uint32Array);
    expect(f.domain.codes).toBeInstanceOf(Uint16Array);
    for (const i of [0, 65_535, 65_536, 69_999]) expect(f.district.values[f.district.codes[i]!]).toBe(`D${i}`);
  });
});
