// How far a QRA contour reaches from its installation (issue #20, item 6): the largest and the smallest geodesic
// distance from the installation's geometry (its footprint, or its point) to the contour's outer edge.
//
// The largest is the protection distance the contour implies in its worst direction. It is a maximum over the whole
// edge, not only its vertices: between two vertices the edge can pass farther from a non-convex (or multi-part)
// footprint than either end. It is found by branch and bound in a local plane centred on the installation: the distance
// to one footprint edge is convex along a contour edge, so on any piece of it the distance to the footprint is at most
// the larger end value for the edge nearest either end; and the signed distance (negative inside the footprint) changes
// by at most the length moved, which also closes pieces lying inside a large footprint. A piece whose bound cannot beat
// the best by 1 mm is dropped, the others are halved. The plane is the installation's azimuthal equidistant one
// (GeographicLib's inverse problem from its centre): a plane scaled at one latitude is centimetres off a few hundred
// metres away, enough to misplace a maximum at a kink (for an installation that is a point, a plane scaled at the mean
// latitude of each pair is as good and much cheaper: see towardPoint). The points that come within a margin of the
// planar maximum are then measured exactly with the engine's geodesic edge-to-edge distance; the largest is reported.
import type { Geometry, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf } from '../geo/bbox';
import { edgeToEdge } from '../geo/edgeToEdge';
import { azimuthalEquidistant } from '../geo/geodesicDistance';
import { localPlane } from '../geo/localPlane';
import { pointInArea } from '../geo/pointInArea';

export interface ContourReach {
  /** the farthest any point of the contour's outer edge lies from the installation, metres (geodesic) */
  maxM: number;
  /** the nearest the outer edge comes to the installation, metres (0 where it crosses the footprint) */
  minM: number;
  /** the contour point at maxM (lon, lat) */
  farthest: [number, number];
  /** false when the contour neither covers nor touches the installation (it belongs to it only by its id) */
  reachesInstallation: boolean;
}

/** the maximum is found to within this, in the plane (the geodesic then measures the candidates exactly) */
const TOLERANCE_M = 0.001;
/** halvings of one contour edge at most (2⁻⁴⁰ of a 10 km edge is below a nanometre) */
const MAX_DEPTH = 40;

export function contourReach(contour: Polygon | MultiPolygon, from: Geometry): ContourReach {
  const box = bboxOf(from);
  const centre: [number, number] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
  const plane: Plane =
    from.type === 'Point' ? towardPoint(centre) : (lon, lat) => azimuthalEquidistant(centre, [lon, lat]);
  const target = footprintOf(from, plane);
  const outer = outerRings(contour);
  const samples: Sample[] = [];
  let best = 0;
  const sample = (lon: number, lat: number): Sample => {
    const s = measure(target, plane, lon, lat);
    samples.push(s);
    if (s.f > best) best = s.f;
    return s;
  };
  // every vertex first, so the bound has a high best to prune against
  const vertices = outer.map((ring) => ring.map((p) => sample(p[0]!, p[1]!)));
  const refine = (a: Sample, b: Sample, depth: number): void => {
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    const bound = Math.min(
      (signed(a) + signed(b) + length) / 2, // the signed distance changes by at most the length moved
      Math.max(a.g, featureDistance(target, a.k, b.x, b.y)),
      Math.max(featureDistance(target, b.k, a.x, a.y), b.g),
    );
    if (bound <= best + TOLERANCE_M || length <= TOLERANCE_M || depth >= MAX_DEPTH) return;
    const m = sample((a.lon + b.lon) / 2, (a.lat + b.lat) / 2); // the edge is straight in lon/lat, as the engine draws it
    refine(a, m, depth + 1);
    refine(m, b, depth + 1);
  };
  for (const ring of vertices) for (let i = 1; i < ring.length; i++) refine(ring[i - 1]!, ring[i]!, 0);

  // the plane agrees with the geodesic to well under a millimetre at a few km; the margin keeps every point that could be the maximum
  const margin = 0.005 + 1e-6 * best;
  let maxM = -1;
  let farthest: [number, number] = [NaN, NaN]; // stays so only for a contour without vertices
  for (const s of samples) {
    if (s.f < best - margin) continue;
    const d = edgeToEdge({ type: 'Point', coordinates: [s.lon, s.lat] }, from).distanceM;
    if (d > maxM) {
      maxM = d;
      farthest = [s.lon, s.lat];
    }
  }
  const edge: MultiLineString = { type: 'MultiLineString', coordinates: outer };
  return {
    maxM: Math.max(0, maxM),
    minM: edgeToEdge(edge, from).distanceM,
    farthest,
    reachesInstallation: edgeToEdge(contour, from).distanceM === 0,
  };
}

/** A contour's outer rings: a hole is a pocket of lower risk inside it, not part of its reach. */
function outerRings(g: Polygon | MultiPolygon): Position[][] {
  return g.type === 'Polygon' ? [g.coordinates[0] ?? []] : g.coordinates.map((p) => p[0] ?? []);
}

/** lon/lat → metres east and north in the installation's plane */
type Plane = (lon: number, lat: number) => [number, number];

/**
 * For an installation that is a point only distances to it are asked: scaled at the mean of the two latitudes (the
 * engine's local plane there) they agree with the geodesic to well under a millimetre at a few km, for a few
 * multiplications instead of an inverse geodesic problem per sample (three quarters of the time of this module).
 */
function towardPoint(origin: readonly [number, number]): Plane {
  return (lon, lat) => {
    const p = localPlane(origin[0], (origin[1] + lat) / 2);
    return [(lon - origin[0]) * p.kx, (lat - origin[1]) * p.ky];
  };
}

interface Footprint {
  /** segments in the plane, [x0, y0, x1, y1] each (a point is a segment of length 0) */
  segments: Float64Array;
  /** null for points and lines: nothing is inside them */
  holds: ((lon: number, lat: number) => boolean) | null;
}

interface Sample {
  lon: number;
  lat: number;
  x: number;
  y: number;
  /** the distance to the footprint (0 inside it) */
  f: number;
  /** the footprint segment nearest, and the distance to it (≥ f: a point inside is still that far from the edge) */
  k: number;
  g: number;
}

function footprintOf(g: Geometry, plane: Plane): Footprint {
  const flat: number[] = [];
  const push = (a: Position, b: Position) => {
    const [ax, ay] = plane(a[0]!, a[1]!);
    const [bx, by] = plane(b[0]!, b[1]!);
    flat.push(ax, ay, bx, by);
  };
  const chain = (coords: Position[]) => {
    if (coords.length === 1) push(coords[0]!, coords[0]!);
    for (let i = 1; i < coords.length; i++) push(coords[i - 1]!, coords[i]!);
  };
  const add = (x: Geometry): void => {
    switch (x.type) {
      case 'Point':
        return chain([x.coordinates]);
      case 'MultiPoint':
        return x.coordinates.forEach((p) => chain([p]));
      case 'LineString':
        return chain(x.coordinates);
      case 'MultiLineString':
        return x.coordinates.forEach(chain);
      case 'Polygon':
        return x.coordinates.forEach(chain);
      case 'MultiPolygon':
        return x.coordinates.forEach((p) => p.forEach(chain));
      case 'GeometryCollection':
        return x.geometries.forEach(add);
    }
  };
  add(g);
  const area = g.type === 'Polygon' || g.type === 'MultiPolygon';
  return { segments: Float64Array.from(flat), holds: area ? pointInArea(g) : null };
}

function measure(t: Footprint, plane: Plane, lon: number, lat: number): Sample {
  const [x, y] = plane(lon, lat);
  let g = Infinity;
  let k = 0;
  for (let i = 0; i < t.segments.length; i += 4) {
    const d = segmentDistance(t.segments, i, x, y);
    if (d < g) {
      g = d;
      k = i;
    }
  }
  const inside = t.holds?.(lon, lat) === true;
  return { lon, lat, x, y, f: inside ? 0 : g, k, g };
}

/** the distance to the footprint's edge, negative inside it */
function signed(s: Sample): number {
  return s.f === 0 && s.g > 0 ? -s.g : s.f;
}

function featureDistance(t: Footprint, k: number, x: number, y: number): number {
  return segmentDistance(t.segments, k, x, y);
}

function segmentDistance(s: Float64Array, i: number, px: number, py: number): number {
  const x0 = s[i]!;
  const y0 = s[i + 1]!;
  const dx = s[i + 2]! - x0;
  const dy = s[i + 3]! - y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
  return Math.hypot(px - x0 - t * dx, py - y0 - t * dy);
}
