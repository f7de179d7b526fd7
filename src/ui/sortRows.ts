// Table sorting that stays quick at 1 000 000 rows: stable, nulls last in either direction. Columns with few distinct
// values (level, category, district) are counting-sorted in two passes instead of compared n·log n times, and a
// table shown again (another tab, a selection on the map) finds its order remembered.
export type SortKey = string | number | null;

const FEW_DISTINCT = 256;

export function sortRows<T>(rows: ArrayLike<T>, keyOf: (row: T) => SortKey, descending: boolean): T[] {
  const n = rows.length;
  const dir = descending ? -1 : 1;
  const compare = (x: SortKey, y: SortKey): number =>
    x === y ? 0 : x === null ? 1 : y === null ? -1 : (x < y ? -1 : 1) * dir;
  // small non-negative integer keys (level codes, counts) are their own buckets, held a byte each: no look-up per
  // row, and no array of a million boxed keys for the collector
  const small = new Uint8Array(n);
  let i = 0;
  let k: SortKey = null;
  for (; i < n; i++) {
    k = keyOf(rows[i]!);
    if (!(typeof k === 'number' && k >= 0 && k < FEW_DISTINCT && (k | 0) === k)) break;
    small[i] = k;
  }
  if (i === n) return countingSort(rows, small, descending);
  const keys = new Array<SortKey>(n);
  for (let j = 0; j < i; j++) keys[j] = small[j]!;
  keys[i] = k;
  for (let j = i + 1; j < n; j++) keys[j] = keyOf(rows[j]!);
  // each row's bucket while there are few distinct keys
  const bucketOf = new Map<SortKey, number>();
  const bucket = new Int32Array(n);
  let few = true;
  for (let i = 0; i < n && few; i++) {
    const k = keys[i]!;
    let b = bucketOf.get(k);
    if (b === undefined) {
      b = bucketOf.size;
      if (b === FEW_DISTINCT) few = false;
      else bucketOf.set(k, b);
    }
    bucket[i] = b;
  }
  if (few) {
    const order = [...bucketOf.keys()].sort(compare);
    const rankOf = new Int32Array(order.length);
    order.forEach((k, r) => (rankOf[bucketOf.get(k)!] = r));
    // counting sort by rank: where each rank starts, then every row in its place, in input order within a rank
    const start = new Int32Array(order.length + 1);
    for (let i = 0; i < n; i++) start[rankOf[bucket[i]!]! + 1]!++;
    for (let r = 0; r < order.length; r++) start[r + 1]! += start[r]!;
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) out[start[rankOf[bucket[i]!]!]!++] = rows[i]!;
    return out;
  }
  const positions = Array.from({ length: n }, (_, i) => i);
  positions.sort((i, j) => compare(keys[i]!, keys[j]!) || i - j);
  return positions.map((i) => rows[i]!);
}

/** Stable counting sort of rows by keys in [0, FEW_DISTINCT). */
function countingSort<T>(rows: ArrayLike<T>, keys: Uint8Array, descending: boolean): T[] {
  const n = rows.length;
  const start = new Int32Array(FEW_DISTINCT + 1);
  const rank = (k: number) => (descending ? FEW_DISTINCT - 1 - k : k);
  for (let i = 0; i < n; i++) start[rank(keys[i]!) + 1]!++;
  for (let r = 0; r < FEW_DISTINCT; r++) start[r + 1]! += start[r]!;
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[start[rank(keys[i]!)]!++] = rows[i]!;
  return out;
}

const remembered = new WeakMap<object, WeakMap<object, Map<string, unknown[]>>>();

/**
 * sortRows, remembered for these rows (an array the view keeps while nothing changes), this set of columns (a new
 * language or new counts make a new set) and this order; a table mounted again does not sort again.
 */
export function sortRowsRemembered<T>(
  rows: ArrayLike<T>,
  columns: object,
  order: { key: string; descending: boolean },
  keyOf: (row: T) => SortKey,
): T[] {
  let byColumns = remembered.get(rows as object);
  if (!byColumns) remembered.set(rows as object, (byColumns = new WeakMap()));
  let byOrder = byColumns.get(columns);
  if (!byOrder) byColumns.set(columns, (byOrder = new Map()));
  const id = `${order.descending ? '-' : '+'}${order.key}`;
  let sorted = byOrder.get(id) as T[] | undefined;
  if (!sorted) byOrder.set(id, (sorted = sortRows(rows, keyOf, order.descending)));
  return sorted;
}
