// The verdict for one hazard–target pair: which rules bind it (planned once per kind of pair), then measure
// edge to edge and report what fails.
import type { AssessConfig, SetbackRule, Site, TargetClass, Violation } from '../model';
import { exactDistance, planarDistance } from '../geo/edgeToEdgeMeters';
import type { TargetClassification } from './classifyTarget';
import type { HazardRules } from './hazardRules';

export const SITE_DISTANCE_RULE_ID = 'site-protection-distance';
const SITE_DISTANCE_SOURCE = '本单位外部安全防护距离评估结论 (GB/T 37243-2019),覆盖默认规则 (the site’s own assessed distance overrides the defaults)';

/** What binds a kind of pair (hazard profile × target class), independent of where the two sites are. */
export interface PairPlan {
  governing: { ruleId: string; requiredM: number; source: string; targetClass: TargetClass } | null;
  unassessed: { ruleId: string; source: string; targetClass: TargetClass } | null;
  /** beyond this many metres nothing can be reported for the pair */
  reachM: number;
}

export function planPair(hazard: Site, hazardRules: HazardRules, target: Site, targetClass: TargetClassification, config: AssessConfig): PairPlan | null {
  const matching = hazardRules.rules.filter((r) => ruleMatchesTarget(r, target.category, targetClass.classes));
  if (matching.length === 0) return null;
  let governing: PairPlan['governing'] = null;
  if (hazard.protectionDistanceM !== undefined) {
    governing = { ruleId: SITE_DISTANCE_RULE_ID, requiredM: hazard.protectionDistanceM, source: SITE_DISTANCE_SOURCE, targetClass: firstMatchingClass(matching[0]!, targetClass.classes) };
  } else {
    let best: SetbackRule | null = null;
    for (const r of matching) if (r.min_distance_m !== null && (best === null || r.min_distance_m > best.min_distance_m!)) best = r;
    if (best) governing = { ruleId: best.id, requiredM: best.min_distance_m!, source: best.source, targetClass: firstMatchingClass(best, targetClass.classes) };
  }
  const rule19 = hazard.protectionDistanceM === undefined ? matching.find((r) => r.min_distance_m === null) : undefined;
  const unassessed = rule19 ? { ruleId: rule19.id, source: rule19.source, targetClass: firstMatchingClass(rule19, targetClass.classes) } : null;
  const reachM = Math.max(governing ? governing.requiredM + config.borderlineToleranceM : 0, unassessed ? config.notAssessedScreeningM : 0);
  return { governing, unassessed, reachM };
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
  found: Violation[] = [],
): Violation[] {
  const planar = planarDistance(hazard.geometry, target.geometry);
  if (planar.planarMeters > plan.reachM + PLANE_MARGIN_M) return found;
  const d = exactDistance(planar);
  const closest: Violation['closest'] = [d.closestA, d.closestB];
  const g = plan.governing;
  if (g) {
    // Judged to the millimetre so float noise cannot flip a verdict at exactly the limit (distance ≥ required complies).
    const shortfall = g.requiredM - Math.round(d.meters * 1000) / 1000;
    const band = config.borderlineToleranceM;
    const status = shortfall > band ? 'violation' : band > 0 && shortfall >= -band ? 'borderline' : null;
    if (status) found.push(finding(hazard, target, d.meters, closest, d.between, targetClass.reason, note, g.ruleId, g.requiredM, shortfall, status, g.source, g.targetClass));
  }
  const u = plan.unassessed;
  if (u && d.meters <= config.notAssessedScreeningM) {
    found.push(finding(hazard, target, d.meters, closest, d.between, targetClass.reason, note, u.ruleId, null, null, 'not_assessed', u.source, u.targetClass));
  }
  return found;
}

// A plain literal in one place: object spread here cost the search more than all its geometry.
function finding(
  hazard: Site, target: Site, distanceM: number, closest: Violation['closest'], measuredBetween: string, targetClassReason: string,
  note: string, ruleId: string, requiredM: number | null, shortfallM: number | null, status: Violation['status'], source: string, targetClass: TargetClass,
): Violation {
  return { hazardId: hazard.id, targetId: target.id, ruleId, distanceM, requiredM, shortfallM, status, source, targetClass, targetClassReason, closest, measuredBetween, note };
}

/** One pair from scratch (reference path for tests and single checks; the search caches the plan). */
export function judgePair(hazard: Site, hazardRules: HazardRules, target: Site, targetClass: TargetClassification, config: AssessConfig): Violation[] {
  if (target === hazard) return [];
  const plan = planPair(hazard, hazardRules, target, targetClass, config);
  return plan ? judgePlannedPair(hazard, target, plan, targetClass, hazardRules.assumptions.join('; '), config) : [];
}

function ruleMatchesTarget(rule: SetbackRule, category: string, classes: TargetClass[]): boolean {
  if (rule.target.categories?.includes(category)) return true;
  return rule.target.classes?.some((c) => classes.includes(c)) ?? false;
}

function firstMatchingClass(rule: SetbackRule, classes: TargetClass[]): TargetClass {
  return rule.target.classes?.find((c) => classes.includes(c)) ?? classes[0] ?? 'class1';
}
