// The fields of rescue resources and shelters (issue #21), read apart from the petrol-station ones: a fire station's
// 「站级」 column says 一级/二级/小型/微型, not GB 50156's 1/2/3, so for these categories it is read as a rescue grade.
// When the grade or class column is empty, the category text may name it (「微型消防站」「紧急避难场所」): that is
// the data stating it, not a guess.
import { isRescueResource, rescueGradeOf, shelterClassOf, type Site } from '../engine';
import type { FieldError, RowValues } from './validateSite';

export function isReachRow(category: string | undefined): boolean {
  return category !== undefined && (isRescueResource(category) || category === 'shelter');
}

export function reachFields(category: string, categoryText: string, v: RowValues, errors: FieldError[]): Partial<Site> {
  const out: Partial<Site> = {};
  if (isRescueResource(category)) {
    const raw = v.rescue_grade || v.station_grade || '';
    const grade = raw ? rescueGradeOf(raw) : rescueGradeOf(categoryText);
    if (raw && !grade)
      errors.push({
        field: raw === v.rescue_grade ? 'rescue_grade' : 'station_grade',
        reason: `消防站/救援队类别「${raw}」应为 特勤/一级/二级/小型/微型/专职/企业 (expected special, standard1, standard2, small, micro, professional or enterprise)`,
      });
    if (grade) out.rescueGrade = grade;
  }
  if (category === 'shelter') {
    const raw = v.shelter_class || '';
    const cls = raw ? shelterClassOf(raw) : shelterClassOf(categoryText);
    if (raw && !cls)
      errors.push({
        field: 'shelter_class',
        reason: `避难场所类别「${raw}」应为 紧急/短期固定/中期固定/长期固定/中心 (expected emergency, fixed_short, fixed_medium, fixed_long or central)`,
      });
    if (cls) out.shelterClass = cls;
  }
  if (v.effective_area_m2) {
    const a = Number(v.effective_area_m2);
    if (!(a >= 0) || !Number.isFinite(a))
      errors.push({ field: 'effective_area_m2', reason: `有效避难面积「${v.effective_area_m2}」应为非负数 (m²)` });
    else out.effectiveAreaM2 = a;
  }
  if (v.households) {
    const h = Number(v.households);
    if (!(h >= 0) || !Number.isInteger(h))
      errors.push({ field: 'households', reason: `户数「${v.households}」应为非负整数` });
    else out.households = h;
  }
  return out;
}
