// Protection-target classes of GB 50156 附录B (重要公共建筑物 / 一类 / 三类), the entrances of 表4.0.4 note 3, and
// membership of the 《危险化学品安全管理条例》第十九条 list. Where the size that decides the class is unknown, the
// strictest class the category can take is used (从严), and the reason says so.
import { PROTECTION_CLASSES, type ProtectionClass, type Site, type TargetClass } from '../model';
import { categoryByCode, roleOf } from '../categories';

export interface TargetClassification {
  classes: TargetClass[];
  reason: string;
}

interface SizeRule {
  attr: 'users' | 'beds';
  label: string;
  /** strictly above this (or ≥ when `inclusive`) → 重要公共建筑物 (附录B B.0.1) */
  importantAbove: number;
  inclusive?: boolean;
  /** strictly above this → 一类保护物 (附录B B.0.2); below it the 二类/三类 clause was not read, so 一类 (从严) */
  class1Above?: number;
}

const GB50156_APPENDIX_B: Record<string, SizeRule> = {
  school: { attr: 'users', label: '中小学 使用人数', importantAbove: 500 },
  kindergarten: { attr: 'users', label: '幼儿园/托儿所 使用人数', importantAbove: 200 },
  hospital: { attr: 'beds', label: '医院 床位数', importantAbove: 150, inclusive: true },
  elderly_care: { attr: 'beds', label: '养老院 床位数', importantAbove: 150, inclusive: true },
  station: { attr: 'users', label: '车站 设计使用人数', importantAbove: 1500, class1Above: 800 },
  venue: { attr: 'users', label: '影剧院/体育场馆 座位数', importantAbove: 1500, class1Above: 800 },
  park: { attr: 'users', label: '公园/露天场所 设计使用人数', importantAbove: 5000, class1Above: 2000 },
};

/** Kinds of place named in 条例第十九条 that are not buildings of GB 50156 附录B: only the §19 rules reach them. */
const SECTION19_ONLY: Record<string, string> = {
  water_plant: '水厂 (条例第十九条第三项)',
  wharf: '码头 (条例第十九条第四项)',
  airport: '机场 (条例第十九条第四项)',
  railway: '铁路线路 (条例第十九条第四项)',
  trunk_road: '道路交通干线 (条例第十九条第四项)',
  metro_vent: '地铁风亭 (条例第十九条第四项)',
  farmland: '基本农田保护区 (条例第十九条第五项)',
  water_body: '河流、湖泊 (条例第十九条第六项)',
  scenic_area: '风景名胜区 (条例第十九条第六项)',
  nature_reserve: '自然保护区 (条例第十九条第六项)',
};

const CLASS_ZH: Record<ProtectionClass, string> = {
  important_public: '重要公共建筑物',
  class1: '一类保护物',
  class2: '二类保护物',
  class3: '三类保护物',
};

/**
 * The class of a building target. A class the data states (保护类别 column, e.g. 二类保护物 from the city's own
 * 附录B determination) is used as stated, unless the size fields put the site in a stricter class: then the stricter
 * governs and the reason says both.
 */
export function classifyTarget(site: Site): TargetClassification {
  const derived = classifyByCategory(site);
  const stated = site.protectionClass;
  if (stated === undefined || !derived.classes.some(isBuildingClass) || derived.classes.includes('important_entrance'))
    return derived;
  const current = derived.classes.find(isBuildingClass)!;
  const sizeDecided = sizeKnown(site);
  if (sizeDecided && rank(current) < rank(stated)) {
    return {
      classes: derived.classes,
      reason: `${derived.reason};数据所列保护类别为${CLASS_ZH[stated]},按规模从严取${CLASS_ZH[current]}`,
    };
  }
  const others = derived.classes.filter((c) => !isBuildingClass(c));
  if (AT_LEAST_CLASS1.has(site.category) && rank(stated) > rank('class1')) {
    return {
      classes: ['class1', ...others],
      reason: `数据所列保护类别为${CLASS_ZH[stated]},但附录B第B.0.2条第6项将中小学校、幼儿园、养老院、医院门诊楼和住院楼至少列为一类保护物,取一类保护物`,
    };
  }
  return { classes: [stated, ...others], reason: `保护类别由数据给定:${CLASS_ZH[stated]} (GB 50156 附录B)` };
}

/** 附录B B.0.2 item 6: every school, kindergarten, care home and hospital is at least 一类保护物. */
const AT_LEAST_CLASS1 = new Set(['school', 'kindergarten', 'elderly_care', 'hospital']);

function isBuildingClass(c: TargetClass): c is ProtectionClass {
  return (PROTECTION_CLASSES as readonly string[]).includes(c);
}

/** 0 = strictest */
function rank(c: ProtectionClass): number {
  return PROTECTION_CLASSES.indexOf(c);
}

function sizeKnown(site: Site): boolean {
  const rule = GB50156_APPENDIX_B[site.category];
  return rule !== undefined && site[rule.attr] !== undefined;
}

function classifyByCategory(site: Site): TargetClassification {
  const c = site.category;
  if (roleOf(c) !== 'target') {
    return { classes: [], reason: `${categoryByCode(c)?.zh ?? c}为危险源,仅适用按类别点名它的规则` };
  }
  if (c === 'water_source')
    return { classes: ['water_source', 'section19'], reason: '饮用水源/水源保护区 (条例第十九条第三项)' };
  const only19 = SECTION19_ONLY[c];
  if (only19) return { classes: ['section19'], reason: only19 };
  if (c === 'metro_entrance') {
    return {
      classes: ['important_public', 'important_entrance', 'section19'],
      reason: '地铁出入口 → 重要公共建筑物,不论规模 (GB 50156 附录B);主要出入口 (表4.0.4 注3);条例第十九条第四项',
    };
  }
  if (c === 'tunnel_entrance') {
    return {
      classes: ['important_public', 'important_entrance'],
      reason: '隧道出入口 → 重要公共建筑物,不论规模 (GB 50156 附录B);主要出入口 (表4.0.4 注3)',
    };
  }
  if (c === 'public_entrance') {
    return {
      classes: ['important_public', 'important_entrance'],
      reason: '重要公共建筑物的主要出入口 (GB 50156 表4.0.4 注3)',
    };
  }
  if (c === 'residential')
    return { classes: ['class3', 'section19'], reason: '居住区 → 三类保护物 (GB 50156 附录B);条例第十九条第一项' };
  if (c === 'government') {
    // 党政机关 is a class of 附录B (地市级及以上 → 重要公共建筑物, 县级 → 一类) but not a §19 place: only a city rule adds it.
    return {
      classes: ['important_public'],
      reason: '党政机关:级别未提供,按重要公共建筑物从严认定 (GB 50156 附录B);不属条例第十九条所列场所',
    };
  }
  if (c === 'heritage' || c === 'military' || c === 'commercial') {
    return {
      classes: ['important_public', 'section19'],
      reason: `${categoryByCode(c)?.zh ?? c}:级别/规模未提供,按重要公共建筑物从严认定 (GB 50156 附录B)`,
    };
  }
  const rule = GB50156_APPENDIX_B[c];
  if (!rule)
    return {
      classes: ['class1', 'section19'],
      reason: `${categoryByCode(c)?.zh ?? c}:按一类保护物认定 (GB 50156 附录B)`,
    };
  const size = site[rule.attr];
  if (size === undefined) {
    return {
      classes: ['important_public', 'section19'],
      reason: `${rule.label}未提供,按重要公共建筑物从严认定 (GB 50156 附录B)`,
    };
  }
  const important = rule.inclusive ? size >= rule.importantAbove : size > rule.importantAbove;
  const op = rule.inclusive ? (important ? '≥' : '<') : important ? '>' : '≤';
  if (important)
    return {
      classes: ['important_public', 'section19'],
      reason: `${rule.label} ${size} ${op} ${rule.importantAbove} → 重要公共建筑物 (GB 50156 附录B)`,
    };
  if (rule.class1Above !== undefined && size <= rule.class1Above) {
    return {
      classes: ['class1', 'section19'],
      reason: `${rule.label} ${size} ≤ ${rule.class1Above}:二类/三类保护物的划分条文未读到,按一类保护物从严认定 (GB 50156 附录B)`,
    };
  }
  const limit =
    rule.class1Above !== undefined
      ? `${rule.class1Above} < ${rule.label} ${size} ${op} ${rule.importantAbove}`
      : `${rule.label} ${size} ${op} ${rule.importantAbove}`;
  return { classes: ['class1', 'section19'], reason: `${limit} → 一类保护物 (GB 50156 附录B)` };
}
