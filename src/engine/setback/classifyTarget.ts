// Protection-target classes of GB 50156 附录B (重要公共建筑物 / 一类 / 三类) plus membership of the 条例 §19 list.
// Where the size that decides the class is unknown, the strictest class the category can take is used (从严),
// and the reason says so.
import type { Site, TargetClass } from '../model';
import { categoryByCode, roleOf } from '../categories';

export interface TargetClassification {
  classes: TargetClass[];
  reason: string;
}

interface SizeRule {
  attr: 'users' | 'beds';
  label: string;
  /** strictly above this (or ≥ when `inclusive`) → 重要公共建筑物 */
  importantAbove: number;
  inclusive?: boolean;
}

const GB50156_APPENDIX_B: Record<string, SizeRule> = {
  school: { attr: 'users', label: '中小学 使用人数', importantAbove: 500 },
  kindergarten: { attr: 'users', label: '幼儿园/托儿所 使用人数', importantAbove: 200 },
  hospital: { attr: 'beds', label: '医院 床位数', importantAbove: 150, inclusive: true },
  elderly_care: { attr: 'beds', label: '养老院 床位数', importantAbove: 150, inclusive: true },
  station: { attr: 'users', label: '车站 旅客容量', importantAbove: 1500 },
  venue: { attr: 'users', label: '影剧院/体育场馆 座位数', importantAbove: 1500 },
  park: { attr: 'users', label: '公园/露天场所 容纳人数', importantAbove: 5000 },
};

export function classifyTarget(site: Site): TargetClassification {
  const c = site.category;
  if (roleOf(c) !== 'target') {
    return { classes: [], reason: `${categoryByCode(c)?.zh ?? c}为危险源,仅适用按类别点名它的规则` };
  }
  if (c === 'water_source') return { classes: ['water_source', 'section19'], reason: '饮用水源/水源保护区 (条例§19 第3项)' };
  if (c === 'residential') return { classes: ['class3', 'section19'], reason: '居住区 → 三类保护物 (GB 50156 附录B)' };
  if (c === 'government' || c === 'heritage' || c === 'military' || c === 'commercial') {
    return { classes: ['important_public', 'section19'], reason: `${categoryByCode(c)?.zh ?? c}:级别/规模未提供,按重要公共建筑物从严认定 (GB 50156 附录B)` };
  }
  const rule = GB50156_APPENDIX_B[c];
  if (!rule) return { classes: ['class1', 'section19'], reason: `${categoryByCode(c)?.zh ?? c}:按一类保护物认定 (GB 50156 附录B)` };
  const size = site[rule.attr];
  if (size === undefined) {
    return { classes: ['important_public', 'section19'], reason: `${rule.label}未提供,按重要公共建筑物从严认定 (GB 50156 附录B)` };
  }
  const important = rule.inclusive ? size >= rule.importantAbove : size > rule.importantAbove;
  const op = rule.inclusive ? (important ? '≥' : '<') : important ? '>' : '≤';
  return important
    ? { classes: ['important_public', 'section19'], reason: `${rule.label} ${size} ${op} ${rule.importantAbove} → 重要公共建筑物 (GB 50156 附录B)` }
    : { classes: ['class1', 'section19'], reason: `${rule.label} ${size} ${op} ${rule.importantAbove} → 一类保护物 (GB 50156 附录B)` };
}
