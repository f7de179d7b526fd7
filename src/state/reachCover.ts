// A site's rescue cover row on the page, read from the columns the engine worker sent (worker/coverColumns.ts) without
// making a million row objects: the side panel asks for one site's row, and `result.cover` (the white paper, the F7
// figure) is made from the columns only when something reads it.
import { isHighRiskUncovered, type AssessedSite, type CoverRow } from '../engine';
import type { AssessedReach, CoverColumns } from './assessedReach';

/** Whether the data held a rescue resource (a cover was made), without making the rows. */
export const hasCover = (reach: AssessedReach): boolean =>
  reach.coverColumns !== undefined || reach.result.cover !== null;

/** Row `i` of the cover as the engine made it, its site's facts read from the site itself. */
export function coverRowAt(
  c: CoverColumns,
  i: number,
  sites: readonly AssessedSite[],
  reach: Pick<AssessedReach, 'result'>,
): CoverRow {
  const s = sites[c.position[i]!]!;
  const minutes = c.minutes[i]!;
  const covered = c.covered[i] === 1;
  const circle = c.circles[c.circle[i]!]!;
  const level = s.level;
  return {
    siteId: s.id,
    name: s.name,
    category: s.category,
    role: s.role ?? 'risk',
    level,
    nearestResourceId: c.nearest[i]! < 0 ? null : reach.result.resources[c.nearest[i]!]!.id,
    minutes: Number.isNaN(minutes) ? null : minutes,
    circle: circle.id,
    targetMinutes: circle.targetMinutes,
    status: covered ? 'covered' : 'uncovered',
    mode: reach.result.mode,
    highRiskUncovered: isHighRiskUncovered(covered, level),
    note: c.notes[c.note[i]!]!,
  };
}

const rowBySite = new WeakMap<CoverColumns, Int32Array>();

/**
 * The cover row of the site at `position` in the assessment's sites (`site` is that site); undefined when the site
 * is not subject to cover. Columns: a position → row index built once (one pass); rows as the engine made them (the
 * in-process engine): looked up by id.
 */
export function coverRowOf(
  reach: AssessedReach,
  sites: readonly AssessedSite[],
  position: number,
  site: AssessedSite,
): CoverRow | undefined {
  const c = reach.coverColumns;
  if (!c) return reach.result.cover?.find((row) => row.siteId === site.id);
  let rows = rowBySite.get(c);
  if (!rows) {
    rows = new Int32Array(sites.length).fill(-1);
    for (let i = 0; i < c.position.length; i++) if (rows[c.position[i]!] === -1) rows[c.position[i]!] = i;
    rowBySite.set(c, rows);
  }
  const i = position >= 0 ? rows[position]! : -1;
  return i < 0 ? undefined : coverRowAt(c, i, sites, reach);
}

/**
 * The reach as received, its `result.cover` made from the columns when first read (the white paper and its figures
 * read every row; the map and the side panel never need them all). An enumerable getter, so a structured clone (to
 * the white-paper worker) carries the rows.
 */
export function withCoverRows(reach: AssessedReach, sites: readonly AssessedSite[]): AssessedReach {
  const c = reach.coverColumns;
  if (!c) return reach;
  let made: CoverRow[] | null = null;
  Object.defineProperty(reach.result, 'cover', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) {
        made = new Array<CoverRow>(c.position.length);
        for (let i = 0; i < c.position.length; i++) made[i] = coverRowAt(c, i, sites, reach);
      }
      return made;
    },
  });
  return reach;
}
