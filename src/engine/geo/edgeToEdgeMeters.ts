// Minimum (edge-to-edge) distance between two GeoJSON geometries on the WGS-84 ellipsoid.
// GB 50156 App. A/B and GB 50160 App. A measure from tank shell / equipment edge to the target's wall axis
// or boundary wall, so setbacks need geometry-to-geometry distance, not centroid-to-centroid.
import type { Geometry, Position } from 'geojson';
import { geodesicMeters } from './geodesicMeters';
import { fromPlane, localPlane, toPlane, type LocalPlane } from './localPlane';
import { bboxOf } from './bbox';

type XY = [number, number];
type Ring = XY[];

interface PlanarShape {
  points: XY[];
  /** open polylines and closed rings alike, as vertex chains */
  chains: XY[][];
  /** polygons as [outer, ...holes] */
  polygons: Ring[][];
}

export interface EdgeDistance {
  /** exact geodesic distance between the closest points, metres; 0 when the geometries touch or overlap */
  meters: number;
  /** closest point on a, then on b (lon, lat) */
  closestA: [number, number];
  closestB: [number, number];
  /** e.g. "Polygon–Point" */
  between: string;
}

/**
 * Edge-to-edge distance in metres between any two geometries (Point, LineString, Polygon and their Multi forms;
 * holes respected; 0 when touching, overlapping or one inside the other).
 * Search in a local tangent plane centred on the smaller geometry, then measure the closest pair with an exact geodesic.
 */
export function edgeToEdgeMeters(a: Geometry, b: Geometry): EdgeDistance {
  const ba = bboxOf(a);
  const bb = bboxOf(b);
  const small = (ba[2] - ba[0]) * (ba[3] - ba[1]) <= (bb[2] - bb[0]) * (bb[3] - bb[1]) ? ba : bb;
  const plane = localPlane((small[0] + small[2]) / 2, (small[1] + small[3]) / 2);
  const sa = project(a, plane);
  const sb = project(b, plane);
  const [pa, pb] = closestPlanarPair(sa, sb);
  const closestA = fromPlane(plane, pa[0], pa[1]);
  const closestB = fromPlane(plane, pb[0], pb[1]);
  const touching = pa[0] === pb[0] && pa[1] === pb[1];
  return {
    meters: touching ? 0 : geodesicMeters(closestA, closestB),
    closestA,
    closestB: touching ? closestA : closestB,
    between: `${a.type}–${b.type}`,
  };
}

function project(g: Geometry, plane: LocalPlane): PlanarShape {
  const shape: PlanarShape = { points: [], chains: [], polygons: [] };
  const p = (c: Position): XY => toPlane(plane, c[0]!, c[1]!);
  const add = (geom: Geometry): void => {
    switch (geom.type) {
      case 'Point':
        shape.points.push(p(geom.coordinates));
        break;
      case 'MultiPoint':
        for (const c of geom.coordinates) shape.points.push(p(c));
        break;
      case 'LineString':
        shape.chains.push(geom.coordinates.map(p));
        break;
      case 'MultiLineString':
        for (const l of geom.coordinates) shape.chains.push(l.map(p));
        break;
      case 'Polygon':
        addPolygon(geom.coordinates.map((r) => r.map(p)));
        break;
      case 'MultiPolygon':
        for (const poly of geom.coordinates) addPolygon(poly.map((r) => r.map(p)));
        break;
      case 'GeometryCollection':
        for (const child of geom.geometries) add(child);
        break;
    }
  };
  const addPolygon = (rings: Ring[]): void => {
    shape.polygons.push(rings);
    for (const r of rings) shape.chains.push(r);
  };
  add(g);
  return shape;
}

/** Closest pair of points between two planar shapes; identical points when they intersect. */
function closestPlanarPair(a: PlanarShape, b: PlanarShape): [XY, XY] {
  const inside = firstVertexInside(a, b) ?? swap(firstVertexInside(b, a));
  if (inside) return inside;
  let best = Infinity;
  let pair: [XY, XY] = [[NaN, NaN], [NaN, NaN]];
  const consider = (p: XY, q: XY): void => {
    const d = (p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2;
    if (d < best) {
      best = d;
      pair = [p, q];
    }
  };
  for (const p of a.points) {
    for (const q of b.points) consider(p, q);
    for (const chain of b.chains) forEachSegment(chain, (s0, s1) => consider(p, nearestOnSegment(p, s0, s1)));
  }
  for (const q of b.points) {
    for (const chain of a.chains) forEachSegment(chain, (s0, s1) => consider(nearestOnSegment(q, s0, s1), q));
  }
  for (const ca of a.chains) {
    forEachSegment(ca, (a0, a1) => {
      for (const cb of b.chains) {
        forEachSegment(cb, (b0, b1) => {
          const hit = segmentIntersection(a0, a1, b0, b1);
          if (hit) return consider(hit, hit);
          consider(a0, nearestOnSegment(a0, b0, b1));
          consider(a1, nearestOnSegment(a1, b0, b1));
          consider(nearestOnSegment(b0, a0, a1), b0);
          consider(nearestOnSegment(b1, a0, a1), b1);
        });
      }
    });
  }
  return pair;
}

function swap(pair: [XY, XY] | null): [XY, XY] | null {
  return pair ? [pair[1], pair[0]] : null;
}

/** A vertex (or point) of `a` lying inside a polygon of `b` (holes excluded): both geometries share it. */
function firstVertexInside(a: PlanarShape, b: PlanarShape): [XY, XY] | null {
  if (b.polygons.length === 0) return null;
  const candidates: XY[] = [...a.points];
  for (const chain of a.chains) if (chain[0]) candidates.push(chain[0]);
  for (const v of candidates) {
    for (const poly of b.polygons) if (inPolygon(v, poly)) return [v, v];
  }
  return null;
}

function inPolygon(p: XY, rings: Ring[]): boolean {
  let inside = false;
  for (const ring of rings) if (inRing(p, ring)) inside = !inside;
  return inside;
}

function inRing(p: XY, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function forEachSegment(chain: XY[], fn: (s0: XY, s1: XY) => void): void {
  if (chain.length === 1) fn(chain[0]!, chain[0]!);
  for (let i = 1; i < chain.length; i++) fn(chain[i - 1]!, chain[i]!);
}

function nearestOnSegment(p: XY, s0: XY, s1: XY): XY {
  const dx = s1[0] - s0[0];
  const dy = s1[1] - s0[1];
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return s0;
  const t = Math.max(0, Math.min(1, ((p[0] - s0[0]) * dx + (p[1] - s0[1]) * dy) / len2));
  return [s0[0] + t * dx, s0[1] + t * dy];
}

function segmentIntersection(p0: XY, p1: XY, q0: XY, q1: XY): XY | null {
  const rx = p1[0] - p0[0];
  const ry = p1[1] - p0[1];
  const sx = q1[0] - q0[0];
  const sy = q1[1] - q0[1];
  const denom = rx * sy - ry * sx;
  if (denom === 0) return null; // parallel or collinear: endpoint distances (possibly 0) cover it
  const qpx = q0[0] - p0[0];
  const qpy = q0[1] - p0[1];
  const t = (qpx * sy - qpy * sx) / denom;
  const u = (qpx * ry - qpy * rx) / denom;
  if (t < 0 || t > 1 || u < 0 || u > 1) return null;
  return [p0[0] + t * rx, p0[1] + t * ry];
}
