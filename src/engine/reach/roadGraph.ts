// A road network as a directed graph in compressed sparse rows (CSR): node coordinates, and per node the range of its
// outgoing edges with their travel times. Lines are joined where they share a vertex (OSM exports share the node at
// a junction); a crossing without a shared vertex (a bridge) is not a junction, as it should not be.
import { geodesicDistanceM } from '../geo/geodesicDistance';

export type OneWay = 'no' | 'forward' | 'backward';

/** One road line as read from GeoJSON (io/readRoads): WGS-84 vertices, its class or speed, its direction. */
export interface RoadLine {
  coords: [number, number][];
  /** OSM `highway` or a Chinese road grade (快速路、主干路 …), mapped by the profile */
  roadClass?: string;
  /** a stated speed (maxspeed, 速度) in km/h: used before the class's speed */
  speedKmh?: number;
  oneway?: OneWay;
}

export interface RoadGraph {
  nodeCount: number;
  edgeCount: number;
  lon: Float64Array;
  lat: Float64Array;
  /** edges of node i are offsets[i] .. offsets[i+1]-1 */
  offsets: Int32Array;
  targets: Int32Array;
  seconds: Float64Array;
  /** lines left out: no usable speed class (footways) or fewer than two distinct vertices */
  skippedLines: number;
}

/** Vertices closer than 1e-7° (≈ 1 cm) are one node: the same junction written by two lines. */
const KEY_SCALE = 1e7;

/**
 * Builds the graph. `speedKmh(line)` gives a line's speed, or null to leave it out (a footway). Each segment's time is
 * its geodesic length over that speed; a two-way line gives an edge each way, a one-way line one edge in its direction.
 */
export function buildRoadGraph(lines: readonly RoadLine[], speedKmh: (line: RoadLine) => number | null): RoadGraph {
  const ids = new Map<string, number>();
  const lon: number[] = [];
  const lat: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const secs: number[] = [];
  let skippedLines = 0;
  const nodeOf = (c: [number, number]): number => {
    const key = `${Math.round(c[0] * KEY_SCALE)},${Math.round(c[1] * KEY_SCALE)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = lon.length;
      ids.set(key, id);
      lon.push(c[0]);
      lat.push(c[1]);
    }
    return id;
  };
  for (const line of lines) {
    const v = speedKmh(line);
    if (v === null || !(v > 0) || line.coords.length < 2) {
      skippedLines++;
      continue;
    }
    const metresPerSecond = v / 3.6;
    const dir = line.oneway ?? 'no';
    let added = false;
    let prev = nodeOf(line.coords[0]!);
    for (let i = 1; i < line.coords.length; i++) {
      const next = nodeOf(line.coords[i]!);
      if (next === prev) continue; // a repeated vertex
      const t = geodesicDistanceM([lon[prev]!, lat[prev]!], [lon[next]!, lat[next]!]) / metresPerSecond;
      if (dir !== 'backward') {
        from.push(prev);
        to.push(next);
        secs.push(t);
      }
      if (dir !== 'forward') {
        from.push(next);
        to.push(prev);
        secs.push(t);
      }
      added = true;
      prev = next;
    }
    if (!added) skippedLines++;
  }
  const n = lon.length;
  const m = from.length;
  // counting sort of the edges by their tail: offsets, then fill
  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) offsets[from[e]! + 1]!++;
  for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, n);
  const targets = new Int32Array(m);
  const seconds = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const slot = cursor[from[e]!]!++;
    targets[slot] = to[e]!;
    seconds[slot] = secs[e]!;
  }
  return {
    nodeCount: n,
    edgeCount: m,
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    offsets,
    targets,
    seconds,
    skippedLines,
  };
}
