// How many sites in the data each rule could check: a rule with hazards but no target of its class anywhere in the
// data has checked nothing (无检查对象), and must never be counted as 符合. A `not_inside` rule can only check
// targets given as areas (a point has no inside), so only those count for it.
import type { SetbackRuleTable, Site, TargetClass } from '../model';
import { classifyTarget } from './classifyTarget';
import { ruleMatchesTarget } from './judgePair';

export function targetsByRule(targets: Site[], rules: SetbackRuleTable): Record<string, number> {
  // targets of one category and class set bind the same rules: count the kinds, then match each rule once per kind
  const kinds = new Map<string, { category: string; classes: TargetClass[]; count: number; areas: number }>();
  for (const t of targets) {
    const { classes } = classifyTarget(t);
    const key = `${t.category}|${classes.join(',')}`;
    const area = t.geometry.type === 'Polygon' || t.geometry.type === 'MultiPolygon' ? 1 : 0;
    const kind = kinds.get(key);
    if (kind) {
      kind.count++;
      kind.areas += area;
    } else kinds.set(key, { category: t.category, classes, count: 1, areas: area });
  }
  const counts: Record<string, number> = {};
  for (const rule of rules.rules) {
    let n = 0;
    for (const k of kinds.values()) if (ruleMatchesTarget(rule, k.category, k.classes)) n += rule.kind === 'not_inside' ? k.areas : k.count;
    counts[rule.id] = n;
  }
  return counts;
}
