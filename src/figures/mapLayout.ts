// Measured placement for F1's furniture (legend, north arrow, scale bar) and district labels: every box is placed
// where it covers no drawn district and no other box. The districts are rasterised once onto a coarse occupancy
// grid (scan-line fill plus the outlines), so asking "is this box free?" costs a few hundred cell reads.

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const intersects = (a: Box, b: Box): boolean => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

/** Rough advance widths of the figure font: CJK full width, Latin and digits a bit over half. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/.test(ch) ? size : /[\s.,:;·]/.test(ch) ? size * 0.35 : size * 0.62;
  return w;
}

const CELL = 3;

/** Cells covered by any district (interior or outline), in map pixels. */
export class Occupancy {
  private readonly cols: number;
  private readonly rows: number;
  private readonly cells: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    polygons: number[][][][],
  ) {
    this.cols = Math.ceil(width / CELL) + 1;
    this.rows = Math.ceil(height / CELL) + 1;
    this.cells = new Uint8Array(this.cols * this.rows);
    for (const rings of polygons) this.fill(rings);
  }

  /** True if the box (in map pixels) touches no district; outside the map counts as free. */
  free(b: Box, pad = 2): boolean {
    const c0 = Math.max(0, Math.floor((b.x0 - pad) / CELL));
    const c1 = Math.min(this.cols - 1, Math.floor((b.x1 + pad) / CELL));
    const r0 = Math.max(0, Math.floor((b.y0 - pad) / CELL));
    const r1 = Math.min(this.rows - 1, Math.floor((b.y1 + pad) / CELL));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (this.cells[r * this.cols + c]) return false;
    return true;
  }

  private mark(x: number, y: number): void {
    const c = Math.floor(x / CELL);
    const r = Math.floor(y / CELL);
    if (c >= 0 && r >= 0 && c < this.cols && r < this.rows) this.cells[r * this.cols + c] = 1;
  }

  /** Even-odd scan-line fill at every cell row's centre, then the outlines sampled every half cell (thin parts). */
  private fill(rings: number[][][]): void {
    for (let r = 0; r < this.rows; r++) {
      const y = (r + 0.5) * CELL;
      const xs: number[] = [];
      for (const ring of rings) {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          const [xi, yi] = ring[i]!;
          const [xj, yj] = ring[j]!;
          if (yi! > y !== yj! > y) xs.push(xi! + ((y - yi!) * (xj! - xi!)) / (yj! - yi!));
        }
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        for (
          let c = Math.max(0, Math.floor(xs[k]! / CELL));
          c <= Math.min(this.cols - 1, Math.floor(xs[k + 1]! / CELL));
          c++
        )
          this.cells[r * this.cols + c] = 1;
      }
    }
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const [x0, y0] = ring[i - 1]!;
        const [x1, y1] = ring[i]!;
        const steps = Math.max(1, Math.ceil(Math.hypot(x1! - x0!, y1! - y0!) / (CELL / 2)));
        for (let s = 0; s <= steps; s++) this.mark(x0! + ((x1! - x0!) * s) / steps, y0! + ((y1! - y0!) * s) / steps);
      }
    }
  }
}

/** Where a piece of map furniture may go, in map pixels: the frame's corners and edge midpoints, inset by `inset`. */
export function framePositions(w: number, h: number, boxW: number, boxH: number, inset = 6): Box[] {
  const xs = [inset, (w - boxW) / 2, w - boxW - inset];
  const ys = [inset, (h - boxH) / 2, h - boxH - inset];
  const out: Box[] = [];
  // corners first (where readers look for a legend), then edge midpoints
  for (const [i, j] of [
    [0, 2],
    [2, 2],
    [2, 0],
    [0, 0],
    [1, 2],
    [2, 1],
    [0, 1],
    [1, 0],
  ] as const) {
    out.push({ x0: xs[i]!, y0: ys[j]!, x1: xs[i]! + boxW, y1: ys[j]! + boxH });
  }
  return out;
}

/** Slides a candidate box along the frame's edges in steps, for cities whose corners are all taken. */
export function edgePositions(w: number, h: number, boxW: number, boxH: number, inset = 6, step = 24): Box[] {
  const out: Box[] = [];
  for (let x = inset; x + boxW <= w - inset; x += step) {
    out.push(
      { x0: x, y0: h - boxH - inset, x1: x + boxW, y1: h - inset },
      { x0: x, y0: inset, x1: x + boxW, y1: inset + boxH },
    );
  }
  for (let y = inset; y + boxH <= h - inset; y += step) {
    out.push(
      { x0: inset, y0: y, x1: inset + boxW, y1: y + boxH },
      { x0: w - boxW - inset, y0: y, x1: w - inset, y1: y + boxH },
    );
  }
  return out;
}
