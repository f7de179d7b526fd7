// LEC (作业条件危险性评价法): D = L × E × C, banded by the profile's thresholds. Which band a D exactly on a bound
// falls in is the profile's stated choice (`boundary`, each band's `inclusive`), and the reason quotes the band.
import type { Level } from '../model';
import { LEVEL_ZH } from '../risk/levels';
import type { LecProfile } from './profile';

export interface LecScore {
  score: number;
  level: Level;
  reason: string;
}

type Band = LecProfile['bands'][number];

/** null when any factor is missing. Factors must be values of the profile's tables (checked at import). */
export function lecLevel(lec: LecProfile, l?: number, e?: number, c?: number): LecScore | null {
  if (l === undefined || e === undefined || c === undefined) return null;
  const d = roundD(l * e * c);
  const last = lec.bands.length - 1;
  const found = lec.bands.findIndex((b) => passes(lec, b, d));
  const i = found < 0 ? last : found;
  const band = lec.bands[i]!;
  const label = band.label ? `,${band.label}` : '';
  return {
    score: d,
    level: band.level,
    reason: `LEC D=${l}×${e}×${c}=${d} → ${LEVEL_ZH[band.level]} (${bandRule(lec, i)}${label})`,
  };
}

function inclusive(lec: LecProfile, b: Band): boolean {
  return lec.boundary === 'per band' && b.inclusive === true;
}

function passes(lec: LecProfile, b: Band, d: number): boolean {
  return inclusive(lec, b) ? d >= b.above : d > b.above;
}

/** The band as an inequality, e.g. "70 ≤ D < 160" or "D > 320". */
export function bandRule(lec: LecProfile, i: number): string {
  const band = lec.bands[i]!;
  const lower =
    i === lec.bands.length - 1 && band.above === 0 ? '' : `${band.above} ${inclusive(lec, band) ? '≤' : '<'} `;
  if (i === 0) return `D ${inclusive(lec, band) ? '≥' : '>'} ${band.above}`;
  const upper = lec.bands[i - 1]!;
  return `${lower}D ${inclusive(lec, upper) ? '<' : '≤'} ${upper.above}`;
}

/** Factors such as 0.1 × 3 would give 0.30000000000000004: D is kept to 6 decimals. */
function roundD(d: number): number {
  return Math.round(d * 1e6) / 1e6;
}
