// How a rule's two sides read in Chinese, shared by the rules panel, the figures and the white-paper tables.
import { categoryByCode } from '../categories';
import type { SetbackRule, TargetClass } from '../model';

export const TARGET_CLASS_ZH: Record<TargetClass, string> = {
  important_public: '重要公共建筑物', class1: '一类保护物', class2: '二类保护物', class3: '三类保护物', water_source: '饮用水源', section19: '条例§19 防护目标',
};
const RECOVERY_ZH = { none: '无油气回收', unloading: '卸油回收', full: '卸油+加油回收' } as const;

export function ruleHazardText(r: SetbackRule): string {
  const names = r.hazard.categories.map((c) => categoryByCode(c)?.zh ?? c).join('、');
  const c = r.hazard.conditions;
  const cond = [c?.stationGrade ? `${['一', '二', '三'][c.stationGrade - 1]}级站` : '', c?.vapourRecovery ? RECOVERY_ZH[c.vapourRecovery] : ''].filter(Boolean).join(',');
  return cond ? `${names}(${cond})` : names;
}

export function ruleTargetText(r: SetbackRule): string {
  return [...(r.target.classes ?? []).map((c) => TARGET_CLASS_ZH[c]), ...(r.target.categories ?? []).map((c) => categoryByCode(c)?.zh ?? c)].join('、');
}

/** The citation's head (standard and clause) for lists; the full text is kept beside it. */
export function shortSource(source: string): string {
  const head = source.split(/[;(]/)[0]!.trim();
  return head.length > 42 ? `${head.slice(0, 40)}…` : head;
}
