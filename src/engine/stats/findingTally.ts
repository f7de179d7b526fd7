// Findings counted by rule and status as they are made: the statistics need only the counts, so an assessment whose
// findings are streamed out (the batch CLI) keeps none of them.
import type { AssessmentStats, FindingCounts, Finding } from '../model';

export interface FindingTally {
  add(v: Finding): void;
  violationsByRule: AssessmentStats['violationsByRule'];
  findingsByStatus: FindingCounts;
}

export function findingTally(): FindingTally {
  const violationsByRule: AssessmentStats['violationsByRule'] = {};
  const findingsByStatus: FindingCounts = { violation: 0, borderline: 0, not_assessed: 0 };
  return {
    violationsByRule,
    findingsByStatus,
    add(v) {
      (violationsByRule[v.ruleId] ??= { violation: 0, borderline: 0, not_assessed: 0 })[v.status]++;
      findingsByStatus[v.status]++;
    },
  };
}
