// Rules of kind `not_inside`: a hazard that must not lie within an area at all (e.g. a fireworks retail point inside
// a residential compound). Judged only against targets given as areas: a point target has no inside, so nothing
// can be said and nothing is reported for it (the rule's note says an area is needed).
import Flatbush from 'flatbush';
import type { AssessConfig, SetbackRule, Site, TargetClass, Finding } from '../model';
import { bboxOf } from '../geo/bbox';
import { edgeToEdge } from '../geo/edgeToEdge';
import { classifyTarget, type TargetClassification } from './classifyTarget';
import { hazardRules } from './hazardRules';
import { isPointOnly } from './measuringPoints';
import { ruleMatchesTarget } from './judgePair';

/** A point can only place a shop roughly: whether it lies inside the area is then a screening result (初筛). */
const POINT_NOTE = '初筛:危险源仅有点位坐标,是否位于该区域之内须按实际位置复核';

export interface ContainmentResult {
  findings: Finding[];
  /** hazards each containment rule binds */
  hazardsByRule: Record<string, number>;
}

const AREA_TYPES = new Set(['Polygon', 'MultiPolygon']);

/** `classes[i]`, when given, is targets[i]'s classification (the assessment shares it with the distance search). */
export function checkContainment(
  hazards: Site[],
  targets: Site[],
  config: AssessConfig,
  classes?: readonly TargetClassification[],
): ContainmentResult {
  const findings: Finding[] = [];
  const hazardsByRule: Record<string, number> = {};
  const bound = hazards
    .map((h) => ({ hazard: h, rules: hazardRules(h, config.rules).containment }))
    .filter((b) => b.rules.length > 0);
  if (bound.length === 0) return { findings, hazardsByRule };
  for (const b of bound) for (const r of b.rules) hazardsByRule[r.id] = (hazardsByRule[r.id] ?? 0) + 1;
  const areaIndexes = targets.flatMap((t, i) => (AREA_TYPES.has(t.geometry.type) ? [i] : []));
  if (areaIndexes.length === 0) return { findings, hazardsByRule };
  const areas = areaIndexes.map((i) => targets[i]!);
  const areaClasses = areaIndexes.map((i) => classes?.[i] ?? classifyTarget(targets[i]!));
  const index = new Flatbush(areas.length);
  for (const t of areas) {
    const box = bboxOf(t.geometry);
    index.add(box[0], box[1], box[2], box[3]);
  }
  index.finish();
  for (const { hazard, rules } of bound) {
    const box = bboxOf(hazard.geometry);
    for (const i of index.search(box[0], box[1], box[2], box[3])) {
      const target = areas[i]!;
      if (target === hazard) continue;
      const targetClass = areaClasses[i]!;
      const rule = rules.find((r) => ruleMatchesTarget(r, target.category, targetClass.classes));
      if (!rule) continue;
      const d = edgeToEdge(hazard.geometry, target.geometry);
      if (d.distanceM > 0) continue;
      findings.push(insideFinding(hazard, target, rule, targetClass, d));
    }
  }
  return { findings, hazardsByRule };
}

/** The finding for a hazard found inside (or touching) a target's area, by this search or by another executor. */
export function insideFinding(
  hazard: Site,
  target: Site,
  rule: SetbackRule,
  targetClass: TargetClassification,
  d: { closestA: [number, number]; closestB: [number, number]; between: string },
): Finding {
  return {
    hazardId: hazard.id,
    targetId: target.id,
    ruleId: rule.id,
    distanceM: 0,
    requiredM: 0,
    shortfallM: 0,
    status: 'violation',
    source: rule.source,
    targetClass: matchedClass(rule, targetClass.classes),
    targetClassReason: targetClass.reason,
    closest: [d.closestA, d.closestB],
    measuredBetween: `${d.between}(位于区域之内或相接)`,
    note: isPointOnly(hazard.geometry) ? POINT_NOTE : '',
    screening: isPointOnly(hazard.geometry),
    otherRequirements: [],
  };
}

/** A `not_inside` rule can be judged only against a target given as an area (a point has no inside). */
export function isArea(site: Site): boolean {
  return AREA_TYPES.has(site.geometry.type);
}

function matchedClass(rule: SetbackRule, classes: TargetClass[]): TargetClass {
  return rule.target.classes?.find((c) => classes.includes(c)) ?? classes[0] ?? 'class3';
}
