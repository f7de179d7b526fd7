// The Gauss–Krüger zone ids and meridians, apart from the conversion (gaussKruger.ts) so that the page can name
// and list zones without loading proj4.

/** 3° zones' central meridians over China (EPSG:4534 CM 75° … EPSG:4554 CM 135°). */
export const GK3_MERIDIANS = Array.from({ length: 21 }, (_, i) => 75 + 3 * i);

export type GkCrs = 'cgcs2000_gk' | `cgcs2000_gk3_${number}`;

/** The central meridian of a plain-easting 3° zone id, or null for the zone-number form / another CRS. */
export function gk3Meridian(crs: string): number | null {
  const m = /^cgcs2000_gk3_(\d+)$/.exec(crs);
  const cm = m ? Number(m[1]) : NaN;
  return GK3_MERIDIANS.includes(cm) ? cm : null;
}

export const isGkCrs = (crs: string): crs is GkCrs => crs === 'cgcs2000_gk' || gk3Meridian(crs) !== null;
