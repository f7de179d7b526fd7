// 重大危险源 grade (原安监总局令第40号 附件1): from a given grade, a given R, or R = α·Σ βᵢqᵢ/Qᵢ. α is never assumed
// silently: it is the site's own, or read from the people within 500 m (附件1 表3), or the profile's strict default
// (2.0), and the reason says which. A unit whose Σ qᵢ/Qᵢ is below 1 is not a 重大危险源 (GB 18218) and gets no grade.
import type { Level } from '../model';
import { LEVEL_ZH } from '../risk/levels';
import type { MajorHazardProfile } from './profile';

export interface MajorHazardInput {
  grade?: 1 | 2 | 3 | 4;
  r?: number;
  alpha?: number;
  /** 常住人口 within 500 m of the site's boundary (decides α when α is not given) */
  people500m?: number;
  /** one entry per substance: actual quantity q, threshold quantity Q (GB 18218), correction factor β */
  items?: { q: number; Q: number; beta: number }[];
}

export interface MajorHazardScore {
  grade: 1 | 2 | 3 | 4;
  r: number | null;
  level: Level;
  reason: string;
}

/** The substances given make no 重大危险源: no grade, and the reason says why. */
export interface NotMajorHazard {
  grade: null;
  r: null;
  level: null;
  reason: string;
}

const GRADE_ZH = ['一', '二', '三', '四'] as const;

/** R = α·Σ βᵢ·qᵢ/Qᵢ. */
export function majorHazardR(alpha: number, items: { q: number; Q: number; beta: number }[]): number {
  return alpha * items.reduce((sum, i) => sum + (i.beta * i.q) / i.Q, 0);
}

/** Σ qᵢ/Qᵢ, the identification sum of GB 18218. */
export function thresholdRatioSum(items: { q: number; Q: number }[]): number {
  return items.reduce((sum, i) => sum + i.q / i.Q, 0);
}

/** α and the words for where it came from. */
export function correctionAlpha(
  profile: MajorHazardProfile,
  alpha?: number,
  people500m?: number,
): { alpha: number; reason: string } {
  if (alpha !== undefined) return { alpha, reason: `α=${alpha} (单位提供)` };
  const table = profile.alpha;
  if (people500m !== undefined) {
    const row = table.byPeople.find((b) => people500m >= b.atLeast) ?? table.byPeople.at(-1)!;
    return {
      alpha: row.alpha,
      reason: `α=${row.alpha} (500米内常住人口 ${people500m} 人,原安监总局令第40号 附件1 表3)`,
    };
  }
  return { alpha: table.default, reason: `α=${table.default} (${table.defaultReason})` };
}

export function majorHazardLevel(
  profile: MajorHazardProfile,
  input: MajorHazardInput,
): MajorHazardScore | NotMajorHazard | null {
  let r: number | null = input.r ?? null;
  let how = r !== null ? `R=${r} (单位提供)` : '';
  if (r === null && input.items?.length) {
    const sum = thresholdRatioSum(input.items);
    const threshold = profile.identification.threshold;
    if (sum < threshold) {
      return {
        grade: null,
        r: null,
        level: null,
        reason: `危险物质 Σq/Q=${round3(sum)} < ${threshold},不构成重大危险源 (GB 18218),不进行重大危险源分级`,
      };
    }
    const a = correctionAlpha(profile, input.alpha, input.people500m);
    r = majorHazardR(a.alpha, input.items);
    how = `Σq/Q=${round3(sum)} ≥ ${threshold}; ${a.reason}; R=α·Σβq/Q=${a.alpha}×(${input.items.map((i) => `${i.beta}×${i.q}/${i.Q}`).join('+')})=${round3(r)}`;
  }
  if (r !== null) {
    const grade = profile.gradeFromR.find((g) => r! >= g.atLeast)?.grade ?? 4;
    const level = profile.gradeLevels[String(grade) as '1'];
    return { grade, r, level, reason: `重大危险源 ${how} → ${GRADE_ZH[grade - 1]}级 → ${LEVEL_ZH[level]}` };
  }
  if (input.grade !== undefined) {
    const level = profile.gradeLevels[String(input.grade) as '1'];
    return {
      grade: input.grade,
      r: null,
      level,
      reason: `重大危险源${GRADE_ZH[input.grade - 1]}级 (单位提供) → ${LEVEL_ZH[level]}`,
    };
  }
  return null;
}

function round3(n: number): number {
  return +n.toFixed(3);
}
