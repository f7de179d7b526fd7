// Points to the road graph: each point joins the network at its nearest node, found with a Flatbush k-nearest query in
// a local metric plane (degrees are not isotropic at Chinese latitudes), the leg measured exactly on the ellipsoid.
import Flatbush from 'flatbush';
import { geodesicMeters } from '../geo/geodesicMeters';
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
  for (let i = 0; i < g.nodeCount; i++) { sumLon += g.lon[i]!; sumLat += g.lat[i]!; }
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
      // the plane's nearest is the exact nearest up to its distortion far from the centre; 4 candidates, measured
      // exactly, keep a wrong pick out at city scale
      const candidates = index.neighbors(x, y, 4);
      let best = -1;
      let bestM = Infinity;
      for (const c of candidates) {
        const m = geodesicMeters([lon, lat], [g.lon[c]!, g.lat[c]!]);
        // equal distances go to the westernmost, then southernmost node: node numbers follow the file's line order,
        // coordinates do not, so the answer does not depend on how the road file is sorted
        if (m < bestM || (m === bestM && (g.lon[c]! < g.lon[best]! || (g.lon[c] === g.lon[best] && g.lat[c]! < g.lat[best]!)))) { best = c; bestM = m; }
      }
      return { node: best, metres: bestM };
    },
  };
}
