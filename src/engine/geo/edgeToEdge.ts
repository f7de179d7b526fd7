// Minimum (edge-to-edge) distance between two GeoJSON geometries on the WGS-84 ellipsoid.
// GB 50156 App. A/B and GB 50160 App. A measure from tank shell / equipment edge to the target's wall axis
// or boundary wall, so setbacks need geometry-to-geometry distance, not centroid-to-centroid.
// Hot path of the setback search: no closures or per-segment allocations inside the loops.
import type { Geometry, Position } from 'geojson';
import { geodesicDistanceM } from './geodesicDistance';
import { fromPlane, localPlane, type LocalPlane } from './localPlane';
import { bboxOf } from './bbox';

export interface EdgeDistance {
  /** exact geodesic distance between the closest points, metres; 0 when the geometries touch or overlap */
  distanceM: number;
  /** closest point on a, then on b (lon, lat) */
  closestA: [number, number];
  closestB: [number, number];
  /** e.g. "Polygon–Point" */
  between: string;
}

export interface PlanarDistance extends EdgeDistance {
  /** distance in the local tangent plane (within 0.2 mm of the geodesic up to 5 km) */
  planarDistanceM: number;
}

/**
 * Edge-to-edge distance in metres between any two geometries (Point, LineString, Polygon and their Multi forms;
 * holes respected; 0 when touching, overlapping or one inside the other).
 * Search in a local tangent plane centred on the smaller geometry, then measure the closest pair with an exact geodesic.
 */
export function edgeToEdge(a: Geometry, b: Geometry): EdgeDistance {
  return exactDistance(planarDistance(a, b));
}

/** The closest pair found in the local plane, with the exact geodesic between them filled in. */
export function exactDistance(p: PlanarDistance): PlanarDistance {
  const touching = p.planarDistanceM === 0;
  p.distanceM = touching ? 0 : geodesicDistanceM(p.closestA, p.closestB);
  if (touching) p.closestB = p.closestA;
  return p;
}

/** The closest pair in a local tangent plane; `distanceM` is left NaN until `exactDistance` measures it. */
export function planarDistance(a: Geometry, b: Geometry): PlanarDistance {
  const between = betweenLabel(a.type, b.type);
  if (a.type === 'Point' && b.type === 'Point') {
    const pa = a.coordinates;
    const pb = b.coordinates;
    const plane = localPlane((pa[0]! + pb[0]!) / 2, (pa[1]! + pb[1]!) / 2);
    const dx = (pb[0]! - pa[0]!) * plane.kx;
    const dy = (pb[1]! - pa[1]!) * plane.ky;
    // the points themselves are the closest pair: their coordinate arrays are shared, not copied (millions of
    // findings would otherwise carry two new arrays each; nothing writes into a geometry)
    return {
      distanceM: NaN,
      planarDistanceM: Math.hypot(dx, dy),
      closestA: pa as [number, number],
      closestB: pb as [number, number],
      between,
    };
  }
  const ba = bboxOf(a);
  const bb = bboxOf(b);
  const small = (ba[2] - ba[0]) * (ba[3] - ba[1]) <= (bb[2] - bb[0]) * (bb[3] - bb[1]) ? ba : bb;
  const plane = localPlane((small[0] + small[2]) / 2, (small[1] + small[3]) / 2);
  const sa = project(a, plane);
  const sb = project(b, plane);
  const best: Best = { d2: Infinity, ax: NaN, ay: NaN, bx: NaN, by: NaN };
  if (!sharedVertex(sa, sb, best) && !sharedVertex(sb, sa, best)) closestPair(sa, sb, best);
  return {
    distanceM: NaN,
    planarDistanceM: Math.sqrt(best.d2),
    closestA: fromPlane(plane, best.ax, best.ay),
    closestB: fromPlane(plane, best.bx, best.by),
    between,
  };
}

const betweenLabels = new Map<string, string>();
const POINT_POINT = 'Point–Point';
/** "Point–Polygon" etc., one string per pair of types (a finding keeps it; millions of copies would add up). */
function betweenLabel(a: string, b: string): string {
  if (a === 'Point' && b === 'Point') return POINT_POINT; // the common pair, without building a key
  const key = a + b;
  let label = betweenLabels.get(key);
  if (label === undefined) betweenLabels.set(key, (label = `${a}–${b}`));
  return label;
}

/** Vertex coordinates in the plane, flat [x0, y0, x1, y1, …]. */
type Chain = Float64Array;

interface PlanarShape {
  points: Chain;
  /** open polylines and closed rings alike, as vertex chains */
  chains: Chain[];
  /** polygons as [outer, ...holes] */
  polygons: Chain[][];
}

interface Best {
  d2: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
}

function project(g: Geometry, plane: LocalPlane): PlanarShape {
  const shape: PlanarShape = { points: new Float64Array(0), chains: [], polygons: [] };
  const points: number[] = [];
  addGeometry(g, plane, shape, points);
  shape.points = Float64Array.from(points);
  return shape;
}

function toChain(coords: Position[], plane: LocalPlane): Chain {
  const out = new Float64Array(coords.length * 2);
  for (let i = 0; i < coords.length; i++) {
    out[2 * i] = (coords[i]![0]! - plane.lon0) * plane.kx;
    out[2 * i + 1] = (coords[i]![1]! - plane.lat0) * plane.ky;
  }
  return out;
}

function addGeometry(g: Geometry, plane: LocalPlane, shape: PlanarShape, points: number[]): void {
  switch (g.type) {
    case 'Point':
      points.push((g.coordinates[0]! - plane.lon0) * plane.kx, (g.coordinates[1]! - plane.lat0) * plane.ky);
      return;
    case 'MultiPoint':
      for (const c of g.coordinates) points.push((c[0]! - plane.lon0) * plane.kx, (c[1]! - plane.lat0) * plane.ky);
      return;
    case 'LineString':
      shape.chains.push(toChain(g.coordinates, plane));
      return;
    case 'MultiLineString':
      for (const l of g.coordinates) shape.chains.push(toChain(l, plane));
      return;
    case 'Polygon':
      addPolygon(g.coordinates, plane, shape);
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) addPolygon(poly, plane, shape);
      return;
    case 'GeometryCollection':
      for (const child of g.geometries) addGeometry(child, plane, shape, points);
      return;
  }
}

function addPolygon(rings: Position[][], plane: LocalPlane, shape: PlanarShape): void {
  const chains = rings.map((r) => toChain(r, plane));
  shape.polygons.push(chains);
  for (const chain of chains) shape.chains.push(chain);
}

/** A vertex (or point) of `a` inside a polygon of `b` (holes excluded): the geometries share it, distance 0. */
function sharedVertex(a: PlanarShape, b: PlanarShape, best: Best): boolean {
  if (b.polygons.length === 0) return false;
  const test = (x: number, y: number): boolean => {
    for (const poly of b.polygons) {
      if (inPolygon(x, y, poly)) {
        best.d2 = 0;
        best.ax = best.bx = x;
        best.ay = best.by = y;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < a.points.length; i += 2) if (test(a.points[i]!, a.points[i + 1]!)) return true;
  for (const chain of a.chains) if (chain.length >= 2 && test(chain[0]!, chain[1]!)) return true;
  return false;
}

function inPolygon(x: number, y: number, rings: Chain[]): boolean {
  let inside = false;
  for (const ring of rings) if (inRing(x, y, ring)) inside = !inside;
  return inside;
}

function inRing(x: number, y: number, ring: Chain): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i]!;
    const yi = ring[2 * i + 1]!;
    const xj = ring[2 * j]!;
    const yj = ring[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function consider(best: Best, ax: number, ay: number, bx: number, by: number): void {
  const d2 = (ax - bx) * (ax - bx) + (ay - by) * (ay - by);
  if (d2 < best.d2) {
    best.d2 = d2;
    best.ax = ax;
    best.ay = ay;
    best.bx = bx;
    best.by = by;
  }
}

// scratch for nearest-point results (single-threaded; never escapes this module)
const near = { x: 0, y: 0 };

function nearestOnSegment(px: number, py: number, x0: number, y0: number, x1: number, y1: number): void {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
  near.x = x0 + t * dx;
  near.y = y0 + t * dy;
}

/** Point of `a`'s segment nearest to `p` → best, with the roles of a and b kept in order. */
function pointToChain(px: number, py: number, chain: Chain, best: Best, pointIsA: boolean): void {
  const n = chain.length / 2;
  if (n === 1) {
    if (pointIsA) consider(best, px, py, chain[0]!, chain[1]!);
    else consider(best, chain[0]!, chain[1]!, px, py);
    return;
  }
  for (let i = 1; i < n; i++) {
    nearestOnSegment(px, py, chain[2 * i - 2]!, chain[2 * i - 1]!, chain[2 * i]!, chain[2 * i + 1]!);
    if (pointIsA) consider(best, px, py, near.x, near.y);
    else consider(best, near.x, near.y, px, py);
  }
}

function closestPair(a: PlanarShape, b: PlanarShape, best: Best): void {
  for (let i = 0; i < a.points.length; i += 2) {
    const px = a.points[i]!;
    const py = a.points[i + 1]!;
    for (let j = 0; j < b.points.length; j += 2) consider(best, px, py, b.points[j]!, b.points[j + 1]!);
    for (const chain of b.chains) pointToChain(px, py, chain, best, true);
  }
  for (let j = 0; j < b.points.length; j += 2) {
    for (const chain of a.chains) pointToChain(b.points[j]!, b.points[j + 1]!, chain, best, false);
  }
  const boxesB = b.chains.map(chainBox);
  for (const ca of a.chains) {
    const na = ca.length / 2;
    for (let c = 0; c < b.chains.length; c++) {
      const cb = b.chains[c]!;
      const boxB = boxesB[c]!;
      const nb = cb.length / 2;
      for (let i = Math.min(1, na - 1); i < na; i++) {
        const ax0 = ca[2 * Math.max(0, i - 1)]!;
        const ay0 = ca[2 * Math.max(0, i - 1) + 1]!;
        const ax1 = ca[2 * i]!;
        const ay1 = ca[2 * i + 1]!;
        // a segment farther from b's chain box than the best pair so far cannot improve it
        const gx = Math.max(0, boxB[0]! - Math.max(ax0, ax1), Math.min(ax0, ax1) - boxB[2]!);
        const gy = Math.max(0, boxB[1]! - Math.max(ay0, ay1), Math.min(ay0, ay1) - boxB[3]!);
        if (gx * gx + gy * gy > best.d2) continue;
        for (let j = Math.min(1, nb - 1); j < nb; j++) {
          const bx0 = cb[2 * Math.max(0, j - 1)]!;
          const by0 = cb[2 * Math.max(0, j - 1) + 1]!;
          const bx1 = cb[2 * j]!;
          const by1 = cb[2 * j + 1]!;
          if (segmentsIntersect(ax0, ay0, ax1, ay1, bx0, by0, bx1, by1)) {
            consider(best, near.x, near.y, near.x, near.y);
            if (best.d2 === 0) return;
            continue;
          }
          nearestOnSegment(ax0, ay0, bx0, by0, bx1, by1);
          consider(best, ax0, ay0, near.x, near.y);
          nearestOnSegment(ax1, ay1, bx0, by0, bx1, by1);
          consider(best, ax1, ay1, near.x, near.y);
          nearestOnSegment(bx0, by0, ax0, ay0, ax1, ay1);
          consider(best, near.x, near.y, bx0, by0);
          nearestOnSegment(bx1, by1, ax0, ay0, ax1, ay1);
          consider(best, near.x, near.y, bx1, by1);
        }
      }
    }
  }
}

function chainBox(chain: Chain): Float64Array {
  const box = Float64Array.of(Infinity, Infinity, -Infinity, -Infinity);
  for (let i = 0; i < chain.length; i += 2) {
    if (chain[i]! < box[0]!) box[0] = chain[i]!;
    if (chain[i + 1]! < box[1]!) box[1] = chain[i + 1]!;
    if (chain[i]! > box[2]!) box[2] = chain[i]!;
    if (chain[i + 1]! > box[3]!) box[3] = chain[i + 1]!;
  }
  return box;
}

/** Proper or touching intersection of two segments; the crossing point is left in `near`. */
function segmentsIntersect(
  px0: number,
  py0: number,
  px1: number,
  py1: number,
  qx0: number,
  qy0: number,
  qx1: number,
  qy1: number,
): boolean {
  const rx = px1 - px0;
  const ry = py1 - py0;
  const sx = qx1 - qx0;
  const sy = qy1 - qy0;
  const denom = rx * sy - ry * sx;
  if (denom === 0) return false; // parallel or collinear: endpoint distances (possibly 0) cover it
  const qpx = qx0 - px0;
  const qpy = qy0 - py0;
  const t = (qpx * sy - qpy * sx) / denom;
  const u = (qpx * ry - qpy * rx) / denom;
  if (t < 0 || t > 1 || u < 0 || u > 1) return false;
  near.x = px0 + t * rx;
  near.y = py0 + t * ry;
  return true;
}
