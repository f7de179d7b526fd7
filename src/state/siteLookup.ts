// Sites and their findings by id, indexed once per assessment. A large city has 100 000 sites: building a lookup on
// every click or panel render made garbage whose collection then paused the page. The indexes are built in idle
// slices after an assessment arrives (buildLookupsWhenIdle), or at once by the first lookup that needs them.
// The engine lists an assessment's sites in id order, so a site is found by binary search once the order is known to
// hold (state/siteFactColumns); a map of every id (0.1–0.3 s and tens of MB at a million sites) is built only for a
// list not in order.
// A site's findings are a slice of one array, grouped by the site positions each finding names (sent by the engine
// worker with the assessment), not lists in a map keyed by id.
import type { Assessment, AssessedSite } from '../engine';
import { findingPositionsOf } from './mapFilters';
import { siteFactsOf } from './siteFactColumns';

interface Lookups {
  /** null when the sites are in id order (binary search); else the first position of each id */
  positions: Map<string, number> | null;
  /** findings of the site at position p: findingList[findingStart[p] … findingStart[p + 1]) */
  findingStart: Int32Array;
  findingList: Int32Array;
  /** findings naming an id that is not among the sites */
  stray: Map<string, number[]>;
}

const built = new WeakMap<Assessment, Lookups>();
/** Rows handled between checks of the idle deadline. */
const SLICE = 2000;

/** The position index alone (a site by id, without its findings), pausing every SLICE rows: null when in id order. */
function* buildPositions(a: Assessment): Generator<void, Map<string, number> | null> {
  // whether the ids are in order was found where the sites were coded (the engine worker): a pass over a million site
  // objects here was a 60 ms task on the first look-up
  if (siteFactsOf(a).idOrdered) return null;
  const n = a.sites.length;
  const positions = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const id = a.sites[i]!.id;
    if (!positions.has(id)) positions.set(id, i); // the first of a repeated id wins, as Array.find would
    if (i % SLICE === SLICE - 1) yield;
  }
  return positions;
}

/** Position indexes made ahead of the full lookups (a site asked for by id before the findings were grouped). */
const positionsMade = new WeakMap<Assessment, Map<string, number> | null>();

/**
 * The position index: from the lookups if built, else made now on its own (the order check, one pass): a lookup of a
 * few sites by id (the map's shelters as it draws) does not group a million findings first.
 */
function positionsOf(a: Assessment): Map<string, number> | null {
  const l = built.get(a);
  if (l) return l.positions;
  if (!positionsMade.has(a)) positionsMade.set(a, runToEnd(buildPositions(a)));
  return positionsMade.get(a)!;
}

function runToEnd<T>(steps: Generator<void, T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Builds the indexes, pausing (yield) every SLICE rows. */
function* buildLookups(a: Assessment): Generator<void, Lookups> {
  const n = a.sites.length;
  const positions = positionsMade.has(a) ? positionsMade.get(a)! : yield* buildPositions(a);
  const { hazard, target } = findingPositionsOf(a);
  const m = a.findings.length;
  const findingStart = new Int32Array(n + 1);
  const stray = new Map<string, number[]>();
  const addStray = (id: string, i: number) => {
    const list = stray.get(id);
    if (list) list.push(i);
    else stray.set(id, [i]);
  };
  // count, then place: each finding under its hazard and (when another) its target
  for (let i = 0; i < m; i++) {
    if (hazard[i]! >= 0) findingStart[hazard[i]! + 1]!++;
    if (target[i]! >= 0 && target[i] !== hazard[i]) findingStart[target[i]! + 1]!++;
    if (i % SLICE === SLICE - 1) yield;
  }
  for (let p = 0; p < n; p++) findingStart[p + 1]! += findingStart[p]!;
  const findingList = new Int32Array(findingStart[n]!);
  const next = findingStart.slice(0, n);
  for (let i = 0; i < m; i++) {
    const v = a.findings[i]!;
    if (hazard[i]! >= 0) findingList[next[hazard[i]!]!++] = i;
    else addStray(v.hazardId, i);
    if (v.targetId !== v.hazardId) {
      if (target[i]! >= 0 && target[i] !== hazard[i]) findingList[next[target[i]!]!++] = i;
      else if (target[i]! < 0) addStray(v.targetId, i);
    }
    if (i % SLICE === SLICE - 1) yield;
  }
  return { positions, findingStart, findingList, stray };
}

function lookups(a: Assessment): Lookups {
  let found = built.get(a);
  if (!found) built.set(a, (found = runToEnd(buildLookups(a))));
  return found;
}

function positionOf(a: Assessment, positions: Map<string, number> | null, id: string): number {
  if (positions) return positions.get(id) ?? -1;
  // the first site whose id is not before `id`
  let lo = 0;
  let hi = a.sites.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a.sites[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.sites.length && a.sites[lo]!.id === id ? lo : -1;
}

type IdleScheduler = (work: (deadline: { timeRemaining(): number }) => void) => void;

/** Builds the indexes while the page is idle, a few milliseconds at a time, ahead of the first click on a site. */
export function buildLookupsWhenIdle(
  a: Assessment,
  whenIdle: IdleScheduler = (work) => requestIdleCallback(work),
): void {
  if (built.has(a)) return;
  const steps = buildLookups(a);
  const work = (deadline: { timeRemaining(): number }): void => {
    if (built.has(a)) return; // a lookup needed it first
    while (deadline.timeRemaining() > 1) {
      const step = steps.next();
      if (step.done) return void built.set(a, step.value);
    }
    whenIdle(work);
  };
  whenIdle(work);
}

/** The index of the site in a.sites, or -1. */
export const sitePosition = (a: Assessment, id: string): number => positionOf(a, positionsOf(a), id);

export function siteById(a: Assessment, id: string): AssessedSite | undefined {
  const i = sitePosition(a, id);
  return i < 0 ? undefined : a.sites[i];
}

export const siteName = (a: Assessment, id: string): string | undefined => siteById(a, id)?.name;

/** Indexes into a.findings of the findings where the site is the hazard or the target, in list order. */
export function findingsOf(a: Assessment, id: string): readonly number[] {
  const l = lookups(a);
  const p = positionOf(a, l.positions, id);
  if (p < 0) return l.stray.get(id) ?? [];
  return Array.from(l.findingList.subarray(l.findingStart[p]!, l.findingStart[p + 1]!));
}
