// The page's assessed sites as views over the columns the engine worker sends (issue #18: the page holds no second
// copy). A site is an object of two hidden fields, its block of columns and its place in it; every field is a getter
// that reads the column: the ids and names as the arrays that came, the numbers as Float64Arrays, repeated values as
// codes into a dictionary. A million sites held as objects took ~250 bytes each (measured in Node: the fields, the
// numbers boxed, a geometry or its getter), and their scavenges and full collections were the page's longest pauses.
// A view's fields are not own properties: a spread, Object.keys, JSON or a structured clone of one sees nothing, so
// anything that copies sites out of the page (the white paper's worker) takes `plainSite` copies first.
import type { Geometry, Point } from 'geojson';
import type { AssessedSite } from '../engine';
import type { CodeArray } from './codeArrays';

/** The fields a view reads from its block's columns, beside the head fields (id, name, category, geometry). */
export const VIEWED_FIELDS = [
  'role',
  'district',
  'domain',
  'lon',
  'lat',
  'score',
  'level',
  'scoreMethod',
  'levelReason',
  'footprintM',
  'protectionDistanceNote',
  'fictitious',
  'responsibleUnit',
  'controls',
] as const satisfies readonly Exclude<keyof AssessedSite, 'id' | 'name' | 'category' | 'geometry'>[];

export type ViewedField = (typeof VIEWED_FIELDS)[number];

/**
 * One field of a block of sites: numbers (NaN where absent), codes into a dictionary (-1 where absent), or values
 * (undefined where absent). One class for every field and block, so the getters stay monomorphic.
 */
export class FieldColumn {
  constructor(
    readonly numbers: Float64Array | null,
    readonly codes: CodeArray | null,
    readonly dict: readonly unknown[] | null,
    readonly values: readonly unknown[] | null,
    /** numbers read at i × step + offset: lon and lat read from the points' array (step 2) */
    readonly step = 1,
    readonly offset = 0,
  ) {}
  static readonly absent = new FieldColumn(null, null, null, null);

  read(i: number): unknown {
    if (this.numbers !== null) {
      const v = this.numbers[i * this.step + this.offset]!;
      return Number.isNaN(v) ? undefined : v; // absent, as an object built from the columns would lack it
    }
    if (this.codes !== null) {
      const code = this.codes[i]!;
      return code < 0 ? undefined : this.dict![code];
    }
    return this.values === null ? undefined : this.values[i];
  }
}

/** A message's sites as columns, with dictionaries decoded: what its views read. */
export interface SiteBlock {
  ids: readonly string[];
  names: readonly string[];
  categoryCodes: CodeArray;
  categories: readonly string[];
  /** lon, lat of each site's Point geometry when every geometry of the block is one; otherwise null */
  points: Float64Array | null;
  geometries: readonly Geometry[] | null;
  fields: Readonly<Record<ViewedField, FieldColumn>>;
}

export class SiteView implements AssessedSite {
  readonly #block: SiteBlock;
  readonly #i: number;
  constructor(block: SiteBlock, i: number) {
    this.#block = block;
    this.#i = i;
  }
  get id(): string {
    return this.#block.ids[this.#i]!;
  }
  get name(): string {
    return this.#block.names[this.#i]!;
  }
  get category(): string {
    return this.#block.categories[this.#block.categoryCodes[this.#i]!]!;
  }
  /** made when read: a million point geometries are not held */
  get geometry(): Geometry {
    const { points, geometries } = this.#block;
    if (points === null) return geometries![this.#i]!;
    return { type: 'Point', coordinates: [points[2 * this.#i]!, points[2 * this.#i + 1]!] } satisfies Point;
  }
  /** the geometry's type, without making the geometry */
  get geometryType(): Geometry['type'] {
    return this.#block.points === null ? this.#block.geometries![this.#i]!.type : 'Point';
  }
  get role(): AssessedSite['role'] {
    return this.#block.fields.role.read(this.#i) as AssessedSite['role'];
  }
  get district(): string {
    return this.#block.fields.district.read(this.#i) as string;
  }
  get domain(): string {
    return this.#block.fields.domain.read(this.#i) as string;
  }
  get lon(): number {
    return this.#block.fields.lon.read(this.#i) as number;
  }
  get lat(): number {
    return this.#block.fields.lat.read(this.#i) as number;
  }
  get score(): number | null {
    return this.#block.fields.score.read(this.#i) as number | null;
  }
  get level(): AssessedSite['level'] {
    return this.#block.fields.level.read(this.#i) as AssessedSite['level'];
  }
  get scoreMethod(): AssessedSite['scoreMethod'] {
    return this.#block.fields.scoreMethod.read(this.#i) as AssessedSite['scoreMethod'];
  }
  get levelReason(): string {
    return this.#block.fields.levelReason.read(this.#i) as string;
  }
  get footprintM(): number {
    return this.#block.fields.footprintM.read(this.#i) as number;
  }
  get protectionDistanceNote(): string {
    return this.#block.fields.protectionDistanceNote.read(this.#i) as string;
  }
  get fictitious(): boolean {
    return this.#block.fields.fictitious.read(this.#i) as boolean;
  }
  get responsibleUnit(): string {
    return this.#block.fields.responsibleUnit.read(this.#i) as string;
  }
  get controls(): string {
    return this.#block.fields.controls.read(this.#i) as string;
  }
}

/** A site as a plain object with its fields own (a view's are getters): what can be cloned, spread or serialised. */
export function plainSite(s: AssessedSite): AssessedSite {
  if (!(s instanceof SiteView)) return s;
  const plain: Record<string, unknown> = { id: s.id, name: s.name, category: s.category, geometry: s.geometry };
  for (const key of VIEWED_FIELDS) {
    const v = s[key];
    if (v !== undefined) plain[key] = v;
  }
  return plain as unknown as AssessedSite;
}

/** A site's geometry type, read without making a view's geometry (passes over every site ask for it). */
export function geometryTypeOf(site: { geometry: { type: string } }): string {
  return site instanceof SiteView ? site.geometryType : site.geometry.type;
}

/** Whether a site is an area (Polygon or MultiPolygon), without making a view's geometry. */
export function isAreaSite(site: { geometry: { type: string } }): boolean {
  const type = geometryTypeOf(site);
  return type === 'Polygon' || type === 'MultiPolygon';
}
