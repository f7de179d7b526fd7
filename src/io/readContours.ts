// QRA individual-risk contours from GeoJSON (issue #20): polygons or multipolygons, each with the installation it
// belongs to (an imported hazard site's id) and its risk per year (1e-5, 3E-06, 1×10-5, 3×10⁻⁷, 10^-6 …), optionally
// the installation's status (新建 / 在役). Every feature is accounted for, as for sites: accepted, or rejected with its
// feature number and reason. A set that is not nested (a higher-risk contour reaching outside a lower-risk one of the
// same installation) is reported as a warning and left as given: it is the assessor's result, not ours to repair.
import type { MultiPolygon, Polygon } from 'geojson';
import { contoursByInstallation, pointInArea, type RiskContour } from '../engine';
import type { Crs } from './crs';
import { toWgs84 } from './toWgs84';
import type { ImportFileReport, RowError } from './importSites';
import { firstPropertyText } from './featureText';
import { parseInstallationStatus } from './installationStatus';
import { geoJsonFeatures } from './geoJsonFeatures';

export interface ContourImport {
  contours: RiskContour[];
  report: ImportFileReport;
}

const ID_KEYS = ['installation_id', 'site_id', 'hazard_id', '装置编号', '危险源编号', '企业编号', '编号', 'id'];
const RISK_KEYS = ['risk_per_year', 'risk', 'individual_risk', 'ir', '个人风险', '个人风险值', '风险值', '风险'];
const STATUS_KEYS = ['installation_status', 'status', '装置状态', '状态'];

/**
 * `installations`: the ids of the hazard sites imported beside (a contour of another id is rejected: it could be
 * judged against nothing); omit to accept any id.
 */
export function readContours(
  file: string,
  text: string,
  crs: Crs = 'wgs84',
  installations?: ReadonlySet<string>,
): ContourImport {
  const features = geoJsonFeatures(
    text,
    '风险等值线 ',
    '风险等值线文件须为 GeoJSON FeatureCollection (contours: expected a FeatureCollection of polygons)',
  );
  const contours: RiskContour[] = [];
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const lineOf = new Map<RiskContour, number>();
  features.forEach((f, i) => {
    const line = i + 1;
    const reject = (field: string, reason: string) => void errors.push({ line, field, reason });
    const feature = f as { geometry?: { type?: string } | null; properties?: Record<string, unknown> | null };
    const g = feature?.geometry;
    if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon')
      return reject('geometry', `第 ${line} 个要素不是面(${g?.type ?? '无几何'}),等值线须为 Polygon 或 MultiPolygon`);
    const p = feature.properties ?? {};
    const id = firstPropertyText(p, ID_KEYS);
    if (!id) return reject('installation_id', `第 ${line} 个要素未注明所属装置编号(${ID_KEYS.slice(0, 5).join('/')})`);
    if (installations && !installations.has(id))
      return reject('installation_id', `装置编号「${id}」不在已导入的危险源中,无法与防护目标对照`);
    const riskText = firstPropertyText(p, RISK_KEYS);
    const risk = riskText === undefined ? undefined : parseRisk(riskText);
    if (risk === undefined)
      return reject(
        'risk_per_year',
        riskText === undefined
          ? `第 ${line} 个要素未注明个人风险值(${RISK_KEYS.slice(0, 3).join('/')})`
          : `个人风险值「${riskText}」不是 0 到 1 之间的每年概率(如 1e-5、1×10-5)`,
      );
    const statusText = firstPropertyText(p, STATUS_KEYS);
    const status = statusText === undefined ? undefined : parseInstallationStatus(statusText);
    if (statusText !== undefined && status === undefined)
      warnings.push({
        line,
        field: 'installation_status',
        reason: `装置状态「${statusText}」无法识别(应为 新建/在役),按未注明处理`,
      });
    let geometry: Polygon | MultiPolygon;
    try {
      geometry = toWgs84(g as Polygon | MultiPolygon, crs) as Polygon | MultiPolygon;
    } catch (e) {
      return reject('geometry', `第 ${line} 个要素坐标无法换算:${(e as Error).message}`);
    }
    const contour: RiskContour = {
      installationId: id,
      riskPerYear: risk,
      geometry,
      ...(status ? { installationStatus: status } : {}),
    };
    contours.push(contour);
    lineOf.set(contour, line);
  });
  for (const w of nestingWarnings(contours, lineOf)) warnings.push(w);
  return {
    contours,
    report: {
      file,
      encoding: 'json',
      crs,
      rows: features.length,
      accepted: contours.length,
      rejected: errors.length,
      errors,
      warnings,
      unmappedColumns: [],
      crsEvidence: crs === 'wgs84' ? '' : `按 ${crs} 换算为 WGS-84`,
    },
  };
}

/** 1e-5, 3E-06, 1×10-5, 1x10^-5, 3×10⁻⁷, 10^-6, 0.00001 → a probability per year in (0, 1]; undefined otherwise. */
export function parseRisk(text: string): number | undefined {
  const t = text
    .trim()
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/g, (ch) => '0123456789-'['⁰¹²³⁴⁵⁶⁷⁸⁹⁻'.indexOf(ch)]!)
    .replace(/\s+/g, '')
    .replace(/(次)?\/年$|\/a$|peryear$/i, '');
  let v: number;
  const pow = /^(?:(\d+(?:\.\d+)?)[×xX*])?10\^?(-\d+)$/.exec(t);
  if (pow) v = Number(pow[1] ?? 1) * 10 ** Number(pow[2]);
  else if (/^\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i.test(t)) v = Number(t);
  else return undefined;
  // 3×10-7 computed as 3 * 1e-7 is 2.9999999999999997e-7: round to the digits written
  v = Number(v.toPrecision(12));
  return v > 0 && v <= 1 ? v : undefined;
}

/** Per installation: mixed statuses, and each higher-risk contour with a vertex outside the next lower one. */
function nestingWarnings(contours: RiskContour[], lineOf: Map<RiskContour, number>): RowError[] {
  const out: RowError[] = [];
  for (const [id, list] of contoursByInstallation(contours)) {
    const statuses = new Set(list.map((c) => c.installationStatus).filter(Boolean));
    if (statuses.size > 1)
      out.push({
        line: lineOf.get(list[0]!)!,
        field: 'installation_status',
        reason: `装置「${id}」的等值线注明了不同的装置状态,按第一个注明的判定`,
      });
    const sorted = [...list].sort((a, b) => b.riskPerYear - a.riskPerYear);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const high = sorted[i]!;
      const low = sorted[i + 1]!;
      if (high.riskPerYear === low.riskPerYear) {
        out.push({
          line: lineOf.get(low)!,
          field: 'risk_per_year',
          reason: `装置「${id}」有两条 ${high.riskPerYear.toExponential()}/年 等值线`,
        });
        continue;
      }
      const inLow = pointInArea(low.geometry);
      const outside = verticesOf(high.geometry).find(([x, y]) => !inLow(x, y));
      if (outside) {
        out.push({
          line: lineOf.get(high)!,
          field: 'geometry',
          code: 'contours_not_nested',
          reason: `装置「${id}」的 ${high.riskPerYear.toExponential()}/年 等值线有部分位于 ${low.riskPerYear.toExponential()}/年 等值线(第 ${lineOf.get(low)} 个要素)之外(等值线不嵌套,风险值与范围矛盾,请核对定量风险评价结果;未作修正)`,
        });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

function verticesOf(g: Polygon | MultiPolygon): [number, number][] {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const out: [number, number][] = [];
  for (const poly of polys) for (const v of poly[0] ?? []) out.push([v[0]!, v[1]!]);
  return out;
}
