// What-if (一票否决 check): a proposed hazard or protection target against everything already loaded.
import type { AssessConfig, Site, Violation, ViolationStatus } from '../model';
import { roleOf } from '../categories';
import { checkSetbacks } from './checkSetbacks';
import { hazardRules } from './hazardRules';

export type ProposalVerdict = 'compliant' | ViolationStatus;

export interface ProposalResult {
  /** the worst finding: violation (不符合) > borderline (临界) > not_assessed (未评估) > compliant (符合) */
  verdict: ProposalVerdict;
  /** findings in both directions: the proposal as hazard, and existing hazards against the proposal as target */
  findings: Violation[];
  /** distances to draw around the proposal when it is a hazard (drawing only, never for the verdict) */
  ringsM: { ruleId: string; requiredM: number }[];
}

const SEVERITY: ProposalVerdict[] = ['violation', 'borderline', 'not_assessed', 'compliant'];

export function checkProposal(proposal: Site, existing: Site[], config: AssessConfig): ProposalResult {
  const others = existing.filter((s) => s.id !== proposal.id);
  const role = roleOf(proposal.category);
  const findings: Violation[] = [];
  if (role === 'hazard') {
    const targets = others.filter((s) => roleOf(s.category) !== 'risk');
    for (const v of checkSetbacks([proposal], targets, config).violations) findings.push(v);
  }
  if (role === 'target' || role === 'hazard') {
    const hazards = others.filter((s) => roleOf(s.category) === 'hazard');
    for (const v of checkSetbacks(hazards, [proposal], config).violations) findings.push(v);
  }
  const verdict = SEVERITY.find((s) => s === 'compliant' || findings.some((f) => f.status === s))!;
  const ringsM: ProposalResult['ringsM'] = [];
  if (role === 'hazard') {
    // the site's own distance beside every table distance: the larger governs, so both are drawn
    const seen = new Set<number>();
    const own = proposal.protectionDistanceM;
    if (own !== undefined) {
      seen.add(own);
      ringsM.push({ ruleId: 'site-protection-distance', requiredM: own });
    }
    for (const r of hazardRules(proposal, config.rules).rules) {
      if (r.min_distance_m !== null && !seen.has(r.min_distance_m)) {
        seen.add(r.min_distance_m);
        ringsM.push({ ruleId: r.id, requiredM: r.min_distance_m });
      }
    }
    ringsM.sort((a, b) => a.requiredM - b.requiredM);
  }
  return { verdict, findings, ringsM };
}
