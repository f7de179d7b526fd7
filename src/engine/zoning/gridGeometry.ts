// Regular grids (square or pointy-top hexagon) laid in a local metric plane over the study area.
// Cells are numbered row-major; a point finds its cell arithmetically, so zoning never searches polygons per cell.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf } from '../geo/bbox';
import { fromPlane, localPlane, toPlane, type LocalPlane } from '../geo/localPlane';
import type { GridSpec } from '../model';

export interface Grid extends GridSpec {
  plane: LocalPlane;
  /** plane coordinates of cell (row 0, col 0)'s reference point */
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  /** 1 where the cell's centre lies in the study boundary or the boundary passes through the cell */
  inside: Uint8Array;
  /** 1 where a boundary edge passes through the cell (it may be only partly inside) */
  onEdge: Uint8Array;
  /** the boundary's rings in plane coordinates: [outer, ...holes] per polygon */
  polygons: [number, number][][][];
}

const SQRT3 = Math.sqrt(3);

/** Lay a grid over the boundary polygons; cells inside them or crossed by them are the zoning units. */
export function buildGrid(boundary: (Polygon | MultiPolygon)[], spec: GridSpec): Grid {
  if (!(spec.cellM > 0)) throw new RangeError(`cell size ${spec.cellM} m: expected a positive number of metres`);
  const box = boundary
    .map((g) => bboxOf(g))
    .reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
  const plane = localPlane((box[0] + box[2]) / 2, (box[1] + box[3]) / 2);
  const [minX, minY] = toPlane(plane, box[0], box[1]);
  const [maxX, maxY] = toPlane(plane, box[2], box[3]);
  const dx = spec.cellM; // column spacing
  const dy = spec.shape === 'square' ? spec.cellM : (spec.cellM * SQRT3) / 2; // row spacing
  // start half a cell outside the extent: grid lines then never run along the boundary's extreme edges, which
  // would leave the clipper with coincident edges
  const x0 = minX - dx / 2;
  const y0 = minY - dy / 2;
  const cols = Math.ceil((maxX - x0) / dx) + 1;
  const rows = Math.ceil((maxY - y0) / dy) + 1;
  if (cols * rows > 5_000_000)
    throw new RangeError(`${cols} × ${rows} cells is more than 5 000 000: choose a larger cell size`);
  const polygons = boundary
    .flatMap((geom) => (geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates))
    .map((rings) => rings.map((ring) => ring.map((c) => toPlane(plane, c[0]!, c[1]!))));
  const grid: Grid = {
    ...spec,
    plane,
    x0,
    y0,
    cols,
    rows,
    inside: new Uint8Array(cols * rows),
    onEdge: new Uint8Array(cols * rows),
    polygons,
  };
  markInside(grid);
  return grid;
}

/** Plane coordinates of a cell's centre. */
export function cellCentre(g: Grid, cell: number): [number, number] {
  const row = Math.floor(cell / g.cols);
  const col = cell - row * g.cols;
  if (g.shape === 'square') return [g.x0 + (col + 0.5) * g.cellM, g.y0 + (row + 0.5) * g.cellM];
  return [g.x0 + (col + (row & 1) * 0.5) * g.cellM, g.y0 + (row * g.cellM * SQRT3) / 2];
}

/** The cell containing plane point (x, y), or -1 outside the grid. */
export function cellAt(g: Grid, x: number, y: number): number {
  let row: number;
  let col: number;
  if (g.shape === 'square') {
    col = Math.floor((x - g.x0) / g.cellM);
    row = Math.floor((y - g.y0) / g.cellM);
  } else {
    // axial coordinates of a pointy-top hex grid with circumradius R = w/√3, rounded in cube space
    const r = g.cellM / SQRT3;
    const px = x - g.x0;
    const py = y - g.y0;
    const fr = py / (1.5 * r);
    const fq = px / (SQRT3 * r) - fr / 2;
    let q = Math.round(fq);
    let rr = Math.round(fr);
    const s = Math.round(-fq - fr);
    const dq = Math.abs(q - fq);
    const dr = Math.abs(rr - fr);
    const ds = Math.abs(s - (-fq - fr));
    if (dq > dr && dq > ds) q = -rr - s;
    else if (dr > ds) rr = -q - s;
    row = rr;
    col = q + (rr - (rr & 1)) / 2; // "odd-r" offset: odd rows sit half a cell to the right
  }
  if (col < 0 || row < 0 || col >= g.cols || row >= g.rows) return -1;
  return row * g.cols + col;
}

/** Corners of a cell in the plane, counter-clockwise. */
export function cellCorners(g: Grid, cell: number): [number, number][] {
  const [cx, cy] = cellCentre(g, cell);
  if (g.shape === 'square') {
    const h = g.cellM / 2;
    return [
      [cx - h, cy - h],
      [cx + h, cy - h],
      [cx + h, cy + h],
      [cx - h, cy + h],
    ];
  }
  const r = g.cellM / SQRT3;
  return Array.from({ length: 6 }, (_, k) => {
    const a = (Math.PI / 180) * (60 * k - 30);
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as [number, number];
  });
}

/** The neighbours of a cell that share an edge with it (4 for squares, 6 for hexagons), -1 off the grid. */
export function neighbours(g: Grid, cell: number): number[] {
  const row = Math.floor(cell / g.cols);
  const col = cell - row * g.cols;
  const at = (r: number, c: number) => (r < 0 || c < 0 || r >= g.rows || c >= g.cols ? -1 : r * g.cols + c);
  if (g.shape === 'square') return [at(row, col + 1), at(row + 1, col), at(row, col - 1), at(row - 1, col)];
  const odd = row & 1;
  return [
    at(row, col + 1),
    at(row + 1, col + odd),
    at(row + 1, col - 1 + odd),
    at(row, col - 1),
    at(row - 1, col - 1 + odd),
    at(row - 1, col + odd),
  ];
}

export function planeToLonLat(g: Grid, p: [number, number]): Position {
  return fromPlane(g.plane, p[0], p[1]);
}

/** Scanline fill: for every row, the boundary's crossings of the row of cell centres give the inside spans. */
function markInside(g: Grid): void {
  const rings = g.polygons.flat();
  const xs: number[] = [];
  for (let row = 0; row < g.rows; row++) {
    const [, y] = cellCentre(g, row * g.cols);
    const shift = g.shape === 'hex' && row & 1 ? 0.5 : g.shape === 'square' ? 0.5 : 0;
    xs.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil((xs[k]! - g.x0) / g.cellM - shift));
      const to = Math.min(g.cols - 1, Math.floor((xs[k + 1]! - g.x0) / g.cellM - shift));
      for (let col = from; col <= to; col++) g.inside[row * g.cols + col] = 1;
    }
  }
  // cells the boundary passes through belong to the study area too (their outer part is clipped away later)
  const step = g.cellM / 4;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1]!;
      const [bx, by] = ring[i]!;
      const n = Math.max(1, Math.ceil(Math.hypot(bx - ax, by - ay) / step));
      for (let k = 0; k <= n; k++) {
        const cell = cellAt(g, ax + ((bx - ax) * k) / n, ay + ((by - ay) * k) / n);
        if (cell >= 0) g.inside[cell] = g.onEdge[cell] = 1;
      }
    }
  }
}
