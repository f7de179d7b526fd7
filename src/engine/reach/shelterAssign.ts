// Which shelter of a tier each population unit goes to, by one of two measures:
// - radius: the nearest shelter (geodesic) whose class's service radius reaches the unit (GB 50413 §8.2.10 radii);
// - walking: on the road network, the shelter reached first on foot (one multi-source Dijkstra from the tier's
//   shelters over a pedestrian graph: no one-ways, footways allowed, motorways not), within the tier's minutes.
import Flatbush from 'flatbush';
import { geodesicDistanceM } from '../geo/geodesicDistance';
import { degreesCovering } from '../geo/localPlane';
import { multiSourceDijkstra, type Seed } from './dijkstra';
import type { PopulationUnit } from './population';
import type { ReachProfile, ShelterTier } from './profile';
import { buildRoadGraph, type RoadGraph, type RoadLine } from './roadGraph';
import { nodeSnapper, type Snapper } from './snap';

export interface Assignment {
  /** per unit: index of the shelter (into the caller's list), -1 when none of the tier serves it */
  to: Int32Array;
  /** per unit: geodesic metres (radius) or walking minutes (walking) to it; NaN when none */
  measure: Float64Array;
}

export interface ShelterPoint {
  lon: number;
  lat: number;
  radiusM: number;
}

export function radiusAssign(
  members: readonly number[],
  shelters: readonly ShelterPoint[],
  units: readonly PopulationUnit[],
): Assignment {
  const to = new Int32Array(units.length).fill(-1);
  const measure = new Float64Array(units.length).fill(NaN);
  if (members.length === 0) return { to, measure };
  const index = new Flatbush(members.length);
  let maxR = 0;
  for (const i of members) {
    const s = shelters[i]!;
    index.add(s.lon, s.lat, s.lon, s.lat);
    maxR = Math.max(maxR, s.radiusM);
  }
  index.finish();
  units.forEach((u, k) => {
    const { dLon, dLat } = degreesCovering(maxR, u.lat);
    let best = -1;
    let bestM = Infinity;
    for (const m of index.search(u.lon - dLon, u.lat - dLat, u.lon + dLon, u.lat + dLat)) {
      const i = members[m]!;
      const d = geodesicDistanceM([u.lon, u.lat], [shelters[i]!.lon, shelters[i]!.lat]);
      if (d > shelters[i]!.radiusM) continue;
      if (d < bestM || (d === bestM && i < best)) {
        best = i;
        bestM = d;
      }
    }
    to[k] = best;
    measure[k] = best >= 0 ? bestM : NaN;
  });
  return { to, measure };
}

/** The pedestrian graph: every line two-way at the walking speed, the excluded classes left out. */
export function walkingGraph(
  lines: readonly RoadLine[],
  profile: ReachProfile,
): { graph: RoadGraph; snapper: Snapper } {
  const walk = profile.shelterWalk;
  const out = new Set(walk.excluded);
  const twoWay = lines.map((l) => ({ ...l, oneway: 'no' as const }));
  const graph = buildRoadGraph(twoWay, (l) => (out.has((l.roadClass ?? '').toLowerCase()) ? null : walk.speedKmh));
  return { graph, snapper: nodeSnapper(graph) };
}

export function walkingAssign(
  members: readonly number[],
  shelters: readonly ShelterPoint[],
  units: readonly PopulationUnit[],
  walk: { graph: RoadGraph; snapper: Snapper },
  tier: ShelterTier,
  profile: ReachProfile,
): Assignment {
  const to = new Int32Array(units.length).fill(-1);
  const measure = new Float64Array(units.length).fill(NaN);
  if (members.length === 0 || walk.graph.nodeCount === 0) return { to, measure };
  const metresPerSecond = profile.shelterWalk.speedKmh / 3.6;
  const limit = profile.shelterWalk.minutes[tier] * 60;
  const maxSnap = profile.roads.maxSnapM;
  const seeds: Seed[] = [];
  members.forEach((i, m) => {
    const s = walk.snapper.nearest(shelters[i]!.lon, shelters[i]!.lat);
    if (s && s.metres <= maxSnap) seeds.push({ node: s.node, seconds: s.metres / metresPerSecond, source: m });
  });
  const arrival = multiSourceDijkstra(walk.graph, seeds);
  units.forEach((u, k) => {
    const s = walk.snapper.nearest(u.lon, u.lat);
    if (!s || s.metres > maxSnap) return;
    const t = arrival.seconds[s.node]! + s.metres / metresPerSecond;
    if (!(t <= limit)) return;
    to[k] = members[arrival.source[s.node]!]!;
    measure[k] = t / 60;
  });
  return { to, measure };
}
