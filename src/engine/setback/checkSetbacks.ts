// Protection-distance search: index the targets once, query each hazard with a safe prefilter,
// measure exact edge-to-edge geodesic distances on the candidates only (cost ~ N + M + K, not N × M).
import Flatbush from 'flatbush';
import type { AssessConfig, SetbackRule, Site, TargetClass, Violation } from '../model';
import { bboxOf } from '../geo/bbox';
import { degreesCovering } from '../geo/localPlane';
import { edgeToEdgeMeters } from '../geo/edgeToEdgeMeters';
import { classifyTarget, type TargetClassification } from './classifyTarget';
import { hazardRules, largestRequiredMeters } from './hazardRules';

export interface SetbackResult {
  violations: Violation[];
  /** hazard–target pairs whose exact distance was measured */
  pairsExamined: number;
}

const SITE_DISTANCE_RULE_ID = 'site-protection-distance';

export function checkSetbacks(hazards: Site[], targets: Site[], config: AssessConfig): SetbackResult {
  const violations: Violation[] = [];
  if (hazards.length === 0 || targets.length === 0) return { violations, pairsExamined: 0 };
  const index = new Flatbush(targets.length);
  for (const t of targets) index.add(...bboxOf(t.geometry));
  index.finish();
  const classes = new Map<string, TargetClassification>();
  const classOf = (t: Site): TargetClassification => {
    let c = classes.get(t.id);
    if (!c) classes.set(t.id, (c = classifyTarget(t)));
    return c;
  };

  let pairsExamined = 0;
  for (const hazard of hazards) {
    const { rules, assumptions } = hazardRules(hazard, config.rules);
    if (rules.length === 0) continue;
    const needsAssessment = rules.some((r) => r.min_distance_m === null) && hazard.protectionDistanceM === undefined;
    const reach = Math.max(largestRequiredMeters(hazard, rules), needsAssessment ? config.notAssessedScreeningM : 0);
    const searchM = reach + config.borderlineToleranceM;
    const box = bboxOf(hazard.geometry);
    const { dLon, dLat } = degreesCovering(searchM, Math.max(Math.abs(box[1]), Math.abs(box[3])));
    const candidates = index.search(box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat);
    for (const ti of candidates) {
      const target = targets[ti]!;
      if (target.id === hazard.id) continue;
      const targetClass = classOf(target);
      const matching = rules.filter((r) => ruleMatchesTarget(r, target, targetClass.classes));
      if (matching.length === 0) continue;
      pairsExamined++;
      const d = edgeToEdgeMeters(hazard.geometry, target.geometry);
      const base = {
        hazardId: hazard.id,
        targetId: target.id,
        distanceM: d.meters,
        targetClassReason: targetClass.reason,
        closest: [d.closestA, d.closestB] as [[number, number], [number, number]],
        measuredBetween: d.between,
        note: assumptions.join('; '),
      };
      const governing = governingRule(hazard, matching);
      if (governing) {
        const shortfall = governing.requiredM - d.meters;
        const status = shortfall > config.borderlineToleranceM ? 'violation' : shortfall >= -config.borderlineToleranceM ? 'borderline' : null;
        if (status) {
          violations.push({
            ...base,
            ruleId: governing.ruleId,
            requiredM: governing.requiredM,
            shortfallM: shortfall,
            status,
            source: governing.source,
            targetClass: governing.targetClass(targetClass.classes),
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
    }
  }
  violations.sort(
    (a, b) => cmp(a.hazardId, b.hazardId) || cmp(a.targetId, b.targetId) || cmp(a.ruleId, b.ruleId),
  );
  return { violations, pairsExamined };
}

function ruleMatchesTarget(rule: SetbackRule, target: Site, classes: TargetClass[]): boolean {
  if (rule.target.categories?.includes(target.category)) return true;
  return rule.target.classes?.some((c) => classes.includes(c)) ?? false;
}

function firstMatchingClass(rule: SetbackRule, classes: TargetClass[]): TargetClass {
  return rule.target.classes?.find((c) => classes.includes(c)) ?? classes[0]!;
}

interface Governing {
  ruleId: string;
  requiredM: number;
  source: string;
  targetClass: (classes: TargetClass[]) => TargetClass;
}

/** The most stringent numeric requirement for the pair; the hazard's own assessed distance overrides the table. */
function governingRule(hazard: Site, matching: SetbackRule[]): Governing | null {
  if (hazard.protectionDistanceM !== undefined) {
    const anchor = matching[0]!;
    return {
      ruleId: SITE_DISTANCE_RULE_ID,
      requiredM: hazard.protectionDistanceM,
      source: '本单位外部安全防护距离评估结论 (GB/T 37243-2019),覆盖默认规则',
      targetClass: (classes) => firstMatchingClass(anchor, classes),
    };
  }
  let best: SetbackRule | null = null;
  for (const r of matching) {
    if (r.min_distance_m !== null && (best === null || r.min_distance_m > best.min_distance_m!)) best = r;
  }
  if (!best) return null;
  const rule = best;
  return { ruleId: rule.id, requiredM: rule.min_distance_m!, source: rule.source, targetClass: (c) => firstMatchingClass(rule, c) };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
