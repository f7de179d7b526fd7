// The engine's vocabulary: plain serialisable data, no classes, no DOM.
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import type { MethodProfile } from './method/profile';
import type { AreaType, ShelterClass, StationGrade } from './reach/profile';

export type ScoreMethod = 'matrix' | 'lec' | 'major_hazard';

/** Risk levels, highest first (国务院安委办 双重预防 wording: 重大/较大/一般/低 = 红/橙/黄/蓝). */
export const LEVELS = ['red', 'orange', 'yellow', 'blue'] as const;
export type Level = (typeof LEVELS)[number];
/**
 * Where something without a level is counted and filtered (summary.json's `unscored`, shown as 未评级): a site or
 * zone's own `level` is then `null`. Absence of data is never a level, least of all 低.
 */
export const UNSCORED = 'unscored';
export type LevelOrUnscored = Level | typeof UNSCORED;
export const LEVELS_AND_UNSCORED: readonly LevelOrUnscored[] = [...LEVELS, UNSCORED];

/** How a zone's level comes from its sites: 就高 (the highest site), a weighted index, or relative density. */
export const AGGREGATION_MODES = ['max', 'index', 'relative'] as const;
export type AggregationMode = (typeof AGGREGATION_MODES)[number];

export const GRID_SHAPES = ['square', 'hex'] as const;
export type GridShape = (typeof GRID_SHAPES)[number];
/** A generated zoning grid: its cell shape and size. */
export interface GridSpec {
  shape: GridShape;
  /** square: side; hex: distance between the centres of neighbouring cells (flat-to-flat width), metres */
  cellM: number;
}
/** How a project is zoned: by its zone polygons, or by a grid laid over them. */
export type Zoning = { kind: 'polygons' } | ({ kind: 'grid' } & GridSpec);

/** Setback role of a site category: a hazard keeps distance from targets; a risk point only takes part in zoning. */
export type Role = 'hazard' | 'target' | 'risk';

export type VapourRecovery = 'none' | 'unloading' | 'full';

/** The four building classes of GB 50156 附录B, strictest first. */
export const PROTECTION_CLASSES = ['important_public', 'class1', 'class2', 'class3'] as const;
export type ProtectionClass = (typeof PROTECTION_CLASSES)[number];

/** A site after import: geometry in WGS-84 lon/lat, attributes in canonical units. */
export interface Site {
  id: string;
  name: string;
  category: string;
  geometry: Geometry;
  district?: string;
  domain?: string;
  likelihood?: number;
  severity?: number;
  /** LEC factors (作业条件危险性评价法), values of the published tables */
  lecL?: number;
  lecE?: number;
  lecC?: number;
  /** 重大危险源: a given grade, a given R, or α and the substances to compute R */
  majorHazardGrade?: 1 | 2 | 3 | 4;
  majorHazardR?: number;
  majorHazardAlpha?: number;
  majorHazardItems?: { q: number; Q: number; beta: number }[];
  stationGrade?: 1 | 2 | 3;
  vapourRecovery?: VapourRecovery;
  /** a hazchem installation's 新建 (new, incl. 改建/扩建) or 在役 (existing): chooses its individual-risk criterion (issue #20) */
  installationStatus?: 'new' | 'existing';
  /** 常住人口 within 500 m of the boundary of a 重大危险源, for its α (原安监总局令第40号 附件1 表3) */
  people500m?: number;
  /** persons (pupils, seats, visitors) the site serves */
  users?: number;
  beds?: number;
  /** 民用建筑物保护类别 as the data states it (GB 50156 附录B), for targets whose class the size fields cannot decide */
  protectionClass?: ProtectionClass;
  /** 外部安全防护距离 from the site's own GB/T 37243 assessment, metres */
  protectionDistanceM?: number;
  responsibleUnit?: string;
  controls?: string;
  /** true for the demo's invented sites (示例数据,虚构) */
  fictitious?: boolean;
  /** fire_station / rescue_team: 特勤、一级、二级、小型、微型 station, 专职 or 企业 team (reach/profile.ts) */
  rescueGrade?: StationGrade;
  /** shelter: 紧急 / 短期、中期、长期固定 / 中心避难场所 (GB 51143 §3.1.4) */
  shelterClass?: ShelterClass;
  /** shelter: 有效避难面积, m²; its capacity is this over the class's per-capita area when no capacity (`users`) is given */
  effectiveAreaM2?: number;
  /** residential: 户数, turned into residents with the profile's persons per household when `users` is absent */
  households?: number;
}

export interface Zone {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  /** residents, for per-population normalisation */
  population?: number;
  /** administrative code (adcode), when the zoning file gives one: the order districts are listed in */
  code?: string;
  /** 区域类型 (建成区 / 工业园区 / 郊区 / 农村): which rescue circle applies there (135 or 15 minutes) */
  areaType?: AreaType;
}

/** One cell-level risk matrix scheme: level of every (L, S) cell, L and S in 1..5. */
export interface RiskMatrixMethod {
  id: string;
  name: string;
  source: string;
  status: 'verified' | 'partly' | 'unverified' | 'city';
  /** cells[L-1][S-1] */
  cells: Level[][];
  likelihoodScale: string[];
  severityScale: string[];
  note?: string;
}

export const TARGET_CLASSES = [
  'important_public',
  'important_entrance',
  'class1',
  'class2',
  'class3',
  'water_source',
  'section19',
] as const;
export type TargetClass = (typeof TARGET_CLASSES)[number];

export interface RuleCondition {
  stationGrade?: 1 | 2 | 3;
  vapourRecovery?: VapourRecovery;
}

/**
 * How a rule's clause was read. `official`: the official text; `secondary`: a repost, OCR copy or study copy of
 * the text; `not_found`: nobody could read the clause (the rule is a placeholder that reports 未评估, never a pass);
 * `city`: the city's own rule. `verified` (confirmed by the city's user), `partly` and `unverified` are the older
 * vocabulary, still read from tables users exported before.
 */
export const RULE_STATUSES = [
  'official',
  'secondary',
  'not_found',
  'city',
  'verified',
  'partly',
  'unverified',
] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** Where a rule's distance comes from, so an assessor can check it clause by clause. */
export interface RuleProvenance {
  /** standard or regulation, with its number, e.g. 「GB 50156《汽车加油加气站设计与施工规范》」 */
  standard: string;
  /** the edition that was read, e.g. 「2012年版(2014年局部修订)」 */
  edition: string;
  /** table, row and column, or article, e.g. 「表4.0.4 重要公共建筑物行」 */
  clause: string;
  /** the cell or sentence as read */
  quote: string;
  /** addresses where the quoted text was read */
  readAt: string[];
  /** what was not read or compared (e.g. a newer edition) */
  remark?: string;
}

/**
 * `distance` (the default): the hazard keeps at least min_distance_m from the target. `not_inside`: the hazard must
 * not lie inside or touch the target's area (min_distance_m 0), e.g. a fireworks shop inside a residential compound;
 * judged only where the target is given as an area.
 */
export type RuleKind = 'distance' | 'not_inside';

export interface SetbackRule {
  id: string;
  hazard: { categories: string[]; conditions?: RuleCondition };
  target: { classes?: TargetClass[]; categories?: string[] };
  /** null: the hazard's own assessed protection distance governs (条例 §19 + GB/T 37243) */
  min_distance_m: number | null;
  /** short citation carried by every finding (violations.csv) */
  source: string;
  status: RuleStatus;
  note?: string;
  kind?: RuleKind;
  provenance?: RuleProvenance;
}

export interface SetbackRuleTable {
  id: string;
  name: string;
  rules: SetbackRule[];
}

export interface AssessConfig {
  method: MethodProfile;
  rules: SetbackRuleTable;
  /** A distance within this many metres of the limit is 临界 (borderline), not a verdict either way. */
  borderlineToleranceM: number;
  /** Targets within this radius of a hazchem site lacking an assessed distance are listed as not_assessed. */
  notAssessedScreeningM: number;
}

/**
 * One individual-risk iso-contour of a quantitative risk assessment (QRA, GB/T 37243): inside it the individual risk
 * is at least `riskPerYear` (issue #20).
 */
export interface RiskContour {
  /** the installation it belongs to: an imported hazard site's id */
  installationId: string;
  riskPerYear: number;
  geometry: Polygon | MultiPolygon;
  /** new or existing (在役) installation: chooses the criterion; absent, the criteria's strict default is used */
  installationStatus?: 'new' | 'existing';
}

export interface AssessInput {
  sites: Site[];
  /** QRA individual-risk contours, judged against GB 36894-style criteria per protection target */
  contours?: RiskContour[];
  /** zoning units, or with `grid` the study area a grid is laid over */
  zones: Zone[];
  /** zone by a generated grid (square or hexagon, cell size in metres) instead of the polygons themselves */
  grid?: GridSpec;
}

export interface AssessedSite {
  id: string;
  name: string;
  category: string;
  role: Role | null;
  district: string;
  domain: string;
  geometry: Geometry;
  /** representative point (lon, lat) for tables and labels */
  lon: number;
  lat: number;
  score: number | null;
  level: Level | null;
  /** which method set the level (the highest of those the site has data for) */
  scoreMethod: ScoreMethod | null;
  /** why this level: e.g. "L=4 × S=5 = 20 → red (scheme A)" */
  levelReason: string;
  /** hazard footprint radius used for zoning, metres (0 for non-hazards) */
  footprintM: number;
  /** what the site's own protection distance may do beside the table (GB/T 37243 scope); empty when it declares none */
  protectionDistanceNote: string;
  fictitious: boolean;
  responsibleUnit: string;
  controls: string;
}

export interface ZoneContributor {
  siteId: string;
  level: Level;
  score: number;
  /** inside: the site lies in the zone; footprint: its protection footprint reaches the zone */
  how: 'inside' | 'footprint';
  distanceM: number;
}

export interface AssessedZone {
  id: string;
  name: string;
  geometry: Polygon | MultiPolygon;
  level: Level | null;
  /** max: the highest site score; index: I; relative: density */
  score: number;
  mode: AggregationMode;
  contributors: ZoneContributor[];
  reason: string;
}

export type FindingStatus = 'violation' | 'borderline' | 'not_assessed';

export interface Finding {
  hazardId: string;
  targetId: string;
  ruleId: string;
  distanceM: number;
  requiredM: number | null;
  shortfallM: number | null;
  status: FindingStatus;
  source: string;
  targetClass: TargetClass;
  targetClassReason: string;
  /** closest points, hazard side then target side (lon, lat) */
  closest: [[number, number], [number, number]];
  measuredBetween: string;
  /** assumptions made for missing attributes (从严), e.g. station grade; and the screening sentence when `screening` */
  note: string;
  /**
   * true when the hazard or the target is given only as a point: GB 50156 附录A's measuring points (tank outer wall,
   * dispenser centreline, outer-wall axis) cannot be used, so the verdict is a screening result (初筛)
   */
  screening: boolean;
  /** the pair's other requirements, largest first (the site's own distance, other table rules; null = not assessed) */
  otherRequirements: { ruleId: string; requiredM: number | null; source: string }[];
  /** a finding of individual risk (QRA contours, issue #20) instead of a distance: `requiredM` is then null */
  risk?: RiskFinding;
}

export interface RiskFinding {
  /** the highest contour value the target lies in (per year); null when it lies in none that decides */
  perYear: number | null;
  /** the acceptable risk for the target's class and the installation's status (per year) */
  criterionPerYear: number;
  installationStatus: 'new' | 'existing';
  /** the status was not given: the criteria's strict default was used */
  installationStatusAssumed: boolean;
  /** the criteria's target class id */
  riskClass: string;
}

/** Sites or zones counted by level, those without one under `unscored`. */
export type Counts = Record<LevelOrUnscored, number>;

export type FindingCounts = Record<FindingStatus, number>;

export interface AssessmentStats {
  sitesByLevel: Counts;
  zonesByLevel: Counts;
  sitesByDistrict: Record<string, Counts>;
  sitesByDomain: Record<string, Counts>;
  violationsByRule: Record<string, FindingCounts>;
  /** all findings by status (counted once here; the CLI message, summary.json and the white paper read it) */
  findingsByStatus: FindingCounts;
  /** rescue resources and shelters among the sites: not risk points, so not in the counts by level (issue #21) */
  reachSites: { fire_station: number; rescue_team: number; shelter: number };
  hazardsChecked: number;
  targetsChecked: number;
  pairsExamined: number;
  /** hazards each rule binds, by rule id (the denominator of a rule's compliance) */
  hazardsByRule: Record<string, number>;
  /**
   * sites of the rule's target classes or categories anywhere in the data, by rule id: 0 means the rule had nothing
   * to check (无检查对象), so its hazards are not 符合 but unchecked
   */
  targetsByRule: Record<string, number>;
}

export interface Assessment {
  /** method profile id, its risk-matrix scheme and aggregation mode */
  methodId: string;
  matrixId: string;
  aggregationMode: AggregationMode;
  /** the grid the zones were built from, when not the input polygons */
  grid: GridSpec | null;
  rulesId: string;
  sites: AssessedSite[];
  zones: AssessedZone[];
  /** every finding, sorted by hazard id, target id, rule id; empty when they went to `assess`'s `onFinding` sink */
  findings: Finding[];
  stats: AssessmentStats;
}
