import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { booleanDisjoint } from '@turf/boolean-disjoint';
import { lineString, point as turfPoint } from '@turf/helpers';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import type { Geometry, Polygon } from 'geojson';
import { edgeToEdge } from '../../../src/engine';
import { latitudeNorthOf, meridianArcMeters } from '../../helpers/ellipsoid';
import { squarePolygon } from '../../helpers/sites';

const LON = 118.78;
const LAT = 32.04;

function point(lon: number, lat: number): Geometry {
  return { type: 'Point', coordinates: [lon, lat] };
}

describe('edgeToEdge', () => {
  it('measures a point due north of a polygon’s top edge as the meridian arc between them', () => {
    const square = squarePolygon(LON, LAT, 0.001);
    const top = LAT + 0.001;
    const north = latitudeNorthOf(top, 50);
    const d = edgeToEdge(square, point(LON + 0.0005, north));
    expect(d.distanceM).toBeCloseTo(50, 3);
    expect(d.between).toBe('Polygon–Point');
    expect(d.closestA[1]).toBeCloseTo(top, 9);
  });

  it('measures polygon to polygon from edge to edge, not centre to centre', () => {
    const a = squarePolygon(LON, LAT, 0.001);
    const southOfB = latitudeNorthOf(LAT + 0.001, 120);
    const b = squarePolygon(LON + 0.0002, southOfB, 0.002);
    expect(edgeToEdge(a, b).distanceM).toBeCloseTo(meridianArcMeters(LAT + 0.001, southOfB), 3);
  });

  it('is 0 for a point inside a polygon', () => {
    expect(edgeToEdge(point(LON + 0.0005, LAT + 0.0005), squarePolygon(LON, LAT, 0.001)).distanceM).toBe(0);
  });

  it('is 0 for polygons that touch along an edge', () => {
    expect(edgeToEdge(squarePolygon(LON, LAT, 0.001), squarePolygon(LON + 0.001, LAT, 0.001)).distanceM).toBe(0);
  });

  it('is 0 for overlapping polygons and for one nested inside the other', () => {
    expect(edgeToEdge(squarePolygon(LON, LAT, 0.002), squarePolygon(LON + 0.001, LAT + 0.001, 0.002)).distanceM).toBe(
      0,
    );
    expect(edgeToEdge(squarePolygon(LON, LAT, 0.01), squarePolygon(LON + 0.004, LAT + 0.004, 0.001)).distanceM).toBe(0);
  });

  it('is 0 for a line crossing a polygon with no vertex inside it', () => {
    const line: Geometry = {
      type: 'LineString',
      coordinates: [
        [LON - 0.01, LAT + 0.0005],
        [LON + 0.01, LAT + 0.0005],
      ],
    };
    expect(edgeToEdge(line, squarePolygon(LON, LAT, 0.001)).distanceM).toBe(0);
  });

  it('respects holes: a point in a MultiPolygon’s hole is as far as the hole’s edge', () => {
    const outer = [
      [LON, LAT],
      [LON + 0.01, LAT],
      [LON + 0.01, LAT + 0.01],
      [LON, LAT + 0.01],
      [LON, LAT],
    ];
    const holeSouth = LAT + 0.004;
    const hole = [
      [LON + 0.004, holeSouth],
      [LON + 0.004, LAT + 0.006],
      [LON + 0.006, LAT + 0.006],
      [LON + 0.006, holeSouth],
      [LON + 0.004, holeSouth],
    ];
    const withHole: Geometry = { type: 'MultiPolygon', coordinates: [[outer, hole]] };
    const inHole = latitudeNorthOf(holeSouth, 30);
    expect(edgeToEdge(point(LON + 0.005, inHole), withHole).distanceM).toBeCloseTo(30, 3);
  });

  it('is symmetric', () => {
    const a = squarePolygon(LON, LAT, 0.001);
    const b = point(LON + 0.003, LAT + 0.004);
    expect(edgeToEdge(a, b).distanceM).toBeCloseTo(edgeToEdge(b, a).distanceM, 9);
  });
});

describe('edgeToEdge against an independent oracle (property)', () => {
  // Turf (spherical, different code) as the oracle: 0 when the polygons are not disjoint, else the least
  // vertex-to-edge distance either way. Spherical vs ellipsoidal differ by < 0.5 % (reference §4.2).
  const polygonAround = (cx: number, cy: number, r: number, n: number, jitter: number[]): Polygon => {
    const ring = Array.from({ length: n }, (_, k) => {
      const a = (2 * Math.PI * k) / n;
      const rr = r * (0.6 + 0.4 * jitter[k % jitter.length]!);
      return [cx + (rr * Math.cos(a)) / 94_500, cy + (rr * Math.sin(a)) / 110_900];
    });
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  };
  const arbitraryPolygon = fc
    .record({
      cx: fc.double({ min: 118.78, max: 118.7815, noNaN: true }),
      cy: fc.double({ min: 32.04, max: 32.0415, noNaN: true }),
      r: fc.double({ min: 5, max: 60, noNaN: true }),
      n: fc.integer({ min: 3, max: 24 }),
      jitter: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 24 }),
    })
    .map(({ cx, cy, r, n, jitter }) => polygonAround(cx, cy, r, n, jitter));

  function oracleMeters(a: Polygon, b: Polygon): number {
    if (!booleanDisjoint(a, b)) return 0;
    let best = Infinity;
    for (const [p, q] of [
      [a, b],
      [b, a],
    ] as const) {
      const edge = lineString(q.coordinates[0]!);
      for (const v of p.coordinates[0]!)
        best = Math.min(best, pointToLineDistance(turfPoint(v), edge, { units: 'meters', method: 'geodesic' }));
    }
    return best;
  }

  it('agrees with Turf within 0.5 % + 1 cm for arbitrary polygon pairs', () => {
    fc.assert(
      fc.property(arbitraryPolygon, arbitraryPolygon, (a, b) => {
        const ours = edgeToEdge(a, b).distanceM;
        const theirs = oracleMeters(a, b);
        expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(theirs * 0.005 + 0.01);
      }),
      { numRuns: 300 },
    );
  });
});
