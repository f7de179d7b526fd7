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
  const ids = new Map<string, number>();
  const kinds: TargetKind[] = [];
  // A class depends on the category, the stated class and the size fields only: targets alike share one
  // classification (read-only), so a million targets do not carry a million copies of a few dozen reasons.
  const classified = new Map<string, TargetClassification>();
  const classifications = targets.map((t) => {
    const key = `${t.category}|${t.protectionClass ?? ''}|${t.users ?? ''}|${t.beds ?? ''}`;
    let c = classified.get(key);
    if (c === undefined) classified.set(key, (c = classifyTarget(t)));
    return c;
  });
  const kindOf = new Int32Array(targets.length);
  targets.forEach((t, i) => {
    const { classes } = classifications[i]!;
    const key = `${t.category}|${classes.join(',')}`;
    let id = ids.get(key);
    if (id === undefined) {
      ids.set(key, (id = kinds.length));
      kinds.push({ category: t.category, classes, count: 0, areas: 0 });
    }
    kindOf[i] = id;
    kinds[id]!.count++;
    if (t.geometry.type === 'Polygon' || t.geometry.type === 'MultiPolygon') kinds[id]!.areas++;
  });
  return { classifications, kindOf, kinds };
}
