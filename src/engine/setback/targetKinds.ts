// Every target's protection class, worked out once per assessment and shared by the distance search, the
// containment check and the per-rule counts. Targets of one category and class set bind the same rules, so they
// are also numbered into kinds: rules are matched once per kind, not once per target.
import type { Site, TargetClass } from '../model';
import { classifyTarget, type TargetClassification } from './classifyTarget';

export interface TargetKind {
  category: string;
  classes: TargetClass[];
  /** targets of this kind, and how many of them are areas (Polygon/MultiPolygon) */
  count: number;
  areas: number;
}

export interface TargetKinds {
  /** per target, in the order given */
  classifications: TargetClassification[];
  /** per target, its index into `kinds` */
  kindOf: Int32Array;
  kinds: TargetKind[];
}

export function targetKinds(targets: readonly Site[]): TargetKinds {
  const registry = new TargetKindRegistry();
  const classifications: TargetClassification[] = new Array(targets.length);
  const kindOf = new Int32Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const { kind, classification } = registry.add(targets[i]!);
    classifications[i] = classification;
    kindOf[i] = kind;
  }
  return { classifications, kindOf, kinds: registry.kinds };
}

/**
 * Targets numbered into kinds one at a time, keeping only the kinds (and a target of each): what an executor that
 * does not hold the targets (the PostGIS load) needs to plan the rules and count the targets each rule checks.
 */
export class TargetKindRegistry {
  readonly kinds: TargetKind[] = [];
  /** a target of each kind, the first added */
  readonly samples: Site[] = [];
  // A class depends on the category, the stated class and the size fields only: targets alike share one
  // classification (read-only), so a million targets do not carry a million copies of a few dozen reasons.
  // Looked up through one map per field (no key string is built for each target).
  private readonly classified: Classified = new Map();
  // kind by category, then by classification (targets of one category and class set are of one kind)
  private readonly kindIds = new Map<string, Map<TargetClassification, number>>();
  private readonly kindOfClasses = new Map<string, number>();

  /** the target's kind and classification (shared with the targets alike); counted among its kind */
  add(t: Site): { kind: number; classification: TargetClassification } {
    const c = classificationOf(this.classified, t);
    let byClassification = this.kindIds.get(t.category);
    if (byClassification === undefined) this.kindIds.set(t.category, (byClassification = new Map()));
    let id = byClassification.get(c);
    if (id === undefined) {
      // two classifications of one category may give the same classes: one kind
      const key = `${t.category}|${c.classes.join(',')}`;
      id = this.kindOfClasses.get(key);
      if (id === undefined) {
        this.kindOfClasses.set(key, (id = this.kinds.length));
        this.kinds.push({ category: t.category, classes: c.classes, count: 0, areas: 0 });
        this.samples.push(t);
      }
      byClassification.set(c, id);
    }
    this.kinds[id]!.count++;
    if (t.geometry.type === 'Polygon' || t.geometry.type === 'MultiPolygon') this.kinds[id]!.areas++;
    return { kind: id, classification: c };
  }

  /** a target counted by `add` no longer counts (a repeated id found after it was added) */
  remove(t: Site): void {
    const k = this.kindIds.get(t.category)!.get(classificationOf(this.classified, t))!;
    this.kinds[k]!.count--;
    if (t.geometry.type === 'Polygon' || t.geometry.type === 'MultiPolygon') this.kinds[k]!.areas--;
  }

  /** the counts now, to go back to (`restore`) when the targets added since are read again */
  snapshot(): number[] {
    return this.kinds.flatMap((k) => [k.count, k.areas]);
  }

  restore(counts: readonly number[]): void {
    this.kinds.forEach((k, i) => {
      k.count = counts[2 * i] ?? 0;
      k.areas = counts[2 * i + 1] ?? 0;
    });
  }

  /** the classification of a target already counted (or alike one): no count changes */
  classify(t: Site): TargetClassification {
    return classificationOf(this.classified, t);
  }
}

type Classified = Map<
  string,
  Map<string | undefined, Map<number | undefined, Map<number | undefined, TargetClassification>>>
>;

function classificationOf(classified: Classified, t: Site): TargetClassification {
  let byClass = classified.get(t.category);
  if (byClass === undefined) classified.set(t.category, (byClass = new Map()));
  let byUsers = byClass.get(t.protectionClass);
  if (byUsers === undefined) byClass.set(t.protectionClass, (byUsers = new Map()));
  let byBeds = byUsers.get(t.users);
  if (byBeds === undefined) byUsers.set(t.users, (byBeds = new Map()));
  let c = byBeds.get(t.beds);
  if (c === undefined) byBeds.set(t.beds, (c = classifyTarget(t)));
  return c;
}
