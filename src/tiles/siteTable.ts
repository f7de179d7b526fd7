// What the tile worker is told about an assessment: its sites and findings as columns, built on the page a slice at
// a time (each slice its own task) and transferred, so a million sites never hold the page or cross as objects.
import { isAreaSite } from '../state/siteView';
import type { Assessment } from '../engine';
import { findingPositionsOf } from '../state/mapFilters';
import { stringColumnBuilder, textListBuilder, type StringColumn, type TextList } from './stringColumn';

export interface SiteTable {
  /** each site's point (a polygon site's too: its representative point, as on the GeoJSON path) */
  lon: Float64Array;
  lat: Float64Array;
  /** 1 = the site is a polygon */
  area: Uint8Array;
  ids: TextList;
  level: StringColumn;
  role: StringColumn;
  domain: StringColumn;
  district: StringColumn;
  category: StringColumn;
  findings: {
    /** the closest points of each finding's pair: x0, y0, x1, y1 */
    line: Float64Array;
    status: StringColumn;
    /** each finding's hazard and target as positions in the site columns (-1: not among the sites) */
    hazardAt: Int32Array;
    targetAt: Int32Array;
  };
}

/** Rows handled between pauses. */
const SLICE = 20_000;

/** Builds the table, pausing (yield) every SLICE rows. */
export function* buildSiteTable(a: Assessment): Generator<void, SiteTable> {
  const n = a.sites.length;
  const lon = new Float64Array(n),
    lat = new Float64Array(n),
    area = new Uint8Array(n);
  const ids = textListBuilder(n);
  const level = stringColumnBuilder(n),
    role = stringColumnBuilder(n),
    domain = stringColumnBuilder(n);
  const district = stringColumnBuilder(n),
    category = stringColumnBuilder(n);
  for (let i = 0; i < n; i++) {
    const s = a.sites[i]!;
    lon[i] = s.lon;
    lat[i] = s.lat;
    area[i] = isAreaSite(s) ? 1 : 0;
    ids.add(i, s.id);
    level.set(i, s.level ?? 'unscored');
    role.set(i, s.role ?? 'risk');
    domain.set(i, s.domain);
    district.set(i, s.district);
    category.set(i, s.category);
    if (i % SLICE === SLICE - 1) yield;
  }
  const m = a.findings.length;
  const line = new Float64Array(4 * m);
  const status = stringColumnBuilder(m);
  for (let i = 0; i < m; i++) {
    const v = a.findings[i]!;
    const [[x0, y0], [x1, y1]] = v.closest; // read once: a view makes it when read
    line[4 * i] = x0;
    line[4 * i + 1] = y0;
    line[4 * i + 2] = x1;
    line[4 * i + 3] = y1;
    status.set(i, v.status);
    if (i % SLICE === SLICE - 1) yield;
  }
  // the pair of each finding by position, as the engine worker sent it (copied: the table's arrays are transferred);
  // as ids they were two texts as long as the findings list to copy to the tile worker and look up there
  const at = findingPositionsOf(a);
  return {
    lon,
    lat,
    area,
    ids: ids.finish(),
    level: level.column,
    role: role.column,
    domain: domain.column,
    district: district.column,
    category: category.column,
    findings: { line, status: status.column, hazardAt: at.hazard.slice(), targetAt: at.target.slice() },
  };
}

/** The table's typed arrays, to be transferred rather than copied. */
export function transferablesOf(t: SiteTable): ArrayBuffer[] {
  const arrays = [
    t.lon,
    t.lat,
    t.area,
    t.ids.ends,
    t.level.codes,
    t.role.codes,
    t.domain.codes,
    t.district.codes,
    t.category.codes,
    t.findings.line,
    t.findings.status.codes,
    t.findings.hazardAt,
    t.findings.targetAt,
  ];
  return arrays.map((x) => x.buffer as ArrayBuffer);
}
