// The batch output files of docs/batch-interface.md (a contract: extend, never rename): sites.csv, zones.geojson,
// violations.csv, summary.json and import-report.json. Each is a sequence of text chunks (the two CSVs a few hundred
// rows at a time), which the CLI streams to disk and the app joins into one string, so both write the same bytes.
import {
  citationForRuleId,
  shortSource,
  TARGET_CLASS_ZH,
  FINDING_STATUS_ZH,
  type Assessment,
  type AssessedSite,
  type AssessedZone,
  type Requirement,
  type SetbackRule,
  type Site,
  type Finding,
} from '../engine';
import { csvChunks, joinChunks, type CsvColumn } from './csvWrite';
import { csvByteChunks, CsvByteWriter } from './csvBytes';
import type { ImportFileReport } from './importSites';

export interface InputDigest {
  file: string;
  sha256: string;
}

const SITE_COLUMNS: CsvColumn<AssessedSite>[] = [
  { header: 'id', value: (s) => s.id },
  { header: 'name', value: (s) => s.name },
  { header: 'category', value: (s) => s.category },
  { header: 'role', value: (s) => s.role },
  { header: 'lon', value: (s) => s.lon, digits: 7 },
  { header: 'lat', value: (s) => s.lat, digits: 7 },
  { header: 'district', value: (s) => s.district },
  { header: 'domain', value: (s) => s.domain },
  { header: 'score', value: (s) => s.score },
  { header: 'level', value: (s) => s.level },
  // extension after the contract columns: which method set the level
  { header: 'score_method', value: (s) => s.scoreMethod },
];

export function violationColumns(a: Assessment): CsvColumn<Finding>[] {
  const names = new Map(a.sites.map((s) => [s.id, s.name]));
  return violationColumnsNamed(
    (v) => names.get(v.hazardId),
    (v) => names.get(v.targetId),
  );
}

function violationColumnsNamed(
  hazardName: (v: Finding) => string | undefined,
  targetName: (v: Finding) => string | undefined,
): CsvColumn<Finding>[] {
  return [
    { header: 'hazard_id', value: (v) => v.hazardId },
    { header: 'target_id', value: (v) => v.targetId },
    { header: 'rule_id', value: (v) => v.ruleId },
    { header: 'distance_m', value: (v) => v.distanceM, digits: 2 },
    { header: 'required_m', value: (v) => v.requiredM, digits: 2 },
    { header: 'shortfall_m', value: (v) => v.shortfallM, digits: 2 },
    { header: 'status', value: (v) => v.status },
    // extensions after the contract columns
    { header: 'hazard_name', value: hazardName },
    { header: 'target_name', value: targetName },
    { header: 'target_class', value: (v) => v.targetClass },
    { header: 'target_class_reason', value: (v) => v.targetClassReason },
    { header: 'measured_between', value: (v) => v.measuredBetween },
    { header: 'source', value: (v) => v.source },
    { header: 'note', value: (v) => v.note },
    // later extensions: the screening flag (a point on either side, GB 50156 附录A) and the pair's other requirements
    { header: 'screening', value: (v) => (v.screening ? 'true' : 'false') },
    { header: 'other_requirements', value: (v) => otherRequirementsCell(v.otherRequirements) },
    // QRA individual risk (issue #20): the risk the target lies in, the criterion, and the installation's status
    // that chose it (empty for distance findings)
    { header: 'risk_per_year', value: (v) => (v.risk?.perYear == null ? null : v.risk.perYear.toExponential()) },
    { header: 'criterion_per_year', value: (v) => (v.risk ? v.risk.criterionPerYear.toExponential() : null) },
    { header: 'installation_status', value: (v) => v.risk?.installationStatus ?? null },
  ];
}

// A plan's list of other requirements is shared by all its findings: its cell is written once per list, not once
// per row (a new string on every row also had to be hashed again to find its encoding).
const requirementCells = new WeakMap<readonly Requirement[], string>();
function otherRequirementsCell(list: readonly Requirement[]): string {
  if (list.length === 0) return '';
  let cell = requirementCells.get(list);
  if (cell === undefined)
    requirementCells.set(list, (cell = list.map((o) => `${o.ruleId}=${o.requiredM ?? ''}`).join(';')));
  return cell;
}

/** The other requirements of a finding for people: "site-protection-distance 20 m (本单位外部安全防护距离评估结论…); …". */
export function otherRequirementsText(v: Finding): string {
  return v.otherRequirements
    .map((o) => `${o.ruleId} ${o.requiredM === null ? '未评估' : `${o.requiredM} m`} (${shortSource(o.source)})`)
    .join('; ');
}

/** The violation table for people (Chinese headers and words, rule and source on every row): the app's download of
 * its list and the white paper's T2 are the same table. With the rule table, a city rule's source carries its label. */
export function violationTableColumns(
  a: Assessment,
  rules: readonly SetbackRule[] = [],
): (CsvColumn<Finding> & { width?: number })[] {
  const names = new Map(a.sites.map((s) => [s.id, s.name]));
  return [
    { header: '状态', value: (v) => FINDING_STATUS_ZH[v.status], width: 8 },
    { header: '危险源编号', value: (v) => v.hazardId, width: 16 },
    { header: '危险源名称', value: (v) => names.get(v.hazardId), width: 28 },
    { header: '防护目标编号', value: (v) => v.targetId, width: 20 },
    { header: '防护目标名称', value: (v) => names.get(v.targetId), width: 28 },
    { header: '实测距离(m)', value: (v) => v.distanceM, digits: 2, width: 12 },
    { header: '要求距离(m)', value: (v) => v.requiredM, digits: 2, width: 12 },
    { header: '差距(m)', value: (v) => v.shortfallM, digits: 2, width: 10 },
    { header: '规则', value: (v) => v.ruleId, width: 26 },
    { header: '依据', value: (v) => citationForRuleId(v.ruleId, v.source, rules), width: 60 },
    { header: '防护目标类别', value: (v) => TARGET_CLASS_ZH[v.targetClass], width: 16 },
    { header: '类别认定依据', value: (v) => v.targetClassReason, width: 40 },
    {
      header: '量测方式',
      value: (v) => `边缘到边缘,WGS-84 椭球测地线(${geometryPairZh(v.measuredBetween)})`,
      width: 30,
    },
    { header: '假设', value: (v) => v.note, width: 30 },
    { header: '初筛', value: (v) => (v.screening ? '是' : '否'), width: 6 },
    { header: '同时适用的其他要求', value: (v) => otherRequirementsText(v), width: 40 },
  ];
}

const GEOMETRY_ZH: Record<string, string> = {
  Point: '点',
  MultiPoint: '点',
  LineString: '线',
  MultiLineString: '线',
  Polygon: '面',
  MultiPolygon: '面',
};
/** "Point–Polygon" → "点–面" */
function geometryPairZh(pair: string): string {
  return pair.replace(/[A-Za-z]+/g, (w) => GEOMETRY_ZH[w] ?? w);
}

/** One of the five contract files: its name and its text as chunks, produced on demand (each call starts afresh). */
export interface AssessOutput {
  path: string;
  chunks: () => Iterable<string>;
}

export interface AssessOutputInput {
  assessment: Assessment;
  reports: ImportFileReport[];
  digests: InputDigest[];
  borderlineToleranceM: number;
  dataDate: string | null;
}

/** The five contract files of `assess` (docs/batch-interface.md), in the order they are written. */
export function assessOutputs(i: AssessOutputInput): AssessOutput[] {
  const a = i.assessment;
  return [
    { path: 'import-report.json', chunks: () => [importReportJson(i.reports)] },
    { path: 'sites.csv', chunks: () => sitesCsvChunks(a) },
    { path: 'zones.geojson', chunks: () => [zonesGeoJson(a)] },
    { path: 'violations.csv', chunks: () => violationsCsvChunks(a) },
    {
      path: 'summary.json',
      chunks: () => [summaryJson(a, i.digests, { borderlineToleranceM: i.borderlineToleranceM, dataDate: i.dataDate })],
    },
  ];
}

export function sitesCsvChunks(a: Assessment): Iterable<string> {
  return csvChunks(a.sites, SITE_COLUMNS);
}

export function sitesCsv(a: Assessment): string {
  return joinChunks(sitesCsvChunks(a));
}

export function violationsCsvChunks(a: Assessment, options: { bom?: boolean } = {}): Iterable<string> {
  return csvChunks(a.findings, violationColumns(a), options);
}

/**
 * violations.csv written as the findings are made (the engine's `onFinding`), as UTF-8 chunks through `emit`: the
 * same bytes as `violationsCsvChunks` of the whole assessment, with no finding kept. `end()` after the last.
 */
export function violationsCsvWriter(
  emit: (chunk: Uint8Array) => void,
  options: { reuse?: boolean; header?: boolean } = {},
): ViolationsCsvWriter {
  let hazard: Site | null = null;
  let target: Site | null = null;
  const writer = new CsvByteWriter(
    violationColumnsNamed(
      () => hazard!.name,
      () => target!.name,
    ),
    emit,
    options,
  );
  if (options.header !== false) writer.header();
  return {
    add: (v, h, t) => {
      hazard = h;
      target = t;
      writer.row(v);
    },
    rows: () => writer.rowCount,
    flush: () => writer.flush(),
    end: (rowsElsewhere) => writer.end(rowsElsewhere),
  };
}

/**
 * violations.csv written row by row. A batch run's other parts are written by writers without a header
 * (`header: false`) and ended with `flush`; the first part's writer flushes, the caller appends the parts' bytes,
 * and `end(their rows)` finishes the table.
 */
export interface ViolationsCsvWriter {
  add: (v: Finding, hazard: Site, target: Site) => void;
  rows: () => number;
  flush: () => void;
  end: (rowsElsewhere?: number) => void;
}

/** sites.csv as UTF-8 chunks through `emit` (the CLI's writer; the same bytes as `sitesCsvChunks`). */
export function writeSitesCsv(
  a: Pick<Assessment, 'sites'>,
  emit: (chunk: Uint8Array) => void,
  options: { reuse?: boolean } = {},
): void {
  const writer = sitesCsvWriter(emit, options);
  for (const s of a.sites) writer.add(s);
  writer.end();
}

/** sites.csv a site at a time, in id order (an executor that holds no site list: the PostGIS load). */
export function sitesCsvWriter(
  emit: (chunk: Uint8Array) => void,
  options: { reuse?: boolean } = {},
): { add: (s: AssessedSite) => void; end: () => void } {
  const writer = new CsvByteWriter(SITE_COLUMNS, emit, options);
  writer.header();
  return { add: (s) => writer.row(s), end: () => writer.end() };
}

/** sites.csv as UTF-8 chunks (the same bytes as `sitesCsvChunks`). */
export function sitesCsvBytes(a: Assessment): Iterable<Uint8Array> {
  return csvByteChunks(a.sites, SITE_COLUMNS);
}

export function violationsCsv(a: Assessment, options: { bom?: boolean } = {}): string {
  return joinChunks(violationsCsvChunks(a, options));
}

export function zonesGeoJson(a: Assessment): string {
  // only the sites that contribute to a zone are looked up (none without zones: a million sites need no map then)
  const scoring = new Map(
    a.zones.length ? a.sites.map((s) => [s.id, { method: s.scoreMethod, reason: s.levelReason }]) : [],
  );
  return (
    ZONES_GEOJSON_START + a.zones.map((z) => zoneFeatureJson(z, (id) => scoring.get(id))).join(',') + ZONES_GEOJSON_END
  );
}

/** zones.geojson is these two around the features joined by commas (JSON.stringify of the collection, written a zone at a time). */
export const ZONES_GEOJSON_START = '{"type":"FeatureCollection","features":[';
export const ZONES_GEOJSON_END = ']}\n';

/** How a contributing site was scored, as zones.geojson's contributor_details give it. */
export interface ContributorScoring {
  method: AssessedSite['scoreMethod'];
  reason: string;
}

/** One zone's feature of zones.geojson. */
export function zoneFeatureJson(
  z: AssessedZone,
  scoringOf: (siteId: string) => ContributorScoring | undefined,
): string {
  return JSON.stringify({
    type: 'Feature',
    properties: {
      id: z.id,
      name: z.name,
      level: z.level,
      score: z.score,
      mode: z.mode,
      contributors: z.contributors.map((c) => c.siteId),
      reason: z.reason,
      contributor_details: z.contributors.map((c) => ({
        site_id: c.siteId,
        level: c.level,
        score: c.score,
        score_method: scoringOf(c.siteId)?.method ?? null,
        score_reason: scoringOf(c.siteId)?.reason ?? '',
        how: c.how,
        distance_m: round2(c.distanceM),
      })),
    },
    geometry: z.geometry,
  });
}

export function summaryJson(
  a: Assessment,
  inputs: InputDigest[],
  config: { borderlineToleranceM: number; dataDate?: string | null },
): string {
  const summary = {
    data_date: config.dataDate ?? null,
    method_profile: a.methodId,
    matrix_scheme: a.matrixId,
    rule_table: a.rulesId,
    aggregation_mode: a.aggregationMode,
    borderline_tolerance_m: config.borderlineToleranceM,
    sites_by_level: a.stats.sitesByLevel,
    zones_by_level: a.stats.zonesByLevel,
    sites_by_district: a.stats.sitesByDistrict,
    sites_by_domain: a.stats.sitesByDomain,
    violations_by_rule: a.stats.violationsByRule,
    violations_total: a.stats.findingsByStatus,
    hazards_checked: a.stats.hazardsChecked,
    targets_checked: a.stats.targetsChecked,
    pairs_examined: a.stats.pairsExamined,
    hazards_by_rule: a.stats.hazardsByRule,
    targets_by_rule: a.stats.targetsByRule,
    // rescue resources and shelters, counted apart from the risk points' levels (an extension of the contract)
    reach_sites: a.stats.reachSites,
    inputs: [...inputs].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0)),
  };
  return JSON.stringify(summary, null, 2) + '\n';
}

export function importReportJson(reports: ImportFileReport[]): string {
  return JSON.stringify({ files: reports }, null, 2) + '\n';
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
