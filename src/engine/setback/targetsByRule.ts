// How many sites in the data each rule could check: a rule with hazards but no target of its class anywhere in the
// data has checked nothing (无检查对象), and must never be counted as 符合.
import type { SetbackRuleTable, Site, TargetClass } from '../model';
import { classifyTarget } from './classifyTarget';

export function targetsByRule(targets: Site[], rules: SetbackRuleTable): Record<string, number> {
  // targets of one category and class set bind the same rules: count the kinds, then match each rule once per kind
  const kinds = new Map<string, { category: string; classes: TargetClass[]; count: number }>();
  for (const t of targets) {
    const { classes } = classifyTarget(t);
    const key = `${t.category}|${classes.join(',')}`;
    const kind = kinds.get(key);
    if (kind) kind.count++;
    else kinds.set(key, { category: t.category, classes, count: 1 });
  }
  const counts: Record<string, number> = {};
  for (const rule of rules.rules) {
    let n = 0;
    for (const k of kinds.values()) if (bindsTarget(rule.target, k.category, k.classes)) n += k.count;
    counts[rule.id] = n;
  }
  return counts;
}

function bindsTarget(target: SetbackRuleTable['rules'][number]['target'], category: string, classes: TargetClass[]): boolean {
  return (target.categories?.includes(category) ?? false) || (target.classes?.some((c) => classes.includes(c)) ?? false);
}
