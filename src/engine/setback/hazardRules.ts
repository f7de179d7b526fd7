// Which rules of the table bind a given hazard, with the assumptions made where the site lacks an attribute.
import type { SetbackRule, SetbackRuleTable, Site } from '../model';

export interface HazardRules {
  /** distance rules (the setback search measures these) */
  rules: SetbackRule[];
  /** `not_inside` rules: the hazard must not lie within the target's area (checkContainment judges these) */
  containment: SetbackRule[];
  /** e.g. "加油站等级未提供,按一级站从严" */
  assumptions: string[];
}

// A million hazards have a handful of (category, grade, recovery) kinds: each kind's rules are worked out once per
// rule table. Rule tables are replaced, never edited in place, so the table object is a safe key.
const memo = new WeakMap<SetbackRuleTable, Map<string, HazardRules>>();

/**
 * Rules whose hazard side matches `site` (shared, read-only: callers must not change the result). A missing station grade or vapour-recovery attribute is taken as the
 * strictest value (一级站, 无油气回收), so the check never passes for lack of data; the assumption is reported.
 */
export function hazardRules(site: Site, table: SetbackRuleTable): HazardRules {
  let byKind = memo.get(table);
  if (!byKind) memo.set(table, (byKind = new Map()));
  const key = `${site.category}|${site.stationGrade ?? ''}|${site.vapourRecovery ?? ''}`;
  let found = byKind.get(key);
  if (!found) byKind.set(key, (found = matchHazardRules(site, table)));
  return found;
}

function matchHazardRules(site: Site, table: SetbackRuleTable): HazardRules {
  const grade = site.stationGrade ?? 1;
  const recovery = site.vapourRecovery ?? 'none';
  const all = table.rules.filter((r) => {
    if (!r.hazard.categories.includes(site.category)) return false;
    const c = r.hazard.conditions;
    if (c?.stationGrade !== undefined && c.stationGrade !== grade) return false;
    if (c?.vapourRecovery !== undefined && c.vapourRecovery !== recovery) return false;
    return true;
  });
  const rules = all.filter((r) => r.kind !== 'not_inside');
  const containment = all.filter((r) => r.kind === 'not_inside');
  const assumptions: string[] = [];
  const conditional = rules.some((r) => r.hazard.conditions);
  if (conditional && site.stationGrade === undefined && rules.some((r) => r.hazard.conditions?.stationGrade)) {
    assumptions.push('站级未提供,按一级站从严');
  }
  if (conditional && site.vapourRecovery === undefined) assumptions.push('油气回收未提供,按无油气回收从严');
  return { rules, containment, assumptions };
}

/** Largest distance any of `rules` can require of this site (its own assessed distance counts). */
export function largestRequiredM(site: Site, rules: SetbackRule[]): number {
  let max = site.protectionDistanceM ?? 0;
  for (const r of rules) if (r.min_distance_m !== null && r.min_distance_m > max) max = r.min_distance_m;
  return max;
}
