// The tile worker's view of an assessment: a point index of the sites and a box index of the findings, in world
// units, answering one tile at a time. Street-scale tiles carry every site and finding with the properties the map's
// layer filters read (the same as the GeoJSON path's, src/map/mapData.ts); city-scale tiles carry counts per level.
import Flatbush from 'flatbush';
import { siteMatcher, type MapFilters, type SiteFacts } from '../state/mapFilters';
import { isReachCategory, LEVELS_AND_UNSCORED, type Role } from '../engine';
import { COUNTS_LAYER, FINDINGS_LAYER, SITES_LAYER } from './layerNames';
import { encodeTile, type TileFeature, type TileProperties } from './encodeTile';
import type { SiteTable } from './siteTable';
import { textAt, valueAt } from './stringColumn';
import { EXTENT, tileBox, tileUnit, worldX, worldY, type TileId } from './tileGrid';

/** Count cells per tile side: 16 cells of 32 px on a 512 px tile. */
const CELLS = 16;
const CELL = EXTENT / CELLS;

export interface CountFilter {
  filters: MapFilters;
  /** roles whose layers are shown */
  roles: Role[];
}

export class SiteTiles {
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly sites: Flatbush | null;
  private readonly findings: Flatbush | null;
  /** 1 = either side of a 不符合 or 临界 finding */
  private readonly flagged: Uint8Array;
  /** each finding's hazard as a site index, -1 if none */
  private readonly hazardAt: Int32Array;
  /** the level's rank, unscored to red (ties between count circles go to the graver level), per level code */
  private readonly levelRank: Int32Array;
  /**
   * Each site's kind: its role and every fact a filter reads, numbered. A city has a few hundred kinds, so a filter is
   * decided once per kind (by the lists' own predicate) rather than once per site: 1 000 000 sites in a city-scale
   * tile took 0.7 s one by one.
   */
  private readonly kindOf: Uint32Array;
  /** a site of each kind, to read the kind's facts from */
  private readonly kindSample: number[] = [];

  constructor(private readonly t: SiteTable) {
    const n = t.lon.length;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.sites = n > 0 ? new Flatbush(n) : null;
    for (let i = 0; i < n; i++) {
      const x = (this.x[i] = worldX(t.lon[i]!));
      const y = (this.y[i] = worldY(t.lat[i]!));
      this.sites!.add(x, y, x, y);
    }
    this.sites?.finish();
    const f = t.findings;
    const m = f.status.codes.length;
    this.flagged = new Uint8Array(n);
    this.hazardAt = f.hazardAt;
    this.findings = m > 0 ? new Flatbush(m) : null;
    for (let i = 0; i < m; i++) {
      const hazard = f.hazardAt[i]!;
      if (valueAt(f.status, i) !== 'not_assessed') {
        if (hazard >= 0) this.flagged[hazard] = 1;
        const target = f.targetAt[i]!;
        if (target >= 0) this.flagged[target] = 1;
      }
      const x0 = worldX(f.line[4 * i]!),
        y0 = worldY(f.line[4 * i + 1]!),
        x1 = worldX(f.line[4 * i + 2]!),
        y1 = worldY(f.line[4 * i + 3]!);
      this.findings!.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
    }
    this.findings?.finish();
    this.levelRank = Int32Array.from(t.level.values, (l) => drawOrder(l));
    this.kindOf = new Uint32Array(n);
    const kinds = new Map<number, number>();
    const [roles, domains, districts, categories] = [
      t.role.values.length,
      t.domain.values.length,
      t.district.values.length,
      t.category.values.length,
    ];
    for (let i = 0; i < n; i++) {
      // distinct values per column are few (levels 5, roles 3, the rest tens to thousands): the key stays an exact integer
      const key =
        ((((t.level.codes[i]! * roles + t.role.codes[i]!) * 2 + this.flagged[i]!) * domains + t.domain.codes[i]!) *
          districts +
          t.district.codes[i]!) *
          categories +
        t.category.codes[i]!;
      let kind = kinds.get(key);
      if (kind === undefined) {
        kind = this.kindSample.length;
        kinds.set(key, kind);
        this.kindSample.push(i);
      }
      this.kindOf[i] = kind;
    }
  }

  get siteCount(): number {
    return this.x.length;
  }

  /** The facts a filter reads about site i (src/state/mapFilters), written into `into`. */
  private factsOf(i: number, into: SiteFacts): SiteFacts {
    const t = this.t;
    into.level = valueAt(t.level, i) as SiteFacts['level'];
    into.domain = valueAt(t.domain, i);
    into.district = valueAt(t.district, i);
    into.category = valueAt(t.category, i);
    into.flagged = this.flagged[i] === 1;
    return into;
  }

  private properties(i: number): TileProperties {
    const t = this.t;
    const facts = this.factsOf(i, { level: 'unscored', domain: '', district: '', category: '', flagged: false });
    return { siteId: textAt(t.ids, i), role: valueAt(t.role, i), ...facts, area: t.area[i] === 1 };
  }

  /** Indexes of the sites whose point falls in the tile (each site in exactly one tile of a zoom). */
  private sitesIn(id: TileId): number[] {
    if (!this.sites) return [];
    const [x0, y0, x1, y1] = tileBox(id);
    const pad = 1 / (2 ** id.z * EXTENT); // a tile unit: rounding at the edges is settled by tileUnit below
    return this.sites.search(
      x0 - pad,
      y0 - pad,
      x1 + pad,
      y1 + pad,
      (i) => inside(tileUnit(this.x[i]!, id.z, id.x)) && inside(tileUnit(this.y[i]!, id.z, id.y)),
    );
  }

  /** Street scale: every site (a point with its facts, id = its index in the assessment) and every finding line. */
  siteTile(id: TileId): Uint8Array {
    const sites: TileFeature[] = this.sitesIn(id).map((i) => ({
      type: 1,
      id: i,
      geometry: [[tileUnit(this.x[i]!, id.z, id.x), tileUnit(this.y[i]!, id.z, id.y)]],
      tags: this.properties(i),
    }));
    const lines: TileFeature[] = [];
    if (this.findings) {
      const [x0, y0, x1, y1] = tileBox(id);
      const f = this.t.findings;
      // a line crossing tile edges goes into each tile it touches, unclipped: MapLibre clips lines to their tile
      for (const i of this.findings.search(x0, y0, x1, y1)) {
        const hazard = this.hazardAt[i]!;
        const from: [number, number] = [
          tileUnit(worldX(f.line[4 * i]!), id.z, id.x),
          tileUnit(worldY(f.line[4 * i + 1]!), id.z, id.y),
        ];
        const to: [number, number] = [
          tileUnit(worldX(f.line[4 * i + 2]!), id.z, id.x),
          tileUnit(worldY(f.line[4 * i + 3]!), id.z, id.y),
        ];
        const facts =
          hazard >= 0
            ? this.factsOf(hazard, { level: 'unscored', domain: '', district: '', category: '', flagged: false })
            : {};
        lines.push({
          type: 2,
          id: i,
          geometry: [[from, to]],
          tags: { index: i, status: valueAt(f.status, i), ...facts },
        });
      }
    }
    return encodeTile({ [SITES_LAYER]: sites, [FINDINGS_LAYER]: lines });
  }

  /**
   * City scale: the sites the filters and role toggles leave, counted per level in cells of CELL tile units. A cell's
   * counts are nested circles at the mean position of its counted sites, written largest first so each smaller one is
   * drawn on top of it and every level present shows (as a ring or a disc). Each feature has `level`, `count` and the cell's `total`.
   */
  countTile(id: TileId, { filters, roles }: CountFilter): Uint8Array {
    const counted = this.countedKinds(filters, roles);
    const ranks = LEVELS_AND_UNSCORED.length;
    const count = new Uint32Array(CELLS * CELLS * ranks);
    const inCell = new Uint32Array(CELLS * CELLS);
    const sumX = new Float64Array(CELLS * CELLS),
      sumY = new Float64Array(CELLS * CELLS);
    for (const i of this.sitesIn(id)) {
      if (counted[this.kindOf[i]!] === 0) continue;
      const px = tileUnit(this.x[i]!, id.z, id.x),
        py = tileUnit(this.y[i]!, id.z, id.y);
      const cell = ((py / CELL) | 0) * CELLS + ((px / CELL) | 0);
      count[cell * ranks + this.levelRank[this.t.level.codes[i]!]!]!++;
      inCell[cell]!++;
      sumX[cell]! += px;
      sumY[cell]! += py;
    }
    const features: TileFeature[] = [];
    for (let cell = 0; cell < inCell.length; cell++) {
      const n = inCell[cell]!;
      if (n === 0) continue;
      const at: [number, number] = [Math.round(sumX[cell]! / n), Math.round(sumY[cell]! / n)];
      const levels: { rank: number; count: number }[] = [];
      for (let rank = 0; rank < ranks; rank++)
        if (count[cell * ranks + rank]! > 0) levels.push({ rank, count: count[cell * ranks + rank]! });
      // largest first; of equal counts the graver level last, on top
      levels.sort((a, b) => b.count - a.count || a.rank - b.rank);
      // `total`: the cell's sites, so the style can size the cell by its total and each level's disc by its share
      for (const { rank, count: c } of levels)
        features.push({ type: 1, geometry: [at], tags: { level: DRAW_ORDER[rank]!, count: c, total: n } });
    }
    return encodeTile({ [COUNTS_LAYER]: features });
  }

  /** 1 for each kind of risk site (not a rescue resource or shelter) the filters leave and whose role is shown. */
  private countedKinds(filters: MapFilters, roles: Role[]): Uint8Array {
    const matches = siteMatcher(filters);
    const shownRoles = new Set<string>(roles);
    const facts: SiteFacts = { level: 'unscored', domain: '', district: '', category: '', flagged: false };
    return Uint8Array.from(this.kindSample, (i) => {
      this.factsOf(i, facts);
      facts.flagged &&= filters.violationsOnly; // as state/mapFilters' view: "flagged" matters only when asked for
      // rescue resources and shelters are drawn at every scale by their own layer (src/map/reachLayers), never counted as 未评级
      if (isReachCategory(facts.category)) return 0;
      return shownRoles.has(valueAt(this.t.role, i)) && matches(facts) ? 1 : 0;
    });
  }
}

const inside = (unit: number): boolean => unit >= 0 && unit < EXTENT;

/** Levels from the least grave up: unscored, blue … red. */
const DRAW_ORDER: readonly string[] = [...LEVELS_AND_UNSCORED].reverse();
const drawOrder = (level: string): number => Math.max(0, DRAW_ORDER.indexOf(level));
