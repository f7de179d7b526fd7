// The map's filter expressions and the lists' predicate must agree feature by feature: the expressions are run by
// MapLibre's own evaluator (style-spec featureFilter) against random sites and filters.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { siteFilter, zoneFilter } from '../../src/map/filterExpressions';
import { mapSources } from '../../src/map/mapData';
import {
  filteredView,
  flaggedSiteIds,
  findFindingPositions,
  findingPositionsOf,
  noteFindingPositions,
  NO_FILTERS,
  siteMatches,
  zoneMatches,
  type MapFilters,
  type SiteFacts,
} from '../../src/state/mapFilters';
import { LEVELS_AND_UNSCORED } from '../../src/engine';
import type { Assessment } from '../../src/engine';
import { decodeView, encodeView } from '../../src/state/viewHash';

const DISTRICTS = ['鼓楼区', '玄武区', '', '高淳区'];
const DOMAINS = ['危险化学品', '道路交通', ''];
// fire stations and shelters: listed and filtered as sites, counted apart from the levels and roles
const CATEGORIES = ['fuel_station', 'school', 'traffic', 'fire_station', 'shelter'];
const RESCUE = new Set(['fire_station', 'shelter']);
/** As the engine makes them: a rescue site is a level-less 'risk' and in no finding (it is neither hazard nor target). */
const asAssessed = <S extends { category: string; level: unknown; role: unknown }>(s: S): S =>
  RESCUE.has(s.category) ? { ...s, level: null, role: 'risk' } : s;
const inFindings = (sites: { category: string }[]) => (v: { h: number; t: number }) =>
  !RESCUE.has(sites[v.h]?.category ?? '') && !RESCUE.has(sites[v.t]?.category ?? '');

const facts = fc.record<SiteFacts>({
  level: fc.constantFrom(...LEVELS_AND_UNSCORED),
  domain: fc.constantFrom(...DOMAINS),
  district: fc.constantFrom(...DISTRICTS),
  category: fc.constantFrom(...CATEGORIES),
  flagged: fc.boolean(),
});
const filters = fc.record<MapFilters>({
  levels: fc.subarray([...LEVELS_AND_UNSCORED]),
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
    fc.assert(
      fc.property(facts, filters, (site, f) => {
        expect(evaluates(siteFilter(f), { ...site, siteId: 'x' })).toBe(siteMatches(site, f));
      }),
      { numRuns: 500 },
    );
  });

  it('zone expression and predicate agree (district filter ignores grid cells)', () => {
    const zone = fc.record({
      level: fc.constantFrom(...LEVELS_AND_UNSCORED),
      name: fc.constantFrom(...DISTRICTS),
      grid: fc.boolean(),
    });
    fc.assert(
      fc.property(zone, filters, (z, f) => {
        const matches = zoneMatches({ level: z.level === 'unscored' ? null : z.level, name: z.name }, z.grid, f);
        expect(evaluates(zoneFilter(f), z)).toBe(matches);
      }),
      { numRuns: 500 },
    );
  });

  it('draws a finding line exactly when the lists show the finding (the line carries the facts of its hazard site)', () => {
    const site = fc.record({
      level: fc.constantFrom('red', 'blue', null),
      role: fc.constantFrom('hazard', 'target', null),
      domain: fc.constantFrom(...DOMAINS),
      district: fc.constantFrom(...DISTRICTS),
      category: fc.constantFrom(...CATEGORIES),
    });
    const assessment = fc
      .record({
        sites: fc.array(site, { minLength: 1, maxLength: 20 }),
        // hazard ids past the last site name no site (a finding whose hazard is not loaded)
        findings: fc.array(
          fc.record({
            h: fc.nat(24),
            t: fc.nat(19),
            status: fc.constantFrom('violation', 'borderline', 'not_assessed'),
          }),
          { maxLength: 20 },
        ),
      })
      .map(
        ({ sites, findings }) =>
          ({
            grid: null,
            zones: [],
            sites: sites.map((s, i) => ({
              ...asAssessed(s),
              id: `S${i}`,
              lon: 118,
              lat: 32,
              geometry: { type: 'Point', coordinates: [118, 32] },
            })),
            findings: findings.filter(inFindings(sites)).map((v) => ({
              hazardId: `S${v.h}`,
              targetId: `S${v.t}`,
              status: v.status,
              closest: [
                [118, 32],
                [118.001, 32],
              ],
            })),
          }) as unknown as Assessment,
      );
    fc.assert(
      fc.property(assessment, filters, (a, f) => {
        const lines = mapSources(a).violations.features;
        const { violationShown } = filteredView(a, f);
        lines.forEach((line, i) =>
          expect(evaluates(siteFilter(f), line.properties as Record<string, unknown>)).toBe(violationShown[i] === 1),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('counts what it lists: the legend and layer-toggle counts equal the filtered lists', () => {
    const site = fc.record({
      level: fc.constantFrom('red', 'orange', 'yellow', 'blue', null),
      role: fc.constantFrom('hazard', 'target', 'risk', null),
      domain: fc.constantFrom(...DOMAINS),
      district: fc.constantFrom(...DISTRICTS),
      category: fc.constantFrom(...CATEGORIES),
    });
    const assessment = fc
      .record({
        sites: fc.array(site, { maxLength: 40 }),
        zones: fc.array(
          fc.record({ level: fc.constantFrom('red', 'blue', null), name: fc.constantFrom(...DISTRICTS) }),
          { maxLength: 10 },
        ),
        findings: fc.array(
          fc.record({
            h: fc.nat(39),
            t: fc.nat(39),
            status: fc.constantFrom('violation', 'borderline', 'not_assessed'),
          }),
          { maxLength: 30 },
        ),
      })
      .map(
        ({ sites, zones, findings }) =>
          ({
            grid: null,
            sites: sites.map((s, i) => ({ ...asAssessed(s), id: `S${i}` })),
            zones: zones.map((z, i) => ({ ...z, id: `Z${i}` })),
            findings: findings
              .filter(inFindings(sites))
              .map((v) => ({ hazardId: `S${v.h}`, targetId: `S${v.t}`, status: v.status })),
          }) as unknown as Assessment,
      );
    /** the view's counts are those of the sites, zones and findings it lists */
    const countsAgree = (a: Assessment, { sites, zones, findings, counts }: ReturnType<typeof filteredView>) => {
      const risks = sites.filter((s) => !RESCUE.has(s.category));
      expect(counts.reachSites).toBe(sites.length - risks.length);
      for (const l of LEVELS_AND_UNSCORED) {
        expect(counts.sitesByLevel[l]).toBe(risks.filter((s) => (s.level ?? 'unscored') === l).length);
        expect(counts.zonesByLevel[l]).toBe(zones.filter((z) => (z.level ?? 'unscored') === l).length);
      }
      for (const r of ['hazard', 'target', 'risk'] as const)
        expect(counts.sitesByRole[r]).toBe(risks.filter((s) => (s.role ?? 'risk') === r).length);
      expect(counts.flaggedViolations).toBe(findings.filter((i) => a.findings[i]!.status !== 'not_assessed').length);
    };
    fc.assert(
      fc.property(assessment, filters, (a, f) => countsAgree(a, filteredView(a, f))),
      { numRuns: 300 },
    );
    // the level filter is not the rescue sites' (they have none): they are listed whenever the other filters keep them
    fc.assert(
      fc.property(assessment, filters, (a, f) => {
        const listed = new Set(filteredView(a, f).sites.map((s) => s.id));
        for (const s of a.sites) {
          if (!RESCUE.has(s.category)) continue;
          const facts = {
            level: s.level ?? 'unscored',
            domain: s.domain,
            district: s.district,
            category: s.category,
            flagged: false,
          } as SiteFacts;
          expect(listed.has(s.id)).toBe(
            !f.violationsOnly && siteMatches(facts, { ...f, levels: [...LEVELS_AND_UNSCORED] }),
          );
        }
      }),
      { numRuns: 200 },
    );
    // the list is the predicate's (the map's filter expression is held to the same predicate above): every site the
    // predicate keeps, in order, at the positions the view gives
    fc.assert(
      fc.property(assessment, filters, (a, f) => {
        const view = filteredView(a, f);
        const flagged = flaggedSiteIds(a);
        const kept = a.sites.filter((s) => {
          const facts: SiteFacts = {
            level: s.level ?? 'unscored',
            domain: s.domain,
            district: s.district,
            category: s.category,
            flagged: flagged.has(s.id),
          };
          return siteMatches(facts, RESCUE.has(s.category) ? { ...f, levels: [...LEVELS_AND_UNSCORED] } : f);
        });
        expect(view.sites).toEqual(kept);
        expect(Array.from(view.positions, (p) => a.sites[p])).toEqual(view.sites);
      }),
      { numRuns: 300 },
    );
    // nothing filtered (the view after every assessment, counted without the matcher): everything, counted the same
    fc.assert(
      fc.property(assessment, (a) => {
        const view = filteredView(a, NO_FILTERS);
        expect(view.sites).toEqual(a.sites);
        expect(view.zones).toEqual(a.zones);
        const ids = new Set(a.sites.map((s) => s.id));
        expect(view.findings).toEqual(a.findings.flatMap((v, i) => (ids.has(v.hazardId) ? [i] : [])));
        countsAgree(a, view);
      }),
      { numRuns: 200 },
    );
  });

  it('shows everything with no filters', () => {
    expect(
      siteMatches({ level: 'unscored', domain: '', district: '', category: 'school', flagged: false }, NO_FILTERS),
    ).toBe(true);
  });
});

describe('view in the URL hash', () => {
  it('round-trips camera, filters and selection, Chinese names included', () => {
    fc.assert(
      fc.property(
        filters,
        fc.constantFrom<ReturnType<typeof decodeView>['selection']>(
          null,
          { kind: 'zone', id: '320118' },
          { kind: 'site', id: 'DEMO,1&x=y' },
        ),
        (f, selection) => {
          const camera = { lon: 118.78123, lat: 32.04567, zoom: 12.5 };
          const back = decodeView(`#${encodeView({ camera, filters: f, selection })}`);
          expect(back.camera).toEqual(camera);
          expect(back.selection).toEqual(selection);
          expect(back.filters.levels.sort()).toEqual([...f.levels].sort());
          expect(back.filters.violationsOnly).toBe(f.violationsOnly);
          // a value containing a comma cannot be listed; ours never do (district names, domains, category codes)
          expect(back.filters.districts).toEqual(f.districts.filter(Boolean));
        },
      ),
    );
  });

  it('ignores malformed or hostile parts', () => {
    const v = decodeView('#map=99/999/abc&lv=red,purple&sel=violation:3&__proto__=1');
    expect(v.camera).toBeNull();
    expect(v.filters.levels).toEqual(['red']);
    expect(v.selection).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("each finding's sites by position (sent by the engine worker with the assessment)", () => {
  it('are the first site with the id, or -1 when the assessment lists none', () => {
    const a = {
      sites: [{ id: 'H1' }, { id: 'T1' }, { id: 'H1' }, { id: 'T2' }],
      findings: [
        { hazardId: 'H1', targetId: 'T2' },
        { hazardId: 'H9', targetId: 'T1' },
      ],
    } as unknown as Assessment;
    const at = findFindingPositions(a).findings;
    expect(Array.from(at.hazard)).toEqual([0, -1]);
    expect(Array.from(at.target)).toEqual([3, 1]);
    noteFindingPositions(a, { hazard: Int32Array.from([2, 2]), target: Int32Array.from([3, 1]) });
    expect(Array.from(findingPositionsOf(a).hazard)).toEqual([2, 2]); // what the worker sent is used as sent
  });
});
