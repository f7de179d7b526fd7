// The reach grid's time bands and the outline of a set of grid cells: shared by the white paper's F7 (drawn as SVG)
// and the map's band polygons (built in the engine worker), kept apart from F7 so the worker does not load d3-geo.
import type { ReachProfile } from '../engine';
import { circleShort } from './reachBasis';

export interface ReachBand {
  /** upper bound, minutes from the alarm (Infinity: the slowest band) */
  upTo: number;
  label: string;
  fill: string;
}

/** Sequential purples: lightness falls as minutes grow, so grayscale print keeps the order. */
const BAND_FILLS = ['#dadaeb', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f', '#3f007d'];

/** Bands at the circles' targets and at 10 and 30 minutes: ≤5 (135), 5–10, 10–15 (15 分钟), 15–30, >30. */
export function reachBands(p: ReachProfile): ReachBand[] {
  const limits = [...new Set([...p.circles.map((c) => c.targetMinutes), 10, 30])].sort((a, b) => a - b);
  const bands: ReachBand[] = limits.map((m, i) => {
    const circle = p.circles.find((c) => c.targetMinutes === m);
    const range = i === 0 ? `≤${m} 分钟` : `${limits[i - 1]}–${m} 分钟`;
    return {
      upTo: m,
      label: circle ? `${range}(${circleShort(p, circle.id)}内)` : range,
      fill: BAND_FILLS[Math.min(i, BAND_FILLS.length - 1)]!,
    };
  });
  bands.push({
    upTo: Infinity,
    label: `>${limits[limits.length - 1]} 分钟`,
    fill: BAND_FILLS[Math.min(limits.length, BAND_FILLS.length - 1)]!,
  });
  return bands;
}

/**
 * The outline of a set of square cells as closed rings (cell corners, collinear corners dropped), the set on the left
 * of every edge: filled with the nonzero rule the rings are exactly the set, holes included.
 */
export function cellSetRings(cols: number, rows: number, inSet: Uint8Array): [number, number][][] {
  const W = cols + 1;
  const at = (c: number, r: number) => c >= 0 && r >= 0 && c < cols && r < rows && inSet[r * cols + c] === 1;
  const next = new Map<number, number[]>(); // vertex → vertices it leads to
  const add = (c0: number, r0: number, c1: number, r1: number) => {
    const k = r0 * W + c0;
    const list = next.get(k);
    if (list) list.push(r1 * W + c1);
    else next.set(k, [r1 * W + c1]);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (!at(c, r)) continue;
      if (!at(c, r - 1)) add(c, r, c + 1, r); // y grows with r: the lower side, walked eastward
      if (!at(c + 1, r)) add(c + 1, r, c + 1, r + 1);
      if (!at(c, r + 1)) add(c + 1, r + 1, c, r + 1);
      if (!at(c - 1, r)) add(c, r + 1, c, r);
    }
  }
  const rings: [number, number][][] = [];
  const starts = [...next.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    while ((next.get(start)?.length ?? 0) > 0) {
      const ring: [number, number][] = [];
      let v = start;
      let prevDir = -1;
      do {
        const list = next.get(v)!;
        const w = list.shift()!;
        const dir = w - v; // ±1 along a row, ±W along a column
        if (dir !== prevDir) ring.push([v % W, Math.floor(v / W)]);
        prevDir = dir;
        v = w;
      } while (v !== start);
      // the start corner is dropped when the last edge runs on in the first edge's direction
      if (ring.length > 1) {
        const [x0, y0] = ring[0]!;
        const [x1, y1] = ring[1]!;
        const [xl, yl] = ring[ring.length - 1]!;
        if ((xl === x0 && x0 === x1) || (yl === y0 && y0 === y1)) ring.shift();
      }
      rings.push(ring);
    }
  }
  return rings;
}
