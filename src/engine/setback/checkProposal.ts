// What-if (一票否决 check): a proposed hazard or protection target against everything already loaded.
import type { AssessConfig, RiskContour, Site, Finding, FindingStatus } from '../model';
import { checkContours, replacedByContours } from '../qra/checkContours';
import { roleOf } from '../categories';
import { checkSetbacks } from './checkSetbacks';
import { checkContainment } from './checkContainment';
import { hazardRules } from './hazardRules';
import { classifyTarget } from './classifyTarget';
import { planPair, SITE_DISTANCE_RULE_ID } from './judgePair';
import { bboxOf } from '../geo/bbox';
import { degreesCovering } from '../geo/localPlane';
import { planarDistance } from '../geo/edgeToEdge';

export type ProposalVerdict = 'compliant' | FindingStatus;

export interface ProposalResult {
  /** the worst finding: violation (不符合) > borderline (临界) > not_assessed (未评估) > compliant (符合) */
  verdict: ProposalVerdict;
  /** findings in both directions: the proposal as hazard, and existing hazards against the proposal as target */
  findings: Finding[];
  /** distances to draw around the proposal when it is a hazard, one per rule with a distance (drawing only, never for the verdict) */
  ringsM: ProposalRing[];
  /**
   * the other way: existing hazards near the proposal whose rule binds it as a protected place, with the distance
   * the proposal must keep from each (the governing rule of the pair; drawing only). Nearby = the proposal lies
   * within twice that distance (at least 100 m beyond it), nearest first, at most MAX_HAZARD_RINGS.
   */
  hazardRings: (ProposalRing & { hazardId: string })[];
}

export interface ProposalRing {
  ruleId: string;
  requiredM: number;
  source: string;
}

export const MAX_HAZARD_RINGS = 40;
const ringContextM = (requiredM: number) => requiredM + Math.max(requiredM, 100);

const SEVERITY: ProposalVerdict[] = ['violation', 'borderline', 'not_assessed', 'compliant'];

/**
 * `contours`: QRA individual-risk contours of the existing installations (issue #20): a proposed protection target is
 * judged against every one of them as the assessment judges the loaded targets.
 */
export function checkProposal(
  proposal: Site,
  existing: Site[],
  config: AssessConfig,
  contours: readonly RiskContour[] = [],
): ProposalResult {
  const others = existing.filter((s) => s.id !== proposal.id);
  const role = roleOf(proposal.category);
  const findings: Finding[] = [];
  if (role === 'hazard') {
    const targets = others.filter((s) => roleOf(s.category) !== 'risk');
    for (const v of checkSetbacks([proposal], targets, config).findings) findings.push(v);
  }
  if (role === 'target' || role === 'hazard') {
    const hazards = others.filter((s) => roleOf(s.category) === 'hazard');
    for (const v of checkSetbacks(hazards, [proposal], config).findings) findings.push(v);
  }
  // `not_inside` rules: the proposal inside an area it must keep out of, or an existing hazard inside the proposed area
  const inside =
    role === 'hazard'
      ? checkContainment([proposal], others, config)
      : role === 'target'
        ? checkContainment(
            others.filter((s) => roleOf(s.category) === 'hazard'),
            [proposal],
            config,
          )
        : null;
  for (const v of inside?.findings ?? []) findings.push(v);
  if (contours.length && role === 'target') contourFindings(proposal, others, config, contours, findings);
  const verdict = SEVERITY.find((s) => s === 'compliant' || findings.some((f) => f.status === s))!;
  const ringsM: ProposalResult['ringsM'] = [];
  if (role === 'hazard') {
    // the site's own distance beside every table distance: the larger governs, so all are drawn (one ring per rule)
    const own = proposal.protectionDistanceM;
    if (own !== undefined)
      ringsM.push({
        ruleId: SITE_DISTANCE_RULE_ID,
        requiredM: own,
        source: '本单位外部安全防护距离评估结论 (GB/T 37243-2019)',
      });
    for (const r of hazardRules(proposal, config.rules).rules) {
      if (r.min_distance_m !== null) {
        ringsM.push({ ruleId: r.id, requiredM: r.min_distance_m, source: r.source });
      }
    }
    ringsM.sort((a, b) => a.requiredM - b.requiredM || a.ruleId.localeCompare(b.ruleId));
  }
  const hazardRings = role === 'target' || role === 'hazard' ? ringsOfNearbyHazards(proposal, others, config) : [];
  return { verdict, findings, ringsM, hazardRings };
}

/** The proposal against the installations' contours; their §19 not-assessed findings for it give way, as in `assess`. */
function contourFindings(
  proposal: Site,
  others: Site[],
  config: AssessConfig,
  contours: readonly RiskContour[],
  findings: Finding[],
): void {
  const hazards = others.filter((s) => roleOf(s.category) === 'hazard');
  const { findings: contourFindings } = checkContours(
    contours,
    hazards,
    [proposal],
    [classifyTarget(proposal)],
    config,
  );
  const replaced = replacedByContours(contours)!;
  for (let i = findings.length - 1; i >= 0; i--)
    if (findings[i]!.targetId === proposal.id && replaced(findings[i]!, proposal)) findings.splice(i, 1);
  for (const v of contourFindings) findings.push(v);
}

/** Existing hazards whose required distance from the proposal is worth drawing (see ProposalResult.hazardRings). */
function ringsOfNearbyHazards(proposal: Site, others: Site[], config: AssessConfig): ProposalResult['hazardRings'] {
  const targetClass = classifyTarget(proposal);
  let widestRule = 0;
  for (const r of config.rules.rules)
    if (r.min_distance_m !== null && r.min_distance_m > widestRule) widestRule = r.min_distance_m;
  const box = bboxOf(proposal.geometry);
  const near: { ring: ProposalResult['hazardRings'][number]; slack: number }[] = [];
  for (const h of others) {
    if (roleOf(h.category) !== 'hazard') continue;
    // a box prefilter at the widest distance any rule or the site itself can ask: most hazards stop here
    const reach = ringContextM(Math.max(widestRule, h.protectionDistanceM ?? 0));
    const { dLon, dLat } = degreesCovering(reach, Math.max(Math.abs(box[1]), Math.abs(box[3])));
    const hb = bboxOf(h.geometry);
    if (hb[0] > box[2] + dLon || hb[2] < box[0] - dLon || hb[1] > box[3] + dLat || hb[3] < box[1] - dLat) continue;
    const g = planPair(h, hazardRules(h, config.rules), proposal, targetClass, config)?.governing;
    if (!g) continue;
    const d = planarDistance(h.geometry, proposal.geometry).planarDistanceM;
    if (d > ringContextM(g.requiredM)) continue;
    near.push({
      ring: { hazardId: h.id, ruleId: g.ruleId, requiredM: g.requiredM, source: g.source },
      slack: d - g.requiredM,
    });
  }
  near.sort((a, b) => a.slack - b.slack || a.ring.hazardId.localeCompare(b.ring.hazardId));
  return near.slice(0, MAX_HAZARD_RINGS).map((n) => n.ring);
}
