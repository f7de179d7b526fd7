// Shelters against the people they serve: hand-worked capacities, assignments and deficits.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { DEFAULT_REACH_PROFILE, type Site, type Zone } from '../../../src/engine';
import { assessShelters } from '../../../src/engine/reach/shelters';
import { populationOf } from '../../../src/engine/reach/population';
import { latitudeNorthOf } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;
const at = (northM: number): [number, number] => [LON, latitudeNorthOf(LAT, northM)];
const site = (id: string, category: string, northM: number, extra: Partial<Site> = {}): Site => ({ id, name: id, category, geometry: { type: 'Point', coordinates: at(northM) }, ...extra });
const square = (id: string, south: number, north: number): Zone => {
  const g: Polygon = { type: 'Polygon', coordinates: [[[LON - 0.05, south], [LON + 0.05, south], [LON + 0.05, north], [LON - 0.05, north], [LON - 0.05, south]]] };
  return { id, name: id, geometry: g };
};
const P = DEFAULT_REACH_PROFILE;

function run(sites: Site[], zones: Zone[], grid?: Zone[]) {
  return assessShelters(sites, zones, populationOf(sites, grid, P), P);
}

describe('shelters: capacity against the population in their service area', () => {
  it('a 紧急 shelter for 1 000 people with 1 300 residents within 500 m: deficit 300 persons, 300 m² at 1 m² each', () => {
    const sites = [
      site('SH1', 'shelter', 0, { shelterClass: 'emergency', users: 1000 }),
      site('R1', 'residential', 200, { users: 800 }),
      site('R2', 'residential', -450, { users: 500 }),
      site('R3', 'residential', 600, { users: 200 }), // beyond 500 m: unserved
    ];
    const r = run(sites, [square('z', LAT - 0.05, LAT + 0.05)]);
    expect(r.shelters[0]).toMatchObject({ shelterId: 'SH1', class: 'emergency', tier: 'emergency', radiusM: 500, capacity: 1000, capacitySource: 'given', population: 1300, deficit: 300, areaShortM2: 300 });
    const z = r.zones.find((x) => x.tier === 'emergency')!;
    // 1 500 residents: 1 300 served, 200 unserved; without a place = 200 + 300
    expect(z).toMatchObject({ population: 1500, served: 1300, unserved: 200, withoutPlace: 500, areaShortM2: 500, status: 'deficit' });
    // no 固定 shelter in the data: the stay tier says so rather than counting everyone short
    expect(r.zones.find((x) => x.tier === 'stay')).toMatchObject({ population: 1500, withoutPlace: 0, status: 'no_shelter_data' });
  });

  it('capacity from the effective area: 10 000 m² of a 固定 shelter at 2 m² a person = 5 000 people (GB 50413 §8.2.8)', () => {
    const r = run([site('SH', 'shelter', 0, { shelterClass: 'fixed_long', effectiveAreaM2: 10_000 }), site('R', 'residential', 1500, { users: 6000 })], [square('z', LAT - 0.05, LAT + 0.05)]);
    expect(r.shelters[0]).toMatchObject({ radiusM: 2000, perCapitaM2: 2, capacity: 5000, capacitySource: 'area', population: 6000, deficit: 1000, areaShortM2: 2000 });
  });

  it('overlapping service areas count each resident once, at the nearer shelter', () => {
    const sites = [
      site('A', 'shelter', 0, { shelterClass: 'emergency', users: 100 }),
      site('B', 'shelter', 600, { shelterClass: 'emergency', users: 100 }),
      site('R', 'residential', 350, { users: 150 }), // 350 m from A, 250 m from B: both reach, B is nearer
    ];
    const r = run(sites, [square('z', LAT - 0.05, LAT + 0.05)]);
    expect(r.shelters.map((s) => [s.shelterId, s.population, s.deficit])).toEqual([['A', 0, 0], ['B', 150, 50]]);
  });

  it('households × 2.62 when a compound gives no residents; unknown capacity is never sufficient', () => {
    const sites = [site('SH', 'shelter', 0, { shelterClass: 'emergency' }), site('R', 'residential', 100, { households: 100 })];
    const r = run(sites, [square('z', LAT - 0.05, LAT + 0.05)]);
    expect(r.shelters[0]).toMatchObject({ population: 262, capacity: null, capacitySource: 'unknown', deficit: null });
    expect(r.shelters[0]!.note).toContain('容量未知');
    expect(r.zones.find((x) => x.tier === 'emergency')).toMatchObject({ capacityUnknown: 262, withoutPlace: 0 });
  });

  it('no population data at all: a shelter is neither short nor enough (population and deficit empty, 无人口数据)', () => {
    const r = run([site('SH', 'shelter', 0, { shelterClass: 'emergency', users: 1000 }), site('R', 'residential', 100)], [square('z', LAT - 0.05, LAT + 0.05)]);
    expect(r.shelters[0]).toMatchObject({ population: null, deficit: null, areaShortM2: null });
    expect(r.shelters[0]!.note).toContain('无人口数据');
    expect(r.zones.every((z) => z.status === 'no_population_data')).toBe(true);
  });

  it('a shelter without a class is read as 紧急 (the smallest service area) and says so', () => {
    const r = run([site('SH', 'shelter', 0, { users: 10 }), site('R', 'residential', 700, { users: 5 })], [square('z', LAT - 0.05, LAT + 0.05)]);
    expect(r.shelters[0]).toMatchObject({ class: 'emergency', classAssumed: true, population: 0 });
    expect(r.shelters[0]!.note).toContain('从严');
  });

  it('a population grid replaces the compounds, and deficits are split by district in proportion', () => {
    // two districts south and north of the shelter; a 1 000-person shelter; grid cells of 600 (south) and 900 (north)
    const south = square('d-south', LAT - 0.05, LAT);
    const north = square('d-north', LAT, LAT + 0.05);
    const cell = (id: string, northM: number, population: number): Zone => {
      const [lon, lat] = at(northM);
      const g: Polygon = { type: 'Polygon', coordinates: [[[lon - 0.0005, lat - 0.0004], [lon + 0.0005, lat - 0.0004], [lon + 0.0005, lat + 0.0004], [lon - 0.0005, lat + 0.0004], [lon - 0.0005, lat - 0.0004]]] };
      return { id, name: id, geometry: g, population };
    };
    const sites = [site('SH', 'shelter', 0, { shelterClass: 'emergency', users: 1000 }), site('R-ignored', 'residential', 100, { users: 99999 })];
    const r = run(sites, [south, north], [cell('c1', -300, 600), cell('c2', 300, 900)]);
    expect(r.populationSource).toBe('grid');
    expect(r.shelters[0]).toMatchObject({ population: 1500, deficit: 500 });
    // shares of the 500 short: 600/1500 × 500 = 200 south, 900/1500 × 500 = 300 north
    expect(r.zones.find((z) => z.zoneId === 'd-south' && z.tier === 'emergency')!.withoutPlace).toBeCloseTo(200, 9);
    expect(r.zones.find((z) => z.zoneId === 'd-north' && z.tier === 'emergency')!.withoutPlace).toBeCloseTo(300, 9);
    // and per grid cell: the same shares, each cell at its distance from the shelter (≈ 300 m)
    expect(r.units.map((u) => [u.unitId, u.tier, u.shelterId, u.withoutPlace])).toEqual([['c1', 'emergency', 'SH', 200], ['c2', 'emergency', 'SH', 300]]);
    for (const u of r.units) expect(u.distanceM!).toBeCloseTo(300, 0);
  });
});
