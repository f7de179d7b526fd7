// Bounding boxes and representative points of GeoJSON geometries, in lon/lat degrees.
import type { Geometry, Position } from 'geojson';
import { pointOnFeature } from '@turf/point-on-feature';

export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export function bboxOf(g: Geometry): BBox {
  if (g.type === 'Point') {
    // the comparisons below, without a closure (a box per site and per hazard searched: hundreds of thousands)
    const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
    const x = g.coordinates[0]!;
    const y = g.coordinates[1]!;
    if (x < box[0]) box[0] = x;
    if (y < box[1]) box[1] = y;
    if (x > box[2]) box[2] = x;
    if (y > box[3]) box[3] = y;
    return box;
  }
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  forEachPosition(g, (c) => {
    if (c[0]! < box[0]) box[0] = c[0]!;
    if (c[1]! < box[1]) box[1] = c[1]!;
    if (c[0]! > box[2]) box[2] = c[0]!;
    if (c[1]! > box[3]) box[3] = c[1]!;
  });
  return box;
}

export function forEachPosition(g: Geometry, fn: (c: Position) => void): void {
  switch (g.type) {
    case 'Point':
      return fn(g.coordinates);
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.forEach(fn);
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.forEach((l) => l.forEach(fn));
    case 'MultiPolygon':
      return g.coordinates.forEach((p) => p.forEach((r) => r.forEach(fn)));
    case 'GeometryCollection':
      return g.geometries.forEach((child) => forEachPosition(child, fn));
  }
}

/**
 * A site's one point (its district, its row in sites.csv, its dot on the map, the study-area check): the point itself,
 * else a point on the geometry (turf's pointOnFeature: the centroid when it lies inside, else a point on the surface),
 * so an L-shaped or ring-shaped site is never placed outside itself, e.g. in the neighbouring district.
 */
export function representativePoint(g: Geometry): [number, number] {
  if (g.type === 'Point') return [g.coordinates[0]!, g.coordinates[1]!];
  return pointOnFeature(g).geometry.coordinates as [number, number];
}
