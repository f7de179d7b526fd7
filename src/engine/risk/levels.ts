// Level ordering and names (重大/较大/一般/低 = red/orange/yellow/blue).
import { LEVELS, type Counts, type Level, type SetbackRule, type ViolationStatus } from '../model';

/** 0 = red (highest) … 3 = blue */
export const LEVEL_RANK: Record<Level, number> = { red: 0, orange: 1, yellow: 2, blue: 3 };

export const LEVEL_ZH: Record<Level, string> = { red: '重大风险', orange: '较大风险', yellow: '一般风险', blue: '低风险' };
export const LEVEL_EN: Record<Level, string> = { red: 'Major', orange: 'Significant', yellow: 'Moderate', blue: 'Low' };

/** Short names of the zone aggregation modes (就高 / 加权指数 / 相对分级). */
export const AGGREGATION_MODE_ZH: Record<'max' | 'index' | 'relative', string> = { max: '就高', index: '加权指数', relative: '相对分级' };

/** Names of setback findings (violations.csv keeps the codes; tables and popups show these). */
export const VIOLATION_STATUS_ZH: Record<ViolationStatus, string> = { violation: '不符合', borderline: '临界', not_assessed: '未评估' };

/** Names of a rule's or method's verification status. */
export const SOURCE_STATUS_ZH: Record<SetbackRule['status'], string> = {
  official: '官方文本', secondary: '转载文本', not_found: '原文未读到', city: '城市自定', verified: '已核实', partly: '部分核实', unverified: '未核实',
};

export function isLevel(v: unknown): v is Level {
  return typeof v === 'string' && (LEVELS as readonly string[]).includes(v);
}

export function emptyCounts(): Counts {
  return { red: 0, orange: 0, yellow: 0, blue: 0, unscored: 0 };
}
