// An assessed point site whose geometry is made from its own lon and lat when read, not held. A million point sites on
// the page held a million `{ type: 'Point', coordinates: [lon, lat] }` objects, ~120 bytes a site (370 → 250 bytes,
// measured in Node on 200 000 assessed sites), though an assessed point's lon and lat are its coordinates. Only the
// page's copy of an assessment is made of these (worker/engineClient); the engine's own sites keep their geometry.
// The geometry is a getter on the class, so it is not an own property: a spread or JSON of such a site leaves it out
// (nothing on the page copies a site that way; the sites the project saves are the engine worker's).
import type { Point } from 'geojson';

export class PointSite {
  declare readonly lon: number;
  declare readonly lat: number;
  constructor(id: string, name: string, category: string) {
    const own = this as unknown as Record<string, unknown>;
    own.id = id;
    own.name = name;
    own.category = category;
  }
  get geometry(): Point {
    return { type: 'Point', coordinates: [this.lon, this.lat] };
  }
}

/** A site's geometry type, read without making a PointSite's geometry (passes over every site ask for it). */
export function geometryTypeOf(site: { geometry: { type: string } }): string {
  return site instanceof PointSite ? 'Point' : site.geometry.type;
}

/** Whether a site is an area (Polygon or MultiPolygon), without making a PointSite's geometry. */
export function isAreaSite(site: { geometry: { type: string } }): boolean {
  if (site instanceof PointSite) return false;
  const type = site.geometry.type;
  return type === 'Polygon' || type === 'MultiPolygon';
}
