// The engine's one entry point: assess(input, config) → Assessment. Deterministic: the same input in any order
// gives the same output (everything is sorted by id), and nothing depends on the clock.
import type { AssessConfig, AssessedSite, Assessment, AssessInput, Site, Finding, Zone } from './model';
import { categoryByCode, roleOf } from './categories';
import { scoreSite } from './method/scoreSite';
import { zoneMax } from './risk/zoneMax';
import { zoneIndex, zoneRelative } from './risk/zoneDensity';
import { zoneGrid } from './zoning/zoneGrid';
import { hazardRules, largestRequiredM } from './setback/hazardRules';
import {
  checkSetbacks,
  compareFindings,
  type FindingSink,
  type HazardPart,
  type SetbackResult,
} from './setback/checkSetbacks';
import { checkContainment, type ContainmentResult } from './setback/checkContainment';
import { checkContours, qraRuleId, replacedByContours } from './qra/checkContours';
import { DEFAULT_QRA_CRITERIA, targetRiskClass } from './qra/criteria';
import { siteDistanceNote } from './setback/assessedDistanceScope';
import { targetsByRule } from './setback/targetsByRule';
import { targetKinds, type TargetKinds } from './setback/targetKinds';
import { summarise } from './stats/summarise';
import { findingTally, type FindingTally, type TallyCounts } from './stats/findingTally';
import { zoneLocator } from './zoning/locateZone';
import { representativePoint } from './geo/bbox';

export interface AssessOptions {
  /**
   * Each finding, in the order of `findings`, with its two sites, as soon as it is made; the assessment then keeps
   * none (`violations` is empty, the statistics count them all): the batch CLI writes violations.csv this way.
   */
  onFinding?: FindingSink;
}

export function assess(
  input: AssessInput,
  config: AssessConfig,
  onProgress?: (share: number, stage: string) => void,
  options: AssessOptions = {},
): Assessment {
  const prepared = prepareAssessment(input);
  if (options.onFinding) {
    const streamed = streamFindings(input, prepared, config, options.onFinding);
    return finishAssessment(input, prepared, config, streamed, onProgress, streamed.tally);
  }
  const inside = containmentFindings(input, prepared, config);
  const distances = checkSetbacks(prepared.hazards, prepared.targets, config, prepared.kinds);
  return finishAssessment(input, prepared, config, { distances, inside }, onProgress);
}

/** The findings of one part of the hazards (or of all), handed on as they are made and counted; none is kept. */
export interface StreamedFindings extends SetbackFindings {
  tally: FindingTally;
}

/**
 * The findings of the hazards in `part` (all by default), each handed to `onFinding` in order (hazard id, target id,
 * rule id) and counted. `inside` is every hazard's containment result (its rule counts belong to the whole run); only
 * the part's own containment findings are handed on and counted, so the parts' tallies add up to the whole's.
 */
export function streamFindings(
  input: AssessInput,
  prepared: PreparedAssessment,
  config: AssessConfig,
  onFinding: FindingSink,
  part: HazardPart = { from: 0, to: prepared.hazards.length },
): StreamedFindings {
  const { sites, hazards, targets, kinds } = prepared;
  const inside = containmentFindings(input, prepared, config);
  const tally = findingTally();
  const judgedByContours = replacedByContours(input.contours);
  const sink = countedSink(onFinding, tally.add, inside.findings.filter(ofPart(hazards, part)), sites);
  // the distance findings the contours answer are dropped before they are counted, as finishAssessment drops them from
  // a listed assessment: summary.json counts what violations.csv holds
  const add = judgedByContours
    ? (v: Finding, hazard: Site, target: Site) => {
        if (!judgedByContours(v, target)) sink.add(v, hazard, target);
      }
    : sink.add;
  const distances = checkSetbacks(hazards, targets, config, kinds, add, part);
  sink.end();
  return { distances, inside, tally };
}

/** What one part of the search counted: enough to merge with the other parts (a thread sends just this). */
export interface PartCounts {
  distances: Pick<SetbackResult, 'pairsExamined' | 'hazardsByRule'>;
  tally: TallyCounts;
}

/** The parts' counts as one run's: pairs, hazards per rule and the tallies added up. */
export function mergeStreamedFindings(parts: readonly PartCounts[]): { distances: SetbackResult; tally: FindingTally } {
  const tally = findingTally();
  const hazardsByRule: Record<string, number> = {};
  let pairsExamined = 0;
  for (const p of parts) {
    pairsExamined += p.distances.pairsExamined;
    for (const [rule, n] of Object.entries(p.distances.hazardsByRule))
      hazardsByRule[rule] = (hazardsByRule[rule] ?? 0) + n;
    tally.addCounts(p.tally);
  }
  return { distances: { findings: [], pairsExamined, hazardsByRule }, tally };
}

/** Is a finding's hazard among the part's (hazards in id order: the part is a range of ids)? */
function ofPart(hazards: readonly Site[], part: HazardPart): (v: Finding) => boolean {
  if (part.from >= part.to) return () => false;
  const first = hazards[part.from]!.id;
  const next = part.to < hazards.length ? hazards[part.to]!.id : null;
  return (v) => v.hazardId >= first && (next === null || v.hazardId < next);
}

/** The `not_inside` findings with the QRA contours' findings (few: judged apart from the distance search). */
function containmentFindings(
  input: AssessInput,
  prepared: PreparedAssessment,
  config: AssessConfig,
): ContainmentResult {
  return withContourFindings(
    checkContainment(prepared.hazards, prepared.targets, config, prepared.kinds.classifications),
    input,
    prepared,
    config,
  );
}

/** The containment findings with the QRA contours' findings beside them (same order rule: hazard, target, rule id). */
function withContourFindings(
  inside: ContainmentResult,
  input: AssessInput,
  prepared: PreparedAssessment,
  config: AssessConfig,
): ContainmentResult {
  if (!input.contours?.length) return inside;
  const qra = checkContours(input.contours, prepared.hazards, prepared.targets, prepared.kinds.classifications, config);
  if (qra.findings.length === 0 && Object.keys(qra.hazardsByRule).length === 0) return inside;
  return {
    findings: inside.findings.concat(qra.findings).sort(compareFindings),
    hazardsByRule: { ...inside.hazardsByRule, ...qra.hazardsByRule },
  };
}

const targetMaps = new WeakMap<PreparedAssessment, Map<string, Site>>();
function targetById(p: PreparedAssessment): Map<string, Site> {
  let m = targetMaps.get(p);
  if (!m) targetMaps.set(p, (m = new Map(p.targets.map((t) => [t.id, t]))));
  return m;
}

/** Targets of each QRA class in the data, under both rule ids (0 = 无检查对象, as for the table's rules). */
function qraTargetsByRule(targets: readonly Site[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const k of DEFAULT_QRA_CRITERIA.classes)
    counts[qraRuleId(k.id, 'new')] = counts[qraRuleId(k.id, 'existing')] = 0;
  for (const t of targets) {
    const c = targetRiskClass(DEFAULT_QRA_CRITERIA, t.category, t.users);
    if (!c) continue;
    counts[qraRuleId(c.id, 'new')]!++;
    counts[qraRuleId(c.id, 'existing')]!++;
  }
  return counts;
}

/** The sites in id order, split into hazards and protection targets, the targets classified once. */
export interface PreparedAssessment {
  sites: Site[];
  zones: Zone[];
  hazards: Site[];
  /** the protection targets, hazards among them (a petrol station near a fireworks shop is protected too) */
  targets: Site[];
  kinds: TargetKinds;
}

export function prepareAssessment(input: AssessInput): PreparedAssessment {
  const sites = [...input.sites].sort(byId);
  const zones = [...input.zones].sort(byId);
  const hazards = sites.filter((s) => roleOf(s.category) === 'hazard');
  const targets = sites.filter((s) => roleOf(s.category) === 'target' || roleOf(s.category) === 'hazard');
  return { sites, zones, hazards, targets, kinds: targetKinds(targets) }; // each target classified once for every user
}

/** The setback findings, however they were searched: by this engine's index, or by PostGIS (src/cli/postgis). */
export interface SetbackFindings {
  distances: SetbackResult;
  inside: ContainmentResult;
}

/**
 * Scores, zones and counts around the setback findings. `streamed`: the findings went to a sink as they were made
 * and were counted there; the assessment then lists none.
 */
export function finishAssessment(
  input: AssessInput,
  prepared: PreparedAssessment,
  config: AssessConfig,
  { distances, inside }: SetbackFindings,
  onProgress?: (share: number, stage: string) => void,
  streamed?: FindingTally,
): Assessment {
  const { zones, hazards, targets, kinds } = prepared;
  const assessedSites = assessedSitesOf(prepared, config);
  const { pairsExamined } = distances;
  const judgedByContours = streamed ? null : replacedByContours(input.contours);
  const distanceFindings = judgedByContours
    ? distances.findings.filter((v) => !judgedByContours(v, targetById(prepared).get(v.targetId)!))
    : distances.findings;
  const findings = streamed
    ? []
    : inside.findings.length
      ? distanceFindings.concat(inside.findings).sort(compareFindings)
      : distanceFindings;
  const tally = streamed ?? findingTally();
  if (!streamed) for (const v of findings) tally.add(v);
  const hazardsByRule = { ...distances.hazardsByRule, ...inside.hazardsByRule };
  onProgress?.(0.3, 'setbacks');
  const aggregation = config.method.aggregation;
  const assessedZones = input.grid
    ? zoneGrid(zones, input.grid, assessedSites, aggregation, (share) => onProgress?.(0.3 + 0.7 * share, 'zoning'))
        .zones
    : aggregation.mode === 'index'
      ? zoneIndex(zones, assessedSites, aggregation)
      : aggregation.mode === 'relative'
        ? zoneRelative(zones, assessedSites, aggregation)
        : zoneMax(zones, assessedSites);
  return {
    methodId: config.method.id,
    matrixId: config.method.matrix.id,
    aggregationMode: aggregation.mode,
    grid: input.grid ?? null,
    rulesId: config.rules.id,
    sites: assessedSites,
    zones: assessedZones,
    findings,
    stats: summarise(assessedSites, assessedZones, tally, {
      hazardsChecked: hazards.length,
      targetsChecked: targets.filter((t) => roleOf(t.category) === 'target').length,
      pairsExamined,
      hazardsByRule,
      targetsByRule: input.contours?.length
        ? { ...targetsByRule(kinds, config.rules), ...qraTargetsByRule(targets) }
        : targetsByRule(kinds, config.rules),
    }),
  };
}

const assessedOf = new WeakMap<PreparedAssessment, { config: AssessConfig; sites: AssessedSite[] }>();

/**
 * The sites scored and located, in id order (what sites.csv lists): they do not depend on the findings, so a batch
 * run writes them while its other threads still search. Made once per prepared input and config.
 */
export function assessedSitesOf(prepared: PreparedAssessment, config: AssessConfig): AssessedSite[] {
  const known = assessedOf.get(prepared);
  if (known?.config === config) return known.sites;
  const locate = zoneLocator(prepared.zones);
  const sites = prepared.sites.map((s) => assessSite(s, locate, config));
  assessedOf.set(prepared, { config, sites });
  return sites;
}

export function assessSite(
  site: Site,
  locate: (lon: number, lat: number) => Zone | undefined,
  config: AssessConfig,
): AssessedSite {
  const role = roleOf(site.category);
  const scored = scoreSite(config.method, site);
  const g = site.geometry;
  // a point is its own representative point (read in place: no pair made for each of a million sites)
  const at = g.type === 'Point' ? null : representativePoint(g);
  const lon = at ? at[0] : g.type === 'Point' ? g.coordinates[0]! : NaN;
  const lat = at ? at[1] : g.type === 'Point' ? g.coordinates[1]! : NaN;
  const footprintM = role === 'hazard' ? largestRequiredM(site, hazardRules(site, config.rules).rules) : 0;
  return {
    id: site.id,
    name: site.name,
    category: site.category,
    role,
    district: site.district ?? locate(lon, lat)?.name ?? '',
    domain: site.domain ?? categoryByCode(site.category)?.domain ?? '其他',
    geometry: site.geometry,
    lon,
    lat,
    score: scored?.score ?? null,
    level: scored?.level ?? null,
    scoreMethod: scored?.method ?? null,
    levelReason: scored?.reason ?? '未提供 L/S、LEC 或重大危险源等级,未评分',
    footprintM,
    protectionDistanceNote: role === 'hazard' ? siteDistanceNote(site.category, site.protectionDistanceM) : '',
    fictitious: site.fictitious ?? false,
    responsibleUnit: site.responsibleUnit ?? '',
    controls: site.controls ?? '',
  };
}

/**
 * The sink the distance search hands its findings to: each counted, and the containment findings (few, made first)
 * merged in at their place in id order; on a tie the distance finding goes first, as the sort of the whole list puts it.
 */
function countedSink(
  onFinding: FindingSink,
  count: (v: Finding) => void,
  found: Finding[],
  sites: Site[],
): { add: FindingSink; end: () => void } {
  const inside = [...found].sort(compareFindings);
  const named = new Set(inside.flatMap((v) => [v.hazardId, v.targetId]));
  const siteOf = new Map(sites.filter((s) => named.has(s.id)).map((s) => [s.id, s]));
  let next = 0;
  const flushBefore = (v: Finding | null) => {
    for (; next < inside.length && (v === null || compareFindings(inside[next]!, v) < 0); next++) {
      const c = inside[next]!;
      count(c);
      onFinding(c, siteOf.get(c.hazardId)!, siteOf.get(c.targetId)!);
    }
  };
  return {
    add: (v, hazard, target) => {
      if (next < inside.length) flushBefore(v);
      count(v);
      onFinding(v, hazard, target);
    },
    end: () => flushBefore(null),
  };
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
