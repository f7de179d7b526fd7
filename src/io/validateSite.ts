// One source row → a Site in the file's own CRS, or the reasons it cannot be one. Reasons state the expectation.
import { wktToGeoJSON } from '@terraformer/wkt';
import type { Geometry } from 'geojson';
import {
  DEFAULT_PROFILE,
  isOutsideGbt37243,
  resolveCategory,
  type ProtectionClass,
  type Site,
  type VapourRecovery,
} from '../engine';
import type { CanonicalField } from './columns';
import { looksLikeGaussKruger } from './gaussKruger';
import { parseDegrees } from './parseDegrees';
import { isReachRow, reachFields } from './reachFields';
import { parseInstallationStatus } from './installationStatus';

export interface FieldError {
  field: string;
  reason: string;
}

export type RowValues = Partial<Record<CanonicalField, string>>;

export type RowOutcome = { site: Site; warnings: FieldError[] } | { errors: FieldError[] };

const CHINA = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 };

export function validateSite(v: RowValues, featureGeometry?: Geometry | null): RowOutcome {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const need = (field: CanonicalField, label: string): string => {
    const value = v[field] ?? '';
    if (value === '') errors.push({ field, reason: `${label}缺失 (missing ${field})` });
    return value;
  };
  const id = need('id', '编号');
  const name = need('name', '名称');
  const categoryText = need('category', '类别');
  const category = categoryText ? resolveCategory(categoryText) : undefined;
  if (categoryText && !category) {
    errors.push({
      field: 'category',
      reason: `未知类别「${categoryText}」(unknown category; expected a code or name such as 加油站, 学校, 建筑施工)`,
    });
  }
  const geometry = readGeometry(v, featureGeometry, errors);
  const likelihood = intInRange(v, 'likelihood', 1, 5, errors);
  const severity = intInRange(v, 'severity', 1, 5, errors);
  if (
    (likelihood === undefined) !== (severity === undefined) &&
    !errors.some((e) => e.field === 'likelihood' || e.field === 'severity')
  ) {
    errors.push({
      field: likelihood === undefined ? 'likelihood' : 'severity',
      reason: '可能性 L 与严重性 S 须同时提供 (L and S must be given together)',
    });
  }
  const lec = lecFactors(v, errors);
  const majorHazard = majorHazardOf(v, errors);
  // a fire station's 站级 is its rescue grade (reachFields), not GB 50156's petrol-station grade
  const reach = isReachRow(category?.code)
    ? reachFields(category!.code, categoryText, v, errors)
    : reachFields('', '', { effective_area_m2: v.effective_area_m2, households: v.households }, errors);
  const stationGrade = isReachRow(category?.code) ? undefined : stationGradeOf(v.station_grade, errors);
  const vapourRecovery = vapourRecoveryOf(v.vapour_recovery, errors);
  const installationStatus = v.installation_status ? parseInstallationStatus(v.installation_status) : undefined;
  if (v.installation_status && !installationStatus)
    errors.push({
      field: 'installation_status',
      reason: `装置状态「${v.installation_status}」应为 新建/在役 (new/existing)`,
    });
  const users = nonNegative(v, 'users', errors);
  const beds = nonNegative(v, 'beds', errors);
  const protectionClass = protectionClassOf(v.protection_class, errors);
  const protectionDistanceM = nonNegative(v, 'protection_distance_m', errors);
  const people500m = wholeCount(v, 'people_500m', errors);
  if (errors.length > 0 || !category || !geometry) return { errors };
  const site: Site = { id, name, category: category.code, geometry };
  if (v.district) site.district = v.district;
  if (v.domain) site.domain = v.domain;
  if (likelihood !== undefined) site.likelihood = likelihood;
  if (severity !== undefined) site.severity = severity;
  if (lec) Object.assign(site, lec);
  Object.assign(site, majorHazard);
  if (stationGrade !== undefined) site.stationGrade = stationGrade;
  if (vapourRecovery !== undefined) site.vapourRecovery = vapourRecovery;
  if (installationStatus !== undefined) site.installationStatus = installationStatus;
  if (users !== undefined) site.users = users;
  if (beds !== undefined) site.beds = beds;
  if (protectionClass !== undefined) site.protectionClass = protectionClass;
  if (protectionDistanceM !== undefined) site.protectionDistanceM = protectionDistanceM;
  if (people500m !== undefined) site.people500m = people500m;
  if (v.responsible_unit) site.responsibleUnit = v.responsible_unit;
  if (v.controls) site.controls = v.controls;
  if (v.fictitious && /^(true|1|yes|是|虚构)$/i.test(v.fictitious)) site.fictitious = true;
  Object.assign(site, reach);
  if (
    category.role === 'hazard' &&
    protectionDistanceM === undefined &&
    (category.code === 'hazchem_production' || category.code === 'hazchem_storage')
  ) {
    warnings.push({
      field: 'protection_distance_m',
      reason: '未提供外部安全防护距离,其防护距离核查结果将列为「未评估」',
    });
  }
  if (protectionDistanceM !== undefined && isOutsideGbt37243(category.code)) {
    warnings.push({
      field: 'protection_distance_m',
      reason: `「${category.zh}」不属 GB/T 37243-2019 适用范围:自报防护距离 ${protectionDistanceM} m 不能替代规范表列距离,核查时取二者中的较大值 (outside GB/T 37243's scope: the declared distance cannot replace the table; the larger governs)`,
    });
  }
  return { site, warnings };
}

function readGeometry(
  v: RowValues,
  featureGeometry: Geometry | null | undefined,
  errors: FieldError[],
): Geometry | null {
  if (featureGeometry) return checkedGeometry(featureGeometry, 'geometry', errors);
  if (v.wkt) {
    try {
      return checkedGeometry(wktToGeoJSON(v.wkt), 'wkt', errors);
    } catch {
      errors.push({ field: 'wkt', reason: `WKT 无法解析「${v.wkt.slice(0, 40)}」(expected e.g. POINT(118.78 32.04))` });
      return null;
    }
  }
  if (!v.lon && !v.lat) {
    errors.push({
      field: 'lon',
      reason: '无坐标:需要 经度/纬度 或 WKT (no geometry: expected lon/lat columns or a WKT column)',
    });
    return null;
  }
  // decimal degrees, or degrees-minutes-seconds (118°46′30.5″E, 118度46分30.5秒)
  const lon = parseDegrees(v.lon ?? '') ?? NaN;
  const lat = parseDegrees(v.lat ?? '') ?? NaN;
  if (!v.lon || !Number.isFinite(lon))
    errors.push({
      field: 'lon',
      reason: `经度不是数字「${v.lon ?? ''}」(longitude must be decimal degrees or e.g. 118°46′30″E)`,
    });
  if (!v.lat || !Number.isFinite(lat))
    errors.push({
      field: 'lat',
      reason: `纬度不是数字「${v.lat ?? ''}」(latitude must be decimal degrees or e.g. 32°02′30″N)`,
    });
  if (errors.some((e) => e.field === 'lon' || e.field === 'lat')) return null;
  return checkedGeometry({ type: 'Point', coordinates: [lon, lat] }, 'lon', errors);
}

/**
 * Every position must be a lon/lat in China, or Gauss–Krüger metres (converted and range-checked once the file's CRS
 * is known: `lonLatOutsideChina` then). Projected metres of another kind and swapped columns are named as such.
 */
function checkedGeometry(g: Geometry, field: string, errors: FieldError[]): Geometry | null {
  const first = firstPosition(g);
  if (!first) {
    errors.push({ field, reason: `几何为空或类型不支持 (empty or unsupported geometry ${g?.type ?? ''})` });
    return null;
  }
  const [x, y] = first;
  if (isMetres(x, y)) {
    if (looksLikeGaussKruger(x, y)) return g;
    errors.push({
      field,
      reason: `坐标 (${x}, ${y}) 像投影坐标(米),但不是中国境内的 CGCS2000 高斯-克吕格坐标;请转换为经纬度 (projected coordinates of an unsupported kind; expected degrees or CGCS2000 Gauss–Krüger metres)`,
    });
    return null;
  }
  const outside = lonLatOutsideChina(x, y);
  if (outside) {
    errors.push({ field, reason: outside });
    return null;
  }
  return g;
}

/** Numbers too large for degrees: metres of a projection. */
export const isMetres = (x: number, y: number): boolean => Math.abs(x) > 360 || Math.abs(y) > 360;

/** Why a lon/lat is not in China (swapped columns named as such), or null when it is. */
export function lonLatOutsideChina(lon: number, lat: number): string | null {
  const inChina = (x: number, y: number) =>
    x >= CHINA.minLon && x <= CHINA.maxLon && y >= CHINA.minLat && y <= CHINA.maxLat;
  if (inChina(lon, lat)) return null;
  return inChina(lat, lon)
    ? `经纬度疑似互换 (${lon}, ${lat}):经度应在前 (longitude and latitude look swapped)`
    : `坐标 (${lon}, ${lat}) 不在中国范围内 (expected lon 73–136, lat 3–54)`;
}

export function firstPosition(g: Geometry): [number, number] | null {
  let c: unknown = (g as { coordinates?: unknown }).coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  if (!Array.isArray(c) || c.length < 2 || !c.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  return [c[0] as number, c[1] as number];
}

function intInRange(
  v: RowValues,
  field: CanonicalField,
  lo: number,
  hi: number,
  errors: FieldError[],
): number | undefined {
  const raw = v[field];
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < lo || n > hi) {
    errors.push({ field, reason: `${field}=「${raw}」应为 ${lo}–${hi} 的整数 (expected an integer ${lo}–${hi})` });
    return undefined;
  }
  return n;
}

function nonNegative(v: RowValues, field: CanonicalField, errors: FieldError[]): number | undefined {
  const raw = v[field];
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) {
    errors.push({ field, reason: `${field}=「${raw}」应为非负数 (expected a non-negative number)` });
    return undefined;
  }
  return n;
}

/** A count of people: a whole number ≥ 0. */
function wholeCount(v: RowValues, field: CanonicalField, errors: FieldError[]): number | undefined {
  const raw = v[field];
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) {
    errors.push({ field, reason: `${field}=「${raw}」应为非负整数 (expected a whole number of people ≥ 0)` });
    return undefined;
  }
  return n;
}

/** LEC factors must be values of the published tables (作业条件危险性评价法), else D means nothing. */
function lecFactors(v: RowValues, errors: FieldError[]): Pick<Site, 'lecL' | 'lecE' | 'lecC'> | null {
  const fields = [
    ['lec_l', 'L'],
    ['lec_e', 'E'],
    ['lec_c', 'C'],
  ] as const;
  if (fields.every(([f]) => !v[f])) return null;
  const out: number[] = [];
  for (const [field, factor] of fields) {
    const allowed = DEFAULT_PROFILE.lec.factors[factor].map(([value]) => value);
    const raw = v[field] ?? '';
    const n = Number(raw);
    if (raw === '') errors.push({ field, reason: `LEC 的 L、E、C 须同时提供(缺 ${factor})` });
    else if (!allowed.includes(n))
      errors.push({ field, reason: `${factor}=「${raw}」不在 LEC 取值表中 (expected one of ${allowed.join(', ')})` });
    else out.push(n);
  }
  return out.length === 3 ? { lecL: out[0]!, lecE: out[1]!, lecC: out[2]! } : null;
}

const MH_GRADES: Record<string, 1 | 2 | 3 | 4> = { '1': 1, '2': 2, '3': 3, '4': 4, 一级: 1, 二级: 2, 三级: 3, 四级: 4 };
/** α by residents within 500 m of the site (原安监总局令第40号 附件1). */
const ALPHAS = [0.5, 1, 1.2, 1.5, 2];

/** 重大危险源: grade, R, or α with substances written "q/Q*β; q/Q*β" (quantities in tonnes). */
function majorHazardOf(
  v: RowValues,
  errors: FieldError[],
): Pick<Site, 'majorHazardGrade' | 'majorHazardR' | 'majorHazardAlpha' | 'majorHazardItems'> {
  const out: Pick<Site, 'majorHazardGrade' | 'majorHazardR' | 'majorHazardAlpha' | 'majorHazardItems'> = {};
  if (v.major_hazard_grade) {
    const g = MH_GRADES[v.major_hazard_grade.replace(/\s/g, '')];
    if (g) out.majorHazardGrade = g;
    else
      errors.push({
        field: 'major_hazard_grade',
        reason: `重大危险源等级「${v.major_hazard_grade}」应为 1–4 或 一级–四级`,
      });
  }
  const r = nonNegative(v, 'major_hazard_r', errors);
  if (r !== undefined) out.majorHazardR = r;
  if (v.mh_alpha) {
    const a = Number(v.mh_alpha);
    if (ALPHAS.includes(a)) out.majorHazardAlpha = a;
    else
      errors.push({
        field: 'mh_alpha',
        reason: `校正系数 α=「${v.mh_alpha}」应为 ${ALPHAS.join('、')} 之一 (40号令附件1)`,
      });
  }
  if (v.mh_items) {
    const items = v.mh_items
      .split(/[;;]/)
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => /^([\d.]+)\s*\/\s*([\d.]+)\s*[*×xX]\s*([\d.]+)$/.exec(s));
    if (
      items.length === 0 ||
      items.some((m) => !m || !(Number(m[2]) > 0) || !(Number(m[1]) >= 0) || !(Number(m[3]) > 0))
    ) {
      errors.push({ field: 'mh_items', reason: `危险物质「${v.mh_items}」格式应为 q/Q*β;… (e.g. 20/5*4; 100/50*1.5)` });
    } else out.majorHazardItems = items.map((m) => ({ q: Number(m![1]), Q: Number(m![2]), beta: Number(m![3]) }));
  }
  return out;
}

const GRADES: Record<string, 1 | 2 | 3> = {
  '1': 1,
  '2': 2,
  '3': 3,
  一级: 1,
  二级: 2,
  三级: 3,
  一级站: 1,
  二级站: 2,
  三级站: 3,
};

function stationGradeOf(raw: string | undefined, errors: FieldError[]): 1 | 2 | 3 | undefined {
  if (!raw) return undefined;
  const g = GRADES[raw.replace(/\s/g, '')];
  if (!g)
    errors.push({ field: 'station_grade', reason: `站级「${raw}」应为 1/2/3 或 一级/二级/三级 (expected 1, 2 or 3)` });
  return g;
}

const PROTECTION_CLASS: Record<string, ProtectionClass> = {
  important_public: 'important_public',
  重要公共建筑物: 'important_public',
  重要公共建筑: 'important_public',
  重要: 'important_public',
  class1: 'class1',
  一类: 'class1',
  一类保护物: 'class1',
  '1': 'class1',
  class2: 'class2',
  二类: 'class2',
  二类保护物: 'class2',
  '2': 'class2',
  class3: 'class3',
  三类: 'class3',
  三类保护物: 'class3',
  '3': 'class3',
};

function protectionClassOf(raw: string | undefined, errors: FieldError[]): ProtectionClass | undefined {
  if (!raw) return undefined;
  const c = PROTECTION_CLASS[raw.replace(/\s/g, '').toLowerCase()];
  if (!c)
    errors.push({
      field: 'protection_class',
      reason: `保护类别「${raw}」应为 重要公共建筑物/一类/二类/三类 (expected important_public, class1, class2 or class3; GB 50156 附录B)`,
    });
  return c;
}

const RECOVERY: Record<string, VapourRecovery> = {
  none: 'none',
  无: 'none',
  无油气回收: 'none',
  否: 'none',
  unloading: 'unloading',
  卸油: 'unloading',
  卸油油气回收: 'unloading',
  一次油气回收: 'unloading',
  一次: 'unloading',
  full: 'full',
  '卸油+加油': 'full',
  卸油和加油: 'full',
  卸油和加油油气回收: 'full',
  二次油气回收: 'full',
  二次: 'full',
};

function vapourRecoveryOf(raw: string | undefined, errors: FieldError[]): VapourRecovery | undefined {
  if (!raw) return undefined;
  const r = RECOVERY[raw.replace(/\s/g, '').toLowerCase()];
  if (!r)
    errors.push({
      field: 'vapour_recovery',
      reason: `油气回收「${raw}」应为 none/unloading/full 或 无/卸油/卸油+加油`,
    });
  return r;
}
