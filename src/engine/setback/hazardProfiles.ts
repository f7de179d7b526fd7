// Hazards with the same category and rule-relevant attributes share their rules, note and search radius: a million
// hazards have a handful of profiles, each worked out once (by the in-process search and by other executors alike).
import type { AssessConfig, Site } from '../model';
import { hazardRules, largestRequiredM, type HazardRules } from './hazardRules';

export interface HazardProfile {
  id: number;
  rules: HazardRules;
  /** the assumptions made for missing attributes, as a finding's note */
  note: string;
  /** beyond this many metres no finding of this hazard is possible */
  searchM: number;
}

export function profileOf(hazard: Site, config: AssessConfig, cache: Map<string, HazardProfile>): HazardProfile {
  const key = `${hazard.category}|${hazard.stationGrade ?? ''}|${hazard.vapourRecovery ?? ''}|${hazard.protectionDistanceM ?? ''}`;
  let profile = cache.get(key);
  if (!profile) {
    const rules = hazardRules(hazard, config.rules);
    profile = {
      id: cache.size,
      rules,
      note: rules.assumptions.join('; '),
      searchM: searchRadiusM(hazard, rules, config),
    };
    cache.set(key, profile);
  }
  return profile;
}

/** How far from a hazard any finding can lie: its largest requirement (or screening radius) plus the borderline band. */
function searchRadiusM(hazard: Site, { rules }: HazardRules, config: AssessConfig): number {
  const needsAssessment = rules.some((r) => r.min_distance_m === null) && hazard.protectionDistanceM === undefined;
  return (
    Math.max(largestRequiredM(hazard, rules), needsAssessment ? config.notAssessedScreeningM : 0) +
    config.borderlineToleranceM
  );
}
