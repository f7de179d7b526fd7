// The whole white-paper set as a list of files (docs/batch-interface.md): the assess outputs, figures/ (SVG, 300 dpi PNG, CSV),
// tables/ (CSV, XLSX), whitepaper.html and checksums. Pure: the CLI writes the list to a folder, the app zips it,
// and both get the same bytes for the same inputs.
import {
  AGGREGATION_MODE_ZH,
  assessSocietalRisk,
  type Assessment,
  type FnCriteria,
  type FnCurve,
  type SocietalRiskResult,
  type MethodProfile,
  type ReachAssessment,
  type ReachProfile,
  type SetbackRuleTable,
  type Zone,
} from '../engine';
import {
  assessOutputs,
  joinChunks,
  reachOutputs,
  sha256Hex,
  societalRiskCsv,
  SOCIETAL_RISK_FILE,
  toCsv,
  toXlsx,
  type ImportFileReport,
  type InputDigest,
} from '../io';
import { changeFigure, type PreviousAssessment } from '../figures/changeFigure';
import { riskByDistrictFigure, riskByDomainFigure, riskByLevelFigure } from '../figures/countFigures';
import { UNSPECIFIED_DATE, type Figure, type FigureOptions } from '../figures/figure';
import type { PngRenderer } from '../figures/png';
import { setbackComplianceFigure } from '../figures/setbackComplianceFigure';
import { zoningMapFigure } from '../figures/zoningMapFigure';
import { reachMapFigure } from '../figures/reachMapFigure';
import { shelterCapacityFigure } from '../figures/shelterFigure';
import { fnFigure } from '../figures/fnFigure';
import { societalRiskTable } from './societalTable';
import { uncoveredHighRiskTable } from './reachTables';
import { whitepaperHtml } from './report';
import { majorRisksTable, methodDataTable, uncheckedRulesTable, violationsTable, type Table } from './tables';
import { missingData } from './missingData';
import { qraExceedancesTable, qraFiles } from './qraTables';
import type { RiskContour } from '../engine';

export interface WhitepaperInput {
  assessment: Assessment;
  /** the input zoning polygons (districts): outlined and named on F1 */
  zonePolygons: Zone[];
  reports: ImportFileReport[];
  digests: InputDigest[];
  profile: MethodProfile;
  rules: SetbackRuleTable;
  borderlineToleranceM: number;
  /** YYYY-MM-DD the data describe; null: "未注明" */
  dataDate: string | null;
  title: string;
  attribution: string;
  previous: PreviousAssessment | null;
  /** QRA contours (issue #20): with them the set gains qra-distances.csv and T6 (targets over their criterion) */
  contours?: RiskContour[];
  /**
   * rescue within reach (issue #21): with rescue resources or shelters in the data the set gains the reach files
   * (cover.csv …, as `assess` writes them), F7 (reach bands), F8 (shelters by district) and T4 (uncovered red and
   * orange points); without them (or absent) the set is exactly what it was
   */
  reach?: WhitepaperReach | null;
  /**
   * societal risk (issue #20 item 5): with F–N curves given the set gains societal-risk.csv, F9 (the curves against
   * the lines) and T5 (installations in the unacceptable region, or all as 未评估 without lines); absent, the set is
   * exactly what it was
   */
  societal?: WhitepaperSocietal | null;
}

export interface WhitepaperSocietal {
  /** the curves read (an F–N file whose rows were all rejected gives none) */
  curves: FnCurve[];
  /** the lines they are judged against: the shipped criterion (no lines: 未评估) or the city's */
  criteria: FnCriteria;
}

/** Each installation's region against the lines, when F–N curves were given; null otherwise. */
export function societalResults(i: Pick<WhitepaperInput, 'societal'>): SocietalRiskResult[] | null {
  return i.societal ? assessSocietalRisk(i.societal.curves, i.societal.criteria) : null;
}

export interface WhitepaperReach {
  result: ReachAssessment;
  /** the parameters it was computed with (cited on the figures and in appendix A.6) */
  profile: ReachProfile;
}

/** The reach part of the input when the data hold a rescue resource or a shelter; null otherwise. */
export function activeReach(i: Pick<WhitepaperInput, 'reach'>): WhitepaperReach | null {
  const r = i.reach;
  return r && (r.result.cover !== null || r.result.shelters !== null) ? r : null;
}

/** The reach files `assess` writes beside its five (io's `reachOutputs`), for the set and its checksums. */
export function reachFiles(i: Pick<WhitepaperInput, 'reach'>): OutputFile[] {
  const r = activeReach(i);
  return r ? reachOutputs(r.result).map((f) => ({ path: f.path, data: f.text })) : [];
}

export { DEFAULT_TITLE, whitepaperTitle } from './title';

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

/** The five contract files of `assess` (docs/batch-interface.md; listed once, in io's `assessOutputs`), each as one string. */
export function assessFiles(
  i: Pick<WhitepaperInput, 'assessment' | 'reports' | 'digests' | 'borderlineToleranceM' | 'dataDate'>,
): OutputFile[] {
  return assessOutputs(i).map((f) => ({ path: f.path, data: joinChunks(f.chunks()) }));
}

/** The method in words for figures and the cover (ids are in T3): profile name and aggregation mode. */
export function methodName(a: Assessment, profile: MethodProfile): string {
  return `${profile.name}(分区${AGGREGATION_MODE_ZH[a.aggregationMode]})`;
}

export function whitepaperFigures(i: WhitepaperInput): {
  figures: Figure[];
  missing: { title: string; reason: string }[];
} {
  const a = i.assessment;
  const options: FigureOptions = {
    dataDate: i.dataDate ?? UNSPECIFIED_DATE,
    methodName: methodName(a, i.profile),
    attribution: i.attribution,
  };
  const figures = [
    zoningMapFigure({ assessment: a, zonePolygons: i.zonePolygons }, options),
    riskByLevelFigure(a.stats, options),
    riskByDistrictFigure(a, i.zonePolygons, options),
    riskByDomainFigure(a.stats, options),
    setbackComplianceFigure(a, i.rules, options),
  ];
  const missing: { title: string; reason: string }[] = [];
  if (i.previous) figures.push(changeFigure(a.stats, i.previous, options));
  else
    missing.push({
      title: '图6 与上期评估对比',
      reason: '未生成:没有载入上一期评估(已保存的项目或上一期的 summary.json)',
    });
  const reach = activeReach(i);
  if (reach) {
    const r = reach.result;
    if (r.reachGrid)
      figures.push(
        reachMapFigure({ assessment: a, zonePolygons: i.zonePolygons, reach: r, profile: reach.profile }, options),
      );
    else
      missing.push({
        title: '图7 救援力量到达时间分布图',
        reason:
          r.cover === null
            ? '未生成:无救援力量数据(数据中没有消防站或救援队),未作救援可达判定,不视为已覆盖'
            : '未生成:未提供研究区分区,无法铺设到达时间网格',
      });
    if (r.shelters) figures.push(shelterCapacityFigure(r.shelters, i.zonePolygons, reach.profile, options));
    else
      missing.push({
        title: '图8 各区应急避难场所容量与人口',
        reason: '未生成:无避难场所数据,未作避难场所容量判定,不视为充足',
      });
  }
  const societal = societalResults(i);
  if (i.societal && societal) {
    if (i.societal.curves.length) figures.push(fnFigure(i.societal.curves, societal, i.societal.criteria, options));
    else
      missing.push({
        title: '图9 社会风险 F-N 曲线',
        reason: '未生成:F-N 曲线文件中没有可用的曲线(见附录B 数据质量与 import-report.json),未作社会风险判定',
      });
  }
  return { figures, missing };
}

export async function buildWhitepaper(
  i: WhitepaperInput,
  png: PngRenderer,
  onProgress?: (share: number, stage: string) => void,
): Promise<OutputFile[]> {
  const societal = societalResults(i);
  const files = [...assessFiles(i), ...reachFiles(i)];
  if (i.societal && societal)
    files.push({ path: SOCIETAL_RISK_FILE, data: societalRiskCsv(societal, i.societal.criteria) });
  onProgress?.(0.05, 'figures');
  for (const f of qraFiles(i.assessment, i.contours)) files.push(f);
  const { figures, missing: missingFigures } = whitepaperFigures(i);
  for (const [n, f] of figures.entries()) {
    files.push({ path: `figures/${f.id}.svg`, data: f.svg }, { path: `figures/${f.id}.csv`, data: f.csv });
    files.push({ path: `figures/${f.id}.png`, data: png.render(f.svg) });
    onProgress?.(0.05 + (0.7 * (n + 1)) / figures.length, 'figures');
    await yieldToEventLoop();
  }
  const missing = missingData(i.assessment, i.rules, i.reports);
  const tables: Table<unknown>[] = [
    majorRisksTable(i.assessment),
    violationsTable(i.assessment, missing, i.rules),
    uncheckedRulesTable(missing),
    methodDataTable({ ...i, missing, reach: activeReach(i) }),
  ] as Table<unknown>[];
  const reach = activeReach(i);
  if (reach?.result.cover)
    tables.push(uncoveredHighRiskTable(i.assessment, reach.result, reach.profile) as Table<unknown>);
  if (i.societal && societal?.length)
    tables.push(societalRiskTable(i.assessment, societal, i.societal.criteria) as Table<unknown>);
  for (const t of tables) {
    files.push({ path: `tables/${t.id}.csv`, data: toCsv(t.rows, t.columns, { bom: true }) });
    files.push({ path: `tables/${t.id}.xlsx`, data: await toXlsx(t.sheet, t.rows, t.columns) });
  }
  // T6 (issue #20) after the others, written as they are; apart from their loop so the T5 branch merges cleanly
  const qraTable = i.contours?.length ? (qraExceedancesTable(i.assessment) as Table<unknown>) : null;
  if (qraTable) {
    tables.push(qraTable);
    files.push({ path: `tables/${qraTable.id}.csv`, data: toCsv(qraTable.rows, qraTable.columns, { bom: true }) });
    files.push({
      path: `tables/${qraTable.id}.xlsx`,
      data: await toXlsx(qraTable.sheet, qraTable.rows, qraTable.columns),
    });
  }
  onProgress?.(0.85, 'report');
  files.push({
    path: 'whitepaper.html',
    data: whitepaperHtml({
      title: i.title,
      dataDate: i.dataDate,
      methodName: methodName(i.assessment, i.profile),
      attribution: i.attribution,
      assessment: i.assessment,
      profile: i.profile,
      rules: i.rules,
      reports: i.reports,
      figures,
      missingFigures,
      tables,
      missing,
      fictitious: i.assessment.sites.some((s) => s.fictitious),
      ...(reach ? { reach } : {}),
      ...(i.societal && societal ? { societal: { results: societal, criteria: i.societal.criteria } } : {}),
    }),
  });
  files.push({ path: 'checksums.sha256', data: await checksums(files) });
  onProgress?.(1, 'done');
  return files;
}

export function fileBytes(f: OutputFile): Uint8Array {
  return typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data;
}

/** `sha256sum -c` format: lets a reader check that nothing in the set was changed after export. */
async function checksums(files: OutputFile[]): Promise<string> {
  const lines: string[] = [];
  for (const f of files) lines.push(`${await sha256Hex(fileBytes(f))}  ${f.path}`);
  return lines.join('\n') + '\n';
}

/** Lets the browser paint the progress bar between figures (PNG rendering is the slow part). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
