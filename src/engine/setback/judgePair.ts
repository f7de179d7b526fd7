// The verdict for one hazard–target pair: which rules bind it (planned once per kind of pair), then measure
// edge to edge and report what fails.
import type { AssessConfig, SetbackRule, Site, TargetClass, Finding } from '../model';
import { exactDistance, planarDistance } from '../geo/edgeToEdge';
import type { TargetClassification } from './classifyTarget';
import type { HazardRules } from './hazardRules';
import { siteDistanceSource } from './assessedDistanceScope';
import { screeningNote } from './measuringPoints';

export const SITE_DISTANCE_RULE_ID = 'site-protection-distance';

/** One distance that binds a pair: a table rule, or the site's own assessed distance. */
export interface Requirement {
  ruleId: string;
  /** null: the site's own assessed distance is required but missing (条例 §19) */
  requiredM: number | null;
  source: string;
}

/** What binds a kind of pair (hazard profile × target class), independent of where the two sites are. */
export interface PairPlan {
  /** the largest of the site's own distance and every applicable table distance (a tie goes to the table) */
  governing: (Requirement & { requiredM: number; targetClass: TargetClass }) | null;
  /** every other requirement of the pair, largest first, so a finding shows what it was weighed against */
  others: Requirement[];
  unassessed: { ruleId: string; source: string; targetClass: TargetClass } | null;
  /** beyond this many metres nothing can be reported for the pair */
  reachM: number;
}

/**
 * The governing requirement is the largest of the hazard's own protection distance (GB/T 37243) and every applicable
 * table rule: a site's own assessment may add to the tables, never lower them.
 */
export function planPair(
  hazard: Site,
  hazardRules: HazardRules,
  target: Site,
  targetClass: TargetClassification,
  config: AssessConfig,
): PairPlan | null {
  const matching = hazardRules.rules.filter((r) => ruleMatchesTarget(r, target.category, targetClass.classes));
  if (matching.length === 0) return null;
  const candidates: (Requirement & { requiredM: number; targetClass: TargetClass })[] = [];
  for (const r of matching) {
    if (r.min_distance_m !== null)
      candidates.push({
        ruleId: r.id,
        requiredM: r.min_distance_m,
        source: r.source,
        targetClass: firstMatchingClass(r, targetClass.classes),
      });
  }
  if (hazard.protectionDistanceM !== undefined) {
    candidates.push({
      ruleId: SITE_DISTANCE_RULE_ID,
      requiredM: hazard.protectionDistanceM,
      source: siteDistanceSource(hazard.category),
      targetClass: firstMatchingClass(matching[0]!, targetClass.classes),
    });
  }
  let governing: PairPlan['governing'] = null;
  for (const c of candidates) if (governing === null || c.requiredM > governing.requiredM) governing = c; // strict: ties stay with the earlier (table) rule
  const rule19 = hazard.protectionDistanceM === undefined ? matching.find((r) => r.min_distance_m === null) : undefined;
  const unassessed = rule19
    ? { ruleId: rule19.id, source: rule19.source, targetClass: firstMatchingClass(rule19, targetClass.classes) }
    : null;
  const others: Requirement[] = candidates
    .filter((c) => c !== governing)
    .sort((a, b) => b.requiredM - a.requiredM)
    .map(({ ruleId, requiredM, source }) => ({ ruleId, requiredM, source }));
  if (unassessed) others.push({ ruleId: unassessed.ruleId, requiredM: null, source: unassessed.source });
  const reachM = Math.max(
    governing ? governing.requiredM + config.borderlineToleranceM : 0,
    unassessed ? config.notAssessedScreeningM : 0,
  );
  return { governing, others, unassessed, reachM };
}

/** Below this the plane and the ellipsoid cannot disagree (local-plane error < 0.2 mm at 5 km). */
const PLANE_MARGIN_M = 0.01;

/**
 * Statuses: `violation` when the distance falls short of the requirement by more than the borderline band,
 * `borderline` (临界) within ± the band (a band of 0 means none), nothing when it clears it; `not_assessed` when a
 * §19 hazard has no assessed protection distance and the target lies within the screening radius.
 * Pairs that clearly clear every limit in the local plane are not measured again; reported distances are exact geodesics.
 */
export function judgePlannedPair(
  hazard: Site,
  target: Site,
  plan: PairPlan,
  targetClass: TargetClassification,
  note: string,
  config: AssessConfig,
  found: Finding[] = [],
): Finding[] {
  const planar = planarDistance(hazard.geometry, target.geometry);
  if (planar.planarDistanceM > plan.reachM + PLANE_MARGIN_M) return found;
  return judgeMeasuredPair(hazard, target, plan, targetClass, note, config, exactDistance(planar), found);
}

/** Whether a pair of this plan at this exact distance gives any finding (a caller measuring elsewhere asks first). */
export function reportsAt(plan: PairPlan, distanceM: number, config: AssessConfig): boolean {
  if (plan.governing && governingStatus(plan.governing.requiredM, distanceM, config.borderlineToleranceM)) return true;
  return plan.unassessed !== null && distanceM <= config.notAssessedScreeningM;
}

/**
 * Judged to the millimetre so float noise cannot flip a verdict at exactly the limit (distance ≥ required complies):
 * `violation` short by more than the band, `borderline` within ± the band (none when the band is 0), else null.
 */
function governingStatus(requiredM: number, distanceM: number, band: number): 'violation' | 'borderline' | null {
  const shortfall = shortfallOf(requiredM, distanceM);
  return shortfall > band ? 'violation' : band > 0 && shortfall >= -band ? 'borderline' : null;
}

function shortfallOf(requiredM: number, distanceM: number): number {
  return requiredM - Math.round(distanceM * 1000) / 1000;
}

/**
 * The verdict for a pair already measured (edge to edge, exact on the ellipsoid): by this engine's own search, or by
 * another executor (PostGIS) that returns the distance; the statuses are decided here either way.
 */
export function judgeMeasuredPair(
  hazard: Site,
  target: Site,
  plan: PairPlan,
  targetClass: TargetClassification,
  note: string,
  config: AssessConfig,
  d: { distanceM: number; closestA: [number, number]; closestB: [number, number]; between: string },
  found: Finding[] = [],
): Finding[] {
  const closest: Finding['closest'] = [d.closestA, d.closestB];
  const screening = screeningNote(hazard.geometry, target.geometry);
  const fullNote = joinedNote(note, screening);
  const pair = { hazard, target, d, closest, targetClass, note: fullNote, screening: screening !== '' };
  const g = plan.governing;
  if (g) {
    const status = governingStatus(g.requiredM, d.distanceM, config.borderlineToleranceM);
    if (status)
      found.push(
        finding(
          pair,
          g.ruleId,
          g.requiredM,
          shortfallOf(g.requiredM, d.distanceM),
          status,
          g.source,
          g.targetClass,
          plan.others,
        ),
      );
  }
  const u = plan.unassessed;
  if (u && d.distanceM <= config.notAssessedScreeningM) {
    // the table distances stay in view beside the missing assessment (a table violation is its own finding above)
    found.push(finding(pair, u.ruleId, null, null, 'not_assessed', u.source, u.targetClass, tablesBeside(plan)));
  }
  return found;
}

// Notes and the list of table distances are the same for every pair of one plan: made once and shared by its
// findings (read-only), which at a million sites are millions.
// Keyed note → screening sentence: no key is built per finding (joining two long strings and hashing the result
// cost more than the geodesic).
const notes = new Map<string, Map<string, string>>();
function joinedNote(note: string, screening: string): string {
  let byScreening = notes.get(note);
  if (byScreening === undefined) {
    if (notes.size > 10_000) notes.clear(); // notes come from a handful of assumptions; never let the cache grow
    notes.set(note, (byScreening = new Map()));
  }
  let joined = byScreening.get(screening);
  if (joined === undefined) byScreening.set(screening, (joined = [note, screening].filter(Boolean).join('; ')));
  return joined;
}

const tablesOfPlan = new WeakMap<PairPlan, Requirement[]>();
/** The table distances shown beside a missing assessment (a table violation is its own finding). */
function tablesBeside(plan: PairPlan): Requirement[] {
  let tables = tablesOfPlan.get(plan);
  if (!tables) {
    const g = plan.governing;
    const u = plan.unassessed!;
    tables = g
      ? [
          { ruleId: g.ruleId, requiredM: g.requiredM, source: g.source },
          ...plan.others.filter((o) => o.ruleId !== u.ruleId),
        ]
      : [];
    tablesOfPlan.set(plan, tables);
  }
  return tables;
}

interface MeasuredPair {
  hazard: Site;
  target: Site;
  d: { distanceM: number; between: string };
  closest: Finding['closest'];
  targetClass: TargetClassification;
  note: string;
  screening: boolean;
}

// A plain literal in one place: object spread here cost the search more than all its geometry.
function finding(
  p: MeasuredPair,
  ruleId: string,
  requiredM: number | null,
  shortfallM: number | null,
  status: Finding['status'],
  source: string,
  targetClass: TargetClass,
  otherRequirements: Requirement[],
): Finding {
  return {
    hazardId: p.hazard.id,
    targetId: p.target.id,
    ruleId,
    distanceM: p.d.distanceM,
    requiredM,
    shortfallM,
    status,
    source,
    targetClass,
    targetClassReason: p.targetClass.reason,
    closest: p.closest,
    measuredBetween: p.d.between,
    note: p.note,
    screening: p.screening,
    otherRequirements,
  };
}

/** One pair from scratch (reference path for tests and single checks; the search caches the plan). */
export function judgePair(
  hazard: Site,
  hazardRules: HazardRules,
  target: Site,
  targetClass: TargetClassification,
  config: AssessConfig,
): Finding[] {
  if (target === hazard) return [];
  const plan = planPair(hazard, hazardRules, target, targetClass, config);
  return plan ? judgePlannedPair(hazard, target, plan, targetClass, hazardRules.assumptions.join('; '), config) : [];
}

/** Does `rule` protect a site of this category and these classes? (named by category, or by one of its classes) */
export function ruleMatchesTarget(rule: SetbackRule, category: string, classes: TargetClass[]): boolean {
  if (rule.target.categories?.includes(category)) return true;
  return rule.target.classes?.some((c) => classes.includes(c)) ?? false;
}

function firstMatchingClass(rule: SetbackRule, classes: TargetClass[]): TargetClass {
  return rule.target.classes?.find((c) => classes.includes(c)) ?? classes[0] ?? 'class1';
}
