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

/** Hazards numbered into profiles one at a time, with a hazard of each and the hazards each rule applies to. */
export class HazardProfileRegistry {
  private readonly cache = new Map<string, HazardProfile>();
  /** profiles by id */
  readonly profiles: HazardProfile[] = [];
  /** a hazard of each profile, the first added */
  readonly samples: Site[] = [];
  readonly hazardsByRule: Record<string, number> = {};
  readonly insideHazardsByRule: Record<string, number> = {};

  constructor(private readonly config: AssessConfig) {}

  add(hazard: Site): HazardProfile {
    const p = profileOf(hazard, this.config, this.cache);
    if (this.profiles[p.id] === undefined) {
      this.profiles[p.id] = p;
      this.samples[p.id] = hazard;
    }
    for (const r of p.rules.rules) this.hazardsByRule[r.id] = (this.hazardsByRule[r.id] ?? 0) + 1;
    for (const r of p.rules.containment) this.insideHazardsByRule[r.id] = (this.insideHazardsByRule[r.id] ?? 0) + 1;
    return p;
  }

  /** a hazard counted by `add` no longer counts (a repeated id found after it was added); a rule counted by none is gone */
  remove(hazard: Site): void {
    const p = profileOf(hazard, this.config, this.cache);
    for (const r of p.rules.rules) uncount(this.hazardsByRule, r.id);
    for (const r of p.rules.containment) uncount(this.insideHazardsByRule, r.id);
  }

  /** the counts now, to go back to (`restore`) when the hazards added since are read again */
  snapshot(): [Record<string, number>, Record<string, number>] {
    return [{ ...this.hazardsByRule }, { ...this.insideHazardsByRule }];
  }

  restore([rules, inside]: [Record<string, number>, Record<string, number>]): void {
    replaceWith(this.hazardsByRule, rules);
    replaceWith(this.insideHazardsByRule, inside);
  }
}

function uncount(counts: Record<string, number>, id: string): void {
  if (--counts[id]! === 0) delete counts[id];
}

function replaceWith(counts: Record<string, number>, from: Record<string, number>): void {
  for (const k of Object.keys(counts)) delete counts[k];
  Object.assign(counts, from);
}

/** How far from a hazard any finding can lie: its largest requirement (or screening radius) plus the borderline band. */
function searchRadiusM(hazard: Site, { rules }: HazardRules, config: AssessConfig): number {
  const needsAssessment = rules.some((r) => r.min_distance_m === null) && hazard.protectionDistanceM === undefined;
  return (
    Math.max(largestRequiredM(hazard, rules), needsAssessment ? config.notAssessedScreeningM : 0) +
    config.borderlineToleranceM
  );
}
