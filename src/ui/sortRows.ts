// Table sorting that stays quick at 1 000 000 rows: stable, nulls last in either direction. Columns with few distinct
// values (level, category, district) are counting-sorted in two passes instead of compared n·log n times, and a
// table shown again (another tab, a selection on the map) finds its order remembered.
export type SortKey = string | number | null;

const FEW_DISTINCT = 256;

/**
 * `ranks`: for rows that are positions, each position's key as a small integer (what `keyOf` gives for it): counted
 * straight from the typed arrays, no call per row (the site table's level at a million rows: ~10 ms, not 60–80).
 */
export function sortRows<T>(
  rows: ArrayLike<T>,
  keyOf: (row: T) => SortKey,
  descending: boolean,
  ranks?: Uint8Array,
): T[] {
  if (ranks) return byPositionRank(rows as ArrayLike<number>, ranks, descending) as T[];
  const n = rows.length;
  const dir = descending ? -1 : 1;
  const compare = (x: SortKey, y: SortKey): number =>
    x === y ? 0 : x === null ? 1 : y === null ? -1 : (x < y ? -1 : 1) * dir;
  // small non-negative integer keys (level codes, counts) are their own buckets, held a byte each: no look-up per
  // row, and no array of a million boxed keys for the collector
  const small = new Uint8Array(n);
  let at = 0;
  let key: SortKey = null;
  for (; at < n; at++) {
    key = keyOf(rows[at]!);
    if (!(typeof key === 'number' && key >= 0 && key < FEW_DISTINCT && (key | 0) === key)) break;
    small[at] = key;
  }
  if (at === n) return byRank(rows, (i) => (descending ? FEW_DISTINCT - 1 - small[i]! : small[i]!), FEW_DISTINCT);
  const keys = new Array<SortKey>(n);
  for (let j = 0; j < at; j++) keys[j] = small[j]!;
  keys[at] = key;
  for (let j = at + 1; j < n; j++) keys[j] = keyOf(rows[j]!);
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
    return byRank(rows, (i) => rankOf[bucket[i]!]!, order.length);
  }
  const positions = Array.from({ length: n }, (_, i) => i);
  positions.sort((i, j) => compare(keys[i]!, keys[j]!) || i - j);
  return positions.map((i) => rows[i]!);
}

/** Rows in order of their rank (0 … ranks − 1), in input order within a rank: a counting sort, two passes. */
function byRank<T>(rows: ArrayLike<T>, rankAt: (i: number) => number, ranks: number): T[] {
  const n = rows.length;
  const start = new Int32Array(ranks + 1);
  for (let i = 0; i < n; i++) start[rankAt(i) + 1]!++;
  for (let r = 0; r < ranks; r++) start[r + 1]! += start[r]!;
  const out = new Array<T>(n);
  for (let i = 0; i < n; i++) out[start[rankAt(i)]!++] = rows[i]!;
  return out;
}

/** Positions in order of their byte rank (stable): a counting sort over typed arrays. */
function byPositionRank(rows: ArrayLike<number>, ranks: Uint8Array, descending: boolean): number[] {
  const n = rows.length;
  const flip = descending ? 255 : 0;
  const start = new Int32Array(257);
  for (let i = 0; i < n; i++) start[(ranks[rows[i]!]! ^ flip) + 1]!++;
  for (let r = 0; r < 256; r++) start[r + 1]! += start[r]!;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const p = rows[i]!;
    out[start[ranks[p]! ^ flip]!++] = p;
  }
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
  ranks?: Uint8Array,
): T[] {
  let byColumns = remembered.get(rows as object);
  if (!byColumns) remembered.set(rows as object, (byColumns = new WeakMap()));
  let byOrder = byColumns.get(columns);
  if (!byOrder) byColumns.set(columns, (byOrder = new Map()));
  const id = `${order.descending ? '-' : '+'}${order.key}`;
  let sorted = byOrder.get(id) as T[] | undefined;
  if (!sorted) byOrder.set(id, (sorted = sortRows(rows, keyOf, order.descending, ranks)));
  return sorted;
}
