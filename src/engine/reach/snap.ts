// Points to the road graph: each point joins the network at its nearest node, found with a Flatbush k-nearest query in
// a local metric plane (degrees are not isotropic at Chinese latitudes), the leg measured exactly on the ellipsoid.
import Flatbush from 'flatbush';
import { geodesicDistanceM } from '../geo/geodesicDistance';
import { localPlane, toPlane, type LocalPlane } from '../geo/localPlane';
import type { RoadGraph } from './roadGraph';

export interface Snapper {
  /** nearest node and the geodesic metres to it; null when the graph is empty */
  nearest(lon: number, lat: number): { node: number; metres: number } | null;
}

export function nodeSnapper(g: RoadGraph): Snapper {
  if (g.nodeCount === 0) return { nearest: () => null };
  let sumLon = 0;
  let sumLat = 0;
  for (let i = 0; i < g.nodeCount; i++) {
    sumLon += g.lon[i]!;
    sumLat += g.lat[i]!;
  }
  const plane: LocalPlane = localPlane(sumLon / g.nodeCount, sumLat / g.nodeCount);
  const index = new Flatbush(g.nodeCount);
  for (let i = 0; i < g.nodeCount; i++) {
    const [x, y] = toPlane(plane, g.lon[i]!, g.lat[i]!);
    index.add(x, y, x, y);
  }
  index.finish();
  return {
    nearest(lon, lat) {
      const [x, y] = toPlane(plane, lon, lat);
      // the index returns candidates by planar distance, and the first is taken: the plane's anisotropy away from its
      // centre (≈ 0.2 % of a distance 20 km north or south) can only swap two nodes whose distances differ by less than
      // that share — a few decimetres at snapping range — and the leg to the chosen one is measured exactly. Equal planar distances go to the westernmost, then southernmost node: node numbers
      // follow the file's line order, coordinates do not, so the answer does not depend on how the file is sorted.
      const candidates = index.neighbors(x, y, 4);
      const planar = (c: number) => {
        const [cx, cy] = toPlane(plane, g.lon[c]!, g.lat[c]!);
        return Math.hypot(cx - x, cy - y);
      };
      let best = candidates[0]!;
      const d0 = planar(best);
      for (let k = 1; k < candidates.length; k++) {
        const c = candidates[k]!;
        if (planar(c) - d0 > 1e-6) break;
        if (g.lon[c]! < g.lon[best]! || (g.lon[c] === g.lon[best] && g.lat[c]! < g.lat[best]!)) best = c;
      }
      const bestM = geodesicDistanceM([lon, lat], [g.lon[best]!, g.lat[best]!]);
      return { node: best, metres: bestM };
    },
  };
}
