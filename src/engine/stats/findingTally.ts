// Findings counted by rule and status as they are made: the statistics need only the counts, so an assessment whose
// findings are streamed out (the batch CLI) keeps none of them.
import type { AssessmentStats, FindingCounts, Finding, FindingStatus } from '../model';

/** Every finding status, in the order of severity the tables list them. */
export const FINDING_STATUSES = ['violation', 'borderline', 'not_assessed'] as const satisfies readonly FindingStatus[];

/** The counts of a tally (or of a part of the search, as a thread sends them). */
export type TallyCounts = Pick<FindingTally, 'violationsByRule' | 'findingsByStatus'>;

export interface FindingTally {
  add(v: Finding): void;
  /** adds another tally's counts (a batch run's parts, each counted in its own thread) */
  addCounts(other: TallyCounts): void;
  violationsByRule: AssessmentStats['violationsByRule'];
  findingsByStatus: FindingCounts;
}

const noFindings = (): FindingCounts => ({ violation: 0, borderline: 0, not_assessed: 0 });

export function findingTally(): FindingTally {
  const violationsByRule: AssessmentStats['violationsByRule'] = {};
  const findingsByStatus = noFindings();
  return {
    violationsByRule,
    findingsByStatus,
    add(v) {
      (violationsByRule[v.ruleId] ??= noFindings())[v.status]++;
      findingsByStatus[v.status]++;
    },
    addCounts(other) {
      for (const [rule, counts] of Object.entries(other.violationsByRule)) {
        const into = (violationsByRule[rule] ??= noFindings());
        for (const s of FINDING_STATUSES) into[s] += counts[s];
      }
      for (const s of FINDING_STATUSES) findingsByStatus[s] += other.findingsByStatus[s];
    },
  };
}
