// 就高 (max) zoning on a generated grid: each scored site marks the cell it stands in, each hazard every cell its
// footprint reaches; cells take the highest level, same-level neighbours are dissolved into zones, and zones on the
// edge of the study area are clipped to it. Work grows with sites + footprint cells, not cells × sites.
import { intersection, union, type Geometry as ClipGeometry } from 'martinez-polygon-clipping';
import type { MultiPolygon, Polygon } from 'geojson';
import { LEVELS, type AssessedSite, type AssessedZone, type Level, type Zone, type ZoneContributor } from '../model';
import { toPlane } from '../geo/localPlane';
import { edgeToEdgeMeters } from '../geo/edgeToEdgeMeters';
import { LEVEL_RANK, LEVEL_ZH } from '../risk/levels';
import type { MethodProfile } from '../method/profile';
import { buildGrid, cellAt, cellCorners, planeToLonLat, type Grid, type GridSpec } from './gridGeometry';
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
export function zoneGrid(boundary: Zone[], spec: GridSpec, sites: AssessedSite[], aggregation: MethodProfile['aggregation'], onProgress?: (share: number) => void): GridZoning {
  const emptyZoneLevel = aggregation.emptyZoneLevel;
  const densityMode = aggregation.mode !== 'max';
  const grid = buildGrid(boundary.map((z) => z.geometry), spec);
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
    if (site.footprintM > 0 && !densityMode) forEachFootprintCell(grid, site, x, y, (cell, d) => d > 0 && mark(cell, i, d));
  });
  if (densityMode) levelByDensity(grid, codes, head, entries, scored, aggregation);
  const emptyCode = emptyZoneLevel === null ? NONE : LEVEL_RANK[emptyZoneLevel];
  let cellCount = 0;
  for (let c = 0; c < codes.length; c++) {
    if (!grid.inside[c]) continue;
    cellCount++;
    if (codes[c] === NONE) codes[c] = emptyCode;
  }
  onProgress?.(0.7);
  const components = dissolveCells(grid, codes);
  onProgress?.(0.85);
  const studyArea = boundaryUnion(boundary);
  // per component, each site once, at its closest (inside beats footprint): stamped arrays instead of maps
  const stamp = new Int32Array(scored.length).fill(-1);
  const bestDistance = new Float64Array(scored.length);
  const zones = components.flatMap((comp, k): AssessedZone[] => {
    const level = comp.value === NONE ? null : LEVELS[comp.value]!;
    const members: number[] = [];
    for (const cell of comp.cells) {
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
    list.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || b.score - a.score || (a.siteId < b.siteId ? -1 : 1));
    const top = list[0];
    const geometry = comp.touchesBoundary && studyArea ? clip(comp.polygon, studyArea) : comp.polygon;
    if (!geometry) return []; // cells crossed by the boundary whose part inside is too thin to survive clipping
    return [{
      id: `grid-${spec.shape}-${spec.cellM}-${String(k).padStart(6, '0')}`,
      name: `${level ? LEVEL_ZH[level] : '未定级'}网格区 ${k + 1}(${comp.cells.length} 格)`,
      geometry,
      level,
      score: top?.score ?? 0,
      mode: aggregation.mode,
      contributors: list,
      reason: densityMode
        ? `${aggregation.mode === 'index' ? '指数法' : '相对分级(相对排名,非绝对风险)'}:${comp.cells.length} 个 ${spec.cellM} m 网格,按格内风险点${aggregation.mode === 'index' ? '加权指数' : '密度'}定级 → ${level ? LEVEL_ZH[level] : '未定级'}`
        : top && top.level === level
        ? `就高:${comp.cells.length} 个 ${spec.cellM} m ${spec.shape === 'hex' ? '六边形' : '方形'}网格,最高为 ${top.siteId}(${top.how === 'inside' ? '位于格内' : '防护范围覆盖'})→ ${LEVEL_ZH[top.level]}`
        : `格内无已评分风险点 → ${level ? LEVEL_ZH[level] : '未定级'}`,
    }];
  });
  onProgress?.(1);
  return { grid, zones, cellCount };
}

/** Level each cell from the sites standing in it: weighted index or density rank (see zoneGrid). */
function levelByDensity(grid: Grid, codes: Int8Array, head: Int32Array, entries: GrowableEntries, scored: AssessedSite[], agg: MethodProfile['aggregation']): void {
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
function forEachFootprintCell(grid: Grid, site: AssessedSite, x: number, y: number, visit: (cell: number, distanceM: number) => void): void {
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
      const d = pointToCellMeters(grid, cell, x, y);
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
      out.push([cell, edgeToEdgeMeters({ type: 'Polygon', coordinates: [[...ring, ring[0]!]] }, site.geometry).meters]);
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
function pointToCellMeters(grid: Grid, cell: number, x: number, y: number): number {
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

// Clipping with martinez (plain floats): Turf's intersect works in arbitrary-precision arithmetic and took ~20 s
// on a 100 m grid of the whole city.
function boundaryUnion(boundary: Zone[]): ClipGeometry | null {
  let acc: ClipGeometry | null = null;
  for (const z of boundary) {
    const g = z.geometry.coordinates as ClipGeometry;
    acc = acc ? union(acc, g) : g;
  }
  return acc;
}

function clip(polygon: Polygon, area: ClipGeometry): Polygon | MultiPolygon | null {
  const out = intersection(polygon.coordinates as ClipGeometry, area);
  if (!out || out.length === 0) return null;
  // martinez returns Polygon (ring list) or MultiPolygon (polygon list): tell them apart by depth
  const isMulti = Array.isArray(out[0]?.[0]?.[0]);
  return isMulti ? { type: 'MultiPolygon', coordinates: out as unknown as MultiPolygon['coordinates'] } : { type: 'Polygon', coordinates: out as unknown as Polygon['coordinates'] };
}
