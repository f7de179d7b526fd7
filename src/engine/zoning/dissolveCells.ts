// Dissolve grid cells of the same level into clean polygons: label 4/6-connected components, keep the cell edges
// whose neighbour differs, and chain them into rings (exact on cell edges: no interpolation, no polygon unions).
import type { Polygon } from 'geojson';
import { cellCorners, neighbours, planeToLonLat, type Grid } from './gridGeometry';
import { signedArea } from '../geo/signedArea';

export interface CellComponent {
  /** the level value shared by its cells */
  value: number;
  cells: number[];
  /** outer ring first, then holes; lon/lat, closed */
  polygon: Polygon;
}

export interface Dissolved {
  components: CellComponent[];
  /** component index of each cell, -1 for cells outside or excluded */
  label: Int32Array;
}

/**
 * `values[cell]` is the level code of each inside cell (cells outside the study area, or flagged in `exclude`, are
 * left out). Returns one component per connected run of equal values.
 */
export function dissolveCells(grid: Grid, values: Int8Array, exclude?: Uint8Array): Dissolved {
  const label = new Int32Array(values.length).fill(-1);
  const usable = (c: number) => grid.inside[c] === 1 && !exclude?.[c];
  const components: CellComponent[] = [];
  const stack: number[] = [];
  for (let start = 0; start < values.length; start++) {
    if (!usable(start) || label[start] !== -1) continue;
    const id = components.length;
    const value = values[start]!;
    const cells: number[] = [];
    label[start] = id;
    stack.push(start);
    while (stack.length) {
      const c = stack.pop()!;
      cells.push(c);
      for (const n of neighbours(grid, c)) {
        if (n === -1 || !usable(n)) continue;
        if (label[n] === -1 && values[n] === value) {
          label[n] = id;
          stack.push(n);
        }
      }
    }
    components.push({ value, cells, polygon: tracePolygon(grid, cells, label, id) });
  }
  return { components, label };
}

/** Boundary edges of a component (cell sides whose neighbour is not in it), chained into rings. */
function tracePolygon(grid: Grid, cells: number[], label: Int32Array, id: number): Polygon {
  const next = new Map<string, { to: string; at: [number, number] }[]>();
  const key = (p: [number, number]) => `${p[0].toFixed(3)},${p[1].toFixed(3)}`;
  for (const c of cells) {
    const corners = cellCorners(grid, c);
    const ns = neighbours(grid, c);
    for (let k = 0; k < corners.length; k++) {
      // side k runs corner k → k+1 (counter-clockwise); its neighbour across it is ns[sideNeighbour(k)]
      const n = ns[sideNeighbour(grid, k)]!;
      if (n !== -1 && label[n] === id) continue;
      const a = corners[k]!;
      const b = corners[(k + 1) % corners.length]!;
      const list = next.get(key(a)) ?? [];
      list.push({ to: key(b), at: b });
      next.set(key(a), list);
    }
  }
  const rings: [number, number][][] = [];
  for (const [startKey, outs] of next) {
    while (outs.length) {
      const first = outs.pop()!;
      const ring: [number, number][] = [parseKey(startKey), first.at];
      let prev = parseKey(startKey);
      let here = first;
      while (here.to !== startKey) {
        const options = next.get(here.to)!;
        // at a pinch (two cells touching only at a corner) take the leftmost turn: components stay 4-connected
        const i =
          options.length === 1
            ? 0
            : leftmost(
                prev,
                here.at,
                options.map((o) => o.at),
              );
        const step = options.splice(i, 1)[0]!;
        prev = here.at;
        ring.push(step.at);
        here = step;
      }
      rings.push(withoutCollinear(ring));
    }
  }
  // the outer ring encloses the largest area; the rest are holes
  rings.sort((a, b) => Math.abs(signedArea(b)) - Math.abs(signedArea(a)));
  return { type: 'Polygon', coordinates: rings.map((r) => r.map((p) => planeToLonLat(grid, p))) };
}

/** Which entry of `neighbours()` lies across side k of `cellCorners()`. */
function sideNeighbour(grid: Grid, k: number): number {
  // square corners start bottom-left: sides bottom, right, top, left ↔ neighbours [right, up, left, down] = [0,1,2,3]
  if (grid.shape === 'square') return [3, 0, 1, 2][k]!;
  // hex corners start at -30°: side k faces direction 60k°, neighbours listed E, NE, NW, W, SW, SE
  return [0, 1, 2, 3, 4, 5][k]!;
}

function parseKey(k: string): [number, number] {
  const [x, y] = k.split(',').map(Number);
  return [x!, y!];
}

function leftmost(prev: [number, number], at: [number, number], options: [number, number][]): number {
  const heading = Math.atan2(at[1] - prev[1], at[0] - prev[0]);
  let best = 0;
  let bestTurn = -Infinity;
  options.forEach((o, i) => {
    let turn = Math.atan2(o[1] - at[1], o[0] - at[0]) - heading;
    while (turn <= -Math.PI) turn += 2 * Math.PI;
    while (turn > Math.PI) turn -= 2 * Math.PI;
    if (turn > bestTurn) {
      bestTurn = turn;
      best = i;
    }
  });
  return best;
}

/** Drop vertices in the middle of straight runs (a square grid's staircase has one at every cell corner). */
function withoutCollinear(ring: [number, number][]): [number, number][] {
  const open = ring.slice(0, -1);
  const kept = open.filter((p, i) => {
    const a = open[(i - 1 + open.length) % open.length]!;
    const b = open[(i + 1) % open.length]!;
    return (
      Math.abs((p[0] - a[0]) * (b[1] - p[1]) - (p[1] - a[1]) * (b[0] - p[0])) >
      1e-9 * (Math.abs(p[0]) + Math.abs(p[1]) + 1)
    );
  });
  return [...kept, kept[0]!];
}
