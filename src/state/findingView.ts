// The page's findings as views over the columns the engine worker sends, as its sites are (state/siteView): a finding
// is an object of two hidden fields, every field a getter reading a column — the ids as the arrays that came, the
// distances and closest points as Float64Arrays, the texts as codes into dictionaries. As objects each finding also
// held its closest points as three arrays. A view's fields are not own properties: anything that copies findings out
// of the page (the white paper's worker) takes `plainFinding` copies first.
import type { Finding, RiskFinding } from '../engine';
import type { CodeArray } from './codeArrays';

/** A message's findings as columns, dictionaries decoded: what its views read. */
export interface FindingBlock {
  hazardId: readonly string[];
  targetId: readonly string[];
  /** distanceM, requiredM, shortfallM of each finding (NaN: null) */
  numbers: Float64Array;
  /** hazard side lon, lat, then target side lon, lat */
  closest: Float64Array;
  screening: Uint8Array;
  ruleId: Coded;
  status: Coded;
  source: Coded;
  targetClass: Coded;
  targetClassReason: Coded;
  measuredBetween: Coded;
  note: Coded;
  otherRequirements: Coded;
  /** the QRA facts by position (few findings have them) */
  risk: ReadonlyMap<number, RiskFinding>;
}

export interface Coded {
  codes: CodeArray;
  dict: readonly unknown[];
}

const decoded = (c: Coded, i: number): unknown => c.dict[c.codes[i]!];
const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

export class FindingView implements Finding {
  readonly #block: FindingBlock;
  readonly #i: number;
  constructor(block: FindingBlock, i: number) {
    this.#block = block;
    this.#i = i;
  }
  get hazardId(): string {
    return this.#block.hazardId[this.#i]!;
  }
  get targetId(): string {
    return this.#block.targetId[this.#i]!;
  }
  get ruleId(): string {
    return decoded(this.#block.ruleId, this.#i) as string;
  }
  get distanceM(): number {
    return this.#block.numbers[3 * this.#i]!;
  }
  get requiredM(): number | null {
    return orNull(this.#block.numbers[3 * this.#i + 1]!);
  }
  get shortfallM(): number | null {
    return orNull(this.#block.numbers[3 * this.#i + 2]!);
  }
  get status(): Finding['status'] {
    return decoded(this.#block.status, this.#i) as Finding['status'];
  }
  get source(): string {
    return decoded(this.#block.source, this.#i) as string;
  }
  get targetClass(): Finding['targetClass'] {
    return decoded(this.#block.targetClass, this.#i) as Finding['targetClass'];
  }
  get targetClassReason(): string {
    return decoded(this.#block.targetClassReason, this.#i) as string;
  }
  /** made when read (a pass over many findings reads it once per finding) */
  get closest(): Finding['closest'] {
    const x = this.#block.closest;
    const k = 4 * this.#i;
    return [
      [x[k]!, x[k + 1]!],
      [x[k + 2]!, x[k + 3]!],
    ];
  }
  get measuredBetween(): string {
    return decoded(this.#block.measuredBetween, this.#i) as string;
  }
  get note(): string {
    return decoded(this.#block.note, this.#i) as string;
  }
  get screening(): boolean {
    return this.#block.screening[this.#i] === 1;
  }
  get otherRequirements(): Finding['otherRequirements'] {
    return decoded(this.#block.otherRequirements, this.#i) as Finding['otherRequirements'];
  }
  get risk(): RiskFinding | undefined {
    return this.#block.risk.get(this.#i);
  }
}

/** A finding as a plain object with its fields own (a view's are getters): what can be cloned or serialised. */
export function plainFinding(v: Finding): Finding {
  if (!(v instanceof FindingView)) return v;
  const risk = v.risk;
  return {
    hazardId: v.hazardId,
    targetId: v.targetId,
    ruleId: v.ruleId,
    distanceM: v.distanceM,
    requiredM: v.requiredM,
    shortfallM: v.shortfallM,
    status: v.status,
    source: v.source,
    targetClass: v.targetClass,
    targetClassReason: v.targetClassReason,
    closest: v.closest,
    measuredBetween: v.measuredBetween,
    note: v.note,
    screening: v.screening,
    otherRequirements: v.otherRequirements,
    ...(risk ? { risk } : {}),
  };
}
