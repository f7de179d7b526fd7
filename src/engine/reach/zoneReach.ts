// How long help takes in each zone: the reach grid (every resource, not only those with a district) summarised per
// input zone — the share of its area within its circle, the median and the longest arrival, the cells nothing
// reaches. This is the "for every point of the study area" answer at zone level, for the zone's panel and the file.
import type { Zone } from '../model';
import { cellCentre, planeToLonLat } from '../zoning/gridGeometry';
import { zoneLocator } from '../zoning/locateZone';
import { circleOf } from './cover';
import type { ReachProfile } from './profile';
import type { DistrictGrid } from './stationDistricts';

export interface ZoneReachRow {
  zoneId: string;
  zoneName: string;
  circle: string;
  targetMinutes: number;
  /** the circle was not given by the zone's area type (the stricter one was used) */
  circleAssumed: boolean;
  cells: number;
  areaKm2: number;
  /** share of the zone's cells reached within its circle (0–1); null when the zone has no cell */
  coveredShare: number | null;
  medianMinutes: number | null;
  maxMinutes: number | null;
  /** cells no resource reaches (off the network or not connected) */
  unreachedCells: number;
}

export function zoneReach(zones: readonly Zone[], g: DistrictGrid, profile: ReachProfile): ZoneReachRow[] {
  const sorted = [...zones].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(sorted.map((z, i) => [z.id, i]));
  const locate = zoneLocator(sorted);
  const minutes: number[][] = sorted.map(() => []);
  const unreached = new Int32Array(sorted.length);
  const cells = new Int32Array(sorted.length);
  for (let k = 0; k < g.cells.length; k++) {
    const [lon, lat] = planeToLonLat(g.grid, cellCentre(g.grid, g.cells[k]!));
    const z = locate(lon!, lat!);
    if (!z) continue;
    const i = index.get(z.id)!;
    cells[i]!++;
    const m = g.cellMinutes[k]!;
    if (Number.isNaN(m)) unreached[i]!++;
    else minutes[i]!.push(m);
  }
  return sorted.map((z, i) => {
    const { circle, assumed } = circleOf(profile, z.areaType);
    const ms = minutes[i]!.sort((a, b) => a - b);
    const within = ms.filter((m) => m <= circle.targetMinutes).length;
    return {
      zoneId: z.id,
      zoneName: z.name,
      circle: circle.id,
      targetMinutes: circle.targetMinutes,
      circleAssumed: assumed,
      cells: cells[i]!,
      areaKm2: cells[i]! * g.cellKm2,
      coveredShare: cells[i]! > 0 ? within / cells[i]! : null,
      medianMinutes: ms.length ? ms[Math.floor((ms.length - 1) / 2)]! : null,
      maxMinutes: ms.length ? ms[ms.length - 1]! : null,
      unreachedCells: unreached[i]!,
    };
  });
}
