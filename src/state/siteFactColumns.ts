// What the filters, the legend's counts and the site table read about every site, as columns: one byte or code per
// site instead of a property read from each of a million site objects. A pass over the objects cost 80–140 ms at a
// million sites (each object its own cache line); the same pass over these arrays costs a few milliseconds. Made by
// the engine worker with the assessment and transferred, or here from the sites when nothing was sent.
import { isReachCategory, LEVELS_AND_UNSCORED, type Assessment, type AssessedSite } from '../engine';
import { assessmentFact } from './assessmentFact';

/** Strings as codes into their distinct values (in first-seen order). */
export interface CodedStrings {
  codes: Uint16Array | Uint32Array;
  values: string[];
}

export interface SiteFactColumns {
  /** each site's level as an index into LEVELS_AND_UNSCORED (the last: 未评级) */
  level: Uint8Array;
  /** ROLE_CODES index: hazard, target, risk point; REACH_ROLE for rescue resources and shelters (no level) */
  role: Uint8Array;
  domain: CodedStrings;
  district: CodedStrings;
  category: CodedStrings;
  /** sites per level (rescue resources and shelters not counted) and per role code: the unfiltered legend's counts */
  totals: { level: number[]; role: number[] };
  /** every id sorts after the one before (the engine's order): a site by id is then a binary search */
  idOrdered: boolean;
}

export const ROLE_CODES = ['hazard', 'target', 'risk'] as const;
/** a fire station, rescue team or shelter: counted apart from the risk points, never as 未评级 */
export const REACH_ROLE = 3;
const UNSCORED_CODE = LEVELS_AND_UNSCORED.length - 1;

export function siteFactColumns(sites: readonly AssessedSite[]): SiteFactColumns {
  const n = sites.length;
  const level = new Uint8Array(n);
  const role = new Uint8Array(n);
  const domain = new Coder(n),
    district = new Coder(n),
    category = new Coder(n);
  const levelCode = new Map<unknown, number>(LEVELS_AND_UNSCORED.map((l, i) => [l, i]));
  const roleCode = new Map<unknown, number>(ROLE_CODES.map((r, i) => [r, i]));
  const reach = new Map<string, boolean>(); // by category: a few distinct values
  const totals = { level: LEVELS_AND_UNSCORED.map(() => 0), role: [0, 0, 0, 0] };
  let idOrdered = true;
  for (let i = 0; i < n; i++) {
    const s = sites[i]!;
    if (i > 0 && sites[i - 1]!.id > s.id) idOrdered = false;
    level[i] = levelCode.get(s.level) ?? UNSCORED_CODE;
    let isReach = reach.get(s.category);
    if (isReach === undefined) reach.set(s.category, (isReach = isReachCategory(s.category)));
    role[i] = isReach ? REACH_ROLE : (roleCode.get(s.role) ?? 2);
    totals.role[role[i]!]!++;
    if (!isReach) totals.level[level[i]!]!++;
    domain.add(i, s.domain);
    district.add(i, s.district);
    category.add(i, s.category);
  }
  return {
    level,
    role,
    domain: domain.done(),
    district: district.done(),
    category: category.done(),
    totals,
    idOrdered,
  };
}

/** The buffers to transfer with the columns. */
export function siteFactTransfer(f: SiteFactColumns): ArrayBuffer[] {
  return [f.level, f.role, f.domain.codes, f.district.codes, f.category.codes].map((a) => a.buffer as ArrayBuffer);
}

const facts = assessmentFact((a) => siteFactColumns(a.sites));
/** The columns of an assessment: as the engine worker sent them, or made from its sites now. */
export const siteFactsOf = (a: Assessment): SiteFactColumns => facts.of(a);
export const noteSiteFacts = (a: Assessment, f: SiteFactColumns): void => facts.note(a, f);

/** Codes in 16 bits while the distinct values allow it (6 MB instead of 12 for three columns at a million sites). */
class Coder {
  private codes: Uint16Array | Uint32Array;
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];
  constructor(n: number) {
    this.codes = new Uint16Array(n);
  }
  add(i: number, value: string): void {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.push(value) - 1;
      this.index.set(value, code);
      if (code === 0x10000 && this.codes instanceof Uint16Array) this.codes = Uint32Array.from(this.codes);
    }
    this.codes[i] = code;
  }
  done(): CodedStrings {
    return { codes: this.codes, values: this.values };
  }
}
