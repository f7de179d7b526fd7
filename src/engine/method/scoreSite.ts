// A site's level from every method it has data for (risk matrix, LEC, 重大危险源 grade); the highest wins (就高),
// and the reason lists each method's result so the choice can be checked. A finding that grades nothing (Σq/Q < 1:
// not a 重大危险源) is stated in the reason, never scored.
import type { Level, ScoreMethod, Site } from '../model';
import { LEVEL_RANK } from '../risk/levels';
import { matrixLevel } from '../risk/matrixLevel';
import { lecLevel } from './lecLevel';
import { majorHazardLevel } from './majorHazardLevel';
import type { MethodProfile } from './profile';

export interface SiteScore {
  score: number;
  level: Level;
  method: ScoreMethod;
  reason: string;
}

/** No method could grade the site, for a stated reason. */
export interface UnscoredSite {
  score: null;
  level: null;
  method: null;
  reason: string;
}

export const SCORE_METHOD_ZH: Record<ScoreMethod, string> = {
  matrix: '风险矩阵',
  lec: 'LEC 法',
  major_hazard: '重大危险源分级',
};

/** null when the site has no data for any method. */
export function scoreSite(profile: MethodProfile, site: Site): SiteScore | UnscoredSite | null {
  const results: SiteScore[] = [];
  const m = matrixLevel(profile.matrix, site.likelihood, site.severity);
  if (m) results.push({ ...m, method: 'matrix' });
  const l = lecLevel(profile.lec, site.lecL, site.lecE, site.lecC);
  if (l) results.push({ ...l, method: 'lec' });
  const h = majorHazardLevel(profile.majorHazard, {
    grade: site.majorHazardGrade,
    r: site.majorHazardR,
    alpha: site.majorHazardAlpha,
    people500m: site.people500m,
    items: site.majorHazardItems,
  });
  const notes: string[] = [];
  if (h && h.level !== null)
    results.push({ score: h.r ?? h.grade, level: h.level, method: 'major_hazard', reason: h.reason });
  else if (h) notes.push(h.reason);
  if (results.length === 0)
    return notes.length ? { score: null, level: null, method: null, reason: `未评分: ${notes.join('; ')}` } : null;
  const best = results.reduce((a, b) => (LEVEL_RANK[b.level] < LEVEL_RANK[a.level] ? b : a));
  const all = [...results.map((r) => r.reason), ...notes];
  return all.length === 1 ? best : { ...best, reason: `就高取${SCORE_METHOD_ZH[best.method]}: ${all.join('; ')}` };
}
