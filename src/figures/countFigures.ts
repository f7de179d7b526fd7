// F2 (risk points by level), F3 (by district) and F4 (by 行业领域): counts from the assessment's statistics.
import { LEVEL_ZH, LEVELS, type AssessmentStats, type Counts } from '../engine';
import { toCsv } from '../io/csvWrite';
import { LEVEL_FILL, UNSCORED_FILL } from './palette';
import { renderChart } from './chart';
import type { Figure, FigureOptions } from './figure';
import { levelBarsFigure } from './levelBarsFigure';

/** Rows for sites that fall in no zoning unit or name no 行业领域: kept, so every figure sums to the totals. */
export const NO_DISTRICT = '(研究区外)';
export const NO_DOMAIN = '(未注明领域)';

export function riskByLevelFigure(stats: AssessmentStats, options: FigureOptions): Figure {
  const title = '图2 风险点数量(按风险等级)';
  const c = stats.sitesByLevel;
  const total = c.red + c.orange + c.yellow + c.blue + c.unscored;
  const categories = [...LEVELS.map((l) => LEVEL_ZH[l]), '未评级(含防护目标)'];
  const share = (n: number) => (total === 0 ? '0.0' : ((100 * n) / total).toFixed(1));
  const height = 520;
  const svg = renderChart('f2', title, options, height, {
    legend: { top: 84, data: LEVELS.map((l) => LEVEL_ZH[l]) },
    grid: { left: 72, right: 32, top: 130, bottom: 80 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', name: '风险点数量(个)', nameLocation: 'middle', nameGap: 44, minInterval: 1 },
    // one series per level (each fills its own column) so the legend names the four levels
    series: [...LEVELS, 'unscored' as const].map((level, i) => ({
      name: level === 'unscored' ? categories[4]! : LEVEL_ZH[level],
      type: 'bar',
      stack: 'one',
      barWidth: '55%',
      itemStyle: { color: level === 'unscored' ? UNSCORED_FILL : LEVEL_FILL[level], borderColor: '#333', borderWidth: 0.5 },
      label: { show: true, position: 'top', color: '#111', formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? `${p.value}(${share(p.value)}%)` : '') },
      data: categories.map((_, j) => (j === i ? c[level] : '-')),
    })),
  });
  const rows: [string, string, number][] = [...LEVELS.map((l) => [LEVEL_ZH[l], l, c[l]] as [string, string, number]), ['未评级', 'unscored', c.unscored]];
  const csv = toCsv(rows, [
    { header: '风险等级', value: (r) => r[0] },
    { header: 'level', value: (r) => r[1] },
    { header: '风险点数量', value: (r) => r[2] },
    { header: '占比(%)', value: (r) => share(r[2]) },
  ], { bom: true });
  return { id: 'F2-risk-by-level', title, svg, csv, width: 960, height };
}

export function riskByDistrictFigure(stats: AssessmentStats, options: FigureOptions): Figure {
  return levelBarsFigure({
    id: 'F3-risk-by-district', idPrefix: 'f3', title: '图3 各区风险点数量(按风险等级)', groupName: '区',
    groups: named(stats.sitesByDistrict, NO_DISTRICT), horizontal: false,
  }, options);
}

export function riskByDomainFigure(stats: AssessmentStats, options: FigureOptions): Figure {
  return levelBarsFigure({
    id: 'F4-risk-by-domain', idPrefix: 'f4', title: '图4 各行业领域风险点数量(按风险等级)', groupName: '行业领域',
    groups: named(stats.sitesByDomain, NO_DOMAIN), horizontal: true,
  }, options);
}

/** Groups in key order, the unnamed group (if any) last under its placeholder. */
function named(byGroup: Record<string, Counts>, placeholder: string): [string, Counts][] {
  const rows = Object.entries(byGroup).filter(([k]) => k !== '');
  if (byGroup['']) rows.push([placeholder, byGroup['']]);
  return rows;
}


