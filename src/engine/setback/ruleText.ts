// How a rule's two sides read, shared by the rules panel, the figures and the white-paper tables. Chinese by
// default; the UI passes its own vocabulary for other languages.
import { categoryByCode } from '../categories';
import type { RuleCondition, SetbackRule, TargetClass } from '../model';

export const TARGET_CLASS_ZH: Record<TargetClass, string> = {
  important_public: '重要公共建筑物',
  important_entrance: '重要公共建筑物主要出入口(含地铁、隧道出入口)',
  class1: '一类保护物',
  class2: '二类保护物',
  class3: '三类保护物',
  water_source: '饮用水源',
  section19: '条例§19 防护目标',
};
const RECOVERY_ZH = { none: '无油气回收', unloading: '卸油回收', full: '卸油+加油回收' } as const;

export interface RuleVocabulary {
  category(code: string): string;
  targetClass(c: TargetClass): string;
  stationGrade(grade: 1 | 2 | 3): string;
  recovery(v: NonNullable<RuleCondition['vapourRecovery']>): string;
  /** between listed names */
  separator: string;
  /** the conditions after the names, e.g. 「加油站(一级站,无油气回收)」 */
  withConditions(names: string, conditions: string[]): string;
}

export const RULE_VOCABULARY_ZH: RuleVocabulary = {
  category: (code) => categoryByCode(code)?.zh ?? code,
  targetClass: (c) => TARGET_CLASS_ZH[c],
  stationGrade: (g) => `${['一', '二', '三'][g - 1]}级站`,
  recovery: (v) => RECOVERY_ZH[v],
  separator: '、',
  withConditions: (names, conditions) => `${names}(${conditions.join(',')})`,
};

export function ruleHazardText(r: SetbackRule, words: RuleVocabulary = RULE_VOCABULARY_ZH): string {
  const names = r.hazard.categories.map(words.category).join(words.separator);
  const c = r.hazard.conditions;
  const conditions = [
    c?.stationGrade ? words.stationGrade(c.stationGrade) : '',
    c?.vapourRecovery ? words.recovery(c.vapourRecovery) : '',
  ].filter(Boolean);
  return conditions.length ? words.withConditions(names, conditions) : names;
}

export function ruleTargetText(r: SetbackRule, words: RuleVocabulary = RULE_VOCABULARY_ZH): string {
  return [...(r.target.classes ?? []).map(words.targetClass), ...(r.target.categories ?? []).map(words.category)].join(
    words.separator,
  );
}

/**
 * The citation's head (standard, edition and clause) for lists; the full text is kept beside it. Cut at the first
 * semicolon only: a bracket is part of a Chinese citation (「GB 50156-2012(2014年版) 表4.0.4」), not an aside.
 */
export function shortSource(source: string): string {
  const head = source.split(/[;;]/)[0]!.trim();
  return head.length > 42 ? `${head.slice(0, 40)}…` : head;
}

/** The label a city's own rule carries wherever it is shown (panel, T2, F5, white-paper appendix). */
export const CITY_RULE_LABEL = '(城市自定规则)';

export function isCityRule(r: Pick<SetbackRule, 'status'>): boolean {
  return r.status === 'city';
}

/**
 * A rule's citation for display: its source, labelled 「(城市自定规则)」 when the city set it (unless the source
 * already says so), so a hearing never mistakes a local rule for a national standard.
 */
export function ruleCitation(r: Pick<SetbackRule, 'source' | 'status'>): string {
  return needsCityLabel(r) ? `${r.source}${CITY_RULE_LABEL}` : r.source;
}

/** A city rule whose source does not already say 城市自定规则 (the UI then adds its own label in its language). */
export function needsCityLabel(r: Pick<SetbackRule, 'source' | 'status'>): boolean {
  return isCityRule(r) && !r.source.includes('城市自定规则');
}

/** The citation of the rule a finding names, looked up in the table (the finding itself keeps the plain source). */
export function citationForRuleId(ruleId: string, source: string, rules: readonly SetbackRule[]): string {
  const rule = rules.find((r) => r.id === ruleId);
  return rule ? ruleCitation({ source, status: rule.status }) : source;
}
