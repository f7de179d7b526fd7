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
  const kinds: TargetKind[] = [];
  // A class depends on the category, the stated class and the size fields only: targets alike share one
  // classification (read-only), so a million targets do not carry a million copies of a few dozen reasons.
  // Looked up through one map per field (no key string is built for each target).
  const classified: Classified = new Map();
  // kind by category, then by classification (targets of one category and class set are of one kind)
  const kindIds = new Map<string, Map<TargetClassification, number>>();
  const kindOfClasses = new Map<string, number>();
  const classifications: TargetClassification[] = new Array(targets.length);
  const kindOf = new Int32Array(targets.length);
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    const c = classificationOf(classified, t);
    classifications[i] = c;
    let byClassification = kindIds.get(t.category);
    if (byClassification === undefined) kindIds.set(t.category, (byClassification = new Map()));
    let id = byClassification.get(c);
    if (id === undefined) {
      // two classifications of one category may give the same classes: one kind
      const key = `${t.category}|${c.classes.join(',')}`;
      id = kindOfClasses.get(key);
      if (id === undefined) {
        kindOfClasses.set(key, (id = kinds.length));
        kinds.push({ category: t.category, classes: c.classes, count: 0, areas: 0 });
      }
      byClassification.set(c, id);
    }
    kindOf[i] = id;
    kinds[id]!.count++;
    if (t.geometry.type === 'Polygon' || t.geometry.type === 'MultiPolygon') kinds[id]!.areas++;
  }
  return { classifications, kindOf, kinds };
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
