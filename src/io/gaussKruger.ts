// CGCS2000 Gauss–Krüger plane coordinates (metres) → lon/lat, with proj4 (transverse Mercator, k0 = 1, false
// easting 500 km, CGCS2000 ellipsoid = GRS80 to 0.1 mm). Two forms are common in Chinese survey exports:
// - the easting with its zone number in front (EPSG:4513–4533, 3° zones 25–45, CM = 3·zone;
//   EPSG:4491–4501, 6° zones 13–23, CM = 6·zone − 3): 40 512 345.6 is zone 40, CM 120°, 12 345.6 m east of it;
// - the plain easting (EPSG:4534–4554, 3° zones by central meridian 75°–135°), where the file must say the meridian.
// Surveyors write X for northing and Y for easting; columns are told apart by size (see `eastingNorthing`).
import proj4 from 'proj4';
import type { Converter } from 'proj4';
import { gk3Meridian, type GkCrs } from './gk3Zones';

const definitions = new Map<number, Converter>();
function inverseAt(centralMeridian: number): Converter {
  let converter = definitions.get(centralMeridian);
  if (!converter) {
    converter = proj4(
      `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs`,
      'WGS84',
    );
    definitions.set(centralMeridian, converter);
  }
  return converter;
}

/** Northing of China's territory, metres from the equator (3°N–54°N, with margin). */
const NORTHING = { min: 300_000, max: 6_100_000 };
/** A plain easting lies within ±400 km of its zone's 500 km false easting. */
const PLAIN_EASTING = { min: 100_000, max: 900_000 };

/** Zone and easting from the zone-number form: 3° zones 25–45 or 6° zones 13–23, else null. */
function zonedEasting(e: number): { centralMeridian: number; easting: number } | null {
  const zone = Math.floor(e / 1_000_000);
  const easting = e - zone * 1_000_000;
  if (easting < PLAIN_EASTING.min || easting > PLAIN_EASTING.max) return null;
  if (zone >= 25 && zone <= 45) return { centralMeridian: 3 * zone, easting };
  if (zone >= 13 && zone <= 23) return { centralMeridian: 6 * zone - 3, easting };
  return null;
}

const inRange = (v: number, r: { min: number; max: number }): boolean => v >= r.min && v <= r.max;

/**
 * Which of a position's two numbers is the easting: surveyors' X is the northing, so a file's "x, y" columns may hold
 * (northing, easting). The easting is the one with a zone number, or the one within ±400 km of 500 km while the other
 * is a northing in China. Null when neither order reads as Gauss–Krüger metres.
 */
export function eastingNorthing(a: number, b: number, zoned: boolean): [number, number] | null {
  const isEasting = (v: number) => (zoned ? zonedEasting(v) !== null : inRange(v, PLAIN_EASTING));
  if (isEasting(a) && inRange(b, NORTHING)) return [a, b];
  if (isEasting(b) && inRange(a, NORTHING)) return [b, a];
  return null;
}

/** Does the pair read as Gauss–Krüger metres in some zone (either order, with or without a zone number)? */
export const looksLikeGaussKruger = (a: number, b: number): boolean =>
  eastingNorthing(a, b, true) !== null || eastingNorthing(a, b, false) !== null;

/** Does the pair carry a zone number in its easting? */
export const hasZoneNumber = (a: number, b: number): boolean => eastingNorthing(a, b, true) !== null;

/** One position in `crs` → [lon, lat] on CGCS2000 (= WGS-84 here), or null when it is not metres of that form. */
export function gaussKrugerToLonLat(a: number, b: number, crs: GkCrs): [number, number] | null {
  const cm = gk3Meridian(crs);
  const pair = eastingNorthing(a, b, cm === null);
  if (!pair) return null;
  const [e, n] = pair;
  const zoned = cm === null ? zonedEasting(e)! : { centralMeridian: cm, easting: e };
  const [lon, lat] = inverseAt(zoned.centralMeridian).forward([zoned.easting, n]);
  return [lon!, lat!];
}
