// How many sites in the data each rule could check: a rule with hazards but no target of its class anywhere in the
// data has checked nothing (无检查对象), and must never be counted as 符合. A `not_inside` rule can only check
// targets given as areas (a point has no inside), so only those count for it.
import type { SetbackRuleTable } from '../model';
import type { TargetKinds } from './targetKinds';
import { ruleMatchesTarget } from './judgePair';

export function targetsByRule({ kinds }: Pick<TargetKinds, 'kinds'>, rules: SetbackRuleTable): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const rule of rules.rules) {
    let n = 0;
    for (const k of kinds)
      if (ruleMatchesTarget(rule, k.category, k.classes)) n += rule.kind === 'not_inside' ? k.areas : k.count;
    counts[rule.id] = n;
  }
  return counts;
}
