// 重大危险源 grade (原安监总局令第40号 附件1): from a given grade, a given R, or R = α·Σ βᵢqᵢ/Qᵢ.
import type { Level } from '../model';
import type { MajorHazardProfile } from './profile';

export interface MajorHazardInput {
  grade?: 1 | 2 | 3 | 4;
  r?: number;
  alpha?: number;
  /** one entry per substance: actual quantity q, threshold quantity Q (GB 18218), correction factor β */
  items?: { q: number; Q: number; beta: number }[];
}

export interface MajorHazardScore {
  grade: 1 | 2 | 3 | 4;
  r: number | null;
  level: Level;
  reason: string;
}

/** R = α·Σ βᵢ·qᵢ/Qᵢ. */
export function majorHazardR(alpha: number, items: { q: number; Q: number; beta: number }[]): number {
  return alpha * items.reduce((sum, i) => sum + (i.beta * i.q) / i.Q, 0);
}

export function majorHazardLevel(profile: MajorHazardProfile, input: MajorHazardInput): MajorHazardScore | null {
  let r: number | null = input.r ?? null;
  let how = r !== null ? `R=${r}` : '';
  if (r === null && input.items?.length) {
    r = majorHazardR(input.alpha ?? 1, input.items);
    how = `R=α·Σβq/Q=${input.alpha ?? 1}×(${input.items.map((i) => `${i.beta}×${i.q}/${i.Q}`).join('+')})=${+r.toFixed(3)}`;
  }
  if (r !== null) {
    const grade = profile.gradeFromR.find((g) => r! >= g.atLeast)?.grade ?? 4;
    const level = profile.gradeLevels[String(grade) as '1'];
    return { grade, r, level, reason: `重大危险源 ${how} → ${['一', '二', '三', '四'][grade - 1]}级 → ${level}` };
  }
  if (input.grade !== undefined) {
    const level = profile.gradeLevels[String(input.grade) as '1'];
    return { grade: input.grade, r: null, level, reason: `重大危险源${['一', '二', '三', '四'][input.grade - 1]}级 → ${level}` };
  }
  return null;
}
