import { describe, expect, it } from 'vitest';
import { area as turfArea } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point, polygon } from '@turf/helpers';
import { groupRings, reachBandShapes } from '../../src/figures/reachBandShapes';
import { cellSetRings } from '../../src/figures/reachMapFigure';
import { assessReach, DEFAULT_REACH_PROFILE, type Site, type Zone } from '../../src/engine';

/** Shoelace area of a ring of cell corners, in cells. */
const cells = (ring: [number, number][]) => {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  return Math.abs(a) / 2;
};

describe('reach bands as polygons', () => {
  it('gives a ring of cells its hole and an island inside the hole its own polygon', () => {
    // 5×5: the border ring of 16 cells, the 3×3 inside empty except the centre cell
    const set = new Uint8Array(25);
    for (let r = 0; r < 5; r++)
      for (let c = 0; c < 5; c++) if (r === 0 || r === 4 || c === 0 || c === 4) set[r * 5 + c] = 1;
    set[2 * 5 + 2] = 1;
    const polygons = groupRings(cellSetRings(5, 5, set));
    expect(polygons).toHaveLength(2);
    const ring = polygons.find((p) => p.length === 2)!;
    const island = polygons.find((p) => p.length === 1)!;
    expect(cells(ring[0]!) - cells(ring[1]!)).toBe(16);
    expect(cells(island[0]!)).toBe(1);
  });

  it('gives each of two separate holes to the right one of two outer rings', () => {
    // two 3×3 blocks side by side with a gap column, each with its centre missing
    const cols = 7;
    const set = new Uint8Array(cols * 3);
    for (let r = 0; r < 3; r++) for (const c of [0, 1, 2, 4, 5, 6]) set[r * cols + c] = 1;
    set[1 * cols + 1] = 0;
    set[1 * cols + 5] = 0;
    const polygons = groupRings(cellSetRings(cols, 3, set));
    expect(polygons.map((p) => p.length)).toEqual([2, 2]);
    for (const [outer, hole] of polygons) {
      const xs = outer!.map(([x]) => x);
      for (const [x] of hole!) expect(x).toBeGreaterThan(Math.min(...xs)); // spread-ok: a ring of a test
      for (const [x] of hole!) expect(x).toBeLessThan(Math.max(...xs)); // spread-ok: a ring of a test
    }
  });

  it('covers the study area with disjoint bands whose areas add up to the grid cells (screening, one station)', () => {
    // a 4 km × 4 km square district, one station at its centre
    const d = 0.02;
    const zone: Zone = {
      id: 'Z',
      name: '测试区',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [118.8 - d, 32 - d],
            [118.8 + d, 32 - d],
            [118.8 + d, 32 + d],
            [118.8 - d, 32 + d],
            [118.8 - d, 32 - d],
          ],
        ],
      },
    };
    const station: Site = {
      id: 'S1',
      name: '站',
      category: 'fire_station',
      geometry: { type: 'Point', coordinates: [118.8, 32] },
      fictitious: true,
    } as Site;
    const reach = assessReach({ sites: [station], assessed: [], zones: [zone], districtCellM: 250 });
    const shapes = reachBandShapes(reach, DEFAULT_REACH_PROFILE);
    const g = reach.reachGrid!;
    const totalKm2 = shapes.features.reduce((s, f) => s + f.properties.km2, 0);
    expect(totalKm2).toBeCloseTo(g.cells.length * g.cellKm2, 9);
    // each band's polygons measure (on the ellipsoid, by turf) what its cells add up to, within 1 %
    for (const f of shapes.features) expect(turfArea(f) / 1e6).toBeCloseTo(f.properties.km2, 1);
    // the station's own cell is in the fastest band: its minutes are the dispatch delay (4) only
    const fastest = shapes.features.find((f) => f.properties.band === 0)!;
    const inFastest = fastest.geometry.coordinates.some((p) =>
      booleanPointInPolygon(point([118.8001, 32.0001]), polygon(p)),
    );
    expect(inFastest).toBe(true);
  });
});
