// 就高 (max) zoning on a generated grid: each scored site marks the cell it stands in, each hazard every cell its
// footprint reaches; cells take the highest level, same-level neighbours are dissolved into zones, and zones on the
// edge of the study area are clipped to it. Work grows with sites + footprint cells, not cells × sites.
import { ringCoversPoint } from '../geo/ringCoversPoint';
import type { MultiPolygon, Polygon } from 'geojson';
import { LEVELS, type AssessedSite, type AssessedZone, type Level, type Zone, type ZoneContributor } from '../model';
import { toPlane } from '../geo/localPlane';
import { edgeToEdge } from '../geo/edgeToEdge';
import { LEVEL_RANK, LEVEL_ZH, NO_LEVEL_NOTE_ZH, NO_LEVEL_ZH } from '../risk/levels';
import type { MethodProfile } from '../method/profile';
import type { GridSpec } from '../model';
import { buildGrid, cellAt, cellCorners, neighbours, planeToLonLat, type Grid } from './gridGeometry';
import { clipToConvex, planarArea } from '../geo/clipToConvex';
import { dissolveCells } from './dissolveCells';

const NONE = 4; // level codes 0..3 = red..blue; 4 = no level

export interface GridZoning {
  grid: Grid;
  zones: AssessedZone[];
  /** cells inside the study area */
  cellCount: number;
}

/**
 * `aggregation` picks the mode: max (就高, with footprints), index (Σ weights per km² of cell) or relative (sites per
 * km² of cell, ranked across non-empty cells). Cells on the study-area edge count their full area in the two density
 * modes (a slight underestimate of their density).
 */
export function zoneGrid(
  boundary: Zone[],
  spec: GridSpec,
  sites: AssessedSite[],
  aggregation: MethodProfile['aggregation'],
  onProgress?: (share: number) => void,
): GridZoning {
  const densityMode = aggregation.mode !== 'max';
  const grid = buildGrid(
    boundary.map((z) => z.geometry),
    spec,
  );
  const codes = new Int8Array(grid.inside.length).fill(NONE);
  const scored = sites.filter((s) => s.level !== null);
  // Per cell, a linked list of the contributors at the cell's current level, in typed arrays: a footprint may touch
  // hundreds of cells, and an object per (cell, site) pair would dominate time and memory.
  const head = new Int32Array(grid.inside.length).fill(-1);
  const entries = new GrowableEntries();
  const mark = (cell: number, site: number, distanceM: number): void => {
    if (cell < 0 || !grid.inside[cell]) return;
    const code = LEVEL_RANK[scored[site]!.level!];
    const current = codes[cell]!;
    if (code > current && !densityMode) return;
    if (code < current && !densityMode) {
      codes[cell] = code;
      head[cell] = -1; // lower-level contributors no longer explain this cell
    }
    head[cell] = entries.push(site, distanceM, head[cell]!);
  };
  scored.forEach((site, i) => {
    if (onProgress && i % 10_000 === 0) onProgress((0.6 * i) / scored.length);
    const [x, y] = toPlane(grid.plane, site.lon, site.lat);
    if (site.geometry.type === 'Point') mark(cellAt(grid, x, y), i, 0);
    else for (const cell of cellsNear(grid, site, 0)) mark(cell, i, 0);
    if (site.footprintM > 0 && !densityMode)
      forEachFootprintCell(grid, site, x, y, (cell, d) => d > 0 && mark(cell, i, d));
  });
  if (densityMode) levelByDensity(grid, codes, head, entries, scored, aggregation);
  let cellCount = 0;
  for (let c = 0; c < codes.length; c++) if (grid.inside[c]) cellCount++;
  onProgress?.(0.7);
  // Cells a boundary edge passes through are clipped to the study area one by one (Sutherland–Hodgman against the
  // convex cell): those the boundary polygons cover fully (shared district borders) stay whole, the rest become
  // clipped pieces attached to a same-level neighbour zone. No boolean operation on whole polygons is needed.
  const partial = new Uint8Array(codes.length);
  const pieces = new Map<number, Polygon['coordinates'][]>();
  for (let c = 0; c < codes.length; c++) {
    if (!grid.onEdge[c] || !grid.inside[c]) continue;
    const clipped = clipCell(grid, c);
    if (clipped === 'full') continue;
    partial[c] = 1;
    if (clipped.length) pieces.set(c, clipped);
  }
  const { components, label } = dissolveCells(grid, codes, partial);
  onProgress?.(0.85);
  const extra = components.map((): Polygon['coordinates'][] => []);
  const extraCells = components.map((): number[] => []);
  // An edge cell joins the zone of a same-level neighbour; chains of edge cells (e.g. a corner) join through each other.
  const home = new Int32Array(codes.length).fill(-1);
  for (let changed = true; changed; ) {
    changed = false;
    for (const cell of pieces.keys()) {
      if (home[cell] !== -1) continue;
      for (const n of neighbours(grid, cell)) {
        if (n === -1 || codes[n] !== codes[cell]) continue;
        const h = label[n]! >= 0 ? label[n]! : home[n]!;
        if (h >= 0) {
          home[cell] = h;
          changed = true;
          break;
        }
      }
    }
  }
  const loose: { cell: number; polygons: Polygon['coordinates'][] }[] = [];
  for (const [cell, polys] of pieces) {
    if (home[cell] === -1) loose.push({ cell, polygons: polys });
    else {
      extra[home[cell]!]!.push(...polys); // spread-ok: the pieces of one clipped cell
      extraCells[home[cell]!]!.push(cell);
    }
  }
  const groups = [
    ...components.map((comp, k) => ({
      value: comp.value,
      cells: [...comp.cells, ...extraCells[k]!],
      polygons: [comp.polygon.coordinates, ...extra[k]!],
    })),
    ...loose.map((l) => ({ value: codes[l.cell]!, cells: [l.cell], polygons: l.polygons })),
  ];
  // per zone, each site once, at its closest (inside beats footprint): stamped arrays instead of maps
  const stamp = new Int32Array(scored.length).fill(-1);
  const bestDistance = new Float64Array(scored.length);
  const zones = groups.map((group, k): AssessedZone => {
    const level = group.value === NONE ? null : LEVELS[group.value]!;
    const members: number[] = [];
    for (const cell of group.cells) {
      for (let e = head[cell]!; e !== -1; e = entries.next[e]!) {
        const site = entries.site[e]!;
        const d = entries.distance[e]!;
        if (stamp[site] !== k) {
          stamp[site] = k;
          bestDistance[site] = d;
          members.push(site);
        } else if (d < bestDistance[site]!) bestDistance[site] = d;
      }
    }
    const list: ZoneContributor[] = members.map((i) => {
      const s = scored[i]!;
      const d = bestDistance[i]!;
      return { siteId: s.id, level: s.level!, score: s.score!, how: d === 0 ? 'inside' : 'footprint', distanceM: d };
    });
    list.sort(
      (a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.score - a.score || (a.siteId < b.siteId ? -1 : 1),
    );
    const top = list[0];
    const geometry: Polygon | MultiPolygon =
      group.polygons.length === 1
        ? { type: 'Polygon', coordinates: group.polygons[0]! }
        : { type: 'MultiPolygon', coordinates: group.polygons };
    return {
      id: `grid-${spec.shape}-${spec.cellM}-${String(k).padStart(6, '0')}`,
      name: `${level ? LEVEL_ZH[level] : NO_LEVEL_ZH}网格区 ${k + 1}(${group.cells.length} 格)`,
      geometry,
      level,
      score: top?.score ?? 0,
      mode: aggregation.mode,
      contributors: list,
      reason:
        level === null
          ? `格内${NO_LEVEL_NOTE_ZH} → ${NO_LEVEL_ZH}`
          : densityMode
            ? `${aggregation.mode === 'index' ? '指数法' : '相对分级(相对排名,非绝对风险)'}:${group.cells.length} 个 ${spec.cellM} m 网格,按格内风险点${aggregation.mode === 'index' ? '加权指数' : '密度'}定级 → ${level ? LEVEL_ZH[level] : NO_LEVEL_ZH}`
            : top && top.level === level
              ? `就高:${group.cells.length} 个 ${spec.cellM} m ${spec.shape === 'hex' ? '六边形' : '方形'}网格,最高为 ${top.siteId}(${top.how === 'inside' ? '位于格内' : '防护范围覆盖'})→ ${LEVEL_ZH[top.level]}`
              : `就高:${group.cells.length} 个网格 → ${LEVEL_ZH[level]}`,
    };
  });
  onProgress?.(1);
  return { grid, zones, cellCount };
}

/** Level each cell from the sites standing in it: weighted index or density rank (see zoneGrid). */
function levelByDensity(
  grid: Grid,
  codes: Int8Array,
  head: Int32Array,
  entries: GrowableEntries,
  scored: AssessedSite[],
  agg: MethodProfile['aggregation'],
): void {
  const cellKm2 = (grid.shape === 'square' ? grid.cellM ** 2 : (Math.sqrt(3) / 2) * grid.cellM ** 2) / 1e6;
  const values: number[] = [];
  const cells: number[] = [];
  for (let c = 0; c < head.length; c++) {
    if (head[c] === -1) continue;
    let weight = 0;
    let count = 0;
    for (let e = head[c]!; e !== -1; e = entries.next[e]!) {
      count++;
      weight += agg.index.weights[scored[entries.site[e]!]!.level!];
    }
    cells.push(c);
    values.push(agg.mode === 'index' ? weight / cellKm2 : count / cellKm2);
  }
  const ranked = [...values].sort((a, b) => b - a);
  cells.forEach((c, i) => {
    const v = values[i]!;
    let level: Level;
    if (agg.mode === 'index') level = agg.index.thresholds.find((t) => v >= t.atLeast)!.level;
    else {
      // top share t: fewer than t·N cells are denser (binary search in the descending list)
      let lo = 0;
      let hi = ranked.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ranked[mid]! > v) lo = mid + 1;
        else hi = mid;
      }
      const above = lo / ranked.length;
      level = (agg.relative.quantiles.find((q) => above < q.top) ?? agg.relative.quantiles[3]!).level;
    }
    codes[c] = LEVEL_RANK[level];
  });
}

/** Append-only (site, distance, next) entries in typed arrays that double as they fill. */
class GrowableEntries {
  site = new Int32Array(1024);
  distance = new Float64Array(1024);
  next = new Int32Array(1024);
  length = 0;
  push(site: number, distance: number, next: number): number {
    if (this.length === this.site.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.site = grow(this.site);
      this.distance = grow(this.distance);
      this.next = grow(this.next);
    }
    this.site[this.length] = site;
    this.distance[this.length] = distance;
    this.next[this.length] = next;
    return this.length++;
  }
}

/** Cells a site's geometry overlaps (for area and line sites). */
function cellsNear(grid: Grid, site: AssessedSite, reachM: number): number[] {
  const out: number[] = [];
  for (const [cell, d] of cellsWithin(grid, site, reachM)) if (d <= reachM) out.push(cell);
  return out;
}

/** Every cell within a hazard's footprint, with the distance from the site to the cell. */
function forEachFootprintCell(
  grid: Grid,
  site: AssessedSite,
  x: number,
  y: number,
  visit: (cell: number, distanceM: number) => void,
): void {
  const r = site.footprintM;
  if (site.geometry.type !== 'Point') {
    for (const [cell, d] of cellsWithin(grid, site, r)) if (d <= r) visit(cell, d);
    return;
  }
  if (grid.shape === 'square') {
    // rows and columns in reach, distance to each cell rectangle by arithmetic
    const w = grid.cellM;
    const c0 = Math.max(0, Math.floor((x - r - grid.x0) / w));
    const c1 = Math.min(grid.cols - 1, Math.floor((x + r - grid.x0) / w));
    const r0 = Math.max(0, Math.floor((y - r - grid.y0) / w));
    const r1 = Math.min(grid.rows - 1, Math.floor((y + r - grid.y0) / w));
    for (let row = r0; row <= r1; row++) {
      const ya = grid.y0 + row * w;
      const dy = Math.max(ya - y, 0, y - ya - w);
      for (let col = c0; col <= c1; col++) {
        const xa = grid.x0 + col * w;
        const dx = Math.max(xa - x, 0, x - xa - w);
        const d2 = dx * dx + dy * dy;
        if (d2 <= r * r) visit(row * grid.cols + col, Math.sqrt(d2));
      }
    }
    return;
  }
  // hexagons: sample at half-cell steps so no staggered cell in reach is skipped; each cell visited once
  const seen = new Set<number>();
  const pad = grid.cellM;
  for (let yy = y - r - pad; yy <= y + r + pad; yy += grid.cellM / 2) {
    for (let xx = x - r - pad; xx <= x + r + pad; xx += grid.cellM / 2) {
      const cell = cellAt(grid, xx, yy);
      if (cell < 0 || seen.has(cell)) continue;
      seen.add(cell);
      const d = pointToCellM(grid, cell, x, y);
      if (d <= r) visit(cell, d);
    }
  }
}

/** Exact-geometry distance to every cell in reach (for non-point sites; rare, so measured with the full method). */
function cellsWithin(grid: Grid, site: AssessedSite, reachM: number): [number, number][] {
  const out: [number, number][] = [];
  const [x, y] = toPlane(grid.plane, site.lon, site.lat);
  const extent = reachM + grid.cellM + siteRadiusM(grid, site, x, y);
  for (let yy = y - extent; yy <= y + extent; yy += grid.cellM / 2) {
    for (let xx = x - extent; xx <= x + extent; xx += grid.cellM / 2) {
      const cell = cellAt(grid, xx, yy);
      if (cell < 0 || out.some(([c]) => c === cell)) continue;
      const ring = cellCorners(grid, cell).map((p) => planeToLonLat(grid, p));
      out.push([cell, edgeToEdge({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] }, site.geometry).distanceM]);
    }
  }
  return out;
}

function siteRadiusM(grid: Grid, site: AssessedSite, x: number, y: number): number {
  let r = 0;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [px, py] = toPlane(grid.plane, c[0] as number, c[1] as number);
      r = Math.max(r, Math.hypot(px - x, py - y));
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  visit((site.geometry as { coordinates?: unknown }).coordinates);
  return r;
}

/** Planar distance from a point to a cell polygon (0 inside): the grid plane is metric to < 0.01 % over a city. */
function pointToCellM(grid: Grid, cell: number, x: number, y: number): number {
  const corners = cellCorners(grid, cell);
  let inside = true;
  let best = Infinity;
  for (let i = 0; i < corners.length; i++) {
    const [ax, ay] = corners[i]!;
    const [bx, by] = corners[(i + 1) % corners.length]!;
    if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) < 0) inside = false;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(x - (ax + t * dx), y - (ay + t * dy)));
  }
  return inside ? 0 : best;
}

/** A cell on a boundary edge: 'full' when the boundary polygons cover it, else its pieces inside them (lon/lat). */
function clipCell(grid: Grid, cell: number): 'full' | Polygon['coordinates'][] {
  const convex = cellCorners(grid, cell);
  const cellArea = planarArea(convex);
  const xs = convex.map((p) => p[0]);
  const ys = convex.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)]; // spread-ok: a cell's 4 or 6 corners
  let covered = 0;
  const out: Polygon['coordinates'][] = [];
  for (const rings of grid.polygons) {
    const outer = rings[0]!;
    if (
      !outer.some(([x, y]) => x >= minX && x <= maxX && y >= minY && y <= maxY) &&
      !ringCoversPoint(outer, (minX + maxX) / 2, (minY + maxY) / 2) &&
      !crossesBox(outer, minX, minY, maxX, maxY)
    )
      continue;
    const piece = clipToConvex(outer.slice(0, -1), convex);
    let area = piece.length >= 3 ? Math.abs(planarArea(piece)) : 0;
    // a hole's part in this cell stays a hole of the piece (the area already left it out; the drawing must too)
    const holes: [number, number][][] = [];
    for (const hole of rings.slice(1)) {
      const h = clipToConvex(hole.slice(0, -1), convex);
      if (h.length < 3) continue;
      area -= Math.abs(planarArea(h));
      holes.push(h);
    }
    if (area <= cellArea * 1e-9) continue;
    covered += area;
    const ring = (r: [number, number][]) => [...r, r[0]!].map((p) => planeToLonLat(grid, p));
    out.push([ring(piece), ...holes.map(ring)]);
  }
  return covered >= cellArea * 0.999 ? 'full' : out;
}

/** Does any edge of the ring cross the box (a cheap test, so only nearby polygons are clipped)? */
function crossesBox(ring: [number, number][], minX: number, minY: number, maxX: number, maxY: number): boolean {
  for (let i = 1; i < ring.length; i++) {
    const [ax, ay] = ring[i - 1]!;
    const [bx, by] = ring[i]!;
    if (Math.max(ax, bx) >= minX && Math.min(ax, bx) <= maxX && Math.max(ay, by) >= minY && Math.min(ay, by) <= maxY)
      return true;
  }
  return false;
}
