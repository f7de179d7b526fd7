// LEC (作业条件危险性评价法): D = L × E × C, banded by the profile's thresholds, boundary rule "D > above".
import type { Level } from '../model';
import type { LecProfile } from './profile';

export interface LecScore {
  score: number;
  level: Level;
  reason: string;
}

/** null when any factor is missing. Factors must be values of the profile's tables (checked at import). */
export function lecLevel(lec: LecProfile, l?: number, e?: number, c?: number): LecScore | null {
  if (l === undefined || e === undefined || c === undefined) return null;
  const d = roundD(l * e * c);
  const last = lec.bands.length - 1;
  const i = Math.max(0, lec.bands.findIndex((b) => d > b.above)) || (d > lec.bands[0]!.above ? 0 : last);
  const band = lec.bands[i]!;
  const rule = i === 0 ? `D > ${band.above}` : i === last ? `D ≤ ${lec.bands[i - 1]!.above}` : `${band.above} < D ≤ ${lec.bands[i - 1]!.above}`;
  return { score: d, level: band.level, reason: `LEC D=${l}×${e}×${c}=${d} → ${band.level} (${rule})` };
}

/** Factors such as 0.1 × 3 would give 0.30000000000000004: D is kept to 6 decimals. */
function roundD(d: number): number {
  return Math.round(d * 1e6) / 1e6;
}
