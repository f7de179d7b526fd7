// Geodesic area of a (Multi)Polygon on the WGS-84 ellipsoid (GeographicLib's PolygonArea), km²; holes subtracted.
import * as geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon, Position } from 'geojson';

type GeodesicModule = typeof geographiclib;
const lib: GeodesicModule = (geographiclib as unknown as { default?: GeodesicModule }).default ?? geographiclib;

function ringAreaM2(ring: Position[]): number {
  const polygon = lib.Geodesic.WGS84.Polygon(false);
  // the closing vertex repeats the first; PolygonArea closes rings itself
  for (let i = 0; i < ring.length - 1; i++) polygon.AddPoint(ring[i]![1]!, ring[i]![0]!);
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

export function areaKm2(g: Polygon | MultiPolygon): number {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let m2 = 0;
  for (const rings of polygons) rings.forEach((ring, i) => (m2 += (i === 0 ? 1 : -1) * ringAreaM2(ring)));
  return m2 / 1e6;
}
