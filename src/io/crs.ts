// Coordinate systems of imported layers, converted to WGS-84 with gcoord (GCJ-02 = Amap/Tencent, BD-09 = Baidu).
// GCJ-02 and WGS-84 differ by 265–620 m in Chinese cities, BD-09 by 0.9–1.4 km: more than every setback.
import gcoord from 'gcoord';
import type { Geometry } from 'geojson';

export const CRS_CHOICES = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type Crs = (typeof CRS_CHOICES)[number];
export type CrsOption = Crs | 'auto';

export function isCrsOption(v: string): v is CrsOption {
  return v === 'auto' || (CRS_CHOICES as readonly string[]).includes(v);
}

/** Geometry in `crs` → WGS-84. CGCS2000 equals WGS-84 to well under a millimetre of latitude here (reference §4.1). */
export function toWgs84(geometry: Geometry, crs: Crs): Geometry {
  if (crs === 'wgs84' || crs === 'cgcs2000') return geometry;
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  return gcoord.transform(structuredClone(geometry) as never, from, gcoord.WGS84) as unknown as Geometry;
}
