// The setback decisions that do not depend on where sites lie, for an executor that finds and measures the pairs
// itself (PostGIS): each hazard's profile, each target's kind, and for each (profile × kind) that a rule binds, its
// plan (governing requirement, not-assessed rule, reach) or its `not_inside` rule. `SetbackJudge` then turns the pairs
// the executor returns, with their distances, into the same findings the in-process search makes.
import type { AssessConfig, SetbackRule, Site, Finding } from '../model';
import { planarDistance } from '../geo/edgeToEdge';
import { profileOf, type HazardProfile } from './hazardProfiles';
import {
  judgeMeasuredPair,
  judgePlannedPair,
  planPair,
  reportsAt,
  ruleMatchesTarget,
  type PairPlan,
} from './judgePair';
import { insideFinding, isArea, type ContainmentResult } from './checkContainment';
import { compareFindings, type SetbackResult } from './checkSetbacks';
import type { TargetKinds } from './targetKinds';

export interface KindPair {
  profile: number;
  kind: number;
}

export interface SetbackPlan {
  /** per hazard, in the order given: its profile (every hazard has one; a profile may bind no rule) */
  hazardProfile: Int32Array;
  profiles: HazardProfile[];
  kinds: TargetKinds;
  /** every (profile × kind) a distance rule binds; `plan.reachM` is how far a finding can lie */
  distancePairs: (KindPair & { plan: PairPlan })[];
  /** every (profile × kind) a `not_inside` rule binds (judged only against targets given as areas) */
  insidePairs: (KindPair & { rule: SetbackRule })[];
  /** per target: given as an area */
  targetIsArea: Uint8Array;
  hazardsByRule: Record<string, number>;
  insideHazardsByRule: Record<string, number>;
}

export function planSetbacks(
  hazards: readonly Site[],
  targets: readonly Site[],
  kinds: TargetKinds,
  config: AssessConfig,
): SetbackPlan {
  const cache = new Map<string, HazardProfile>();
  const hazardProfile = new Int32Array(hazards.length);
  const sample: Site[] = []; // a hazard of each profile
  const hazardsByRule: Record<string, number> = {};
  const insideHazardsByRule: Record<string, number> = {};
  hazards.forEach((h, i) => {
    const p = profileOf(h, config, cache);
    hazardProfile[i] = p.id;
    sample[p.id] ??= h;
    for (const r of p.rules.rules) hazardsByRule[r.id] = (hazardsByRule[r.id] ?? 0) + 1;
    for (const r of p.rules.containment) insideHazardsByRule[r.id] = (insideHazardsByRule[r.id] ?? 0) + 1;
  });
  const profiles = [...cache.values()].sort((a, b) => a.id - b.id);
  const firstOfKind = new Int32Array(kinds.kinds.length).fill(-1);
  kinds.kindOf.forEach((k, i) => {
    if (firstOfKind[k] === -1) firstOfKind[k] = i;
  });
  const distancePairs: SetbackPlan['distancePairs'] = [];
  const insidePairs: SetbackPlan['insidePairs'] = [];
  for (const p of profiles) {
    for (let k = 0; k < kinds.kinds.length; k++) {
      const t = firstOfKind[k]!;
      const { category, classes } = kinds.kinds[k]!;
      if (p.rules.rules.length > 0) {
        const plan = planPair(sample[p.id]!, p.rules, targets[t]!, kinds.classifications[t]!, config);
        if (plan) distancePairs.push({ profile: p.id, kind: k, plan });
      }
      const rule = p.rules.containment.find((r) => ruleMatchesTarget(r, category, classes));
      if (rule && kinds.kinds[k]!.areas > 0) insidePairs.push({ profile: p.id, kind: k, rule });
    }
  }
  const targetIsArea = Uint8Array.from(targets, (t) => (isArea(t) ? 1 : 0));
  return {
    hazardProfile,
    profiles,
    kinds,
    distancePairs,
    insidePairs,
    targetIsArea,
    hazardsByRule,
    insideHazardsByRule,
  };
}

/** Findings from pairs found and measured elsewhere; the verdicts are this engine's (judgeMeasuredPair, insideFinding). */
export class SetbackJudge {
  private readonly plans: (PairPlan | undefined)[][] = [];
  private readonly insideRules: (SetbackRule | undefined)[][] = [];
  private readonly distanceFound: Finding[] = [];
  private readonly insideFound: Finding[] = [];
  private examined = 0;

  constructor(
    private readonly hazards: readonly Site[],
    private readonly targets: readonly Site[],
    private readonly plan: SetbackPlan,
    private readonly config: AssessConfig,
  ) {
    for (const p of plan.distancePairs) (this.plans[p.profile] ??= [])[p.kind] = p.plan;
    for (const p of plan.insidePairs) (this.insideRules[p.profile] ??= [])[p.kind] = p.rule;
  }

  /**
   * Hazard `hi` and target `ti` lie `distanceM` apart, edge to edge on the ellipsoid, as the executor measured them;
   * null: the executor found the pair but leaves the measuring to the engine (as its own search measures it).
   */
  measured(hi: number, ti: number, distanceM: number | null): void {
    const hazard = this.hazards[hi]!;
    const target = this.targets[ti]!;
    const profile = this.plan.hazardProfile[hi]!;
    const plan = this.plans[profile]?.[this.plan.kinds.kindOf[ti]!];
    if (!plan || hazard === target) return;
    this.examined++;
    const note = this.plan.profiles[profile]!.note;
    const classification = this.plan.kinds.classifications[ti]!;
    if (distanceM === null) {
      judgePlannedPair(hazard, target, plan, classification, note, this.config, this.distanceFound);
      return;
    }
    if (!reportsAt(plan, distanceM, this.config)) return;
    // the closest points (for the map) from the local plane; the distance that decides is the one measured
    const p = planarDistance(hazard.geometry, target.geometry);
    const d = {
      distanceM,
      closestA: p.closestA,
      closestB: distanceM === 0 ? p.closestA : p.closestB,
      between: p.between,
    };
    judgeMeasuredPair(hazard, target, plan, classification, note, this.config, d, this.distanceFound);
  }

  /** hazard `hi` lies inside (or touches) the area of target `ti` */
  inside(hi: number, ti: number): void {
    const hazard = this.hazards[hi]!;
    const target = this.targets[ti]!;
    const rule = this.insideRules[this.plan.hazardProfile[hi]!]?.[this.plan.kinds.kindOf[ti]!];
    if (!rule || hazard === target || !this.plan.targetIsArea[ti]) return;
    const p = planarDistance(hazard.geometry, target.geometry);
    this.insideFound.push(
      insideFinding(hazard, target, rule, this.plan.kinds.classifications[ti]!, {
        closestA: p.closestA,
        closestB: p.closestA,
        between: p.between,
      }),
    );
  }

  /** the findings, sorted as the in-process search sorts them; `pairsExamined` counts the measured pairs a rule binds */
  result(): { distances: SetbackResult; inside: ContainmentResult } {
    return {
      distances: {
        findings: this.distanceFound.sort(compareFindings),
        pairsExamined: this.examined,
        hazardsByRule: this.plan.hazardsByRule,
      },
      inside: { findings: this.insideFound.sort(compareFindings), hazardsByRule: this.plan.insideHazardsByRule },
    };
  }
}
