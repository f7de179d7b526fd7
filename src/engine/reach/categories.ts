// Which site categories are rescue resources or shelters, and how their grade and class are read from text.
// They keep the engine role 'risk' (no protection-distance check, never a hazard or a protection target); this
// module is what tells them apart, so they are never counted as risk points in cover findings.
import type { AreaType, ResourceKind, ShelterClass, StationGrade } from './profile';

export const RESOURCE_CATEGORIES: readonly ResourceKind[] = ['fire_station', 'rescue_team'];
export const SHELTER_CATEGORY = 'shelter';

export function isRescueResource(category: string): category is ResourceKind {
  return category === 'fire_station' || category === 'rescue_team';
}

export function isReachCategory(category: string): boolean {
  return isRescueResource(category) || category === SHELTER_CATEGORY;
}

// Longest match first: 「一级普通消防站」 must not stop at 「普通」.
const GRADE_WORDS: [RegExp, StationGrade][] = [
  [/特勤/, 'special'],
  [/微型/, 'micro'],
  [/小型/, 'small'],
  [/二级|standard2|level ?2|^2$/i, 'standard2'],
  [/一级|standard1|level ?1|^1$/i, 'standard1'],
  [/企业|enterprise/i, 'enterprise'],
  [/专职|professional/i, 'professional'],
];

/** 「特勤」「一级」「二级普通消防站」「小型站」「微型消防站」「专职救援队」… → a grade; undefined when the text names none. */
export function stationGradeOf(text: string): StationGrade | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^(special|standard1|standard2|small|micro|professional|enterprise)$/.test(t)) return t as StationGrade;
  for (const [re, grade] of GRADE_WORDS) if (re.test(t)) return grade;
  return undefined;
}

/** 「紧急」「短期固定」「中期」「长期固定避难场所」「中心」… → a class; 「固定」 alone is not enough to choose a term. */
export function shelterClassOf(text: string): ShelterClass | undefined {
  const t = text.trim();
  if (/^(emergency|fixed_short|fixed_medium|fixed_long|central)$/.test(t)) return t as ShelterClass;
  if (/紧急|临时/.test(t)) return 'emergency';
  if (/中心/.test(t)) return 'central';
  // 「固定」 without its term reads as 短期: the three terms share radius and per-capita area in the default profile
  if (/短期/.test(t) || t === '固定' || /^固定避难/.test(t)) return 'fixed_short';
  if (/中期/.test(t)) return 'fixed_medium';
  if (/长期/.test(t)) return 'fixed_long';
  return undefined;
}

/** A zone's 区域类型 from its properties: 建成区/城区, 工业园区/化工园区/开发区, 郊区/近郊区, 农村/乡村. */
export function areaTypeOf(text: string): AreaType | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'built_up' || t === 'industrial_park' || t === 'suburban' || t === 'rural') return t;
  if (/园区|开发区|工业区/.test(t)) return 'industrial_park';
  if (/建成区|城区|中心城/.test(t)) return 'built_up';
  if (/郊|城乡结合/.test(t)) return 'suburban';
  if (/农村|乡村|村庄|村/.test(t)) return 'rural';
  return undefined;
}
