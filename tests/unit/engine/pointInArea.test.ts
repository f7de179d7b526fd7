// The prepared point-in-zone test against an independent implementation (turf's booleanPointInPolygon) on real
// district outlines, and on the cases a ray cast gets wrong when written carelessly: holes, vertices, edges,
// horizontal edges and points level with a vertex.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { pointInArea } from '../../../src/engine/geo/pointInArea';
import { bboxOf } from '../../../src/engine/geo/bbox';

const areas = (file: string): (Polygon | MultiPolygon)[] =>
  (JSON.parse(readFileSync(file, 'utf8')) as { features: { geometry: Polygon | MultiPolygon }[] }).features.map(
    (f) => f.geometry,
  );

describe('pointInArea', () => {
  it('agrees with turf on 20 000 random points around every district of two cities', () => {
    const rng = xoroshiro128plus(7);
    const random = () => uniformInt(rng, 0, 2 ** 30 - 1) / 2 ** 30;
    const geometries = [
      ...areas('data/demo/nanjing-districts.wgs84.geojson'),
      ...areas('tests/fixtures/cities/shanghai_districts.wgs84.geojson'),
    ];
    let inside = 0;
    for (const g of geometries) {
      const holds = pointInArea(g);
      const [x0, y0, x1, y1] = bboxOf(g);
      for (let i = 0; i < 20_000 / geometries.length; i++) {
        const x = x0 - 0.01 + random() * (x1 - x0 + 0.02);
        const y = y0 - 0.01 + random() * (y1 - y0 + 0.02);
        const expected = booleanPointInPolygon([x, y], g);
        if (holds(x, y) !== expected) throw new Error(`disagrees at ${x},${y}: turf says ${expected}`);
        if (expected) inside++;
      }
    }
    expect(inside).toBeGreaterThan(4000); // the sample is not all outside
  });

  const square = (x0: number, y0: number, x1: number, y1: number) => [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  const withHole: Polygon = { type: 'Polygon', coordinates: [square(0, 0, 10, 10), square(4, 4, 6, 6)] };

  it('respects holes and counts the boundary (edges, vertices, the hole’s edge) as touching', () => {
    const holds = pointInArea(withHole);
    expect(holds(2, 2)).toBe(true);
    expect(holds(5, 5)).toBe(false); // in the hole
    expect(holds(11, 5)).toBe(false);
    expect(holds(0, 5)).toBe(true); // on the outer edge
    expect(holds(10, 10)).toBe(true); // a vertex
    expect(holds(4, 5)).toBe(true); // on the hole's edge
    expect(holds(5, 0)).toBe(true); // on a horizontal edge
    expect(holds(-1, 0)).toBe(false); // level with the bottom edge, outside
    expect(holds(5, 4)).toBe(true); // level with the hole's bottom edge, on it
  });

  it('holds a point in any polygon of a MultiPolygon, and not between them', () => {
    const holds = pointInArea({ type: 'MultiPolygon', coordinates: [[square(0, 0, 1, 1)], [square(2, 0, 3, 1)]] });
    expect([holds(0.5, 0.5), holds(2.5, 0.5), holds(1.5, 0.5)]).toEqual([true, true, false]);
  });

  it('gets a point level with a vertex right (the ray passes through a vertex)', () => {
    // a diamond: the ray from (−0.5, 0) to +x passes through the vertices (−1, 0) … (1, 0)
    const holds = pointInArea({
      type: 'Polygon',
      coordinates: [
        [
          [0, -1],
          [1, 0],
          [0, 1],
          [-1, 0],
          [0, -1],
        ],
      ],
    });
    expect([holds(-0.5, 0), holds(-1.5, 0), holds(0.99, 0), holds(1.01, 0)]).toEqual([true, false, true, false]);
  });
});
