// One count per district for every figure and table of the white paper: the risk points and protection targets
// whose position (a point, or a point on a polygon's surface) lies inside the district polygon, by level, with the
// unscored ones as 未评级. Before, F3 grouped by the district a row stated, drew only the scored ones and F1 counted
// the sites its level rests on (including neighbours' footprints): three numbers for one district.
import { zoneLocator, type Assessment, type Counts, type Zone } from '../engine';

/** Printed on F3 and in the CSVs: what the district counts count. */
export const DISTRICT_COUNT_DEFINITION = '按位置落在区内的风险点与防护目标数(含未评级)';
/** The group of sites inside no district polygon (or, with no polygons, stating no district). */
export const NO_DISTRICT = '(研究区外)';

export interface DistrictCount {
  name: string;
  /** administrative code (adcode) when the zoning file gives one */
  code: string | null;
  counts: Counts;
}

/**
 * Districts in administrative-code order (adcode), else in input order; the out-of-area group last. Without
 * district polygons the sites' stated districts are the only grouping there is, in character order.
 */
export function districtCounts(a: Assessment, zonePolygons: readonly Zone[]): DistrictCount[] {
  const ordered = districtOrder(zonePolygons);
  if (ordered.length === 0) return statedDistrictCounts(a);
  const locate = zoneLocator(ordered);
  const byId = new Map(
    ordered.map((d) => [d.id, { name: d.name, code: d.code ?? null, counts: emptyCounts() } as DistrictCount]),
  );
  const outside: DistrictCount = { name: NO_DISTRICT, code: null, counts: emptyCounts() };
  for (const s of a.sites) {
    const z = locate(s.lon, s.lat);
    const c = (z ? byId.get(z.id)! : outside).counts;
    c[s.level ?? 'unscored']++;
  }
  const rows = [...byId.values()];
  if (total(outside.counts) > 0) rows.push(outside);
  return rows;
}

/** Administrative-code order when every district has a numeric code, else the order of the input file. */
export function districtOrder<T extends Zone>(zonePolygons: readonly T[]): T[] {
  const coded = zonePolygons.every((d) => d.code !== undefined && /^\d+$/.test(d.code));
  if (!coded) return [...zonePolygons];
  return zonePolygons
    .map((d, i) => ({ d, i }))
    .sort((x, y) => Number(x.d.code) - Number(y.d.code) || x.i - y.i)
    .map((x) => x.d);
}

/** Counts made where the assessment was made (the engine worker), noted here for the page to read. */
const locatedCounts = new WeakMap<Assessment, Map<string, number>>();

/** Notes `counts` (one per zone, in the order of a.zones) as a's located counts. */
export function noteLocatedCounts(a: Assessment, counts: Int32Array): void {
  locatedCounts.set(a, new Map(a.zones.map((z, i) => [z.id, counts[i] ?? 0])));
}

/** The located counts of a zone each, in the order of a.zones (for the engine worker to send with the assessment). */
export function locatedCountsInZoneOrder(a: Assessment): Int32Array {
  const counts = locatedCountsByZone(a);
  return Int32Array.from(a.zones, (z) => counts.get(z.id) ?? 0);
}

/**
 * Sites whose position lies in each zone, by zone id, as noted with the assessment or else counted here: locating
 * every site on the page was a ~0.1 s task at 300 000 sites.
 */
export function locatedCountsOf(a: Assessment): Map<string, number> {
  let counts = locatedCounts.get(a);
  if (!counts) locatedCounts.set(a, (counts = locatedCountsByZone(a)));
  return counts;
}

/** Sites (risk points and protection targets) whose position lies in each zone, by zone id: the app's zone table. */
export function locatedCountsByZone(a: Assessment): Map<string, number> {
  const counts = new Map(a.zones.map((z) => [z.id, 0]));
  const locate = zoneLocator(a.zones);
  for (const s of a.sites) {
    const z = locate(s.lon, s.lat);
    if (z) counts.set(z.id, (counts.get(z.id) ?? 0) + 1);
  }
  return counts;
}

function statedDistrictCounts(a: Assessment): DistrictCount[] {
  const rows = Object.entries(a.stats.sitesByDistrict)
    .filter(([k]) => k !== '')
    .map(([name, counts]) => ({ name, code: null, counts }));
  const none = a.stats.sitesByDistrict[''];
  if (none) rows.push({ name: NO_DISTRICT, code: null, counts: none });
  return rows;
}

const emptyCounts = (): Counts => ({ red: 0, orange: 0, yellow: 0, blue: 0, unscored: 0 });

export function total(c: Counts): number {
  return c.red + c.orange + c.yellow + c.blue + c.unscored;
}
