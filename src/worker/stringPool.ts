// Repeated strings of sites received from the worker, made one. A structured clone makes a fresh copy of every
// string, so a million sites arrive with a million copies each of "加油站", "鼓楼区"...; on the main thread those
// copies are what the garbage collector has to move while the page is in use. Sharing them right after receipt lets
// the copies die young, which costs the collector nothing.

/** A field stops being pooled once it has shown this many distinct values (ids, names, free text stay as they are). */
const MAX_DISTINCT_PER_FIELD = 1_000;

export interface StringPool {
  /** the pool's copy of `value` for `field` (the value itself once the field has shown too many distinct values) */
  string(field: string, value: string): string;
}

export function createStringPool(): StringPool {
  const byField = new Map<string, Map<string, string> | null>();
  const shared = (field: string, value: string): string => {
    let pool = byField.get(field);
    if (pool === null) return value;
    if (pool === undefined) byField.set(field, (pool = new Map()));
    const known = pool.get(value);
    if (known !== undefined) return known;
    if (pool.size >= MAX_DISTINCT_PER_FIELD) {
      byField.set(field, null); // mostly distinct values: pooling them would only keep them alive longer
      return value;
    }
    pool.set(value, value);
    return value;
  };
  return { string: shared };
}
