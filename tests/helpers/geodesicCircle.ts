// Contours for tests, built without the engine: a geodesic circle as an n-gon whose vertices lie exactly on it
// (geographiclib's direct problem), and the nearest and farthest geodesic distances from a point to a polygon's edge
// (Vincenty on densified edges, independent of the engine's edge-to-edge search).
import geodesic from 'geographiclib-geodesic';
import type { Polygon, Position } from 'geojson';
import { vincentyMeters } from './vincenty';

const G = geodesic.Geodesic.WGS84;

/** The point `metres` from `centre` along `azimuth` (degrees from north). */
export function pointAt([lon, lat]: [number, number], metres: number, azimuth = 0): [number, number] {
  const r = G.Direct(lat, lon, azimuth, metres);
  return [r.lon2!, r.lat2!];
}

export function geodesicCircle(centre: [number, number], metres: number, n = 64): Polygon {
  const ring = Array.from({ length: n }, (_, i) => pointAt(centre, metres, (360 * i) / n));
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** Nearest and farthest distance from `from` to the outer ring's edge, each edge cut into `steps` parts (metres). */
export function distanceRange(from: [number, number], outer: Position[], steps = 50): { min: number; max: number } {
  let min = Infinity;
  let max = 0;
  for (let i = 0; i + 1 < outer.length; i++) {
    const [a, b] = [outer[i]!, outer[i + 1]!];
    for (let k = 0; k <= steps; k++) {
      const p: [number, number] = [a[0]! + ((b[0]! - a[0]!) * k) / steps, a[1]! + ((b[1]! - a[1]!) * k) / steps];
      const d = vincentyMeters(from, p);
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
  }
  return { min, max };
}
