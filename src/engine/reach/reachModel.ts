// Earliest arrival of any resource at a point, by one of two methods behind one interface:
// - network: multi-source Dijkstra over the road graph, points joined to their nearest node;
// - screening (初筛): geodesic distance × detour factor at a stated speed, for when no road network is loaded.
// Both return seconds from the alarm (dispatch delay included) and the resource that arrives first.
import Flatbush from 'flatbush';
import { geodesicDistanceM } from '../geo/geodesicDistance';
import { degreesCovering, localPlane } from '../geo/localPlane';
import { multiSourceDijkstra, type Arrival, type Seed } from './dijkstra';
import type { ReachProfile } from './profile';
import type { Resource } from './resources';
import type { RoadGraph } from './roadGraph';
import { nodeSnapper } from './snap';

export type ReachMode = 'network' | 'screening';

export interface ReachAnswer {
  /** seconds from the alarm to arrival; null when no resource can be reached (off the network, or none at all) */
  seconds: number | null;
  /** index into the resources, -1 when none */
  resource: number;
  /** why there is no answer, or what was assumed (Chinese, for the record) */
  note: string;
}

export interface ReachModel {
  mode: ReachMode;
  arrival(lon: number, lat: number): ReachAnswer;
  /** resources the model could not place (network mode: farther than maxSnapM from any road) */
  unplaced: number[];
}

const NONE = (note: string): ReachAnswer => ({ seconds: null, resource: -1, note });

/** Straight-line screening: arrival = delay + geodesic × detour / speed; exact over every candidate that could win. */
export function screeningModel(resources: readonly Resource[], profile: ReachProfile): ReachModel {
  const speed = profile.screening.speedKmh / 3.6;
  const detour = profile.screening.detourFactor;
  if (resources.length === 0) return { mode: 'screening', unplaced: [], arrival: () => NONE('无救援力量数据') };
  const index = new Flatbush(resources.length);
  for (const r of resources) index.add(r.lon, r.lat, r.lon, r.lat);
  index.finish();
  let minDelay = Infinity;
  for (const r of resources) minDelay = Math.min(minDelay, r.delaySeconds);
  const time = (i: number, lon: number, lat: number) => {
    const r = resources[i]!;
    return r.delaySeconds + (geodesicDistanceM([lon, lat], [r.lon, r.lat]) * detour) / speed;
  };
  // exact geodesics are most of the cost (a city's 10⁵ grid cells × every station within reach): candidates are first
  // timed in the cell's tangent plane, and only those within APPROX_MARGIN of the best are measured exactly — the
  // plane is off by under 0.2 % at 50 km, so no station that could win is skipped and the answer is the exact one
  const approx = (i: number, lon: number, lat: number, kx: number, ky: number) => {
    const r = resources[i]!;
    return r.delaySeconds + (Math.hypot((r.lon - lon) * kx, (r.lat - lat) * ky) * detour) / speed;
  };
  const slack = (t: number) => t * APPROX_MARGIN + 5;
  let lastBest = -1;
  return {
    mode: 'screening',
    unplaced: [],
    arrival(lon, lat) {
      const { kx, ky } = localPlane(lon, lat);
      // any resource gives an upper bound; only those within the distance that bound allows can beat it. The last
      // answer's resource is usually the next cell's too (cells come in row order), which spares a nearest-neighbour
      // query per cell; the answer does not depend on which resource gave the bound
      const first = lastBest >= 0 ? lastBest : index.neighbors(lon, lat, 1)[0]!;
      const bound = approx(first, lon, lat, kx, ky);
      const reachM = ((bound + slack(bound) - minDelay) * speed) / detour;
      const { dLon, dLat } = degreesCovering(reachM, lat);
      const found = index.search(lon - dLon, lat - dLat, lon + dLon, lat + dLat);
      let bestApprox = Infinity;
      const times = new Float64Array(found.length);
      for (let k = 0; k < found.length; k++) {
        times[k] = approx(found[k]!, lon, lat, kx, ky);
        if (times[k]! < bestApprox) bestApprox = times[k]!;
      }
      let best = -1;
      let bestT = Infinity;
      const cut = bestApprox + slack(bestApprox);
      for (let k = 0; k < found.length; k++) {
        if (times[k]! > cut) continue;
        const i = found[k]!;
        const t = time(i, lon, lat);
        if (t < bestT || (t === bestT && i < best)) {
          best = i;
          bestT = t;
        }
      }
      lastBest = best;
      return { seconds: bestT, resource: best, note: '' };
    },
  };
}

/** Relative margin over the tangent-plane time within which candidates are measured exactly (the plane errs < 0.2 %). */
const APPROX_MARGIN = 0.01;

/** Network reach: one multi-source Dijkstra from every resource, then each query is a snap and a look-up. */
export function networkModel(resources: readonly Resource[], graph: RoadGraph, profile: ReachProfile): ReachModel {
  const snapper = nodeSnapper(graph);
  const offSpeed = profile.roads.offNetworkKmh / 3.6;
  const maxSnap = profile.roads.maxSnapM;
  const seeds: Seed[] = [];
  const unplaced: number[] = [];
  resources.forEach((r, i) => {
    const s = snapper.nearest(r.lon, r.lat);
    if (!s || s.metres > maxSnap) unplaced.push(i);
    else seeds.push({ node: s.node, seconds: r.delaySeconds + s.metres / offSpeed, source: i });
  });
  const arrival: Arrival = multiSourceDijkstra(graph, seeds);
  return {
    mode: 'network',
    unplaced,
    arrival(lon, lat) {
      if (resources.length === 0) return NONE('无救援力量数据');
      if (seeds.length === 0) return NONE(`救援力量均距路网超过${maxSnap}m,无法按路网计算`);
      const s = snapper.nearest(lon, lat);
      if (!s || s.metres > maxSnap) return NONE(`距最近路网节点超过${maxSnap}m(路网未覆盖),不按路网计算`);
      const t = arrival.seconds[s.node]!;
      if (!Number.isFinite(t)) return NONE('路网不连通:没有救援力量能沿路网到达');
      return { seconds: t + s.metres / offSpeed, resource: arrival.source[s.node]!, note: '' };
    },
  };
}
