// The verdict for one hazard–target pair: measure edge to edge, apply the governing rule, report what fails.
import type { AssessConfig, SetbackRule, Site, TargetClass, Violation } from '../model';
import { edgeToEdgeMeters } from '../geo/edgeToEdgeMeters';
import type { TargetClassification } from './classifyTarget';
import type { HazardRules } from './hazardRules';

export const SITE_DISTANCE_RULE_ID = 'site-protection-distance';

export interface PairVerdict {
  /** false when no rule binds this pair (nothing measured) */
  measured: boolean;
  violations: Violation[];
}

/**
 * Statuses: `violation` when the distance falls short of the requirement by more than the borderline band,
 * `borderline` (临界) within ± the band (a band of 0 means none), nothing when it clears it; `not_assessed` when a §19 hazard has no
 * assessed protection distance and the target lies within the screening radius.
 */
export function judgePair(
  hazard: Site,
  hazardRules: HazardRules,
  target: Site,
  targetClass: TargetClassification,
  config: AssessConfig,
): PairVerdict {
  const matching = hazardRules.rules.filter((r) => ruleMatchesTarget(r, target, targetClass.classes));
  if (matching.length === 0 || target.id === hazard.id) return { measured: false, violations: [] };
  const d = edgeToEdgeMeters(hazard.geometry, target.geometry);
  const base = {
    hazardId: hazard.id,
    targetId: target.id,
    distanceM: d.meters,
    targetClassReason: targetClass.reason,
    closest: [d.closestA, d.closestB] as [[number, number], [number, number]],
    measuredBetween: d.between,
    note: hazardRules.assumptions.join('; '),
  };
  const violations: Violation[] = [];
  const governing = governingRule(hazard, matching);
  if (governing) {
    // Judged to the millimetre so float noise cannot flip a verdict at exactly the limit (distance ≥ required complies).
    const shortfall = governing.requiredM - Math.round(d.meters * 1000) / 1000;
    const band = config.borderlineToleranceM;
    const status = shortfall > band ? 'violation' : band > 0 && shortfall >= -band ? 'borderline' : null;
    if (status) {
      violations.push({
        ...base,
        ruleId: governing.ruleId,
        requiredM: governing.requiredM,
        shortfallM: shortfall,
        status,
        source: governing.source,
        targetClass: firstMatchingClass(governing.anchor, targetClass.classes),
      });
    }
  }
  const unassessed = matching.find((r) => r.min_distance_m === null);
  if (unassessed && hazard.protectionDistanceM === undefined && d.meters <= config.notAssessedScreeningM) {
    violations.push({
      ...base,
      ruleId: unassessed.id,
      requiredM: null,
      shortfallM: null,
      status: 'not_assessed',
      source: unassessed.source,
      targetClass: firstMatchingClass(unassessed, targetClass.classes),
    });
  }
  return { measured: true, violations };
}

function ruleMatchesTarget(rule: SetbackRule, target: Site, classes: TargetClass[]): boolean {
  if (rule.target.categories?.includes(target.category)) return true;
  return rule.target.classes?.some((c) => classes.includes(c)) ?? false;
}

function firstMatchingClass(rule: SetbackRule, classes: TargetClass[]): TargetClass {
  return rule.target.classes?.find((c) => classes.includes(c)) ?? classes[0] ?? 'class1';
}

interface Governing {
  ruleId: string;
  requiredM: number;
  source: string;
  anchor: SetbackRule;
}

/** The most stringent numeric requirement for the pair; the hazard's own assessed distance overrides the table. */
function governingRule(hazard: Site, matching: SetbackRule[]): Governing | null {
  if (hazard.protectionDistanceM !== undefined) {
    return {
      ruleId: SITE_DISTANCE_RULE_ID,
      requiredM: hazard.protectionDistanceM,
      source: '本单位外部安全防护距离评估结论 (GB/T 37243-2019),覆盖默认规则 (the site’s own assessed distance overrides the defaults)',
      anchor: matching[0]!,
    };
  }
  let best: SetbackRule | null = null;
  for (const r of matching) {
    if (r.min_distance_m !== null && (best === null || r.min_distance_m > best.min_distance_m!)) best = r;
  }
  return best ? { ruleId: best.id, requiredM: best.min_distance_m!, source: best.source, anchor: best } : null;
}
