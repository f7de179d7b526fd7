// Coordinate systems of imported layers, converted to WGS-84 (io/toWgs84.ts) with gcoord (GCJ-02 = Amap/Tencent,
// BD-09 = Baidu) and proj4 (CGCS2000 Gauss–Krüger metres, io/gaussKruger.ts). GCJ-02 and WGS-84 differ by 265–620 m
// in Chinese cities, BD-09 by 0.9–1.4 km: more than every setback.
import { GK3_MERIDIANS, gk3Meridian, isGkCrs, type GkCrs } from './gk3Zones';

export const GEOGRAPHIC_CRS = ['wgs84', 'cgcs2000', 'gcj02', 'bd09'] as const;
export type GeographicCrs = (typeof GEOGRAPHIC_CRS)[number];
export type Crs = GeographicCrs | GkCrs;
export type CrsOption = Crs | 'auto';

/** Every CRS a file may be read in: lon/lat ones, then Gauss–Krüger with a zone number, then 3° zones by meridian. */
export const CRS_CHOICES: readonly Crs[] = [
  ...GEOGRAPHIC_CRS,
  'cgcs2000_gk',
  ...GK3_MERIDIANS.map((cm) => `cgcs2000_gk3_${cm}` as const),
];

export function isCrsOption(v: string): v is CrsOption {
  return v === 'auto' || (GEOGRAPHIC_CRS as readonly string[]).includes(v) || isGkCrs(v);
}

/**
 * The systems offered for reading a file again, of the same kind as the one it was read in: the other lon/lat ones
 * (CGCS2000 reads as WGS-84), or for Gauss–Krüger the zone-number form and the neighbouring 3° zones.
 */
export function rereadChoices(current: Crs): Crs[] {
  if (!isGkCrs(current)) return GEOGRAPHIC_CRS.filter((c) => c !== current && c !== 'cgcs2000');
  const cm = gk3Meridian(current);
  if (cm === null) return [];
  return [
    'cgcs2000_gk',
    ...[cm - 3, cm + 3].filter((m) => GK3_MERIDIANS.includes(m)).map((m) => `cgcs2000_gk3_${m}` as const),
  ];
}

/** Is `crs` a plane (metres) rather than lon/lat? */
export const isProjectedCrs = (crs: Crs): crs is GkCrs => isGkCrs(crs);
