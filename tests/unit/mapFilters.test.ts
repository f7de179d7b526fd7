// The map's filter expressions and the lists' predicate must agree feature by feature: the expressions are run by
// MapLibre's own evaluator (style-spec featureFilter) against random sites and filters.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { siteFilter, zoneFilter } from '../../src/map/filterExpressions';
import { LEVEL_OR_NONE, NO_FILTERS, siteMatches, zoneMatches, type MapFilters, type SiteFacts } from '../../src/state/mapFilters';
import { decodeView, encodeView } from '../../src/state/viewHash';

const DISTRICTS = ['鼓楼区', '玄武区', '', '高淳区'];
const DOMAINS = ['危险化学品', '道路交通', ''];
const CATEGORIES = ['fuel_station', 'school', 'traffic'];

const facts = fc.record<SiteFacts>({
  level: fc.constantFrom(...LEVEL_OR_NONE),
  domain: fc.constantFrom(...DOMAINS),
  district: fc.constantFrom(...DISTRICTS),
  category: fc.constantFrom(...CATEGORIES),
  flagged: fc.boolean(),
});
const filters = fc.record<MapFilters>({
  levels: fc.subarray([...LEVEL_OR_NONE]),
  domains: fc.subarray(DOMAINS),
  districts: fc.subarray(DISTRICTS),
  categories: fc.subarray(CATEGORIES),
  violationsOnly: fc.boolean(),
});

function evaluates(expression: unknown, properties: Record<string, unknown>): boolean {
  const f = featureFilter(expression as never, 'layers[0].filter');
  return f.filter({ zoom: 10 } as never, { type: 1, properties, geometry: [] } as never);
}

describe('map filters', () => {
  it('site expression and predicate agree on every site and filter', () => {
    fc.assert(fc.property(facts, filters, (site, f) => {
      expect(evaluates(siteFilter(f), { ...site, siteId: 'x' })).toBe(siteMatches(site, f));
    }), { numRuns: 500 });
  });

  it('zone expression and predicate agree (district filter ignores grid cells)', () => {
    const zone = fc.record({ level: fc.constantFrom(...LEVEL_OR_NONE), name: fc.constantFrom(...DISTRICTS), grid: fc.boolean() });
    fc.assert(fc.property(zone, filters, (z, f) => {
      const matches = zoneMatches({ level: z.level === 'none' ? null : z.level, name: z.name }, z.grid, f);
      expect(evaluates(zoneFilter(f), z)).toBe(matches);
    }), { numRuns: 500 });
  });

  it('shows everything with no filters', () => {
    expect(siteMatches({ level: 'none', domain: '', district: '', category: 'school', flagged: false }, NO_FILTERS)).toBe(true);
  });
});

describe('view in the URL hash', () => {
  it('round-trips camera, filters and selection, Chinese names included', () => {
    fc.assert(fc.property(filters, fc.constantFrom<ReturnType<typeof decodeView>['selection']>(null, { kind: 'zone', id: '320118' }, { kind: 'site', id: 'DEMO,1&x=y' }), (f, selection) => {
      const camera = { lon: 118.78123, lat: 32.04567, zoom: 12.5 };
      const back = decodeView(`#${encodeView({ camera, filters: f, selection })}`);
      expect(back.camera).toEqual(camera);
      expect(back.selection).toEqual(selection);
      expect(back.filters.levels.sort()).toEqual([...f.levels].sort());
      expect(back.filters.violationsOnly).toBe(f.violationsOnly);
      // a value containing a comma cannot be listed; ours never do (district names, domains, category codes)
      expect(back.filters.districts).toEqual(f.districts.filter(Boolean));
    }));
  });

  it('ignores malformed or hostile parts', () => {
    const v = decodeView('#map=99/999/abc&lv=red,purple&sel=violation:3&__proto__=1');
    expect(v.camera).toBeNull();
    expect(v.filters.levels).toEqual(['red']);
    expect(v.selection).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
