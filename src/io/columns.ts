// Header aliases (English and Chinese) → canonical site fields (docs/data-model.md).
import type { GeographicCrs } from './crs';

export const CANONICAL_FIELDS = [
  'id',
  'name',
  'category',
  'lon',
  'lat',
  'wkt',
  'district',
  'domain',
  'likelihood',
  'severity',
  'protection_class',
  'lec_l',
  'lec_e',
  'lec_c',
  'major_hazard_grade',
  'major_hazard_r',
  'mh_alpha',
  'mh_items',
  'station_grade',
  'vapour_recovery',
  'users',
  'beds',
  'protection_distance_m',
  'responsible_unit',
  'controls',
  'fictitious',
  'people_500m',
  'rescue_grade',
  'shelter_class',
  'effective_area_m2',
  'households',
  'installation_status',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

const ALIASES: Record<CanonicalField, string[]> = {
  id: ['id', '编号', '代码', '风险点编号', '单位编号', '唯一编号'],
  name: ['name', '名称', '单位名称', '风险点名称', '场所名称', '站点名称'],
  category: ['category', '类别', '类型', '风险点类别', '场所类别', '分类'],
  // plane coordinates too: which of the two is the easting is told by size (io/gaussKruger), as surveyors' X is north
  lon: ['lon', 'lng', 'long', 'longitude', 'x', '经度', '东经', 'x坐标', 'easting', '东坐标', '横坐标'],
  lat: ['lat', 'latitude', 'y', '纬度', '北纬', 'y坐标', 'northing', '北坐标', '纵坐标'],
  wkt: ['wkt', 'geometry', 'geom', 'the_geom', '几何', '空间信息'],
  district: ['district', '所属区域', '所属区', '区域', '行政区', '区县', '所在区', '所属区县'],
  domain: ['domain', '行业领域', '行业', '领域'],
  likelihood: ['likelihood', 'l', '可能性', '可能性等级', '可能性l'],
  severity: ['severity', 's', '严重性', '严重程度', '后果严重性', '严重性s'],
  lec_l: ['lec_l', 'lec-l', '事故发生可能性l'],
  lec_e: ['lec_e', 'lec-e', '暴露频繁程度e'],
  lec_c: ['lec_c', 'lec-c', '后果c'],
  major_hazard_grade: ['major_hazard_grade', '重大危险源等级', '危险源等级'],
  major_hazard_r: ['major_hazard_r', '重大危险源r值', 'r值'],
  mh_alpha: ['mh_alpha', '校正系数α', 'α', 'alpha'],
  mh_items: ['mh_items', '危险物质', '危险物质q/q*β'],
  station_grade: ['station_grade', '站级', '加油站等级', '站点等级'],
  vapour_recovery: ['vapour_recovery', 'vapor_recovery', '油气回收', '油气回收系统'],
  users: ['users', '人数', '使用人数', '学生数', '在校人数', '容纳人数', '座位数'],
  beds: ['beds', '床位', '床位数'],
  protection_class: ['protection_class', '保护类别', '民用建筑物保护类别', '建筑物保护类别', '防护目标类别'],
  protection_distance_m: ['protection_distance_m', 'protection_distance', '防护距离', '外部安全防护距离'],
  responsible_unit: ['responsible_unit', '责任单位', '主体责任单位'],
  controls: ['controls', '管控措施', '防控措施'],
  fictitious: ['fictitious', '虚构', '示例数据'],
  // 常住人口 within 500 m of a 重大危险源's boundary: decides its α (原安监总局令第40号 附件1 表3)
  // rescue within reach (issue #21): a fire station's or team's grade, a shelter's class and area, a compound's 户数
  rescue_grade: [
    'rescue_grade',
    '消防站类别',
    '消防站类型',
    '消防站等级',
    '站类',
    '救援力量类别',
    '救援队类别',
    '队伍类别',
  ],
  shelter_class: ['shelter_class', '避难场所类别', '避难场所类型', '场所类别(避难)', '避难类别'],
  // QRA (issue #20): new or existing installation, which chooses the individual-risk criterion
  installation_status: ['installation_status', '装置状态', '建设状态', '新建/在役', '新建或在役'],
  effective_area_m2: ['effective_area_m2', 'effective_area', '有效避难面积', '有效面积', '避难面积'],
  households: ['households', '户数', '住户数', '总户数'],
  people_500m: [
    'people_500m',
    'people500m',
    '500米内人数',
    '500m内人数',
    '500米内常住人口',
    '500m内常住人口',
    '周边500米人数',
    '厂外暴露人员数量',
  ],
};

const lookup = new Map<string, CanonicalField>();
for (const field of CANONICAL_FIELDS) for (const alias of ALIASES[field]) lookup.set(normaliseHeader(alias), field);

/** Lower-case, drop spaces, BOM, underscores and bracketed units: "经度（GCJ-02）" → "经度", "防护距离(m)" → "防护距离". */
export function normaliseHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s_]/g, '')
    .toLowerCase();
}

export interface ColumnMapping {
  /** canonical field → column index */
  fields: Partial<Record<CanonicalField, number>>;
  /** headers that matched no field (kept in the report, never silently dropped) */
  unmapped: string[];
  /** the coordinate system the lon/lat headers name ("lon_gcj02", "纬度(高德)"): strong evidence for the CRS */
  coordinateCrs?: { crs: GeographicCrs; headers: string[] };
  /** coordinate columns not read because a pair in a preferred system was (WGS-84 over GCJ-02 over BD-09) */
  ignoredCoordinates: string[];
}

/**
 * A user's correction: source header → canonical field, or null to ignore the column. Only columns: a category for
 * every row of a file is a choice about that file (ImportOptions.allRowsCategory), never remembered with the headers.
 */
export type MappingOverride = Record<string, CanonicalField | null>;

/** Mappings remembered before the all-rows category left them carried it under this key; it is dropped when read. */
export const LEGACY_ALL_ROWS_CATEGORY = '\u0000category';

/** A mapping without anything that is not a column (an old remembered one may carry the all-rows category). */
export function columnsOnly(mapping: Record<string, unknown>): MappingOverride {
  return Object.fromEntries(
    Object.entries(mapping).filter(
      ([h, f]) =>
        h !== LEGACY_ALL_ROWS_CATEGORY && (f === null || (CANONICAL_FIELDS as readonly unknown[]).includes(f)),
    ),
  ) as MappingOverride;
}

// A coordinate header with the system written beside it: "lon_wgs84", "lat_gcj02", "lng_bd09", "经度_百度",
// "纬度(高德)", "x_gcj", "wgs84_lon", "百度经度". Preference when a file has several: the order of this list.
const CRS_TOKENS: [RegExp, GeographicCrs][] = [
  [/^(wgs-?84|wgs|gps|epsg:?4326|4326)$/, 'wgs84'],
  [/^(cgcs-?2000|cgcs|国家2000|2000)$/, 'cgcs2000'],
  [/^(gcj-?02|gcj|高德|腾讯|火星|国测局|火星坐标|amap|gaode|tencent)$/, 'gcj02'],
  [/^(bd-?09(ll)?|bd|百度|baidu)$/, 'bd09'],
];
const COORDINATE_BASES: [string, 'lon' | 'lat'][] = [
  ['longitude', 'lon'],
  ['latitude', 'lat'],
  ['long', 'lon'],
  ['lng', 'lon'],
  ['lon', 'lon'],
  ['lat', 'lat'],
  ['经度', 'lon'],
  ['东经', 'lon'],
  ['纬度', 'lat'],
  ['北纬', 'lat'],
  ['x', 'lon'],
  ['y', 'lat'],
] as [string, 'lon' | 'lat'][];

/** "lat_gcj02" → { field: 'lat', crs: 'gcj02' }; null for a header that does not name both. */
export function coordinateSuffix(header: string): { field: 'lon' | 'lat'; crs: GeographicCrs } | null {
  const h = header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
  for (const [base, field] of COORDINATE_BASES) {
    const rest = h.startsWith(base)
      ? h.slice(base.length)
      : h.endsWith(base)
        ? h.slice(0, h.length - base.length)
        : null;
    if (rest === null) continue;
    const token = rest.replace(/[\s_\-()（）[\]【】·.:：]/g, '');
    const found = CRS_TOKENS.find(([re]) => re.test(token));
    if (found) return { field, crs: found[1] };
  }
  return null;
}

export function mapColumns(headers: string[], override: MappingOverride = {}): ColumnMapping {
  const fields: ColumnMapping['fields'] = {};
  const unmapped: string[] = [];
  const ignoredCoordinates: string[] = [];
  const overridden = (h: string) => Object.hasOwn(override, h);
  const suffixes = headers.map((h) => (overridden(h) ? null : coordinateSuffix(h)));
  // the preferred system with both a lon and a lat column wins; every other coordinate column is ignored, and said so
  const chosen = CRS_TOKENS.map(([, crs]) => ({
    crs,
    lon: suffixes.findIndex((s) => s?.crs === crs && s.field === 'lon'),
    lat: suffixes.findIndex((s) => s?.crs === crs && s.field === 'lat'),
  })).find((p) => p.lon !== -1 && p.lat !== -1);
  const userCoordinates = headers.some((h) => overridden(h) && (override[h] === 'lon' || override[h] === 'lat'));
  headers.forEach((h, i) => {
    const automatic = lookup.get(normaliseHeader(h)) ?? lookup.get(normaliseHeader(h).replace(/_/g, ''));
    let f: CanonicalField | null | undefined;
    if (overridden(h)) f = override[h];
    else if (chosen && !userCoordinates && i === chosen.lon) f = 'lon';
    else if (chosen && !userCoordinates && i === chosen.lat) f = 'lat';
    else if (chosen && !userCoordinates && (suffixes[i] || automatic === 'lon' || automatic === 'lat')) {
      ignoredCoordinates.push(h.trim());
      f = undefined;
    } else f = suffixes[i]?.field ?? automatic;
    if (f && fields[f] === undefined) fields[f] = i;
    else if (h.trim() !== '') unmapped.push(h.trim());
  });
  // the CRS named by the coordinate columns read (both agree, or only one names it)
  const named = [fields.lon, fields.lat]
    .filter((i): i is number => i !== undefined)
    .map((i) => ({ header: headers[i]!.trim(), crs: coordinateSuffix(headers[i]!)?.crs }));
  const systems = new Set(named.map((n) => n.crs).filter((c) => c !== undefined));
  const coordinateCrs =
    systems.size === 1
      ? { crs: [...systems][0]!, headers: named.filter((n) => n.crs).map((n) => n.header) }
      : undefined;
  return { fields, unmapped, ignoredCoordinates, ...(coordinateCrs ? { coordinateCrs } : {}) };
}

/** A stable key for a set of headers, to remember a user's mapping for files shaped the same way. */
export function headerSetKey(headers: string[]): string {
  return headers.map((h) => h.trim()).join('\u241f');
}

export function aliasesOf(field: CanonicalField): string[] {
  return ALIASES[field];
}
