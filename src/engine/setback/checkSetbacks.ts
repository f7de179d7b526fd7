// Protection-distance search: index the targets once, query each hazard with a safe prefilter, plan the rules once
// per kind of pair, and measure only the candidates (cost ~ N + M + K, not N × M).
import Flatbush from 'flatbush';
import type { AssessConfig, Site, Finding } from '../model';
import { bboxOf } from '../geo/bbox';
import { degreesCovering, localPlane } from '../geo/localPlane';
import { targetKinds, type TargetKinds } from './targetKinds';
import { profileOf, type HazardProfile } from './hazardProfiles';
import { judgePlannedPair, planPair, type PairPlan } from './judgePair';

export interface SetbackResult {
  /** sorted by hazard id, target id, rule id; empty when the findings went to an `onFinding` sink */
  findings: Finding[];
  /** candidate pairs from the index that some rule binds (the prefilter's output; most are dropped by box distance) */
  pairsExamined: number;
  /** hazards each rule binds (a rule's compliance rate = hazards without a finding under it / this) */
  hazardsByRule: Record<string, number>;
}

/** Receives each finding in the order of `findings` (hazard id, target id, rule id), with its two sites. */
export type FindingSink = (v: Finding, hazard: Site, target: Site) => void;

/**
 * The hazards at positions [from, to) of the id order. A batch run splits the search into such parts, one per thread
 * (src/cli/setbackThreads.ts): the parts' findings, one after another, are the whole search's, and their counts add up.
 */
export interface HazardPart {
  from: number;
  to: number;
}

/**
 * `count` parts in id order covering positions 0…hazards − 1, each the same size but the first, which weighs
 * `firstWeight` of another (a thread that has more to do besides its part takes less).
 */
export function hazardParts(hazards: number, count: number, firstWeight = 1): HazardPart[] {
  const total = firstWeight + count - 1;
  const cut = (k: number) =>
    k === 0 ? 0 : k === count ? hazards : Math.floor((hazards * (firstWeight + k - 1)) / total);
  return Array.from({ length: count }, (_, k) => ({ from: cut(k), to: cut(k + 1) }));
}

/**
 * `kinds` are the targets' classes when the caller has them already (they must be of these `targets`). With
 * `onFinding`, each finding goes to the sink as soon as its hazard is done and none is kept: a million sites at a
 * city's density give tens of millions of findings, more than memory holds, and a batch run only writes them out.
 */
export function checkSetbacks(
  hazards: Site[],
  targets: Site[],
  config: AssessConfig,
  kinds?: TargetKinds,
  onFinding?: FindingSink,
  part: HazardPart = { from: 0, to: hazards.length },
): SetbackResult {
  const findings: Finding[] = [];
  const hazardsByRule: Record<string, number> = {};
  if (part.from >= part.to) return { findings, pairsExamined: 0, hazardsByRule };
  const order = hazards.map((_, i) => i);
  // the assessment passes hazards in id order already: then one pass says so and nothing is sorted
  if (hazards.some((h, i) => i > 0 && cmp(hazards[i - 1]!.id, h.id) > 0))
    order.sort((a, b) => cmp(hazards[a]!.id, hazards[b]!.id));
  if (targets.length === 0) {
    const profiles = new Map<string, HazardProfile>();
    for (let k = part.from; k < part.to; k++)
      for (const r of profileOf(hazards[order[k]!]!, config, profiles).rules.rules)
        hazardsByRule[r.id] = (hazardsByRule[r.id] ?? 0) + 1;
    return { findings, pairsExamined: 0, hazardsByRule };
  }
  const index = new Flatbush(targets.length);
  for (const t of targets) {
    const b = bboxOf(t.geometry);
    index.add(b[0], b[1], b[2], b[3]);
  }
  index.finish();
  // Targets of the same category and classes bind the same rules: plans are made once per kind.
  const { classifications: targetClasses, kindOf: targetKind } = kinds ?? targetKinds(targets);
  const profiles = new Map<string, HazardProfile>();
  // plans[profile.id][kind]: undefined = not yet planned, null = no rule binds the pair
  const plans: (PairPlan | null | undefined)[][] = [];

  // one hazard's findings, sorted before they are handed on; the target of each (and its index) kept beside it
  const found: Finding[] = [];
  const foundTargets: Site[] = [];
  const foundAt: number[] = [];
  const hand = onFinding ?? ((v: Finding) => void findings.push(v));
  let pairsExamined = 0;
  // targets in strictly increasing id order (as the assessment passes them): a hazard's findings are then ordered by
  // the targets' positions, numbers, instead of their ids
  const targetsInIdOrder = targets.every((t, i) => i === 0 || targets[i - 1]!.id < t.id);
  const byPosition = (a: number, b: number) =>
    foundAt[a]! - foundAt[b]! || cmp(found[a]!.ruleId, found[b]!.ruleId) || a - b;
  const byIds = (a: number, b: number) => compareFindings(found[a]!, found[b]!) || a - b;
  const selfIndex = targetIndexOfHazards(hazards, targets);
  // hazards searched, per profile (ids in the order first met): added to hazardsByRule at the end, rule by rule of
  // each profile in that order, which gives the keys in the order a count per hazard would
  const hazardsOfProfile: number[] = [];
  // the hazard being searched, read by `visit` (one function for every hazard: the index calls it with each
  // candidate's box, read where the index holds it, so the prefilter touches no other array for a far candidate)
  let hazard = hazards[order[part.from]!]!; // the first searched: profiles are numbered in the order they are met
  let self = -1;
  let profile: HazardProfile = profileOf(hazard, config, profiles);
  let profiled = hazard; // the hazard `profile` was looked up for
  let planned: (PairPlan | null | undefined)[] = [];
  let box = bboxOf(hazard.geometry);
  let kx = 0;
  let ky = 0;
  const visit = (ti: number, x0: number, y0: number, x1: number, y1: number): boolean => {
    // decide from numbers first; the target object is read only for pairs that may be reported
    const kind = targetKind[ti]!;
    let plan = planned[kind];
    if (plan === undefined)
      planned[kind] = plan = planPair(hazard, profile.rules, targets[ti]!, targetClasses[ti]!, config);
    if (!plan || ti === self) return false;
    pairsExamined++;
    const gapLon = Math.max(0, x0 - box[2], box[0] - x1);
    const gapLat = Math.max(0, y0 - box[3], box[1] - y1);
    if ((gapLon * kx) ** 2 + (gapLat * ky) ** 2 > (plan.reachM + 1) ** 2) return false; // too far for this pair's rule
    const target = targets[ti]!;
    judgePlannedPair(hazard, target, plan, targetClasses[ti]!, profile.note, config, found);
    while (foundTargets.length < found.length) {
      foundTargets.push(target);
      foundAt.push(ti);
    }
    return false;
  };
  for (let k = part.from; k < part.to; k++) {
    const hi = order[k]!;
    hazard = hazards[hi]!;
    self = selfIndex[hi]!; // a hazard is among the targets of other hazards, never its own
    // hazards in id order often come in runs of one kind: the previous hazard's profile when every field it is keyed
    // by is the same (=== implies the same key), else the cache
    if (!sameProfileFields(hazard, profiled)) profile = profileOf(hazard, config, profiles);
    profiled = hazard;
    if (profile.rules.rules.length === 0) continue;
    hazardsOfProfile[profile.id] = (hazardsOfProfile[profile.id] ?? 0) + 1;
    planned = plans[profile.id] ??= [];
    box = bboxOf(hazard.geometry);
    const poleward = Math.max(Math.abs(box[1]), Math.abs(box[3]));
    const { dLon, dLat } = degreesCovering(profile.searchM, poleward);
    // metres per degree a little poleward of every candidate: box gaps below are never overestimated
    ({ kx, ky } = localPlane(0, Math.min(89, poleward + 0.5)));
    index.search(box[0] - dLon, box[1] - dLat, box[2] + dLon, box[3] + dLat, visit);
    if (found.length === 0) continue;
    if (found.length === 1) hand(found[0]!, hazard, foundTargets[0]!);
    else {
      // a stable sort of positions: findings that compare equal keep the order they were found in
      const sorted = found.map((_, i) => i).sort(targetsInIdOrder ? byPosition : byIds);
      for (const i of sorted) hand(found[i]!, hazard, foundTargets[i]!);
    }
    found.length = 0;
    foundTargets.length = 0;
    foundAt.length = 0;
  }
  for (const p of profiles.values()) {
    const n = hazardsOfProfile[p.id];
    if (n) for (const r of p.rules.rules) hazardsByRule[r.id] = (hazardsByRule[r.id] ?? 0) + n;
  }
  return { findings, pairsExamined, hazardsByRule };
}

/** Are the fields a hazard's profile is keyed by (hazardProfiles.profileOf) the same values in both? */
function sameProfileFields(a: Site, b: Site): boolean {
  return (
    a.category === b.category &&
    a.stationGrade === b.stationGrade &&
    a.vapourRecovery === b.vapourRecovery &&
    a.protectionDistanceM === b.protectionDistanceM
  );
}

/**
 * Where each hazard is among the targets (-1: not there). The assessment passes both lists in one order (hazards a
 * subsequence of the targets), so one walk finds them all; any other order falls back to a map.
 */
function targetIndexOfHazards(hazards: Site[], targets: Site[]): Int32Array {
  const at = new Int32Array(hazards.length).fill(-1);
  let j = 0;
  let walked = true;
  for (let i = 0; i < hazards.length && walked; i++) {
    while (j < targets.length && targets[j] !== hazards[i]) j++;
    if (j < targets.length) at[i] = j++;
    else walked = false;
  }
  if (walked) return at;
  const indexOf = new Map<Site, number>(targets.map((t, i) => [t, i]));
  hazards.forEach((h, i) => (at[i] = indexOf.get(h) ?? -1));
  return at;
}

export function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.hazardId, b.hazardId) || cmp(a.targetId, b.targetId) || cmp(a.ruleId, b.ruleId);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
