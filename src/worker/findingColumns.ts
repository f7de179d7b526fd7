// An assessment's findings from the engine worker to the page as columns, a few thousand to a message, each message
// its own task on the page. Sent as one list of objects, 300 000 sites' findings took one 0.2 s task to receive, and
// every finding brought its own copies of the long texts it shares with thousands of others (source, note, class
// reason): here each distinct value crosses once per message, and findings that share a list of other requirements
// (every finding of a kind of pair does) share it again on the page.
import type { Finding } from '../engine';
import type { StringPool } from './stringPool';
import { FindingView, plainFinding, type FindingBlock } from '../state/findingView';
import { narrowCodes, type CodeArray } from '../state/codeArrays';

/** Values as indexes into their distinct values (texts by content, lists by identity). */
export interface AllCoded {
  codes: CodeArray;
  dict: unknown[];
}

export interface FindingColumns {
  n: number;
  hazardId: string[];
  targetId: string[];
  /** distanceM, requiredM, shortfallM of each finding (NaN: null) */
  numbers: Float64Array;
  /** the closest points: hazard side lon, lat, then target side lon, lat */
  closest: Float64Array;
  screening: Uint8Array;
  ruleId: AllCoded;
  status: AllCoded;
  source: AllCoded;
  targetClass: AllCoded;
  targetClassReason: AllCoded;
  measuredBetween: AllCoded;
  note: AllCoded;
  otherRequirements: AllCoded;
  /** the individual-risk facts of the QRA findings (issue #20), by position; most findings have none */
  risk: { at: Int32Array; values: NonNullable<Finding['risk']>[] };
}

const CODED = [
  'ruleId',
  'status',
  'source',
  'targetClass',
  'targetClassReason',
  'measuredBetween',
  'note',
  'otherRequirements',
] as const;

export function packFindings(findings: readonly Finding[]): { columns: FindingColumns; transfer: ArrayBuffer[] } {
  const n = findings.length;
  const numbers = new Float64Array(3 * n);
  const closest = new Float64Array(4 * n);
  const screening = new Uint8Array(n);
  findings.forEach((v, i) => {
    numbers[3 * i] = v.distanceM;
    numbers[3 * i + 1] = v.requiredM ?? NaN;
    numbers[3 * i + 2] = v.shortfallM ?? NaN;
    closest.set([v.closest[0][0], v.closest[0][1], v.closest[1][0], v.closest[1][1]], 4 * i);
    screening[i] = v.screening ? 1 : 0;
  });
  const coded = Object.fromEntries(CODED.map((key) => [key, codeAll(findings, key)])) as Record<
    (typeof CODED)[number],
    AllCoded
  >;
  const risk = riskColumn(findings);
  const columns: FindingColumns = {
    n,
    hazardId: findings.map((v) => v.hazardId),
    targetId: findings.map((v) => v.targetId),
    numbers,
    closest,
    screening,
    ...coded,
    risk,
  };
  const transfer = [numbers, closest, screening, risk.at, ...CODED.map((k) => coded[k].codes)].map(
    (a) => a.buffer as ArrayBuffer,
  ); // spread-ok: one per field
  return { columns, transfer };
}

/** The findings again, each field in the order the engine writes them; repeated texts shared through `pool`. */
export function unpackFindings(c: FindingColumns, pool: StringPool): Finding[] {
  return unpackFindingViews(c, pool).map(plainFinding);
}

/** The findings as the page keeps them: views over the columns that came (state/findingView). */
export function unpackFindingViews(c: FindingColumns, pool: StringPool): Finding[] {
  const decoded = (key: (typeof CODED)[number]) => ({
    codes: c[key].codes,
    dict: c[key].dict.map((v) => (typeof v === 'string' ? pool.string(key, v) : v)),
  });
  const risk = new Map<number, NonNullable<Finding['risk']>>();
  c.risk.at.forEach((i, k) => risk.set(i, c.risk.values[k]!));
  const block: FindingBlock = {
    hazardId: c.hazardId,
    targetId: c.targetId,
    numbers: c.numbers,
    closest: c.closest,
    screening: c.screening,
    ruleId: decoded('ruleId'),
    status: decoded('status'),
    source: decoded('source'),
    targetClass: decoded('targetClass'),
    targetClassReason: decoded('targetClassReason'),
    measuredBetween: decoded('measuredBetween'),
    note: decoded('note'),
    otherRequirements: decoded('otherRequirements'),
    risk,
  };
  const out: Finding[] = new Array(c.n);
  for (let i = 0; i < c.n; i++) out[i] = new FindingView(block, i);
  return out;
}

function codeAll(findings: readonly Finding[], key: (typeof CODED)[number]): AllCoded {
  const index = new Map<unknown, number>();
  const dict: unknown[] = [];
  const codes = new Int32Array(findings.length);
  findings.forEach((v, i) => {
    const value = v[key];
    let code = index.get(value);
    if (code === undefined) index.set(value, (code = dict.push(value) - 1));
    codes[i] = code;
  });
  return { codes: narrowCodes(codes, dict.length), dict };
}

function riskColumn(findings: readonly Finding[]): FindingColumns['risk'] {
  const at: number[] = [];
  const values: NonNullable<Finding['risk']>[] = [];
  findings.forEach((v, i) => {
    if (!v.risk) return;
    at.push(i);
    values.push(v.risk);
  });
  return { at: Int32Array.from(at), values };
}
