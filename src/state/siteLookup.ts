// Sites and their findings by id, indexed once per assessment. A large city has 100 000 sites: building a lookup on
// every click or panel render made garbage whose collection then paused the page. The indexes are built in idle
// slices after an assessment arrives (buildLookupsWhenIdle), or at once by the first lookup that needs them.
import type { Assessment, AssessedSite } from '../engine';

interface Lookups {
  positions: Map<string, number>;
  findings: Map<string, number[]>;
}

const built = new WeakMap<Assessment, Lookups>();
/** Rows handled between checks of the idle deadline. */
const SLICE = 2000;

/** Builds both indexes, pausing (yield) every SLICE rows. */
function* buildLookups(a: Assessment): Generator<void, Lookups> {
  const positions = new Map<string, number>();
  for (let i = 0; i < a.sites.length; i++) {
    const id = a.sites[i]!.id;
    if (!positions.has(id)) positions.set(id, i); // the first of a repeated id wins, as Array.find would
    if (i % SLICE === SLICE - 1) yield;
  }
  const findings = new Map<string, number[]>();
  const add = (site: string, i: number) => {
    const list = findings.get(site);
    if (list) list.push(i);
    else findings.set(site, [i]);
  };
  for (let i = 0; i < a.violations.length; i++) {
    const { hazardId, targetId } = a.violations[i]!;
    add(hazardId, i);
    if (targetId !== hazardId) add(targetId, i);
    if (i % SLICE === SLICE - 1) yield;
  }
  return { positions, findings };
}

function lookups(a: Assessment): Lookups {
  let found = built.get(a);
  if (!found) {
    const steps = buildLookups(a);
    let step = steps.next();
    while (!step.done) step = steps.next();
    built.set(a, (found = step.value));
  }
  return found;
}

type IdleScheduler = (work: (deadline: { timeRemaining(): number }) => void) => void;

/** Builds the indexes while the page is idle, a few milliseconds at a time, ahead of the first click on a site. */
export function buildLookupsWhenIdle(a: Assessment, whenIdle: IdleScheduler = (work) => requestIdleCallback(work)): void {
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
export const sitePosition = (a: Assessment, id: string): number => lookups(a).positions.get(id) ?? -1;

export function siteById(a: Assessment, id: string): AssessedSite | undefined {
  const i = lookups(a).positions.get(id);
  return i === undefined ? undefined : a.sites[i];
}

export const siteName = (a: Assessment, id: string): string | undefined => siteById(a, id)?.name;

/** Indexes into a.violations of the findings where the site is the hazard or the target. */
export const findingsOf = (a: Assessment, id: string): readonly number[] => lookups(a).findings.get(id) ?? [];
