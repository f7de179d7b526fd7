// "Is this point in that zone?", asked of one zone for up to a million sites. The general edge-to-edge distance
// projects the whole polygon into a new plane for every question; here the zone is prepared once: its edges are
// sorted into horizontal bands, so a question looks only at the few edges crossing the point's band.
// A point on the boundary counts as inside (as the edge-to-edge distance 0 does), holes are respected, and a
// MultiPolygon holds the point when any of its polygons does.
import type { Geometry, Position } from 'geojson';
import { edgeToEdge } from './edgeToEdge';

export type PointInArea = (lon: number, lat: number) => boolean;

export interface PreparedArea {
  holds: PointInArea;
  /**
   * Whether some edge's box comes within (dLon, dLat) of the point: false proves the boundary is farther than that
   * box, so a footprint of that size cannot reach the area from outside; true means "measure it".
   */
  mayReach(lon: number, lat: number, dLon: number, dLat: number): boolean;
}

/** A prepared test for one geometry; Polygon and MultiPolygon are indexed, anything else is measured exactly. */
export function pointInArea(g: Geometry): PointInArea {
  return preparedArea(g).holds;
}

export function preparedArea(g: Geometry): PreparedArea {
  if (g.type === 'Polygon') return bandedPolygon(g.coordinates);
  if (g.type === 'MultiPolygon') return anyOf(g.coordinates.map(bandedPolygon));
  return {
    holds: (lon, lat) => edgeToEdge({ type: 'Point', coordinates: [lon, lat] }, g).distanceM === 0,
    mayReach: () => true,
  };
}

function anyOf(parts: PreparedArea[]): PreparedArea {
  if (parts.length === 1) return parts[0]!;
  return {
    holds: (lon, lat) => parts.some((p) => p.holds(lon, lat)),
    mayReach: (lon, lat, dLon, dLat) => parts.some((p) => p.mayReach(lon, lat, dLon, dLat)),
  };
}

/** Edges of all rings (outer and holes) as [x0, y0, x1, y1, …], bucketed by the bands of latitude they span. */
function bandedPolygon(rings: Position[][]): PreparedArea {
  let edgeCount = 0;
  for (const r of rings) edgeCount += Math.max(0, r.length - 1);
  const edges = new Float64Array(edgeCount * 4);
  let minY = Infinity;
  let maxY = -Infinity;
  let minX = Infinity;
  let maxX = -Infinity;
  let e = 0;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1]!;
      const b = ring[i]!;
      edges[e++] = a[0]!;
      edges[e++] = a[1]!;
      edges[e++] = b[0]!;
      edges[e++] = b[1]!;
      minX = Math.min(minX, a[0]!, b[0]!);
      maxX = Math.max(maxX, a[0]!, b[0]!);
      minY = Math.min(minY, a[1]!, b[1]!);
      maxY = Math.max(maxY, a[1]!, b[1]!);
    }
  }
  if (edgeCount === 0) return { holds: () => false, mayReach: () => false };
  // about four edges a band on average: each question then reads a handful of edges, not the whole ring
  const bands = Math.max(1, Math.min(4096, Math.ceil(edgeCount / 4)));
  const height = (maxY - minY) / bands || 1;
  const bandOf = (y: number) => Math.min(bands - 1, Math.max(0, Math.floor((y - minY) / height)));
  // compressed rows: edge indexes of band k are members[start[k] .. start[k + 1])
  const start = new Uint32Array(bands + 1);
  for (let i = 0; i < edgeCount; i++) {
    const [lo, hi] = spanOf(edges, i);
    for (let k = bandOf(lo); k <= bandOf(hi); k++) start[k + 1]!++;
  }
  for (let k = 0; k < bands; k++) start[k + 1]! += start[k]!;
  const members = new Uint32Array(start[bands]!);
  const fill = start.slice(0, bands);
  for (let i = 0; i < edgeCount; i++) {
    const [lo, hi] = spanOf(edges, i);
    for (let k = bandOf(lo); k <= bandOf(hi); k++) members[fill[k]!++] = i;
  }

  const holds = (x: number, y: number): boolean => {
    if (x < minX || x > maxX || y < minY || y > maxY) return false;
    const k = bandOf(y);
    let inside = false;
    for (let m = start[k]!; m < start[k + 1]!; m++) {
      const i = members[m]! * 4;
      const x0 = edges[i]!;
      const y0 = edges[i + 1]!;
      const x1 = edges[i + 2]!;
      const y1 = edges[i + 3]!;
      if (onSegment(x, y, x0, y0, x1, y1)) return true;
      // even-odd crossings of a ray to +x, over every ring: holes flip the parity back
      if (y0 > y !== y1 > y && x < ((x1 - x0) * (y - y0)) / (y1 - y0) + x0) inside = !inside;
    }
    return inside;
  };
  const mayReach = (x: number, y: number, dx: number, dy: number): boolean => {
    if (x + dx < minX || x - dx > maxX || y + dy < minY || y - dy > maxY) return false;
    for (let k = bandOf(y - dy); k <= bandOf(y + dy); k++) {
      for (let m = start[k]!; m < start[k + 1]!; m++) {
        const i = members[m]! * 4;
        const x0 = edges[i]!;
        const y0 = edges[i + 1]!;
        const x1 = edges[i + 2]!;
        const y1 = edges[i + 3]!;
        if (
          Math.max(x0, x1) >= x - dx &&
          Math.min(x0, x1) <= x + dx &&
          Math.max(y0, y1) >= y - dy &&
          Math.min(y0, y1) <= y + dy
        )
          return true;
      }
    }
    return false;
  };
  return { holds, mayReach };
}

function spanOf(edges: Float64Array, i: number): [number, number] {
  const y0 = edges[i * 4 + 1]!;
  const y1 = edges[i * 4 + 3]!;
  return y0 <= y1 ? [y0, y1] : [y1, y0];
}

/** Exactly on the segment (collinear and within its box): the distance is 0, so the point touches the area. */
function onSegment(x: number, y: number, x0: number, y0: number, x1: number, y1: number): boolean {
  if (x < Math.min(x0, x1) || x > Math.max(x0, x1) || y < Math.min(y0, y1) || y > Math.max(y0, y1)) return false;
  return (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) === 0;
}
