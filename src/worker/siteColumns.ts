// Sites between the workers and the page as columns: rebuilt as one object literal per site (the engine worker's),
// or kept as columns under views (an assessment's sites on the page, state/siteView).
// Why: a structured clone of 5 000 site objects makes ~35 000 objects in the page's young generation, all kept, and at
// 1 000 000 sites the scavenges that copy them were the page's longest tasks (60–200 ms). Sent as columns (ids, names
// and other strings as arrays, coordinates and numbers as transferred Float64Arrays), the page builds each site from
// a literal, and V8 moves a literal's allocations straight to the old generation once it sees they all survive
// (allocation-site pretenuring); measured in docs/benchmarks.md.
import type { Geometry } from 'geojson';
import type { StringPool } from './stringPool';
import type { AssessedSite } from '../engine';
import { FieldColumn, SiteView, VIEWED_FIELDS, type SiteBlock, type ViewedField } from '../state/siteView';
import { narrowCodes, type CodeArray } from '../state/codeArrays';

/**
 * A field of the sites other than the head fields: numbers (NaN where absent); few distinct values as codes into a
 * dictionary (-1 where absent); or any values (undefined where absent).
 */
export type SiteColumn =
  | { key: string; numbers: Float64Array }
  | ({ key: string } & Coded)
  | { key: string; values: unknown[] };

/** Values as indexes into their distinct values: a district, level or reason crosses once per message, not per site. */
export interface Coded {
  /** the narrowest signed array the dictionary fits (−1 marks absent): a byte a site for a level or a district */
  codes: CodeArray;
  dict: unknown[];
}

export interface SiteColumns {
  n: number;
  id: string[];
  name: string[];
  category: Coded;
  /** lon, lat of each site when every geometry is a plain Point; otherwise null and `geometries` holds them */
  points: Float64Array | null;
  geometries: Geometry[] | null;
  /** the other fields, in the order the sites list them */
  rest: SiteColumn[];
}

interface SiteLike {
  id: string;
  name: string;
  category: string;
  geometry: Geometry;
}

const HEAD = new Set(['id', 'name', 'category', 'geometry']);

/** Sites as columns, and the buffers to transfer with them. Every site needs id, name, category and geometry. */
export function packSites(sites: readonly SiteLike[]): { columns: SiteColumns; transfer: ArrayBuffer[] } {
  const n = sites.length;
  const points = sites.every(isPlainPoint) ? new Float64Array(2 * n) : null;
  if (points) {
    sites.forEach((s, i) => {
      const [lon, lat] = (s.geometry as { coordinates: number[] }).coordinates;
      points[2 * i] = lon!;
      points[2 * i + 1] = lat!;
    });
  }
  const rest = restKeys(sites).map((key): SiteColumn => {
    const values = sites.map((s) => (s as unknown as Record<string, unknown>)[key]);
    const numeric = values.every((v) => v === undefined || (typeof v === 'number' && !Number.isNaN(v)));
    if (numeric) return { key, numbers: Float64Array.from(values, (v) => (v === undefined ? NaN : (v as number))) };
    const coded = encode(values);
    return coded ? { key, ...coded } : { key, values };
  });
  const columns: SiteColumns = {
    n,
    id: sites.map((s) => s.id),
    name: sites.map((s) => s.name),
    category: encode(
      sites.map((s) => s.category),
      Infinity,
    )!,
    points,
    geometries: points ? null : sites.map((s) => s.geometry),
    rest,
  };
  const typed = [
    points,
    columns.category.codes,
    ...rest.map((c) => ('numbers' in c ? c.numbers : 'codes' in c ? c.codes : null)),
  ]; // spread-ok: one per field
  const transfer = typed.filter((a) => a !== null).map((a) => a.buffer as ArrayBuffer);
  return { columns, transfer };
}

/** The sites again (head fields first, then the rest in their order); repeated strings shared through `pool`. */
export function unpackSites<T>(c: SiteColumns, pool: StringPool): T[] {
  const out: T[] = [];
  const { points, geometries, rest } = c;
  const categories = pooled(pool, 'category', c.category.dict);
  const dicts = rest.map((column) => ('codes' in column ? pooled(pool, column.key, column.dict) : null));
  for (let i = 0; i < c.n; i++) {
    // one literal for every site: the allocation site V8 pretenures
    const site: Record<string, unknown> = {
      id: c.id[i],
      name: c.name[i],
      category: categories[c.category.codes[i]!],
      geometry: points ? { type: 'Point', coordinates: [points[2 * i], points[2 * i + 1]] } : geometries![i],
    };
    for (let k = 0; k < rest.length; k++) {
      const column = rest[k]!;
      if ('numbers' in column) {
        const v = column.numbers[i]!;
        if (!Number.isNaN(v)) site[column.key] = v;
      } else if ('codes' in column) {
        const code = column.codes[i]!;
        if (code >= 0) site[column.key] = dicts[k]![code];
      } else {
        const v = column.values[i];
        if (v !== undefined) site[column.key] = typeof v === 'string' ? pool.string(column.key, v) : v;
      }
    }
    out.push(site as T);
  }
  return out;
}

/**
 * An assessment's sites as the page keeps them: views over the columns (state/siteView), the columns kept as they
 * came. Null when the sites carry a field a view does not read (then `unpackSites` makes objects, losing nothing).
 */
export function unpackSiteViews(c: SiteColumns, pool: StringPool): AssessedSite[] | null {
  const known = new Set<string>(VIEWED_FIELDS);
  if (c.rest.some((column) => !known.has(column.key))) return null;
  const fields = Object.fromEntries(VIEWED_FIELDS.map((key) => [key, FieldColumn.absent])) as Record<
    ViewedField,
    FieldColumn
  >;
  for (const column of c.rest) {
    const key = column.key as ViewedField;
    // lon and lat of a point site are its point's coordinates: read from the points' array, held once
    const offset = c.points && 'numbers' in column ? (key === 'lon' ? 0 : key === 'lat' ? 1 : -1) : -1;
    fields[key] =
      offset >= 0 && sameAsPoints((column as { numbers: Float64Array }).numbers, c.points!, offset)
        ? new FieldColumn(c.points, null, null, null, 2, offset)
        : 'numbers' in column
          ? new FieldColumn(column.numbers, null, null, null)
          : 'codes' in column
            ? new FieldColumn(null, column.codes, pooled(pool, key, column.dict), null)
            : new FieldColumn(
                null,
                null,
                null,
                column.values.map((v) => (typeof v === 'string' ? pool.string(key, v) : v)),
              );
  }
  const block: SiteBlock = {
    ids: c.id,
    names: c.name,
    categoryCodes: c.category.codes,
    categories: pooled(pool, 'category', c.category.dict) as string[],
    points: c.points,
    geometries: c.geometries,
    fields,
  };
  const out: AssessedSite[] = new Array(c.n);
  for (let i = 0; i < c.n; i++) out[i] = new SiteView(block, i);
  return out;
}

/** Whether a number column is, site by site, the points' coordinate at `offset` (0 lon, 1 lat). */
function sameAsPoints(numbers: Float64Array, points: Float64Array, offset: number): boolean {
  for (let i = 0; i < numbers.length; i++) if (!Object.is(numbers[i], points[2 * i + offset])) return false;
  return true;
}

/** A dictionary's strings shared with earlier messages' through the pool, once per message. */
function pooled(pool: StringPool, key: string, dict: unknown[]): unknown[] {
  return dict.map((v) => (typeof v === 'string' ? pool.string(key, v) : v));
}

/**
 * Primitive values with few distinct ones (at most `limit`, by default a quarter of them) as codes into their
 * distinct values; null when they are not worth it (objects, mostly distinct text such as addresses).
 */
function encode(values: readonly unknown[], limit = Math.max(16, values.length / 4)): Coded | null {
  const index = new Map<unknown, number>();
  const dict: unknown[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) {
      codes[i] = -1;
      continue;
    }
    if (v !== null && typeof v === 'object') return null;
    let code = index.get(v);
    if (code === undefined) {
      if (dict.length >= limit) return null;
      index.set(v, (code = dict.push(v) - 1));
    }
    codes[i] = code;
  }
  return { codes: narrowCodes(codes, dict.length), dict };
}

function isPlainPoint(s: SiteLike): boolean {
  const g = s.geometry as { type?: unknown; coordinates?: unknown; bbox?: unknown };
  if (g.type !== 'Point' || g.bbox !== undefined || Object.keys(g).length !== 2 || !Array.isArray(g.coordinates))
    return false;
  const c = g.coordinates as unknown[];
  return c.length === 2 && typeof c[0] === 'number' && typeof c[1] === 'number';
}

/**
 * The non-head keys of all sites in one order that keeps each site's own order (sites build their fields in a fixed
 * order, but one site alone does not show where its fields sit among those it lacks): a topological sort of the
 * "comes after" pairs the sites show, ties going to the key seen first.
 */
function restKeys(sites: readonly SiteLike[]): string[] {
  const firstSeen: string[] = [];
  const after = new Map<string, Set<string>>(); // key → keys some site lists right after it
  for (const s of sites) {
    let previous: string | null = null;
    for (const key in s) {
      if (HEAD.has(key)) continue;
      if (!after.has(key)) {
        after.set(key, new Set());
        firstSeen.push(key);
      }
      if (previous !== null) after.get(previous)!.add(key);
      previous = key;
    }
  }
  const before = new Map(firstSeen.map((k) => [k, 0]));
  for (const next of after.values()) for (const k of next) before.set(k, before.get(k)! + 1);
  const order: string[] = [];
  const placed = new Set<string>();
  while (order.length < firstSeen.length) {
    // the first key seen with nothing left before it (or, should sites disagree, the first key not yet placed)
    const key = firstSeen.find((k) => !placed.has(k) && before.get(k) === 0) ?? firstSeen.find((k) => !placed.has(k))!;
    placed.add(key);
    order.push(key);
    for (const k of after.get(key)!) before.set(k, before.get(k)! - 1);
  }
  return order;
}
