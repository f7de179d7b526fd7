// Shelters against the people they serve. Two tiers are weighed separately: 紧急 (go there at once, 500 m or 10 min on
// foot) and 固定/中心 (stay there, 2 km or 60 min) — a person needs a place in each. Each population unit goes to one
// shelter of the tier: the nearest whose service radius reaches it, or with a road network the first reached on foot
// within the tier's minutes (shelterAssign.ts), so overlapping service areas never count a person twice; a shelter's deficit
// is its assigned population over its capacity. A district's people without a place are its unserved people plus
// its share of the deficits of the shelters its people were assigned to.
import type { Site, Zone } from '../model';
import { representativePoint } from '../geo/bbox';
import { zoneLocator } from '../zoning/locateZone';
import type { Population } from './population';
import type { ReachProfile, ShelterClass, ShelterTier } from './profile';
import type { RoadGraph } from './roadGraph';
import { radiusAssign, walkingAssign, type ShelterPoint } from './shelterAssign';
import type { Snapper } from './snap';

export interface ShelterRow {
  shelterId: string;
  name: string;
  class: ShelterClass;
  /** the class was not given: the profile's strict class was used (note says so) */
  classAssumed: boolean;
  tier: ShelterTier;
  radiusM: number;
  perCapitaM2: number;
  /** persons; null when neither a capacity nor an effective area is given */
  capacity: number | null;
  capacitySource: 'given' | 'area' | 'unknown';
  effectiveAreaM2: number | null;
  /** residents assigned to this shelter; null when the data give no population at all (无人口数据) */
  population: number | null;
  /** persons over capacity (0 when enough); null when the capacity is unknown */
  deficit: number | null;
  /** deficit × per-capita effective area */
  areaShortM2: number | null;
  district: string;
  note: string;
}

export interface ShelterZoneRow {
  zoneId: string;
  zoneName: string;
  tier: ShelterTier;
  population: number;
  /** assigned to a shelter of the tier within its service radius */
  served: number;
  /** no shelter of the tier within reach */
  unserved: number;
  /** served by a shelter whose capacity is unknown */
  capacityUnknown: number;
  /** unserved + share of assigned shelters' deficits */
  withoutPlace: number;
  areaShortM2: number;
  /**
   * deficit: someone has no place; capacity_unknown: nobody is short by the known capacities but some people are
   * assigned to shelters whose capacity is unknown; sufficient: neither; no_shelter_data: no shelter of the tier in
   * the data; no_population_data: no people counted in the zone (never read as sufficient)
   */
  status: 'deficit' | 'capacity_unknown' | 'sufficient' | 'no_shelter_data' | 'no_population_data';
}

/** One population unit (a population-grid cell or a compound) and tier: where its people go and how many have no place. */
export interface ShelterUnitRow {
  unitId: string;
  tier: ShelterTier;
  population: number;
  /** the shelter it is assigned to, null when none of the tier reaches it */
  shelterId: string | null;
  /** radius mode: geodesic metres to it */
  distanceM: number | null;
  /** walking mode: minutes on foot to it */
  walkMinutes: number | null;
  /** unserved: all of it; served: its share of the shelter's deficit; null when that shelter's capacity is unknown */
  withoutPlace: number | null;
}

export interface ShelterAssessment {
  /** how service areas were drawn: the class radii, or walking time on the road network */
  mode: 'radius' | 'walking';
  shelters: ShelterRow[];
  zones: ShelterZoneRow[];
  /** per population unit and tier (only tiers with shelters in the data), sorted by unit id then tier */
  units: ShelterUnitRow[];
  populationSource: Population['source'];
  note: string;
}

export const TIERS: readonly ShelterTier[] = ['emergency', 'stay'];

function capacityOf(s: Site, perCapita: number): { capacity: number | null; source: ShelterRow['capacitySource'] } {
  if (s.users !== undefined) return { capacity: s.users, source: 'given' };
  if (s.effectiveAreaM2 !== undefined) return { capacity: Math.floor(s.effectiveAreaM2 / perCapita), source: 'area' };
  return { capacity: null, source: 'unknown' };
}

/**
 * `walk`: the pedestrian graph of an uploaded road network (walkingGraph); without it the service radii are used.
 */
export function assessShelters(
  sites: readonly Site[],
  zones: readonly Zone[],
  people: Population,
  profile: ReachProfile,
  walk?: { graph: RoadGraph; snapper: Snapper },
): ShelterAssessment {
  const list = sites.filter((s) => s.category === 'shelter').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const locate = zoneLocator(zones);
  const lonLat = list.map((s) => representativePoint(s.geometry));
  const rows: ShelterRow[] = list.map((s, i) => {
    const cls = s.shelterClass ?? profile.unknownShelterClass;
    const c = profile.shelterClasses[cls];
    const { capacity, source } = capacityOf(s, c.perCapitaM2);
    const [lon, lat] = lonLat[i]!;
    const notes = [
      s.shelterClass ? '' : profile.unknownShelterNote,
      source === 'unknown' ? '未提供容纳人数或有效避难面积,容量未知(不视为充足)' : '',
    ];
    return {
      shelterId: s.id,
      name: s.name,
      class: cls,
      classAssumed: !s.shelterClass,
      tier: c.tier,
      radiusM: c.radiusM,
      perCapitaM2: c.perCapitaM2,
      capacity,
      capacitySource: source,
      effectiveAreaM2: s.effectiveAreaM2 ?? null,
      population: 0,
      deficit: null,
      areaShortM2: null,
      district: locate(lon, lat)?.name ?? s.district ?? '',
      note: notes.filter(Boolean).join(';'),
    };
  });

  // per tier, each unit to one shelter: the nearest whose radius reaches it, or the first reached on foot (roads given)
  const points: ShelterPoint[] = rows.map((r, i) => ({ lon: lonLat[i]![0], lat: lonLat[i]![1], radiusM: r.radiusM }));
  const assigned: Int32Array[] = [];
  const assignedMeasure: Float64Array[] = [];
  for (const tier of TIERS) {
    const members = rows.map((r, i) => (r.tier === tier ? i : -1)).filter((i) => i >= 0);
    const a = walk
      ? walkingAssign(members, points, people.units, walk, tier, profile)
      : radiusAssign(members, points, people.units);
    assigned.push(a.to);
    assignedMeasure.push(a.measure);
    people.units.forEach((u, k) => {
      if (a.to[k]! >= 0) rows[a.to[k]!]!.population! += u.population;
    });
  }
  // with no population at all a shelter is neither short nor enough: its population and deficit stay empty
  const noPopulation = people.units.length === 0;
  for (const r of rows) {
    if (noPopulation) {
      r.population = null;
      r.note = [r.note, '无人口数据(未上传人口网格,居住区亦无人数或户数),无法判定容量是否充足']
        .filter(Boolean)
        .join(';');
      continue;
    }
    if (r.capacity === null) continue;
    r.deficit = Math.max(0, r.population! - r.capacity);
    r.areaShortM2 = r.deficit * r.perCapitaM2;
  }

  // per zone and tier; a tier with no shelter in the data is said to have none, not to be short of everything
  const zoneRows: ShelterZoneRow[] = [];
  const sortedZones = [...zones].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const zoneIndex = new Map(sortedZones.map((z, i) => [z.id, i]));
  const unitZone = people.units.map((u) => {
    const z = locate(u.lon, u.lat);
    return z ? zoneIndex.get(z.id)! : -1;
  });
  TIERS.forEach((tier, t) => {
    const hasShelters = rows.some((r) => r.tier === tier);
    const defaultPerCapita =
      tier === 'emergency'
        ? profile.shelterClasses.emergency.perCapitaM2
        : profile.shelterClasses.fixed_short.perCapitaM2;
    const acc = sortedZones.map((z) => ({
      zoneId: z.id,
      zoneName: z.name,
      tier,
      population: 0,
      served: 0,
      unserved: 0,
      capacityUnknown: 0,
      withoutPlace: 0,
      areaShortM2: 0,
    }));
    people.units.forEach((u, k) => {
      const zi = unitZone[k]!;
      if (zi < 0) return;
      const a = acc[zi]!;
      a.population += u.population;
      const si = assigned[t]![k]!;
      if (si < 0) {
        a.unserved += u.population;
        a.withoutPlace += u.population;
        a.areaShortM2 += u.population * defaultPerCapita;
        return;
      }
      a.served += u.population;
      const s = rows[si]!;
      if (s.deficit === null) {
        a.capacityUnknown += u.population;
        return;
      }
      const share = s.population! > 0 ? (u.population * s.deficit) / s.population! : 0;
      a.withoutPlace += share;
      a.areaShortM2 += share * s.perCapitaM2;
    });
    for (const a of acc) {
      const status: ShelterZoneRow['status'] =
        people.units.length === 0 || a.population === 0
          ? 'no_population_data'
          : !hasShelters
            ? 'no_shelter_data'
            : a.withoutPlace > 0
              ? 'deficit'
              : a.capacityUnknown > 0
                ? 'capacity_unknown'
                : 'sufficient';
      // without shelters of the tier nothing is "without a place" by their measure: the zone only states its people
      zoneRows.push(hasShelters ? { ...a, status } : { ...a, unserved: 0, withoutPlace: 0, areaShortM2: 0, status });
    }
  });
  const unitRows: ShelterUnitRow[] = [];
  const order = people.units
    .map((_, k) => k)
    .sort((a, b) =>
      people.units[a]!.id < people.units[b]!.id ? -1 : people.units[a]!.id > people.units[b]!.id ? 1 : a - b,
    );
  for (const k of order) {
    const u = people.units[k]!;
    TIERS.forEach((tier, t) => {
      if (!rows.some((r) => r.tier === tier)) return;
      const si = assigned[t]![k]!;
      const s = si >= 0 ? rows[si]! : null;
      const withoutPlace = !s
        ? u.population
        : s.deficit === null
          ? null
          : s.population! > 0
            ? (u.population * s.deficit) / s.population!
            : 0;
      const measure = s ? assignedMeasure[t]![k]! : null;
      unitRows.push({
        unitId: u.id,
        tier,
        population: u.population,
        shelterId: s?.shelterId ?? null,
        distanceM: walk ? null : measure,
        walkMinutes: walk ? measure : null,
        withoutPlace,
      });
    });
  }
  return {
    mode: walk ? 'walking' : 'radius',
    shelters: rows,
    zones: zoneRows,
    units: unitRows,
    populationSource: people.source,
    note: people.note,
  };
}
