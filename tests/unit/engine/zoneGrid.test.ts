import { describe, expect, it } from 'vitest';
import {
  areaKm2,
  assess,
  buildGrid,
  cellAt,
  DEFAULT_PROFILE,
  dissolveCells,
  zoneGrid,
  type AssessedSite,
} from '../../../src/engine';
import { toPlane } from '../../../src/engine/geo/localPlane';
import { createConfig, createSite, createSquareZone } from '../../helpers/sites';

// a ≈ 1.9 × 2.2 km study area in central Nanjing
const AREA = createSquareZone('area', 118.78, 32.04, 0.02);

function assessedSites(...sites: Parameters<typeof createSite>[0][]): AssessedSite[] {
  return assess({ sites: sites.map(createSite), zones: [] }, createConfig()).sites;
}

const totalArea = (zones: { geometry: Parameters<typeof areaKm2>[0] }[]) =>
  zones.reduce((a, z) => a + areaKm2(z.geometry), 0);

describe.each(['square', 'hex'] as const)('%s grid zoning (就高)', (shape) => {
  const cellM = 200;
  const cellArea = shape === 'square' ? (cellM * cellM) / 1e6 : ((Math.sqrt(3) / 2) * cellM * cellM) / 1e6;

  it('colours the cell a red point stands in, dissolving the rest into one 未评级 zone with a hole', () => {
    const sites = assessedSites({ id: 'r', category: 'construction', at: [118.79, 32.05], likelihood: 5, severity: 5 });
    const { zones, cellCount } = zoneGrid([AREA], { shape, cellM }, sites, DEFAULT_PROFILE.aggregation);
    const red = zones.filter((z) => z.level === 'red');
    expect(red).toHaveLength(1);
    expect(red[0]!.contributors.map((c) => c.siteId)).toEqual(['r']);
    expect(areaKm2(red[0]!.geometry)).toBeCloseTo(cellArea, 4);
    const unrated = zones.filter((z) => z.level === null);
    expect(unrated).toHaveLength(1);
    expect(unrated[0]!.reason).toContain('未评级');
    expect(
      unrated[0]!.geometry.type === 'Polygon' ? unrated[0]!.geometry.coordinates.length : 2,
    ).toBeGreaterThanOrEqual(2); // outer + hole
    expect(cellCount * cellArea).toBeGreaterThan(areaKm2(AREA.geometry) * 0.9);
    // clipped to the study area: the zones cover it exactly
    expect(totalArea(zones)).toBeCloseTo(areaKm2(AREA.geometry), 2);
  });

  it('lets a hazard footprint colour every cell it reaches, and only those', () => {
    const [station] = assessedSites({
      id: 'fs',
      category: 'fuel_station',
      at: [118.79, 32.05],
      likelihood: 4,
      severity: 4,
      stationGrade: 2,
      vapourRecovery: 'full',
    });
    expect(station!.footprintM).toBe(500); // the 500 m water-source rule
    const { zones, grid } = zoneGrid([AREA], { shape, cellM }, [station!], DEFAULT_PROFILE.aggregation);
    const orange = zones.filter((z) => z.level === 'orange');
    expect(orange).toHaveLength(1);
    // every cell whose centre is within 500 m − half a cell is orange; none farther than 500 m + a cell
    const [x, y] = toPlane(grid.plane, station!.lon, station!.lat);
    const orangeCells = new Set<number>();
    for (let yy = y - 700; yy <= y + 700; yy += 25)
      for (let xx = x - 700; xx <= x + 700; xx += 25) {
        const d = Math.hypot(xx - x, yy - y);
        const cell = cellAt(grid, xx, yy);
        if (d < 500 - cellM) orangeCells.add(cell);
      }
    const area = areaKm2(orange[0]!.geometry);
    expect(area).toBeGreaterThan(orangeCells.size * cellArea * 0.99);
    expect(area).toBeLessThan(Math.PI * ((500 + cellM) / 1000) ** 2);
    expect(orange[0]!.contributors[0]).toMatchObject({ siteId: 'fs', how: 'inside' });
  });
});

describe('dissolveCells', () => {
  it('keeps cells touching only at a corner as separate zones, and conserves area', () => {
    const grid = buildGrid([AREA.geometry], { shape: 'square', cellM: 200 });
    const codes = new Int8Array(grid.inside.length).fill(3);
    const [x, y] = toPlane(grid.plane, 118.79, 32.05);
    const a = cellAt(grid, x, y);
    const diagonal = cellAt(grid, x + 200, y + 200);
    codes[a] = 0;
    codes[diagonal] = 0;
    const parts = dissolveCells(grid, codes).components;
    expect(parts.filter((p) => p.value === 0)).toHaveLength(2);
    const inside = grid.inside.reduce((n, v) => n + v, 0);
    expect(parts.reduce((n, p) => n + p.cells.length, 0)).toBe(inside);
    const unclipped = parts.reduce((s, p) => s + areaKm2(p.polygon), 0);
    expect(unclipped).toBeCloseTo(inside * 0.04, 3);
  });
});

describe('assess with a grid', () => {
  const sites = [
    createSite({ id: 'r', category: 'construction', at: [118.79, 32.05], likelihood: 5, severity: 5 }),
    createSite({ id: 'y', category: 'traffic', at: [118.785, 32.045], likelihood: 2, severity: 3 }),
  ];

  it('zones the study area by the grid in max mode, footprints included', () => {
    const a = assess({ sites, zones: [AREA], grid: { shape: 'square', cellM: 250 } }, createConfig());
    expect(a.zones.every((z) => z.id.startsWith('grid-square-250-'))).toBe(true);
    expect(new Set(a.zones.map((z) => z.level))).toEqual(new Set(['red', 'yellow', null]));
    expect(a.zones.find((z) => z.level === 'red')!.reason).toContain('就高');
  });

  it('levels cells by weighted index per km² of cell in index mode', () => {
    const profile = createConfig().method;
    const config = createConfig({ method: { ...profile, aggregation: { ...profile.aggregation, mode: 'index' } } });
    const a = assess({ sites, zones: [AREA], grid: { shape: 'square', cellM: 250 } }, config);
    // red site: 8 / 0.0625 km² = 128 ≥ 4 → red; yellow site: 2 / 0.0625 = 32 ≥ 4 → red too (thresholds per km² must
    // suit the cell size); the two cells are not adjacent, so two red zones
    const red = a.zones.filter((z) => z.level === 'red');
    expect(red.map((z) => z.contributors.map((c) => c.siteId)).sort()).toEqual([['r'], ['y']]);
    expect(red.every((z) => z.mode === 'index')).toBe(true);
  });

  it('says the colours are relative ranks in relative mode', () => {
    const profile = createConfig().method;
    const config = createConfig({ method: { ...profile, aggregation: { ...profile.aggregation, mode: 'relative' } } });
    const a = assess({ sites, zones: [AREA], grid: { shape: 'hex', cellM: 250 } }, config);
    expect(a.aggregationMode).toBe('relative');
    expect(a.zones.some((z) => z.reason.includes('相对排名'))).toBe(true);
  });
});

describe('grid zones over the real Nanjing districts', () => {
  it('cover the 11 districts exactly: zone areas sum to the districts’ area (within 0.05 %)', async () => {
    const { readFileSync } = await import('node:fs');
    const { readZones } = await import('../../../src/io');
    const districts = readZones(readFileSync('data/demo/nanjing-districts.wgs84.geojson', 'utf8'));
    const sites = assessedSites({ id: 'r', category: 'construction', at: [118.79, 32.05], likelihood: 5, severity: 5 });
    for (const shape of ['square', 'hex'] as const) {
      const { zones } = zoneGrid(districts, { shape, cellM: 2000 }, sites, DEFAULT_PROFILE.aggregation);
      const districtArea = districts.reduce((a, d) => a + areaKm2(d.geometry), 0);
      expect(totalArea(zones) / districtArea, shape).toBeCloseTo(1, 3);
    }
  });
});

describe('grid zoning is deterministic', () => {
  it('gives byte-identical zones for the same sites in any order', () => {
    const raw = [
      { id: 'a', category: 'construction', at: [118.785, 32.045] as [number, number], likelihood: 5, severity: 5 },
      { id: 'b', category: 'fuel_station', at: [118.795, 32.052] as [number, number], likelihood: 4, severity: 4 },
      { id: 'c', category: 'traffic', at: [118.79, 32.055] as [number, number], likelihood: 2, severity: 2 },
    ];
    const run = (order: typeof raw) =>
      JSON.stringify(
        assess({ sites: order.map(createSite), zones: [AREA], grid: { shape: 'hex', cellM: 300 } }, createConfig())
          .zones,
      );
    expect(run([...raw].reverse())).toBe(run(raw));
  });
});

describe.each(['square', 'hex'] as const)('%s grid zoning of a study area with a hole', (shape) => {
  // a 0.02° square with a 0.0053° hole whose edges run through cells (not along the grid lines)
  const [w, s, size] = [118.78, 32.04, 0.02];
  const hole = [
    [118.7867, 32.0467],
    [118.7867, 32.052],
    [118.792, 32.052],
    [118.792, 32.0467],
    [118.7867, 32.0467],
  ];
  const withHole = {
    id: 'holed',
    name: 'holed',
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [w, s],
          [w + size, s],
          [w + size, s + size],
          [w, s + size],
          [w, s],
        ],
        hole,
      ],
    },
  };

  it('leaves the hole out of every cell it cuts: no zone covers a point inside the hole, and the areas add up', async () => {
    const { booleanPointInPolygon } = await import('@turf/boolean-point-in-polygon');
    const { zones } = zoneGrid([withHole], { shape, cellM: 200 }, [], DEFAULT_PROFILE.aggregation);
    // just inside each of the hole's four edges, where the cut cells are
    const inHole: [number, number][] = [
      [118.7869, 32.049],
      [118.7918, 32.049],
      [118.789, 32.0469],
      [118.789, 32.0518],
    ];
    for (const p of inHole)
      expect(
        zones.filter((z) => booleanPointInPolygon(p, z.geometry)).map((z) => z.id),
        `${p}`,
      ).toEqual([]);
    // and just outside the hole every point is covered by one zone
    for (const p of [
      [118.7865, 32.049],
      [118.7922, 32.049],
    ] as [number, number][])
      expect(zones.filter((z) => booleanPointInPolygon(p, z.geometry))).toHaveLength(1);
    expect(totalArea(zones)).toBeCloseTo(areaKm2(withHole.geometry), 3);
  });
});
