// Protection-distance search: index the targets once, query each hazard with a safe prefilter,
// judge only the candidates exactly (cost ~ N + M + K, not N × M).
import Flatbush from 'flatbush';
import type { AssessConfig, Site, Violation } from '../model';
import { bboxOf } from '../geo/bbox';
import { degreesCovering } from '../geo/localPlane';
import { classifyTarget, type TargetClassification } from './classifyTarget';
import { hazardRules, largestRequiredMeters } from './hazardRules';
import { judgePair } from './judgePair';

export interface SetbackResult {
  violations: Violation[];
  /** hazard–target pairs whose exact distance was measured */
  pairsExamined: number;
}

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
    const rules = hazardRules(hazard, config.rules);
    if (rules.rules.length === 0) continue;
    const box = bboxOf(hazard.geometry);
    const { dLon, dLat } = degreesCovering(searchRadiusMeters(hazard, config), Math.max(Math.abs(box[1]), Math.abs(box[3])));
    for (const ti of index.search(box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat)) {
      const target = targets[ti]!;
      const verdict = judgePair(hazard, rules, target, classOf(target), config);
      if (verdict.measured) pairsExamined++;
      violations.push(...verdict.violations);
    }
  }
  violations.sort(compareViolations);
  return { violations, pairsExamined };
}

/** How far from a hazard any finding can lie: its largest requirement (or screening radius) plus the borderline band. */
export function searchRadiusMeters(hazard: Site, config: AssessConfig): number {
  const { rules } = hazardRules(hazard, config.rules);
  const needsAssessment = rules.some((r) => r.min_distance_m === null) && hazard.protectionDistanceM === undefined;
  return Math.max(largestRequiredMeters(hazard, rules), needsAssessment ? config.notAssessedScreeningM : 0) + config.borderlineToleranceM;
}

export function compareViolations(a: Violation, b: Violation): number {
  return cmp(a.hazardId, b.hazardId) || cmp(a.targetId, b.targetId) || cmp(a.ruleId, b.ruleId);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
