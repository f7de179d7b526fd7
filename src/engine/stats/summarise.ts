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
  const sitesByLevel = emptyCounts();
  const sitesByDistrict: Record<string, Counts> = {};
  const sitesByDomain: Record<string, Counts> = {};
  const reachSites = { fire_station: 0, rescue_team: 0, shelter: 0 };
  for (const s of sites) {
    // rescue resources and shelters are not risk points: they have no level to count, so they would all read as
    // 未评级 (a city's fifty fire stations as fifty unrated risks); they are counted apart
    if (isReachCategory(s.category)) {
      reachSites[s.category as keyof typeof reachSites]++;
      continue;
    }
    bump(sitesByLevel, s.level);
    bump((sitesByDistrict[s.district] ??= emptyCounts()), s.level);
    bump((sitesByDomain[s.domain] ??= emptyCounts()), s.level);
  }
  const zonesByLevel = emptyCounts();
  for (const z of zones) bump(zonesByLevel, z.level);
  const { violationsByRule, findingsByStatus } = findings;
  return {
    sitesByLevel,
    zonesByLevel,
    sitesByDistrict: sortKeys(sitesByDistrict),
    sitesByDomain: sortKeys(sitesByDomain),
    violationsByRule: sortKeys(violationsByRule),
    findingsByStatus,
    reachSites,
    ...extra,
    hazardsByRule: sortKeys(extra.hazardsByRule),
    targetsByRule: sortKeys(extra.targetsByRule),
  };
}

function bump(c: Counts, level: Level | null): void {
  c[level ?? 'unscored']++;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
