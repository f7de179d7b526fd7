// The batch files of rescue within reach (docs/batch-interface.md): cover.csv, reach-zones.csv and station-districts.csv when the
// inputs hold a rescue resource, shelters.csv and shelter-zones.csv when they hold a shelter, reach.json when either.
// Nothing is written for what the data do not hold: a missing file is 无数据, never "covered" or "enough".
// Plain UTF-8 without BOM, like the other batch CSVs; numbers with fixed decimals so reruns are byte-identical.
import type {
  CoverRow,
  ReachAssessment,
  ShelterRow,
  ShelterUnitRow,
  ShelterZoneRow,
  StationDistrictRow,
  ZoneReachRow,
} from '../engine';
import { toCsv, type CsvColumn } from './csvWrite';

export interface ReachOutput {
  path: string;
  text: string;
}

const COVER_COLUMNS: CsvColumn<CoverRow>[] = [
  { header: 'site_id', value: (r) => r.siteId },
  { header: 'nearest_resource_id', value: (r) => r.nearestResourceId },
  { header: 'minutes', value: (r) => r.minutes, digits: 2 },
  { header: 'circle', value: (r) => r.circle },
  { header: 'status', value: (r) => r.status },
  { header: 'mode', value: (r) => r.mode },
  // extensions (after the contract's six)
  { header: 'name', value: (r) => r.name },
  { header: 'category', value: (r) => r.category },
  { header: 'level', value: (r) => r.level },
  { header: 'target_minutes', value: (r) => r.targetMinutes },
  { header: 'high_risk_uncovered', value: (r) => String(r.highRiskUncovered) },
  { header: 'note', value: (r) => r.note },
];

const SHELTER_COLUMNS: CsvColumn<ShelterRow>[] = [
  { header: 'shelter_id', value: (r) => r.shelterId },
  { header: 'class', value: (r) => r.class },
  { header: 'capacity', value: (r) => r.capacity, digits: 0 },
  { header: 'population', value: (r) => r.population, digits: 0 },
  { header: 'deficit', value: (r) => r.deficit, digits: 0 },
  { header: 'name', value: (r) => r.name },
  { header: 'tier', value: (r) => r.tier },
  { header: 'radius_m', value: (r) => r.radiusM },
  { header: 'per_capita_m2', value: (r) => r.perCapitaM2 },
  { header: 'capacity_source', value: (r) => r.capacitySource },
  { header: 'effective_area_m2', value: (r) => r.effectiveAreaM2 },
  { header: 'area_short_m2', value: (r) => r.areaShortM2, digits: 0 },
  { header: 'district', value: (r) => r.district },
  { header: 'note', value: (r) => r.note },
];

const STATION_COLUMNS: CsvColumn<StationDistrictRow & { mode: string }>[] = [
  { header: 'station_id', value: (r) => r.stationId },
  { header: 'grade', value: (r) => r.grade ?? '' },
  { header: 'district_km2', value: (r) => r.districtKm2, digits: 3 },
  { header: 'limit_km2', value: (r) => r.limitKm2 },
  { header: 'status', value: (r) => r.status },
  { header: 'edge_minutes', value: (r) => r.edgeMinutes, digits: 2 },
  { header: 'cells', value: (r) => r.cells },
  { header: 'mode', value: (r) => r.mode },
  { header: 'name', value: (r) => r.name },
  { header: 'note', value: (r) => r.note },
];

const SHELTER_ZONE_COLUMNS: CsvColumn<ShelterZoneRow>[] = [
  { header: 'zone_id', value: (r) => r.zoneId },
  { header: 'zone_name', value: (r) => r.zoneName },
  { header: 'tier', value: (r) => r.tier },
  { header: 'population', value: (r) => r.population, digits: 0 },
  { header: 'served', value: (r) => r.served, digits: 0 },
  { header: 'unserved', value: (r) => r.unserved, digits: 0 },
  { header: 'capacity_unknown', value: (r) => r.capacityUnknown, digits: 0 },
  { header: 'without_place', value: (r) => r.withoutPlace, digits: 0 },
  { header: 'area_short_m2', value: (r) => r.areaShortM2, digits: 0 },
  { header: 'status', value: (r) => r.status },
];

const ZONE_COLUMNS: CsvColumn<ZoneReachRow & { mode: string }>[] = [
  { header: 'zone_id', value: (r) => r.zoneId },
  { header: 'zone_name', value: (r) => r.zoneName },
  { header: 'circle', value: (r) => r.circle },
  { header: 'target_minutes', value: (r) => r.targetMinutes },
  { header: 'covered_share', value: (r) => r.coveredShare, digits: 4 },
  { header: 'median_minutes', value: (r) => r.medianMinutes, digits: 2 },
  { header: 'max_minutes', value: (r) => r.maxMinutes, digits: 2 },
  { header: 'cells', value: (r) => r.cells },
  { header: 'area_km2', value: (r) => r.areaKm2, digits: 3 },
  { header: 'unreached_cells', value: (r) => r.unreachedCells },
  { header: 'mode', value: (r) => r.mode },
  { header: 'note', value: (r) => (r.circleAssumed ? '分区未标明区域类型,按135快速救援圈判定(从严)' : '') },
];

const SHELTER_UNIT_COLUMNS: CsvColumn<ShelterUnitRow>[] = [
  { header: 'cell_id', value: (r) => r.unitId },
  { header: 'tier', value: (r) => r.tier },
  { header: 'population', value: (r) => r.population, digits: 0 },
  { header: 'shelter_id', value: (r) => r.shelterId },
  { header: 'distance_m', value: (r) => r.distanceM, digits: 1 },
  { header: 'without_place', value: (r) => r.withoutPlace, digits: 0 },
  { header: 'walk_minutes', value: (r) => r.walkMinutes, digits: 2 },
];

export function reachOutputs(r: ReachAssessment): ReachOutput[] {
  const out: ReachOutput[] = [];
  if (r.cover) out.push({ path: 'cover.csv', text: toCsv(r.cover, COVER_COLUMNS) });
  if (r.zones)
    out.push({
      path: 'reach-zones.csv',
      text: toCsv(
        r.zones.map((z) => ({ ...z, mode: r.mode })),
        ZONE_COLUMNS,
      ),
    });
  if (r.stations)
    out.push({
      path: 'station-districts.csv',
      text: toCsv(
        r.stations.map((s) => ({ ...s, mode: r.mode })),
        STATION_COLUMNS,
      ),
    });
  if (r.shelters) {
    out.push({ path: 'shelters.csv', text: toCsv(r.shelters.shelters, SHELTER_COLUMNS) });
    out.push({ path: 'shelter-zones.csv', text: toCsv(r.shelters.zones, SHELTER_ZONE_COLUMNS) });
    // per cell only for an uploaded population grid (compounds are already listed, with their ids, in sites.csv)
    if (r.shelters.populationSource === 'grid')
      out.push({ path: 'shelter-cells.csv', text: toCsv(r.shelters.units, SHELTER_UNIT_COLUMNS) });
  }
  if (out.length > 0) out.push({ path: 'reach.json', text: JSON.stringify(reachSummary(r), null, 2) + '\n' });
  return out;
}

/** Counts and what was assumed: the method (network or 初筛 screening), the profile, the notes. */
export function reachSummary(r: ReachAssessment): Record<string, unknown> {
  const cover = r.cover ?? [];
  return {
    reach_profile: r.profileId,
    mode: r.mode,
    resources: r.resources.length,
    cover:
      r.cover === null
        ? null
        : {
            rows: cover.length,
            covered: cover.filter((c) => c.status === 'covered').length,
            uncovered: cover.filter((c) => c.status === 'uncovered').length,
            high_risk_uncovered: cover.filter((c) => c.highRiskUncovered).length,
            by_circle: Object.fromEntries(
              [...new Set(cover.map((c) => c.circle))]
                .sort()
                .map((id) => [id, cover.filter((c) => c.circle === id).length]),
            ),
          },
    zones_not_fully_covered:
      r.zones === null
        ? null
        : r.zones.filter((z) => z.coveredShare !== null && z.coveredShare < 1).map((z) => z.zoneId),
    stations_over_limit:
      r.stations === null ? null : r.stations.filter((s) => s.status === 'exceeds').map((s) => s.stationId),
    shelters:
      r.shelters === null
        ? null
        : {
            count: r.shelters.shelters.length,
            service: r.shelters.mode,
            population_source: r.shelters.populationSource,
            with_deficit: r.shelters.shelters.filter((s) => (s.deficit ?? 0) > 0).map((s) => s.shelterId),
            capacity_unknown: r.shelters.shelters.filter((s) => s.capacity === null).map((s) => s.shelterId),
          },
    road_network:
      r.road === null
        ? null
        : {
            nodes: r.road.nodes,
            edges: r.road.edges,
            skipped_lines: r.road.skippedLines,
            resources_off_network: r.road.unplacedResources,
          },
    notes: r.notes,
  };
}
