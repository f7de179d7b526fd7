// A site's level from every method it has data for (risk matrix, LEC, 重大危险源 grade); the highest wins (就高),
// and the reason lists each method's result so the choice can be checked.
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

export function scoreSite(profile: MethodProfile, site: Site): SiteScore | null {
  const results: SiteScore[] = [];
  const m = matrixLevel(profile.matrix, site.likelihood, site.severity);
  if (m) results.push({ ...m, method: 'matrix' });
  const l = lecLevel(profile.lec, site.lecL, site.lecE, site.lecC);
  if (l) results.push({ ...l, method: 'lec' });
  const h = majorHazardLevel(profile.majorHazard, {
    grade: site.majorHazardGrade,
    r: site.majorHazardR,
    alpha: site.majorHazardAlpha,
    items: site.majorHazardItems,
  });
  if (h) results.push({ score: h.r ?? h.grade, level: h.level, method: 'major_hazard', reason: h.reason });
  if (results.length === 0) return null;
  const best = results.reduce((a, b) => (LEVEL_RANK[b.level] < LEVEL_RANK[a.level] ? b : a));
  return results.length === 1 ? best : { ...best, reason: `就高取 ${best.method}:${results.map((r) => r.reason).join(';')}` };
}
