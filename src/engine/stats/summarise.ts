// White-paper statistics: counts by level for sites and zones, by district and 行业领域, violations by rule.
import type { AssessedSite, AssessedZone, AssessmentStats, Counts, Level } from '../model';
import type { FindingTally } from './findingTally';
import { emptyCounts } from '../risk/levels';
import { isReachCategory } from '../reach/categories';

export function summarise(
  sites: AssessedSite[],
  zones: AssessedZone[],
  findings: Pick<FindingTally, 'violationsByRule' | 'findingsByStatus'>,
  extra: Pick<
    AssessmentStats,
    'hazardsChecked' | 'targetsChecked' | 'pairsExamined' | 'hazardsByRule' | 'targetsByRule'
  >,
): AssessmentStats {
  const counts = new SiteCounts();
  for (const s of sites) counts.add(s);
  return counts.stats(zones, findings, extra);
}

/** The sites counted one at a time (by level, district and 行业领域; rescue resources apart): summarise's first half. */
export class SiteCounts {
  private readonly sitesByLevel = emptyCounts();
  private readonly sitesByDistrict: Record<string, Counts> = {};
  private readonly sitesByDomain: Record<string, Counts> = {};
  private readonly reachSites = { fire_station: 0, rescue_team: 0, shelter: 0 };

  add(s: Pick<AssessedSite, 'category' | 'level' | 'district' | 'domain'>): void {
    // rescue resources and shelters are not risk points: they have no level to count, so they would all read as
    // 未评级 (a city's fifty fire stations as fifty unrated risks); they are counted apart
    if (isReachCategory(s.category)) {
      this.reachSites[s.category as keyof typeof this.reachSites]++;
      return;
    }
    bump(this.sitesByLevel, s.level);
    bump((this.sitesByDistrict[s.district] ??= emptyCounts()), s.level);
    bump((this.sitesByDomain[s.domain] ??= emptyCounts()), s.level);
  }

  /** the statistics, with the zones' levels (or their counts by level) and the findings' tallies */
  stats(
    zones: readonly Pick<AssessedZone, 'level'>[],
    findings: Pick<FindingTally, 'violationsByRule' | 'findingsByStatus'>,
    extra: Pick<
      AssessmentStats,
      'hazardsChecked' | 'targetsChecked' | 'pairsExamined' | 'hazardsByRule' | 'targetsByRule'
    >,
  ): AssessmentStats {
    const zonesByLevel = emptyCounts();
    for (const z of zones) bump(zonesByLevel, z.level);
    const { violationsByRule, findingsByStatus } = findings;
    return {
      sitesByLevel: this.sitesByLevel,
      zonesByLevel,
      sitesByDistrict: sortKeys(this.sitesByDistrict),
      sitesByDomain: sortKeys(this.sitesByDomain),
      violationsByRule: sortKeys(violationsByRule),
      findingsByStatus,
      reachSites: this.reachSites,
      ...extra,
      hazardsByRule: sortKeys(extra.hazardsByRule),
      targetsByRule: sortKeys(extra.targetsByRule),
    };
  }
}

function bump(c: Counts, level: Level | null): void {
  c[level ?? 'unscored']++;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
