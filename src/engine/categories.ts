// Site categories (docs/data-model.md): code, Chinese and English names, setback role, default 行业领域, import synonyms.
import type { Role } from './model';

export interface CategoryDef {
  code: string;
  zh: string;
  en: string;
  role: Role;
  domain: string;
  synonyms: string[];
}

export const CATEGORIES: readonly CategoryDef[] = [
  {
    code: 'hazchem_production',
    zh: '危险化学品生产装置',
    en: 'Hazardous-chemical production',
    role: 'hazard',
    domain: '危险化学品',
    synonyms: ['危化品生产', '危险化学品生产', '化工生产', '生产装置'],
  },
  {
    code: 'hazchem_storage',
    zh: '危险化学品储存设施',
    en: 'Hazardous-chemical storage (major hazard)',
    role: 'hazard',
    domain: '危险化学品',
    synonyms: [
      '危化品储存',
      '危险化学品储存',
      '重大危险源',
      '储存设施',
      '危化品仓库',
      '危险化学品仓库',
      '危险化学品仓储',
    ],
  },
  {
    code: 'hazchem_trade',
    zh: '危险化学品经营(带储存)',
    en: 'Hazardous-chemical trade with storage',
    role: 'hazard',
    domain: '危险化学品',
    synonyms: ['危化品经营', '危险化学品经营', '危化经营'],
  },
  {
    code: 'fuel_station',
    zh: '加油站',
    en: 'Petrol station',
    role: 'hazard',
    domain: '危险化学品',
    synonyms: ['加油站', '油站', 'petrol station', 'gas station (petrol)'],
  },
  {
    code: 'gas_station',
    zh: '加气站',
    en: 'Gas filling station (LPG/CNG/LNG)',
    role: 'hazard',
    domain: '城镇燃气',
    synonyms: ['加气站', 'LPG加气站', 'CNG加气站', 'LNG加气站'],
  },
  {
    code: 'fireworks_retail',
    zh: '烟花爆竹零售点',
    en: 'Fireworks retail',
    role: 'hazard',
    domain: '烟花爆竹',
    synonyms: ['烟花爆竹', '烟花爆竹零售', '烟花爆竹零售店', '烟花爆竹经营'],
  },
  {
    code: 'gas_facility',
    zh: '燃气场站',
    en: 'Gas facility',
    role: 'hazard',
    domain: '城镇燃气',
    synonyms: ['燃气场站', '燃气站', '门站', '储配站', '调压站'],
  },
  {
    code: 'other_hazard',
    zh: '其他危险源',
    en: 'Other hazard',
    role: 'hazard',
    domain: '其他',
    synonyms: ['其他危险源'],
  },
  {
    code: 'school',
    zh: '中小学',
    en: 'School',
    role: 'target',
    domain: '防护目标',
    synonyms: ['学校', '中学', '小学', '中小学校', 'school'],
  },
  {
    code: 'kindergarten',
    zh: '幼儿园/托儿所',
    en: 'Kindergarten',
    role: 'target',
    domain: '防护目标',
    synonyms: ['幼儿园', '托儿所', 'kindergarten'],
  },
  {
    code: 'hospital',
    zh: '医院',
    en: 'Hospital',
    role: 'target',
    domain: '防护目标',
    synonyms: ['医院', '卫生院', '门诊', 'hospital', 'clinic'],
  },
  {
    code: 'elderly_care',
    zh: '养老院/福利院',
    en: 'Care home',
    role: 'target',
    domain: '防护目标',
    synonyms: ['养老院', '福利院', '敬老院', '养老机构'],
  },
  {
    code: 'residential',
    zh: '居住区',
    en: 'Residential',
    role: 'target',
    domain: '防护目标',
    synonyms: ['居住区', '居民区', '小区', '住宅', 'residential'],
  },
  {
    code: 'commercial',
    zh: '商业中心/商场',
    en: 'Shopping centre',
    role: 'target',
    domain: '防护目标',
    synonyms: ['商场', '商业中心', '集贸市场', '市场', '超市'],
  },
  { code: 'park', zh: '公园', en: 'Park', role: 'target', domain: '防护目标', synonyms: ['公园', '广场'] },
  {
    code: 'venue',
    zh: '影剧院/体育场馆',
    en: 'Theatre or stadium',
    role: 'target',
    domain: '防护目标',
    synonyms: ['影剧院', '体育场', '体育馆', '体育场馆', '电影院', '剧院'],
  },
  {
    code: 'station',
    zh: '车站/交通枢纽',
    en: 'Station or transport hub',
    role: 'target',
    domain: '防护目标',
    synonyms: ['车站', '交通枢纽', '地铁站', '火车站', '汽车站', '客运站'],
  },
  // 附录B of GB 50156 makes metro and tunnel entrances 重要公共建筑物 whatever their size; 表4.0.4 note 3 holds 50 m to them.
  {
    code: 'metro_entrance',
    zh: '地铁出入口',
    en: 'Metro entrance',
    role: 'target',
    domain: '防护目标',
    synonyms: ['地铁出入口', '地铁站出入口', '地铁口', '轨道交通出入口', 'metro entrance', 'subway entrance'],
  },
  {
    code: 'tunnel_entrance',
    zh: '隧道出入口',
    en: 'Tunnel entrance',
    role: 'target',
    domain: '防护目标',
    synonyms: ['隧道出入口', '隧道口', 'tunnel entrance', 'tunnel portal'],
  },
  {
    code: 'public_entrance',
    zh: '重要公共建筑物主要出入口',
    en: 'Main entrance of an important public building',
    role: 'target',
    domain: '防护目标',
    synonyms: ['主要出入口', '重要公共建筑物出入口', 'main entrance'],
  },
  {
    code: 'water_source',
    zh: '饮用水源/水源保护区',
    en: 'Drinking-water source',
    role: 'target',
    domain: '防护目标',
    synonyms: ['水源', '饮用水源', '水源保护区', '饮用水源保护区', '取水口', 'drinking water source'],
  },
  {
    code: 'water_plant',
    zh: '水厂',
    en: 'Water works',
    role: 'target',
    domain: '防护目标',
    synonyms: ['水厂', '自来水厂', '净水厂', 'water works', 'water plant'],
  },
  // The remaining kinds of places listed in 《危险化学品安全管理条例》第十九条.
  {
    code: 'wharf',
    zh: '码头',
    en: 'Wharf or port',
    role: 'target',
    domain: '防护目标',
    synonyms: ['码头', '港口', '港口码头', 'wharf', 'pier', 'port'],
  },
  {
    code: 'airport',
    zh: '机场',
    en: 'Airport',
    role: 'target',
    domain: '防护目标',
    synonyms: ['机场', '航站楼', 'airport'],
  },
  {
    code: 'railway',
    zh: '铁路线路',
    en: 'Railway line',
    role: 'target',
    domain: '防护目标',
    synonyms: ['铁路', '铁路线路', '铁路线', 'railway', 'railway line'],
  },
  {
    code: 'trunk_road',
    zh: '道路交通干线',
    en: 'Trunk road',
    role: 'target',
    domain: '防护目标',
    synonyms: ['交通干线', '道路交通干线', '公路干线', '高速公路', '国道', '城市主干道', 'trunk road', 'highway'],
  },
  {
    code: 'metro_vent',
    zh: '地铁风亭',
    en: 'Metro ventilation shaft',
    role: 'target',
    domain: '防护目标',
    synonyms: ['地铁风亭', '风亭', '地铁风井', 'metro vent', 'ventilation shaft'],
  },
  {
    code: 'water_body',
    zh: '河流/湖泊',
    en: 'River or lake',
    role: 'target',
    domain: '防护目标',
    synonyms: ['河流', '湖泊', '河道', '湖', '河流湖泊', 'river', 'lake'],
  },
  {
    code: 'scenic_area',
    zh: '风景名胜区',
    en: 'Scenic area',
    role: 'target',
    domain: '防护目标',
    synonyms: ['风景名胜区', '风景区', '名胜区', 'scenic area'],
  },
  {
    code: 'nature_reserve',
    zh: '自然保护区',
    en: 'Nature reserve',
    role: 'target',
    domain: '防护目标',
    synonyms: ['自然保护区', '保护区(自然)', 'nature reserve'],
  },
  {
    code: 'farmland',
    zh: '基本农田保护区',
    en: 'Protected basic farmland',
    role: 'target',
    domain: '防护目标',
    synonyms: ['基本农田', '基本农田保护区', '永久基本农田', 'basic farmland', 'farmland'],
  },
  {
    code: 'government',
    zh: '党政机关',
    en: 'Government office',
    role: 'target',
    domain: '防护目标',
    synonyms: ['党政机关', '政府', '机关'],
  },
  {
    code: 'heritage',
    zh: '文物保护单位',
    en: 'Heritage site',
    role: 'target',
    domain: '防护目标',
    synonyms: ['文物保护单位', '文保单位', '文物'],
  },
  {
    code: 'military',
    zh: '军事禁区/军事管理区',
    en: 'Military restricted or controlled area',
    role: 'target',
    domain: '防护目标',
    synonyms: ['军事管理区', '军事禁区', 'military area', 'military zone'],
  },
  {
    code: 'other_target',
    zh: '其他防护目标',
    en: 'Other protection target',
    role: 'target',
    domain: '防护目标',
    synonyms: ['其他防护目标'],
  },
  {
    code: 'construction',
    zh: '建筑施工',
    en: 'Construction site',
    role: 'risk',
    domain: '建设施工',
    synonyms: ['建筑施工', '施工工地', '工地', '在建工程'],
  },
  {
    code: 'crowded_place',
    zh: '人员密集场所',
    en: 'Crowded place',
    role: 'risk',
    domain: '人员密集场所',
    synonyms: ['人员密集场所', '人员密集'],
  },
  {
    code: 'pipeline',
    zh: '管线/管廊',
    en: 'Pipeline or utility tunnel',
    role: 'risk',
    domain: '城市生命线',
    synonyms: ['管线', '管廊', '管道', '燃气管线'],
  },
  {
    code: 'gas_user',
    zh: '燃气用户',
    en: 'Gas user',
    role: 'risk',
    domain: '城镇燃气',
    synonyms: ['燃气用户', '餐饮燃气用户'],
  },
  {
    code: 'traffic',
    zh: '道路交通隐患点段',
    en: 'Road-traffic hazard spot',
    role: 'risk',
    domain: '道路交通',
    synonyms: ['道路交通', '交通隐患', '隐患路段', '事故多发点段'],
  },
  // Rescue resources and shelters (issue #21). Role 'risk': they take part in no protection-distance check and are not
  // protection targets; reach/ reads them by category (reach/categories.ts) and never counts them as risk points.
  {
    code: 'fire_station',
    zh: '消防站',
    en: 'Fire station',
    role: 'risk',
    domain: '应急救援',
    synonyms: [
      '消防站',
      '消防救援站',
      '特勤消防站',
      '普通消防站',
      '一级消防站',
      '二级消防站',
      '一级普通消防站',
      '二级普通消防站',
      '小型消防站',
      '小型普通消防站',
      '微型消防站',
      '消防队',
      'fire station',
      'fire brigade',
    ],
  },
  {
    code: 'rescue_team',
    zh: '专职/企业救援队',
    en: 'Rescue team',
    role: 'risk',
    domain: '应急救援',
    synonyms: ['救援队', '专职救援队', '企业救援队', '专职消防队', '企业专职消防队', '应急救援队', 'rescue team'],
  },
  {
    code: 'shelter',
    zh: '应急避难场所',
    en: 'Emergency shelter',
    role: 'risk',
    domain: '应急避难',
    synonyms: [
      '避难场所',
      '应急避难场所',
      '紧急避难场所',
      '固定避难场所',
      '短期固定避难场所',
      '中期固定避难场所',
      '长期固定避难场所',
      '中心避难场所',
      '地震应急避难场所',
      '避难所',
      '应急避护场所',
      'emergency shelter',
      'shelter',
    ],
  },
  {
    code: 'other_risk',
    zh: '其他风险点',
    en: 'Other risk point',
    role: 'risk',
    domain: '其他',
    synonyms: ['其他风险点', '其他'],
  },
];

const byCode = new Map(CATEGORIES.map((c) => [c.code, c]));
const byAlias = new Map<string, CategoryDef>();
for (const c of CATEGORIES) {
  for (const alias of [c.code, c.zh, c.en, ...c.synonyms]) byAlias.set(normaliseAlias(alias), c);
}

function normaliseAlias(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, '');
}

export function categoryByCode(code: string): CategoryDef | undefined {
  return byCode.get(code);
}

/** Values already resolved: a file's category column holds a few distinct values over all its rows. */
const resolvedValues = new Map<string, CategoryDef | undefined>();
const RESOLVED_KEPT = 4096;

/** Resolve a code, Chinese name or synonym to its category; undefined when unknown (never guessed). */
export function resolveCategory(value: string): CategoryDef | undefined {
  if (resolvedValues.has(value)) return resolvedValues.get(value);
  const found = byAlias.get(normaliseAlias(value));
  if (resolvedValues.size >= RESOLVED_KEPT) resolvedValues.clear(); // a column of free text: keep memory bounded
  resolvedValues.set(value, found);
  return found;
}

export function roleOf(code: string): Role | null {
  return byCode.get(code)?.role ?? null;
}
