import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Point, Polygon } from 'geojson';
import {
  assess,
  checkSetbacks,
  classifyTarget,
  compareFindings,
  DEFAULT_RULES,
  hazardRules,
  judgePair,
  SITE_DISTANCE_RULE_ID,
  type Site,
  type Finding,
} from '../../../src/engine';
import { createConfig, createSite } from '../../helpers/sites';
import { latitudeNorthOf } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;

/** A 0.001° square school whose south edge lies `distanceM` north of (LON, LAT), measured along the meridian. */
function createSchoolNorthOf(distanceM: number, overrides: Partial<Site> = {}): Site {
  const south = latitudeNorthOf(LAT, distanceM);
  const n = south + 0.001;
  const geometry: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [LON - 0.0005, south],
        [LON + 0.0005, south],
        [LON + 0.0005, n],
        [LON - 0.0005, n],
        [LON - 0.0005, south],
      ],
    ],
  };
  return { id: 'school', name: 'school', category: 'school', geometry, ...overrides };
}

function station(overrides: Partial<Site> = {}): Site {
  return createSite({
    id: 'fs',
    category: 'fuel_station',
    at: [LON, LAT],
    stationGrade: 2,
    vapourRecovery: 'full',
    ...overrides,
  });
}

function findingsFor(hazard: Site, target: Site, toleranceM = 0): Finding[] {
  return assess({ sites: [hazard, target], zones: [] }, createConfig({ borderlineToleranceM: toleranceM })).findings;
}

describe('GB 50156 表4.0.4 defaults', () => {
  // The table as printed (reference §2.4), restated here: [grade][recovery none, unloading, full]
  const TABLE = {
    important_public: [
      [50, 40, 35],
      [50, 40, 35],
      [50, 40, 35],
    ],
    class1: [
      [25, 20, 17.5],
      [20, 16, 14],
      [16, 13, 11],
    ],
    class2: [
      [20, 16, 14],
      [16, 13, 11],
      [12, 9.5, 8.5],
    ],
    class3: [
      [16, 13, 11],
      [12, 9.5, 8.5],
      [10, 8, 7],
    ],
  } as const;
  const RECOVERY = ['none', 'unloading', 'full'] as const;

  it('holds every cell of the table for every grade and vapour-recovery variant, each citing GB 50156', () => {
    for (const [cls, grid] of Object.entries(TABLE)) {
      for (const grade of [1, 2, 3] as const) {
        RECOVERY.forEach((recovery, i) => {
          const { rules } = hazardRules(station({ stationGrade: grade, vapourRecovery: recovery }), DEFAULT_RULES);
          const rule = rules.find((r) => r.target.classes?.includes(cls as never));
          expect(rule?.min_distance_m, `${cls} grade ${grade} ${recovery}`).toBe(grid[grade - 1]![i]);
          expect(rule?.source).toMatch(/GB 50156/);
        });
      }
    }
  });

  it('every default rule cites a source and states its status', () => {
    for (const r of DEFAULT_RULES.rules) {
      expect(r.source.length, r.id).toBeGreaterThan(10);
      expect(['official', 'secondary', 'not_found', 'city']).toContain(r.status);
    }
  });

  it('assumes the strictest grade and no vapour recovery when the station does not say, and reports it', () => {
    const r = hazardRules(createSite({ id: 'fs', category: 'fuel_station' }), DEFAULT_RULES);
    expect(r.rules.find((x) => x.target.classes?.includes('class1'))?.min_distance_m).toBe(25);
    expect(r.assumptions.join()).toMatch(/一级站.*无油气回收|无油气回收.*一级站/);
  });
});

describe('target classes (GB 50156 附录B)', () => {
  it.each([
    [{ category: 'school', users: 500 }, 'class1'],
    [{ category: 'school', users: 501 }, 'important_public'],
    [{ category: 'kindergarten', users: 200 }, 'class1'],
    [{ category: 'kindergarten', users: 201 }, 'important_public'],
    [{ category: 'hospital', beds: 149 }, 'class1'],
    [{ category: 'hospital', beds: 150 }, 'important_public'],
    [{ category: 'residential' }, 'class3'],
    [{ category: 'school' }, 'important_public'],
  ])('%o → %s', (attrs, expected) => {
    const c = classifyTarget(createSite({ id: 't', ...attrs }));
    expect(c.classes[0]).toBe(expected);
    expect(c.reason).toMatch(/GB 50156/);
  });

  it('says when an unknown size was taken at its strictest', () => {
    expect(classifyTarget(createSite({ id: 't', category: 'hospital' })).reason).toMatch(/未提供.*从严/);
  });
});

describe('verdicts at the limit (grade-2 station with full recovery → school of 800 pupils: 35 m)', () => {
  const pupils = { users: 800 };
  it('34.99 m is a violation with a shortfall of 0.01 m', () => {
    const [v] = findingsFor(station(), createSchoolNorthOf(34.99, pupils));
    expect(v).toMatchObject({
      status: 'violation',
      ruleId: 'gb50156-important-full',
      requiredM: 35,
      targetClass: 'important_public',
    });
    expect(v!.distanceM).toBeCloseTo(34.99, 3);
    expect(v!.shortfallM).toBeCloseTo(0.01, 3);
    expect(v!.measuredBetween).toBe('Point–Polygon');
  });

  it('35.00 m and 35.01 m comply', () => {
    expect(findingsFor(station(), createSchoolNorthOf(35.0, pupils))).toEqual([]);
    expect(findingsFor(station(), createSchoolNorthOf(35.01, pupils))).toEqual([]);
  });

  it('within the borderline band either side of 35 m is 临界 (borderline)', () => {
    expect(findingsFor(station(), createSchoolNorthOf(34.5, pupils), 1)[0]?.status).toBe('borderline');
    expect(findingsFor(station(), createSchoolNorthOf(35.9, pupils), 1)[0]?.status).toBe('borderline');
    expect(findingsFor(station(), createSchoolNorthOf(33.9, pupils), 1)[0]?.status).toBe('violation');
    expect(findingsFor(station(), createSchoolNorthOf(36.1, pupils), 1)).toEqual([]);
  });

  it('a school of 500 pupils is 一类保护物: 14 m for this station', () => {
    expect(findingsFor(station(), createSchoolNorthOf(13.9, { users: 500 }))[0]).toMatchObject({
      requiredM: 14,
      targetClass: 'class1',
    });
    expect(findingsFor(station(), createSchoolNorthOf(14.1, { users: 500 }))).toEqual([]);
  });

  it('a target inside the hazard polygon is at 0 m', () => {
    const school = createSchoolNorthOf(0, pupils);
    const inside = createSite({
      id: 'fs',
      category: 'fuel_station',
      at: [LON, latitudeNorthOf(LAT, 50)],
      stationGrade: 2,
      vapourRecovery: 'full',
    });
    expect(findingsFor(inside, school)[0]).toMatchObject({ distanceM: 0, shortfallM: 35 });
  });
});

describe('areas on both sides', () => {
  it('a school point inside a petrol-station forecourt polygon is at 0 m: a violation by the full distance', () => {
    const forecourt: Site = {
      id: 'fs',
      name: 'fs',
      category: 'fuel_station',
      stationGrade: 3,
      vapourRecovery: 'none',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [LON, LAT],
            [LON + 0.001, LAT],
            [LON + 0.001, LAT + 0.001],
            [LON, LAT + 0.001],
            [LON, LAT],
          ],
        ],
      },
    };
    const inside = createSite({ id: 'k', category: 'kindergarten', users: 300, at: [LON + 0.0005, LAT + 0.0005] });
    expect(findingsFor(forecourt, inside)[0]).toMatchObject({
      distanceM: 0,
      requiredM: 50,
      shortfallM: 50,
      measuredBetween: 'Polygon–Point',
    });
  });

  it('a hazard standing in the hole of a MultiPolygon residential area is measured to the hole’s edge', () => {
    const south = LAT + 0.004;
    const outer = [
      [LON, LAT],
      [LON + 0.01, LAT],
      [LON + 0.01, LAT + 0.01],
      [LON, LAT + 0.01],
      [LON, LAT],
    ];
    const hole = [
      [LON + 0.004, south],
      [LON + 0.004, LAT + 0.006],
      [LON + 0.006, LAT + 0.006],
      [LON + 0.006, south],
      [LON + 0.004, south],
    ];
    const estate: Site = {
      id: 'r',
      name: 'r',
      category: 'residential',
      geometry: { type: 'MultiPolygon', coordinates: [[outer, hole]] },
    };
    // grade-3 station, no recovery: 10 m to 三类保护物; it stands 9 m north of the hole's south edge
    const station = createSite({
      id: 'fs',
      category: 'fuel_station',
      stationGrade: 3,
      vapourRecovery: 'none',
      at: [LON + 0.005, latitudeNorthOf(south, 9)],
    });
    const [v] = findingsFor(station, estate);
    expect(v).toMatchObject({ requiredM: 10, targetClass: 'class3', status: 'violation' });
    expect(v!.distanceM).toBeCloseTo(9, 3);
  });
});

describe('hazardous-chemical sites (条例 §19 + GB/T 37243)', () => {
  const store = (extra: Partial<Site> = {}) =>
    createSite({ id: 'hz', category: 'hazchem_production', at: [LON, LAT], ...extra });

  it('a site without an assessed distance is not_assessed for targets within the screening radius, never a pass', () => {
    const [v] = findingsFor(store(), createSchoolNorthOf(300));
    expect(v).toMatchObject({ status: 'not_assessed', requiredM: null, ruleId: 'reg19-assessed-distance' });
    expect(findingsFor(store(), createSchoolNorthOf(600))).toEqual([]);
  });

  it('the site’s own protection distance governs where no table distance is larger', () => {
    const [v] = findingsFor(store({ protectionDistanceM: 400 }), createSchoolNorthOf(300));
    expect(v).toMatchObject({ status: 'violation', ruleId: SITE_DISTANCE_RULE_ID, requiredM: 400 });
    expect(v!.shortfallM).toBeCloseTo(100, 2);
    expect(findingsFor(store({ protectionDistanceM: 250 }), createSchoolNorthOf(300))).toEqual([]);
  });
});

describe('fireworks retail (AQ 4128-2019 第4章: 100 m, 50 m between retail points)', () => {
  it('applies to schools and to fuel stations, which are hazards themselves', () => {
    const shop = createSite({ id: 'fw', category: 'fireworks_retail', at: [LON, LAT] });
    const fuel = createSite({ id: 'fs2', category: 'fuel_station', at: [LON, latitudeNorthOf(LAT, 80)] });
    expect(findingsFor(shop, fuel)[0]).toMatchObject({ ruleId: 'fireworks-flammable-100', status: 'violation' });
    expect(findingsFor(shop, createSchoolNorthOf(99))[0]).toMatchObject({ ruleId: 'fireworks-crowded-100' });
  });
});

function squareAround(p: Point, half: number): Polygon {
  const [x, y] = p.coordinates as [number, number];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x - half, y - half],
        [x + half, y - half],
        [x + half, y + half],
        [x - half, y + half],
        [x - half, y - half],
      ],
    ],
  };
}

describe('indexed search', () => {
  const arbitraryPlace = fc.tuple(
    fc.double({ min: 118.77, max: 118.79, noNaN: true }),
    fc.double({ min: 32.03, max: 32.05, noNaN: true }),
  );
  const hazardCategory = fc.constantFrom('fuel_station', 'fireworks_retail', 'hazchem_storage', 'gas_station');
  const targetCategory = fc.constantFrom('school', 'hospital', 'residential', 'kindergarten', 'water_source');

  it('finds exactly the pairs a brute-force search over all pairs finds (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbitraryPlace, hazardCategory), { maxLength: 25 }),
        fc.array(fc.tuple(arbitraryPlace, targetCategory), { maxLength: 40 }),
        (hs, ts) => {
          // every third site is a small square polygon, so the box-gap prefilter meets areas as well as points
          const shaped = (site: Site, i: number): Site =>
            i % 3 === 2 ? { ...site, geometry: squareAround(site.geometry as Point, 0.0002 + (i % 5) * 0.0001) } : site;
          const hazards = hs.map(([at, category], i) => shaped(createSite({ id: `h${i}`, category, at }), i));
          const targets = ts.map(([at, category], i) => shaped(createSite({ id: `t${i}`, category, at }), i));
          const config = createConfig();
          const indexed = checkSetbacks(hazards, [...targets, ...hazards], config).findings;
          const brute: Finding[] = [];
          for (const h of hazards) {
            for (const t of [...targets, ...hazards])
              brute.push(...judgePair(h, hazardRules(h, config.rules), t, classifyTarget(t), config));
          }
          expect(indexed).toEqual(brute.sort(compareFindings));
        },
      ),
      { numRuns: 50 },
    );
  });
});
