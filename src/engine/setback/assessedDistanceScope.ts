// Where a site's own 外部安全防护距离 (GB/T 37243-2019) may stand beside the table, and the words that say so.
// GB/T 37243 is written for hazardous-chemical production units and storage facilities; filling stations, town gas,
// fireworks and pipelines have their own standards (GB 50156, GB 50028/GB 51102, AQ 4128, the pipeline codes),
// so a distance such a site declares is never a substitute for those tables. Either way the larger distance governs.
import { categoryByCode } from '../categories';

/** Categories outside GB/T 37243-2019's scope (加油加气站、城镇燃气、烟花爆竹、管道). */
export const OUTSIDE_GBT37243 = new Set([
  'fuel_station',
  'gas_station',
  'gas_facility',
  'fireworks_retail',
  'pipeline',
]);

export function isOutsideGbt37243(category: string): boolean {
  return OUTSIDE_GBT37243.has(category);
}

/** The basis of the site's own distance as a requirement of a pair. */
export function siteDistanceSource(category: string): string {
  return isOutsideGbt37243(category)
    ? `本单位自报防护距离;${categoryByCode(category)?.zh ?? category}不属 GB/T 37243-2019 适用范围,该距离不能替代规范表列距离,仅在大于表列距离时从严采用`
    : '本单位外部安全防护距离评估结论 (GB/T 37243-2019);与规范表列距离取较大值,不能降低表列距离';
}

/** What the site's explanation says about its own distance; empty when it declares none. */
export function siteDistanceNote(category: string, protectionDistanceM: number | undefined): string {
  if (protectionDistanceM === undefined) return '';
  return isOutsideGbt37243(category)
    ? `自报防护距离 ${protectionDistanceM} m:${categoryByCode(category)?.zh ?? category}不属 GB/T 37243-2019 适用范围,该距离不能替代规范表列距离;核查时取其与表列距离中的较大值。`
    : `外部安全防护距离 ${protectionDistanceM} m (GB/T 37243-2019):核查时与规范表列距离取较大值,不能降低表列距离。`;
}
