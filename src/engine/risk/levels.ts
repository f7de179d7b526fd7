// Level ordering and names (重大/较大/一般/低 = red/orange/yellow/blue).
import { LEVELS, type AggregationMode, type Counts, type Level, type SetbackRule, type FindingStatus } from '../model';

/** 0 = red (highest) … 3 = blue */
export const LEVEL_RANK: Record<Level, number> = { red: 0, orange: 1, yellow: 2, blue: 3 };

export const LEVEL_ZH: Record<Level, string> = {
  red: '重大风险',
  orange: '较大风险',
  yellow: '一般风险',
  blue: '低风险',
};
export const LEVEL_EN: Record<Level, string> = { red: 'Major', orange: 'Significant', yellow: 'Moderate', blue: 'Low' };

/**
 * A zone with no scored site and no hazard footprint has no level: absence of data is never shown as 低风险
 * (blue means "assessed and low", docs/methods.md). Its one word, used by every figure, table and reason.
 */
export const NO_LEVEL_ZH = '未评级';
/** What 未评级 means, for legends and notes. */
export const NO_LEVEL_NOTE_ZH = '无已评分风险点,也无危险源防护范围覆盖(无数据,不代表低风险)';

/** Short names of the zone aggregation modes (就高 / 加权指数 / 相对分级). */
export const AGGREGATION_MODE_ZH: Record<AggregationMode, string> = {
  max: '就高',
  index: '加权指数',
  relative: '相对分级',
};

/** Names of setback findings (violations.csv keeps the codes; tables and popups show these). */
export const FINDING_STATUS_ZH: Record<FindingStatus, string> = {
  violation: '不符合',
  borderline: '临界',
  not_assessed: '未评估',
};

/** A rule whose target class has no site in the data has checked nothing: never 符合. */
export const NO_TARGETS_ZH = '无检查对象';

/** Names of a rule's or method's verification status. */
export const SOURCE_STATUS_ZH: Record<SetbackRule['status'], string> = {
  official: '官方文本',
  secondary: '转载文本',
  not_found: '原文未读到',
  city: '城市自定',
  verified: '已核实',
  partly: '部分核实',
  unverified: '未核实',
};

export function isLevel(v: unknown): v is Level {
  return typeof v === 'string' && (LEVELS as readonly string[]).includes(v);
}

export function emptyCounts(): Counts {
  return { red: 0, orange: 0, yellow: 0, blue: 0, unscored: 0 };
}
