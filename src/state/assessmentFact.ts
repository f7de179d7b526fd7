// Facts of an assessment the page's views share (finding positions, facets, sites per zone…): each computed once per
// assessment, or noted as the engine worker sent it with the assessment, since computing it on the page means a pass
// over every site (a long task at a million sites).
import type { Assessment } from '../engine';

export interface AssessmentFact<T> {
  /** the fact: as noted, or computed now and kept */
  of(a: Assessment): T;
  /** the fact as made elsewhere (the engine worker), used as given */
  note(a: Assessment, value: T): void;
}

export function assessmentFact<T>(compute: (a: Assessment) => T): AssessmentFact<T> {
  const known = new WeakMap<Assessment, T>();
  return {
    of(a) {
      let value = known.get(a);
      if (value === undefined) known.set(a, (value = compute(a)));
      return value;
    },
    note: (a, value) => void known.set(a, value),
  };
}
