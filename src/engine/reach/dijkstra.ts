// Multi-source Dijkstra: every resource is a source at once, seeded with its own start time (dispatch delay plus the
// leg from the station to the road), so one pass gives each node the earliest arrival of any resource and which one.
// Cost O((V + E) log V) for the whole city, instead of one search per station.
import { MinHeap } from './binaryHeap';
import type { RoadGraph } from './roadGraph';

export interface Seed {
  node: number;
  /** seconds already spent when the resource reaches this node */
  seconds: number;
  /** the resource's index (ties go to the smaller index, so the answer does not depend on the input order) */
  source: number;
}

export interface Arrival {
  /** earliest arrival per node in seconds; Infinity where no resource reaches */
  seconds: Float64Array;
  /** the resource arriving first per node, -1 where none */
  source: Int32Array;
}

export function multiSourceDijkstra(g: RoadGraph, seeds: readonly Seed[]): Arrival {
  const seconds = new Float64Array(g.nodeCount).fill(Infinity);
  const source = new Int32Array(g.nodeCount).fill(-1);
  const heap = new MinHeap(Math.max(16, seeds.length * 2));
  const better = (t: number, s: number, v: number) => t < seconds[v]! || (t === seconds[v]! && s < source[v]!);
  for (const seed of seeds) {
    if (better(seed.seconds, seed.source, seed.node)) {
      seconds[seed.node] = seed.seconds;
      source[seed.node] = seed.source;
      heap.push(seed.seconds, seed.node);
    }
  }
  while (heap.size > 0) {
    const t = heap.peekKey();
    const u = heap.pop();
    // a stale entry: u was reached sooner since. (Popped again at the same time means a tie went to a smaller
    // source index: relaxing again passes that source on, so ties resolve the same whatever the input order.)
    if (t > seconds[u]!) continue;
    const s = source[u]!;
    for (let e = g.offsets[u]!, end = g.offsets[u + 1]!; e < end; e++) {
      const v = g.targets[e]!;
      const tv = t + g.seconds[e]!;
      if (better(tv, s, v)) {
        seconds[v] = tv;
        source[v] = s;
        heap.push(tv, v);
      }
    }
  }
  return { seconds, source };
}
