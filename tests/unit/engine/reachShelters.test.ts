// Shelters against the people they serve: hand-worked capacities, assignments and deficits.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { DEFAULT_REACH_PROFILE, type Site, type Zone } from '../../../src/engine';
import { assessShelters } from '../../../src/engine/reach/shelters';
import { populationOf } from '../../../src/engine/reach/population';
import { latitudeNorthOf, parallelArcMeters } from '../../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;
const at = (northM: number): [number, number] => [LON, latitudeNorthOf(LAT, northM)];
const site = (id: string, category: string, northM: number, extra: Partial<Site> = {}): Site => ({
  id,
  name: id,
  category,
  geometry: { type: 'Point', coordinates: at(northM) },
  ...extra,
});
const square = (id: string, south: number, north: number): Zone => {
  const g: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [LON - 0.05, south],
        [LON + 0.05, south],
        [LON + 0.05, north],
        [LON - 0.05, north],
        [LON - 0.05, south],
      ],
    ],
  };
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
    expect(r.shelters[0]).toMatchObject({
      shelterId: 'SH1',
      class: 'emergency',
      tier: 'emergency',
      radiusM: 500,
      capacity: 1000,
      capacitySource: 'given',
      population: 1300,
      deficit: 300,
      areaShortM2: 300,
    });
    const z = r.zones.find((x) => x.tier === 'emergency')!;
    // 1 500 residents: 1 300 served, 200 unserved; without a place = 200 + 300
    expect(z).toMatchObject({
      population: 1500,
      served: 1300,
      unserved: 200,
      withoutPlace: 500,
      areaShortM2: 500,
      status: 'deficit',
    });
    // no 固定 shelter in the data: the stay tier says so rather than counting everyone short
    expect(r.zones.find((x) => x.tier === 'stay')).toMatchObject({
      population: 1500,
      withoutPlace: 0,
      status: 'no_shelter_data',
    });
  });

  it('capacity from the effective area: 10 000 m² of a 固定 shelter at 2 m² a person = 5 000 people (GB 50413 §8.2.8)', () => {
    const r = run(
      [
        site('SH', 'shelter', 0, { shelterClass: 'fixed_long', effectiveAreaM2: 10_000 }),
        site('R', 'residential', 1500, { users: 6000 }),
      ],
      [square('z', LAT - 0.05, LAT + 0.05)],
    );
    expect(r.shelters[0]).toMatchObject({
      radiusM: 2000,
      perCapitaM2: 2,
      capacity: 5000,
      capacitySource: 'area',
      population: 6000,
      deficit: 1000,
      areaShortM2: 2000,
    });
  });

  it('overlapping service areas count each resident once, at the nearer shelter', () => {
    const sites = [
      site('A', 'shelter', 0, { shelterClass: 'emergency', users: 100 }),
      site('B', 'shelter', 600, { shelterClass: 'emergency', users: 100 }),
      site('R', 'residential', 350, { users: 150 }), // 350 m from A, 250 m from B: both reach, B is nearer
    ];
    const r = run(sites, [square('z', LAT - 0.05, LAT + 0.05)]);
    expect(r.shelters.map((s) => [s.shelterId, s.population, s.deficit])).toEqual([
      ['A', 0, 0],
      ['B', 150, 50],
    ]);
  });

  it('households × 2.62 when a compound gives no residents; unknown capacity is never sufficient', () => {
    const sites = [
      site('SH', 'shelter', 0, { shelterClass: 'emergency' }),
      site('R', 'residential', 100, { households: 100 }),
    ];
    const r = run(sites, [square('z', LAT - 0.05, LAT + 0.05)]);
    expect(r.shelters[0]).toMatchObject({ population: 262, capacity: null, capacitySource: 'unknown', deficit: null });
    expect(r.shelters[0]!.note).toContain('容量未知');
    expect(r.zones.find((x) => x.tier === 'emergency')).toMatchObject({
      capacityUnknown: 262,
      withoutPlace: 0,
      status: 'capacity_unknown',
    });
  });

  it('no population data at all: a shelter is neither short nor enough (population and deficit empty, 无人口数据)', () => {
    const r = run(
      [site('SH', 'shelter', 0, { shelterClass: 'emergency', users: 1000 }), site('R', 'residential', 100)],
      [square('z', LAT - 0.05, LAT + 0.05)],
    );
    expect(r.shelters[0]).toMatchObject({ population: null, deficit: null, areaShortM2: null });
    expect(r.shelters[0]!.note).toContain('无人口数据');
    expect(r.zones.every((z) => z.status === 'no_population_data')).toBe(true);
  });

  it('a zone with no people counted is no_population_data, never sufficient', () => {
    const sites = [
      site('SH', 'shelter', 0, { shelterClass: 'emergency', users: 1000 }),
      site('R', 'residential', 100, { users: 10 }),
    ];
    const empty = square('empty', LAT + 0.06, LAT + 0.1); // north of everything
    const r = run(sites, [square('z', LAT - 0.05, LAT + 0.05), empty]);
    expect(r.zones.find((z) => z.zoneId === 'z' && z.tier === 'emergency')!.status).toBe('sufficient');
    expect(r.zones.find((z) => z.zoneId === 'empty' && z.tier === 'emergency')!.status).toBe('no_population_data');
  });

  it('a shelter without a class is read as 紧急 (the smallest service area) and says so', () => {
    const r = run(
      [site('SH', 'shelter', 0, { users: 10 }), site('R', 'residential', 700, { users: 5 })],
      [square('z', LAT - 0.05, LAT + 0.05)],
    );
    expect(r.shelters[0]).toMatchObject({ class: 'emergency', classAssumed: true, population: 0 });
    expect(r.shelters[0]!.note).toContain('从严');
  });

  it('a population grid replaces the compounds, and deficits are split by district in proportion', () => {
    // two districts south and north of the shelter; a 1 000-person shelter; grid cells of 600 (south) and 900 (north)
    const south = square('d-south', LAT - 0.05, LAT);
    const north = square('d-north', LAT, LAT + 0.05);
    const cell = (id: string, northM: number, population: number): Zone => {
      const [lon, lat] = at(northM);
      const g: Polygon = {
        type: 'Polygon',
        coordinates: [
          [
            [lon - 0.0005, lat - 0.0004],
            [lon + 0.0005, lat - 0.0004],
            [lon + 0.0005, lat + 0.0004],
            [lon - 0.0005, lat + 0.0004],
            [lon - 0.0005, lat - 0.0004],
          ],
        ],
      };
      return { id, name: id, geometry: g, population };
    };
    const sites = [
      site('SH', 'shelter', 0, { shelterClass: 'emergency', users: 1000 }),
      site('R-ignored', 'residential', 100, { users: 99999 }),
    ];
    const r = run(sites, [south, north], [cell('c1', -300, 600), cell('c2', 300, 900)]);
    expect(r.populationSource).toBe('grid');
    expect(r.shelters[0]).toMatchObject({ population: 1500, deficit: 500 });
    // shares of the 500 short: 600/1500 × 500 = 200 south, 900/1500 × 500 = 300 north
    expect(r.zones.find((z) => z.zoneId === 'd-south' && z.tier === 'emergency')!.withoutPlace).toBeCloseTo(200, 9);
    expect(r.zones.find((z) => z.zoneId === 'd-north' && z.tier === 'emergency')!.withoutPlace).toBeCloseTo(300, 9);
    // and per grid cell: the same shares, each cell at its distance from the shelter (≈ 300 m)
    expect(r.units.map((u) => [u.unitId, u.tier, u.shelterId, u.withoutPlace])).toEqual([
      ['c1', 'emergency', 'SH', 200],
      ['c2', 'emergency', 'SH', 300],
    ]);
    for (const u of r.units) expect(u.distanceM!).toBeCloseTo(300, 0);
  });
});

describe('shelters on a road network: walking time instead of the radius (GB 50413 §8.2.10: 10 min / 1 h on foot)', () => {
  // A and C 400 m apart across a river with no bridge; the only way round is A → B (1 000 m north) → D (400 m east)
  // → C (1 000 m south): 2 400 m, at 3 km/h (50 m a minute) 48 minutes
  const dLon = 400 / parallelArcMeters(LAT, 1);
  const A: [number, number] = [LON, LAT];
  const B: [number, number] = [LON, latitudeNorthOf(LAT, 1000)];
  const C: [number, number] = [LON + dLon, LAT];
  const D: [number, number] = [LON + dLon, latitudeNorthOf(LAT, 1000)];
  // B–D is one-way for cars: pedestrians may still walk it; the motorway is not for walking
  const roads = [
    { coords: [A, B], roadClass: 'residential' },
    { coords: [B, D], roadClass: 'residential', oneway: 'backward' as const },
    { coords: [D, C], roadClass: 'footway' },
    { coords: [A, C], roadClass: 'motorway' },
  ];
  const at = (c: [number, number], id: string, category: string, extra: Partial<Site> = {}): Site => ({
    id,
    name: id,
    category,
    geometry: { type: 'Point', coordinates: c },
    ...extra,
  });
  const sites = [
    at(A, 'E', 'shelter', { shelterClass: 'emergency', users: 100 }),
    at(A, 'L', 'shelter', { shelterClass: 'fixed_long', users: 100 }),
    at(C, 'R', 'residential', { users: 50 }),
  ];
  const zones = [square('z', LAT - 0.05, LAT + 0.05)];

  it('straight line: 400 m is within both radii', () => {
    const r = assessShelters(sites, zones, populationOf(sites, undefined, P), P);
    expect(r.mode).toBe('radius');
    expect(r.shelters.map((s) => [s.shelterId, s.population])).toEqual([
      ['E', 50],
      ['L', 50],
    ]);
  });

  it('on foot: 48 minutes — beyond the 紧急 10 minutes, within the 固定 hour', async () => {
    const { walkingGraph } = await import('../../../src/engine/reach/shelterAssign');
    const walk = walkingGraph(roads, P);
    expect(walk.graph.edgeCount).toBe(6); // three lines both ways; the motorway left out
    const r = assessShelters(sites, zones, populationOf(sites, undefined, P), P, walk);
    expect(r.mode).toBe('walking');
    expect(r.shelters.map((s) => [s.shelterId, s.population])).toEqual([
      ['E', 0],
      ['L', 50],
    ]);
    const walked = r.units.find((u) => u.tier === 'stay')!;
    // the legs are the meridian arcs (1 000 m each, by construction) and the parallel (400 m): 2 400 m at 50 m/min
    expect(walked.walkMinutes!).toBeCloseTo(48, 2);
    expect(r.units.find((u) => u.tier === 'emergency')).toMatchObject({ shelterId: null, withoutPlace: 50 });
  });
});
