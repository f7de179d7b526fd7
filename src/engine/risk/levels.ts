// Level ordering and names (重大/较大/一般/低 = red/orange/yellow/blue).
import { LEVELS, type Counts, type Level } from '../model';

/** 0 = red (highest) … 3 = blue */
export const LEVEL_RANK: Record<Level, number> = { red: 0, orange: 1, yellow: 2, blue: 3 };

export const LEVEL_ZH: Record<Level, string> = { red: '重大风险', orange: '较大风险', yellow: '一般风险', blue: '低风险' };
export const LEVEL_EN: Record<Level, string> = { red: 'Major', orange: 'Significant', yellow: 'Moderate', blue: 'Low' };

export function higherLevel(a: Level | null, b: Level | null): Level | null {
  if (a === null) return b;
  if (b === null) return a;
  return LEVEL_RANK[a] <= LEVEL_RANK[b] ? a : b;
}

export function isLevel(v: unknown): v is Level {
  return typeof v === 'string' && (LEVELS as readonly string[]).includes(v);
}

export function emptyCounts(): Counts {
  return { red: 0, orange: 0, yellow: 0, blue: 0, unscored: 0 };
}
