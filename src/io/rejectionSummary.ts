// Rejections grouped by reason, largest first, each with its likeliest cause when the rows tell it: "all 1 603 rows
// fall outside the zones: the file's positions are around 上海市, ~270 km east of them; load that city's zones".
// Pure: positions and the zones' extent come in, words go out (no network: cities from io/cityCentres).
import { nearestCity, roughKm } from './cityCentres';

export interface RowError {
  line: number;
  field: string;
  reason: string;
  /** a stable name of the reason where one is needed to group or act on it (e.g. 'outside_study_area') */
  code?: string;
}

/** One reason's rejections: how many, the first lines, an example as written, and the likeliest cause. */
export interface RejectionGroup {
  field: string;
  /** the reason with its values blanked out: rows rejected for the same reason share it */
  kind: string;
  count: number;
  example: string;
  /** the first few source lines */
  lines: number[];
  cause?: string;
}

/** What the importer knows beyond the errors: the file's size, what its columns were read as, where its rows lie. */
export interface RejectionContext {
  rows: number;
  /** WGS-84 positions of rows rejected as outside the study area (a sample is enough) */
  outsidePositions: [number, number][];
  /** the zones' extent [west, south, east, north] without margin, if zones are loaded */
  zonesExtent: [number, number, number, number] | null;
}

export const OUTSIDE_STUDY_AREA = 'outside_study_area';
const FIRST_LINES = 5;

/** The reason with its values blanked: 「…」 quotes, bracketed coordinates and numbers. */
export function reasonKind(e: RowError): string {
  if (e.code) return e.code;
  const blanked = e.reason
    .replace(/「[^」]*」/g, '「」')
    .replace(/\([^()]*\d[^()]*\)/g, '()')
    .replace(/\d+(\.\d+)?/g, '#');
  return `${e.field}:${blanked}`;
}

export function summariseRejections(errors: readonly RowError[], context: RejectionContext): RejectionGroup[] {
  const groups = new Map<string, RejectionGroup & { lineSet: Set<number>; values: Map<string, number> }>();
  for (const e of errors) {
    const kind = reasonKind(e);
    let g = groups.get(kind);
    if (!g)
      groups.set(
        kind,
        (g = { field: e.field, kind, count: 0, example: e.reason, lines: [], lineSet: new Set(), values: new Map() }),
      );
    if (g.lineSet.has(e.line)) continue; // one row, one count, even if it had the same reason twice
    g.lineSet.add(e.line);
    g.count++;
    if (g.lines.length < FIRST_LINES) g.lines.push(e.line);
    const value = /「([^」]*)」/.exec(e.reason)?.[1];
    if (value !== undefined && g.values.size < 10_000) g.values.set(value, (g.values.get(value) ?? 0) + 1);
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.lines[0]! - b.lines[0]!)
    .map(({ lineSet: _lines, values, ...g }) => {
      const cause = likeliestCause(g, values, context);
      return cause ? { ...g, cause } : g;
    });
}

/** "1603" → "1 603", as the report writes counts. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

function likeliestCause(g: RejectionGroup, values: Map<string, number>, context: RejectionContext): string | undefined {
  const howMany = g.count === context.rows ? `全部 ${groupDigits(g.count)} 行` : `${groupDigits(g.count)} 行`;
  if (g.kind === OUTSIDE_STUDY_AREA) return outsideCause(howMany, context);
  if (g.field === 'category' && values.size > 0) {
    const top = [...values.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([v, n]) => `「${v}」${groupDigits(n)} 行`)
      .join('、');
    return `${howMany}类别无法识别,最多的是 ${top}:请改写为模板中的类别,或在「列对应」中改选类别列 (unknown categories, most often these)`;
  }
  if (g.count === context.rows && g.field === 'category' && /缺失 \(missing/.test(g.example)) {
    return `${howMany}都没有类别:文件没有类别列,或其列名未被识别;请在「列对应」中指定类别列,或为本文件所有行选择一个类别(命令行:--category) (no category column: map it, or give this file's rows one category)`;
  }
  if (g.count === context.rows && /缺失 \(missing/.test(g.example)) {
    return `${howMany}都缺少此字段:文件可能没有该列,或列名未被识别;请在「列对应」中指定 (no row has it: map the column)`;
  }
  if (g.count === context.rows && g.field === 'lon' && /无坐标/.test(g.example)) {
    return `${howMany}都没有坐标:未识别出经度/纬度或 WKT 列;请在「列对应」中指定 (no coordinate columns recognised: map them)`;
  }
  return undefined;
}

const DIRECTIONS: [string, string][] = [
  ['东', 'east'],
  ['东北', 'northeast'],
  ['北', 'north'],
  ['西北', 'northwest'],
  ['西', 'west'],
  ['西南', 'southwest'],
  ['南', 'south'],
  ['东南', 'southeast'],
];

function outsideCause(howMany: string, { outsidePositions, zonesExtent }: RejectionContext): string | undefined {
  if (outsidePositions.length === 0 || !zonesExtent) return undefined;
  const lon = median(outsidePositions.map((p) => p[0]));
  const lat = median(outsidePositions.map((p) => p[1]));
  const [w, s, e, n] = zonesExtent;
  const where = `中位位置 ${lon.toFixed(3)}, ${lat.toFixed(3)}`;
  const km = roughKm(lon, lat, Math.min(Math.max(lon, w), e), Math.min(Math.max(lat, s), n));
  const midLat = (s + n) / 2;
  const angle = Math.atan2(lat - midLat, (lon - (w + e) / 2) * Math.cos((midLat * Math.PI) / 180));
  const [zh, en] = DIRECTIONS[((Math.round(angle / (Math.PI / 4)) % 8) + 8) % 8]!;
  const distance = `在分区范围以${zh}约 ${groupDigits(Math.round(km))} km`;
  const city = nearestCity(lon, lat);
  if (city) {
    return `${howMany}位于研究区之外:文件中的位置在 ${city.city.name} 一带(${where},${distance});请载入该城市的分区 (the file's positions are around ${city.city.name}, ~${Math.round(km)} km ${en} of the zones; load that city's zones)`;
  }
  return `${howMany}位于研究区之外:文件中的位置${distance}(${where});请核对坐标系与坐标,或载入这些位置所在城市的分区 (the file's positions lie ~${Math.round(km)} km ${en} of the zones' extent)`;
}

/** The middle value (the lower of the two middles for an even count): robust to a few stray rows. */
function median(values: number[]): number {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
