// The protection distances QRA contours imply (issue #20, item 6), on geometry whose answer is known without the
// engine: contours built with geographiclib's direct problem at chosen distances (the farthest reach is that
// distance), the nearest approach found by dense sampling with geographiclib's inverse problem, and a footprint whose
// farthest contour point lies between two vertices, found by bisection on the two distances.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import geodesic from 'geographiclib-geodesic';
import type { Geometry, Polygon, Position } from 'geojson';
import { contourReach, impliedDistances, type RiskContour } from '../../../src/engine';

const criteria = JSON.parse(readFileSync('data/rules/qra-criteria.json', 'utf8'));
const G = geodesic.Geodesic.WGS84;
const C: [number, number] = [118.8, 32.0];
const from = (o: readonly number[], metres: number, azimuth: number): [number, number] => {
  const r = G.Direct(o[1]!, o[0]!, azimuth, metres);
  return [r.lon2!, r.lat2!];
};
const dist = (a: readonly number[], b: readonly number[]) => G.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;
const ringAround = (o: readonly number[], metres: number, n = 64): Position[] => {
  const r = Array.from({ length: n }, (_, i) => from(o, metres, (360 * i) / n));
  return [...r, r[0]!];
};
const circle = (metres: number): Polygon => ({ type: 'Polygon', coordinates: [ringAround(C, metres)] });
/** the nearest a ring's lon/lat-straight edges come to a point, by 2 000 samples an edge */
const nearestSampled = (ring: Position[], p: readonly number[]) => {
  let best = Infinity;
  for (let i = 1; i < ring.length; i++) {
    for (let s = 0; s <= 2000; s++) {
      const t = s / 2000;
      const q = [
        ring[i - 1]![0]! + t * (ring[i]![0]! - ring[i - 1]![0]!),
        ring[i - 1]![1]! + t * (ring[i]![1]! - ring[i - 1]![1]!),
      ];
      best = Math.min(best, dist(p, q));
    }
  }
  return best;
};

const RADII: [number, number][] = [
  [100, 1e-5],
  [200, 3e-6],
  [400, 1e-6],
  [600, 3e-7],
];
const contours = (status?: 'new' | 'existing'): RiskContour[] =>
  RADII.map(([m, risk]) => ({
    installationId: 'P1',
    riskPerYear: risk,
    geometry: circle(m),
    ...(status ? { installationStatus: status } : {}),
  }));
const plant = { id: 'P1', name: '储罐区', geometry: { type: 'Point', coordinates: C } as Geometry };

describe('the protection distance a QRA contour implies', () => {
  it('is the radius for a circle around a point installation, to the millimetre, and the nearest approach is the chords’', () => {
    for (const [m] of RADII) {
      const r = contourReach(circle(m), plant.geometry);
      expect(Math.abs(r.maxM - m)).toBeLessThan(0.001);
      expect(Math.abs(r.minM - nearestSampled(circle(m).coordinates[0]!, C))).toBeLessThan(0.001);
      expect(r.reachesInstallation).toBe(true);
    }
  });

  it('measures from a footprint’s boundary: a contour offset r from a square footprint reaches r', () => {
    // a 100 m square footprint, its corners built by the direct problem; the contour is the square grown by 150 m:
    // quarter circles of 150 m around each corner joined by the offset sides
    const corners = [
      from(from(C, 50, 0), 50, 270),
      from(from(C, 50, 0), 50, 90),
      from(from(C, 50, 180), 50, 90),
      from(from(C, 50, 180), 50, 270),
    ];
    const square: Geometry = { type: 'Polygon', coordinates: [[...corners, corners[0]!]] };
    const starts = [270, 0, 90, 180]; // each corner's outward quarter, clockwise from north-west
    const ring = corners.flatMap((c, i) =>
      Array.from({ length: 17 }, (_, s) => from(c, 150, starts[i]! + (90 * s) / 16)),
    );
    const r = contourReach({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] }, square);
    expect(Math.abs(r.maxM - 150)).toBeLessThan(0.001);
    // nearest: the middle of the arcs' chords, 150 m × cos(90°/16/2) on the plane
    expect(r.minM).toBeCloseTo(150 * Math.cos(Math.PI / 64), 2);
  });

  it('finds a farthest point that lies between two vertices', () => {
    // two tanks 1 000 m apart east–west; a rectangle 300 m north and south of them: its vertices lie 300 m from the
    // nearer tank, but the middle of the long sides is about 583 m from both
    const A = from(C, 500, 270);
    const B = from(C, 500, 90);
    const tanks: Geometry = { type: 'MultiPoint', coordinates: [A, B] };
    const ring = [from(A, 300, 0), from(B, 300, 0), from(B, 300, 180), from(A, 300, 180)];
    const r = contourReach({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] }, tanks);
    // along the long sides the distance to A grows and to B falls: each side's farthest point is where they are
    // equal (the south side's, nearer the equator, is about 12 mm longer than the north's)
    const kink = (p: number[], q: number[]) => {
      const at = (t: number) => [p[0]! + t * (q[0]! - p[0]!), p[1]! + t * (q[1]! - p[1]!)];
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < 60; i++) {
        const t = (lo + hi) / 2;
        if (dist(at(t), A) < dist(at(t), B)) lo = t;
        else hi = t;
      }
      return dist(at(lo), A);
    };
    const expected = Math.max(kink(ring[0]!, ring[1]!), kink(ring[3]!, ring[2]!));
    expect(expected).toBeGreaterThan(580);
    expect(Math.abs(r.maxM - expected)).toBeLessThan(0.001);
  });

  it('is 0 for a contour inside a large footprint, and the reach past its boundary for one crossing it, without blowing up', () => {
    // a 2 km square plant; a 300 m circle around its centre lies inside it; one around a point 900 m east reaches 200 m
    // past the east boundary (1 000 m east)
    const corner = (az: number) => from(C, 1000 * Math.SQRT2, az);
    const square: Geometry = {
      type: 'Polygon',
      coordinates: [[corner(45), corner(135), corner(225), corner(315), corner(45)]],
    };
    const t0 = performance.now();
    const inside = contourReach(circle(300), square);
    expect([inside.maxM, inside.minM, inside.reachesInstallation]).toEqual([0, 0, true]);
    const east = from(C, 900, 90);
    const crossing = contourReach({ type: 'Polygon', coordinates: [ringAround(east, 300)] }, square);
    expect(crossing.maxM).toBeGreaterThan(199);
    expect(crossing.maxM).toBeLessThan(200.5); // the square's east side is a lon/lat-straight line, not quite a meridian offset
    expect(crossing.minM).toBe(0);
    expect(performance.now() - t0).toBeLessThan(2000); // a piece inside the footprint is closed at once, not halved to millimetres
  });

  it('gives a row per target class at the criterion of the installation’s status, the contour of exactly that value', () => {
    const rows = impliedDistances(contours('new'), [plant]);
    expect(rows.map((r) => [r.riskClass, r.criterionPerYear, r.contourCount])).toEqual(
      criteria.classes.map((k: { id: string; newPerYear: number }) => [k.id, k.newPerYear, 1]),
    );
    const byRisk = new Map(RADII.map(([m, risk]) => [risk, m]));
    for (const r of rows) {
      expect(Math.abs(r.maxDistanceM! - byRisk.get(r.criterionPerYear)!)).toBeLessThan(0.001);
      expect(r.minDistanceM!).toBeLessThanOrEqual(r.maxDistanceM!);
      expect(r).toMatchObject({
        installationStatus: 'new',
        installationStatusAssumed: false,
        measuredFrom: 'point',
        lowerBoundM: null,
        upperBoundM: null,
        note: '',
      });
    }
  });

  it('gives no distance without the contour at the criterion, and names the contours around it without interpolating', () => {
    const rows = impliedDistances(contours('existing'), [plant]);
    // existing: 3e-6 (200 m), 1e-5 (100 m) are there; 3e-5 is above every contour
    const by = Object.fromEntries(rows.map((r) => [r.riskClass, r]));
    expect(by.special!.maxDistanceM).toBeCloseTo(200, 3);
    expect(by.high_density!.maxDistanceM).toBeCloseTo(100, 3);
    expect(by.low_density).toMatchObject({
      contourCount: 0,
      maxDistanceM: null,
      minDistanceM: null,
      lowerBoundM: null,
    });
    expect(by.low_density!.upperBoundM!).toBeCloseTo(100, 3);
    expect(by.low_density!.note).toContain('未插值');
    // between two contours: 3e-7 missing, 1e-6 (400 m) above and 1e-7 (800 m) below
    const gap = contours('new')
      .filter((c) => c.riskPerYear !== 3e-7)
      .concat([{ installationId: 'P1', riskPerYear: 1e-7, geometry: circle(800) }]);
    const special = impliedDistances(gap, [plant]).find((r) => r.riskClass === 'special')!;
    expect(special.maxDistanceM).toBeNull();
    expect(special.lowerBoundM!).toBeCloseTo(400, 3);
    expect(special.upperBoundM!).toBeCloseTo(800, 3);
    expect(special.note).toContain('介于');
  });

  it('says when the status was assumed, skips installations without contours and says when a contour misses its installation', () => {
    const far = { id: 'P2', geometry: { type: 'Point', coordinates: from(C, 5000, 45) } as Geometry };
    const rows = impliedDistances(
      [...contours(), { installationId: 'P2', riskPerYear: 3e-7, geometry: circle(600) }],
      [far, plant, { id: 'P3', geometry: plant.geometry }],
    );
    expect([...new Set(rows.map((r) => r.installationId))]).toEqual(['P1', 'P2']);
    expect(rows[0]!.note).toContain(criteria.unknownInstallationStatusNote);
    expect(rows.find((r) => r.installationId === 'P2' && r.contourCount === 1)!.note).toContain('未覆盖或接触装置');
  });
});
