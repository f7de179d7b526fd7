// Rescue cover (one row per scored site and protection target) as it crosses to the page: columns, not a million
// objects. As objects, a 1 000 000-site assessment's cover was ~1 million structured-clone objects with nine strings
// each: a 3.6–4.6 s task on the page to receive and 500 MB more page heap (bench:import-browser, 2026-12-06). What a row
// repeats from its site (name, category, role, level) is read from the site itself; the rest is numbers and codes.
// The page reads them back in state/reachCover.ts.
import { isCoverSubject, type AssessedSite, type CoverRow } from '../engine';
import type { CoverColumns } from '../state/assessedReach';

/**
 * The cover as columns over `sites`, the assessment's sites as the page receives them (the cover was made for its
 * subjects in this order: each row's site is found by walking them, so a repeated id still finds its own site). Null
 * if the rows do not follow the sites (the page then gets the rows as they are).
 */
export function packCover(
  cover: readonly CoverRow[],
  sites: readonly AssessedSite[],
  resourceIds: readonly string[],
): CoverColumns | null {
  const n = cover.length;
  const position = new Int32Array(n);
  const nearest = new Int32Array(n);
  const minutes = new Float64Array(n);
  const circle = new Uint8Array(n);
  const covered = new Uint8Array(n);
  const note = new Int32Array(n);
  const resourceAt = new Map(resourceIds.map((id, i) => [id, i]));
  const circles: CoverColumns['circles'] = [];
  const notes: string[] = [];
  const noteAt = new Map<string, number>();
  let at = 0;
  for (let i = 0; i < n; i++) {
    const row = cover[i]!;
    while (at < sites.length && !(sites[at]!.id === row.siteId && isCoverSubject(sites[at]!))) at++;
    if (at === sites.length) return null;
    position[i] = at++;
    nearest[i] = row.nearestResourceId === null ? -1 : (resourceAt.get(row.nearestResourceId) ?? -2);
    if (nearest[i] === -2) return null;
    minutes[i] = row.minutes ?? Number.NaN;
    let c = circles.findIndex((x) => x.id === row.circle && x.targetMinutes === row.targetMinutes);
    if (c < 0) c = circles.push({ id: row.circle, targetMinutes: row.targetMinutes }) - 1;
    if (c > 255) return null;
    circle[i] = c;
    covered[i] = row.status === 'covered' ? 1 : 0;
    let k = noteAt.get(row.note);
    if (k === undefined) noteAt.set(row.note, (k = notes.push(row.note) - 1));
    note[i] = k;
  }
  return { position, nearest, minutes, circle, circles, covered, note, notes };
}
