// Conversion to WGS-84, apart from the CRS names and choices (crs.ts) so that the page can list coordinate systems
// without loading gcoord and proj4.
import gcoord from 'gcoord';
import type { Geometry } from 'geojson';
import { forEachPosition } from '../engine/geo/bbox';
import type { Crs, GeographicCrs } from './crs';
import { gaussKrugerToLonLat } from './gaussKruger';
import { isGkCrs, type GkCrs } from './gk3Zones';

/**
 * Geometry in `crs` → WGS-84. CGCS2000 equals WGS-84 to well under a millimetre of latitude here (reference §4.1).
 * Null when a position is not of that CRS (Gauss–Krüger: not metres of that zone form).
 */
export function toWgs84(geometry: Geometry, crs: GeographicCrs): Geometry;
export function toWgs84(geometry: Geometry, crs: Crs): Geometry | null;
export function toWgs84(geometry: Geometry, crs: Crs): Geometry | null {
  if (crs === 'wgs84' || crs === 'cgcs2000') return geometry;
  if (isGkCrs(crs)) return gaussKrugerGeometry(geometry, crs);
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  return gcoord.transform(structuredClone(geometry) as never, from, gcoord.WGS84) as unknown as Geometry;
}

function gaussKrugerGeometry(geometry: Geometry, crs: GkCrs): Geometry | null {
  const out = structuredClone(geometry);
  let ok = true;
  forEachPosition(out, (position) => {
    const lonLat = ok ? gaussKrugerToLonLat(position[0]!, position[1]!, crs) : null;
    if (!lonLat) return void (ok = false);
    position.splice(0, position.length, lonLat[0], lonLat[1]); // a height, if any, is not kept: lon/lat only
  });
  return ok ? out : null;
}
