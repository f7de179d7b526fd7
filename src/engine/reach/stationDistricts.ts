// Station districts (消防站辖区): a grid over the study area, each cell given to the district-bearing station that
// reaches its centre first; a district's area is its cells' area. Compared with 建标152-2017 第十四条 (一级站 and
// 特勤站 7 km², 二级站 4 km², 小型站 2 km², a 普通站 in a 近郊区 15 km²). Only stations that have a district take
// part: 微型消防站 and rescue teams respond but are not given districts by the standard. The per-cell arrival is kept
// (`cellMinutes`): it is the reach surface for a map layer.
import type { Zone } from '../model';
import { pointInArea } from '../geo/pointInArea';
import { buildGrid, cellCentre, planeToLonLat, type Grid } from '../zoning/gridGeometry';
import { zoneLocator } from '../zoning/locateZone';
import type { ReachProfile } from './profile';
import type { ReachModel } from './reachModel';
import type { Resource } from './resources';

export interface StationDistrictRow {
  stationId: string;
  name: string;
  grade: Resource['grade'];
  /** km² of the cells this station reaches first */
  districtKm2: number;
  /** 建标152 limit for its grade (null: the grade has no limit) */
  limitKm2: number | null;
  status: 'exceeds' | 'within' | 'no_limit';
  /** latest arrival within the district, minutes after the dispatch order (出动指令: the alarm minute excluded) */
  edgeMinutes: number | null;
  cells: number;
  note: string;
}

export interface DistrictGrid {
  grid: Grid;
  /** cells that count: centre inside the study area */
  cells: Int32Array;
  /** minutes from the alarm per counted cell, NaN where no station reaches */
  cellMinutes: Float32Array;
  /** index into the district stations per counted cell, -1 where none */
  cellStation: Int32Array;
  cellKm2: number;
}

/** The stations the standard gives a district: 特勤/一级/二级/小型, and fire stations of unknown grade (checked strictly). */
export function districtStations(resources: readonly Resource[], profile: ReachProfile): Resource[] {
  return resources.filter(
    (r) => r.kind === 'fire_station' && (r.grade === null || profile.stationGrades[r.grade].hasDistrict),
  );
}

/** Cells whose centre lies in the study area: the edge cells are tested exactly, the others are inside by the scanline. */
export function studyCells(zones: readonly Zone[], cellM: number): { grid: Grid; cells: Int32Array } {
  const grid = buildGrid(
    zones.map((z) => z.geometry),
    { shape: 'square', cellM },
  );
  const tests = zones.map((z) => pointInArea(z.geometry));
  const cells: number[] = [];
  for (let i = 0; i < grid.cols * grid.rows; i++) {
    if (!grid.inside[i]) continue;
    if (grid.onEdge[i]) {
      const [lon, lat] = planeToLonLat(grid, cellCentre(grid, i));
      if (!tests.some((t) => t(lon!, lat!))) continue;
    }
    cells.push(i);
  }
  return { grid, cells: Int32Array.from(cells) };
}

/** `study`: the study area's cells when already laid out (one assessment lays them out once for both of its grids). */
export function reachGrid(
  zones: readonly Zone[],
  cellM: number,
  model: ReachModel,
  study = studyCells(zones, cellM),
): DistrictGrid {
  const { grid, cells } = study;
  const cellMinutes = new Float32Array(cells.length);
  const cellStation = new Int32Array(cells.length);
  for (let k = 0; k < cells.length; k++) {
    const [lon, lat] = planeToLonLat(grid, cellCentre(grid, cells[k]!));
    const a = model.arrival(lon!, lat!);
    cellMinutes[k] = a.seconds === null ? NaN : a.seconds / 60;
    cellStation[k] = a.resource;
  }
  return { grid, cells, cellMinutes, cellStation, cellKm2: (cellM * cellM) / 1e6 };
}

export function stationDistricts(
  stations: readonly Resource[],
  g: DistrictGrid,
  zones: readonly Zone[],
  profile: ReachProfile,
): StationDistrictRow[] {
  const count = new Int32Array(stations.length);
  const latest = new Float64Array(stations.length).fill(-Infinity);
  for (let k = 0; k < g.cells.length; k++) {
    const s = g.cellStation[k]!;
    if (s < 0) continue;
    count[s]!++;
    if (g.cellMinutes[k]! > latest[s]!) latest[s] = g.cellMinutes[k]!;
  }
  const locate = zoneLocator(zones);
  return stations.map((st, i) => {
    const suburban = locate(st.lon, st.lat)?.areaType === 'suburban';
    const notes: string[] = [];
    let limit: number | null;
    if (st.grade === null) {
      limit = profile.unknownGradeAreaLimitKm2;
      notes.push(profile.unknownGradeNote);
    } else {
      limit = profile.stationGrades[st.grade].areaLimitKm2;
      // 「设在近郊区的普通站不应大于15km2」: 普通站 = 一级、二级 (小型站 keeps its own limit)
      if (suburban && (st.grade === 'standard1' || st.grade === 'standard2')) {
        limit = profile.suburbanAreaLimitKm2;
        notes.push('近郊区普通站,辖区面积上限15km²');
      }
    }
    const km2 = count[i]! * g.cellKm2;
    const alarm = profile.resources[st.kind].alarmMinutes;
    return {
      stationId: st.id,
      name: st.name,
      grade: st.grade,
      districtKm2: km2,
      limitKm2: limit,
      status: limit === null ? 'no_limit' : km2 > limit ? 'exceeds' : 'within',
      edgeMinutes: count[i]! > 0 ? latest[i]! - alarm : null,
      cells: count[i]!,
      note: notes.join(';'),
    };
  });
}
