// The setback decisions that do not depend on where sites lie, for an executor that finds and measures the pairs
// itself (PostGIS): each hazard's profile, each target's kind, and for each (profile × kind) that a rule binds, its
// plan (governing requirement, not-assessed rule, reach) or its `not_inside` rule. `SetbackJudge` then turns the pairs
// the executor returns, with their distances, into the same findings the in-process search makes.
import type { AssessConfig, SetbackRule, Site, Finding } from '../model';
import { planarDistance } from '../geo/edgeToEdge';
import { HazardProfileRegistry, type HazardProfile } from './hazardProfiles';
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
import type { TargetKind, TargetKinds } from './targetKinds';
import type { TargetClassification } from './classifyTarget';

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
  const registry = new HazardProfileRegistry(config);
  const hazardProfile = new Int32Array(hazards.length);
  hazards.forEach((h, i) => (hazardProfile[i] = registry.add(h).id));
  const { profiles, samples: sample, hazardsByRule, insideHazardsByRule } = registry;
  const firstOfKind = new Int32Array(kinds.kinds.length).fill(-1);
  kinds.kindOf.forEach((k, i) => {
    if (firstOfKind[k] === -1) firstOfKind[k] = i;
  });
  const { distancePairs, insidePairs } = planKindPairs(
    profiles,
    sample,
    kinds.kinds,
    (k) => ({ target: targets[firstOfKind[k]!]!, classification: kinds.classifications[firstOfKind[k]!]! }),
    config,
  );
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

/**
 * For each hazard profile × target kind, the plan of the distance rules that bind it and the `not_inside` rule (only
 * where the kind has areas): worked out once, on a hazard of the profile and a target of the kind.
 */
export function planKindPairs(
  profiles: readonly HazardProfile[],
  hazardOfProfile: readonly Site[],
  kinds: readonly TargetKind[],
  targetOfKind: (kind: number) => { target: Site; classification: TargetClassification },
  config: AssessConfig,
): Pick<SetbackPlan, 'distancePairs' | 'insidePairs'> {
  const distancePairs: SetbackPlan['distancePairs'] = [];
  const insidePairs: SetbackPlan['insidePairs'] = [];
  for (const p of profiles) {
    for (let k = 0; k < kinds.length; k++) {
      const { category, classes } = kinds[k]!;
      if (p.rules.rules.length > 0) {
        const { target, classification } = targetOfKind(k);
        const plan = planPair(hazardOfProfile[p.id]!, p.rules, target, classification, config);
        if (plan) distancePairs.push({ profile: p.id, kind: k, plan });
      }
      const rule = p.rules.containment.find((r) => ruleMatchesTarget(r, category, classes));
      if (rule && kinds[k]!.areas > 0) insidePairs.push({ profile: p.id, kind: k, rule });
    }
  }
  return { distancePairs, insidePairs };
}

/** A target as the judge needs it: the site, its kind and classification, and whether it was given as an area. */
export interface JudgedTarget {
  site: Site;
  kind: number;
  classification: TargetClassification;
  isArea: boolean;
}

/**
 * The verdicts on pairs found and measured elsewhere, one pair at a time, from the sites themselves (an executor
 * that holds no site list: the PostGIS load); the verdicts are this engine's (judgeMeasuredPair, insideFinding).
 */
export class PairJudge {
  private readonly plans: (PairPlan | undefined)[][] = [];
  private readonly insideRules: (SetbackRule | undefined)[][] = [];
  /** the measured pairs a rule binds (summary.json's pairs_examined) */
  examined = 0;

  constructor(
    plan: Pick<SetbackPlan, 'distancePairs' | 'insidePairs'>,
    private readonly profiles: readonly HazardProfile[],
    private readonly config: AssessConfig,
  ) {
    for (const p of plan.distancePairs) (this.plans[p.profile] ??= [])[p.kind] = p.plan;
    for (const p of plan.insidePairs) (this.insideRules[p.profile] ??= [])[p.kind] = p.rule;
  }

  /**
   * The hazard (of `profile`) and the target lie `distanceM` apart, edge to edge on the ellipsoid, as the executor
   * measured them; null: the executor found the pair but leaves the measuring to the engine (as its own search
   * measures it). Findings are appended to `out`.
   */
  measured(hazard: Site, profile: number, target: JudgedTarget, distanceM: number | null, out: Finding[]): void {
    const plan = this.plans[profile]?.[target.kind];
    if (!plan || hazard.id === target.site.id) return;
    this.examined++;
    const note = this.profiles[profile]!.note;
    const t = target.site;
    if (distanceM === null) {
      judgePlannedPair(hazard, t, plan, target.classification, note, this.config, out);
      return;
    }
    if (!reportsAt(plan, distanceM, this.config)) return;
    // the closest points (for the map) from the local plane; the distance that decides is the one measured
    const p = planarDistance(hazard.geometry, t.geometry);
    const d = {
      distanceM,
      closestA: p.closestA,
      closestB: distanceM === 0 ? p.closestA : p.closestB,
      between: p.between,
    };
    judgeMeasuredPair(hazard, t, plan, target.classification, note, this.config, d, out);
  }

  /** the hazard (of `profile`) lies inside (or touches) the target's area; a finding is appended to `out` */
  inside(hazard: Site, profile: number, target: JudgedTarget, out: Finding[]): void {
    const rule = this.insideRules[profile]?.[target.kind];
    if (!rule || hazard.id === target.site.id || !target.isArea) return;
    const p = planarDistance(hazard.geometry, target.site.geometry);
    out.push(
      insideFinding(hazard, target.site, rule, target.classification, {
        closestA: p.closestA,
        closestB: p.closestA,
        between: p.between,
      }),
    );
  }
}

/** Findings from pairs found and measured elsewhere, named by their index among the hazards and targets. */
export class SetbackJudge {
  private readonly judge: PairJudge;
  private readonly distanceFound: Finding[] = [];
  private readonly insideFound: Finding[] = [];

  constructor(
    private readonly hazards: readonly Site[],
    private readonly targets: readonly Site[],
    private readonly plan: SetbackPlan,
    config: AssessConfig,
  ) {
    this.judge = new PairJudge(plan, plan.profiles, config);
  }

  private target(ti: number): JudgedTarget {
    return {
      site: this.targets[ti]!,
      kind: this.plan.kinds.kindOf[ti]!,
      classification: this.plan.kinds.classifications[ti]!,
      isArea: this.plan.targetIsArea[ti] === 1,
    };
  }

  /** hazard `hi` and target `ti` lie `distanceM` apart (null: the engine measures them); see PairJudge.measured */
  measured(hi: number, ti: number, distanceM: number | null): void {
    this.judge.measured(
      this.hazards[hi]!,
      this.plan.hazardProfile[hi]!,
      this.target(ti),
      distanceM,
      this.distanceFound,
    );
  }

  /** hazard `hi` lies inside (or touches) the area of target `ti` */
  inside(hi: number, ti: number): void {
    this.judge.inside(this.hazards[hi]!, this.plan.hazardProfile[hi]!, this.target(ti), this.insideFound);
  }

  /** the findings, sorted as the in-process search sorts them; `pairsExamined` counts the measured pairs a rule binds */
  result(): { distances: SetbackResult; inside: ContainmentResult } {
    return {
      distances: {
        findings: this.distanceFound.sort(compareFindings),
        pairsExamined: this.judge.examined,
        hazardsByRule: this.plan.hazardsByRule,
      },
      inside: { findings: this.insideFound.sort(compareFindings), hazardsByRule: this.plan.insideHazardsByRule },
    };
  }
}
