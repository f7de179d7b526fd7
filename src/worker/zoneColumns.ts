// Zones' contributors from the worker to the page as columns, rebuilt only when a zone's are read.
// Why: a zone lists every scored site in it (or reaching it): with 1 000 000 sites in 11 districts the assessment's
// last message carried ~800 000 contributor objects, and receiving them held the page for ~0.5 s plus their garbage
// collection. As typed arrays they cross in one copy; a zone's list is built the first time something reads it (the
// zone panel, the white paper), as a property that reads like the plain array it replaces.
import { LEVELS, type AssessedZone, type Level, type ZoneContributor } from '../engine';

export interface ContributorColumns {
  /** each contributor's site, as an index into the assessment's sites */
  site: Int32Array;
  level: Uint8Array;
  score: Float64Array;
  /** 0 inside, 1 footprint */
  how: Uint8Array;
  distanceM: Float64Array;
}

export type PackedZone = Omit<AssessedZone, 'contributors'> & { contributorColumns: ContributorColumns };

/** Zones with their contributors as columns (site positions from `positionOf`), and the buffers to transfer. */
export function packZones(
  zones: readonly AssessedZone[],
  positionOf: (siteId: string) => number,
): { zones: PackedZone[]; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const packed = zones.map(({ contributors, ...zone }): PackedZone => {
    const n = contributors.length;
    const c: ContributorColumns = {
      site: new Int32Array(n),
      level: new Uint8Array(n),
      score: new Float64Array(n),
      how: new Uint8Array(n),
      distanceM: new Float64Array(n),
    };
    contributors.forEach((x, i) => {
      c.site[i] = positionOf(x.siteId);
      c.level[i] = LEVELS.indexOf(x.level);
      c.score[i] = x.score;
      c.how[i] = x.how === 'inside' ? 0 : 1;
      c.distanceM[i] = x.distanceM;
    });
    for (const a of [c.site, c.level, c.score, c.how, c.distanceM]) transfer.push(a.buffer as ArrayBuffer);
    return { ...zone, contributorColumns: c };
  });
  return { zones: packed, transfer };
}

/** The zones again: each one's `contributors` built from its columns on first read, then kept. */
export function unpackZones(zones: readonly PackedZone[], siteIds: (i: number) => string): AssessedZone[] {
  return zones.map(({ contributorColumns: c, ...zone }) => {
    let built: ZoneContributor[] | null = null;
    const out = { ...zone } as AssessedZone;
    Object.defineProperty(out, 'contributors', {
      enumerable: true,
      configurable: true,
      get: () =>
        (built ??= Array.from(c.site, (site, i) => ({
          siteId: siteIds(site),
          level: LEVELS[c.level[i]!] as Level,
          score: c.score[i]!,
          how: c.how[i] === 0 ? ('inside' as const) : ('footprint' as const),
          distanceM: c.distanceM[i]!,
        }))),
    });
    counts.set(out, c.site.length);
    return out;
  });
}

const counts = new WeakMap<AssessedZone, number>();

/** How many sites set a zone's level, without building its list when it came as columns. */
export const contributorCount = (z: AssessedZone): number => counts.get(z) ?? z.contributors.length;
