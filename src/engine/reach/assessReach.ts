// Rescue within reach (issue #21), the engine half: which method (road network or straight-line screening), the cover
// findings, the station districts and the shelter balance, from the sites, the assessed levels, the zones and the
// optional road network and population grid. Pure and deterministic (sorted by id, no clock), like `assess`.
import type { AssessedSite, Site, Zone } from '../model';
import { coverFindings, type CoverRow } from './cover';
import { populationOf } from './population';
import { DEFAULT_REACH_PROFILE, type ReachProfile } from './profile';
import { networkModel, screeningModel, type ReachMode, type ReachModel } from './reachModel';
import { resourcesOf, type Resource } from './resources';
import { buildRoadGraph, type RoadLine } from './roadGraph';
import { roadSpeedFor } from './roadSpeed';
import { assessShelters, type ShelterAssessment } from './shelters';
import { walkingGraph } from './shelterAssign';
import {
  districtStations,
  reachGrid,
  stationDistricts,
  studyCells,
  type DistrictGrid,
  type StationDistrictRow,
} from './stationDistricts';
import { zoneReach, type ZoneReachRow } from './zoneReach';

export interface ReachInput {
  /** every imported site (the rescue kinds carry their grade, class, area and capacity here) */
  sites: readonly Site[];
  /** the assessment's sites: levels and roles of the risk sites and targets */
  assessed: readonly AssessedSite[];
  /** study-area units (districts): area types for the circles, the grid for station districts, shelter deficits */
  zones: readonly Zone[];
  roads?: readonly RoadLine[];
  /** population grid: polygons with `population` */
  population?: readonly Zone[];
  /** side of the reach grid's cells (zone reach, station districts), metres (default: the profile's gridCellM) */
  districtCellM?: number;
}

export interface ReachAssessment {
  profileId: string;
  mode: ReachMode;
  resources: Resource[];
  /** null when the data hold no rescue resource (无救援力量数据): nothing is "covered" by an absent service */
  cover: CoverRow[] | null;
  /** null without resources or without zones (no study area to lay the district grid over) */
  stations: StationDistrictRow[] | null;
  districtGrid: DistrictGrid | null;
  /** every resource's reach over the study area (the grid's per-cell minutes), null without resources or zones */
  reachGrid: DistrictGrid | null;
  /** per input zone: how much of it is within its circle, median and longest arrival; null as `reachGrid` */
  zones: ZoneReachRow[] | null;
  /** null when the data hold no shelter */
  shelters: ShelterAssessment | null;
  road: { nodes: number; edges: number; skippedLines: number; unplacedResources: string[] } | null;
  /** what was missing or assumed, in words (Chinese: it goes into the record) */
  notes: string[];
}

export function assessReach(input: ReachInput, profile: ReachProfile = DEFAULT_REACH_PROFILE): ReachAssessment {
  const notes: string[] = [];
  const resources = resourcesOf(input.sites, profile);
  const graph = input.roads && input.roads.length > 0 ? buildRoadGraph(input.roads, roadSpeedFor(profile)) : null;
  const mode: ReachMode = graph && graph.edgeCount > 0 ? 'network' : 'screening';
  if (input.roads && input.roads.length > 0 && mode === 'screening') notes.push('路网中没有可通行的道路,改用直线初筛');
  if (mode === 'screening') notes.push(`直线初筛:${profile.screening.source}`);
  const build = (rs: readonly Resource[]): ReachModel =>
    mode === 'network' ? networkModel(rs, graph!, profile) : screeningModel(rs, profile);

  let cover: CoverRow[] | null = null;
  let road: ReachAssessment['road'] = null;
  let grid: DistrictGrid | null = null;
  let zones: ZoneReachRow[] | null = null;
  const cellM = input.districtCellM ?? profile.gridCellM;
  // the study area's cells, laid out once for the reach grid and the district stations' grid
  let laidOut: ReturnType<typeof studyCells> | undefined;
  const study = () => (laidOut ??= studyCells(input.zones, cellM));
  if (resources.length === 0) notes.push('无救援力量数据:数据中没有消防站或救援队,未作救援可达判定(不视为已覆盖)');
  else {
    const model = build(resources);
    cover = coverFindings(input.assessed, input.zones, model, resources, profile);
    if (input.zones.length > 0) {
      grid = reachGrid(input.zones, cellM, model, study());
      zones = zoneReach(input.zones, grid, profile);
    }
    if (graph) {
      road = {
        nodes: graph.nodeCount,
        edges: graph.edgeCount,
        skippedLines: graph.skippedLines,
        unplacedResources: model.unplaced.map((i) => resources[i]!.id),
      };
      if (model.unplaced.length)
        notes.push(`${model.unplaced.length}处救援力量距路网超过${profile.roads.maxSnapM}m,未参与路网计算`);
    }
  }

  let stations: StationDistrictRow[] | null = null;
  let districtGrid: DistrictGrid | null = null;
  const withDistricts = districtStations(resources, profile);
  if (withDistricts.length > 0 && input.zones.length > 0) {
    // the district-bearing stations alone: a micro station's cell is not taken from the station whose district it is
    districtGrid =
      withDistricts.length === resources.length && grid
        ? grid
        : reachGrid(input.zones, cellM, build(withDistricts), study());
    stations = stationDistricts(withDistricts, districtGrid, input.zones, profile);
  } else if (withDistricts.length > 0) notes.push('未提供研究区分区,未计算消防站辖区面积');

  const hasShelters = input.sites.some((s) => s.category === 'shelter');
  let shelters: ShelterAssessment | null = null;
  if (hasShelters) {
    // with roads, a shelter serves whom it can reach on foot in time (GB 50413 §8.2.10's 10 min / 1 h)
    const walk = input.roads && input.roads.length > 0 ? walkingGraph(input.roads, profile) : undefined;
    shelters = assessShelters(
      input.sites,
      input.zones,
      populationOf(input.sites, input.population, profile),
      profile,
      walk && walk.graph.edgeCount > 0 ? walk : undefined,
    );
    notes.push(
      shelters.mode === 'walking'
        ? `避难场所服务范围按路网步行时间判定(紧急${profile.shelterWalk.minutes.emergency}分钟、固定与中心${profile.shelterWalk.minutes.stay}分钟,步速${profile.shelterWalk.speedKmh}km/h)`
        : '避难场所服务范围按各类服务半径(直线)判定',
    );
  } else notes.push('无避难场所数据:未作避难场所容量判定');

  return {
    profileId: profile.id,
    mode,
    resources,
    cover,
    stations,
    districtGrid,
    reachGrid: grid,
    zones,
    shelters,
    road,
    notes,
  };
}
