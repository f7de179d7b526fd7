// F2 (risk points by level), F3 (by district) and F4 (by 行业领域): counts from the assessment.
import {
  LEVEL_ZH,
  LEVELS,
  NO_LEVEL_ZH,
  type Assessment,
  type AssessmentStats,
  type Counts,
  type Zone,
} from '../engine';
import { toCsv } from '../io/csvWrite';
import { LEVEL_FILL, UNSCORED_FILL } from './palette';
import { renderChart } from './chart';
import type { Figure, FigureOptions } from './figure';
import { levelBarsFigure } from './levelBarsFigure';
import { DISTRICT_COUNT_DEFINITION, districtCounts } from './districtCounts';

export { NO_DISTRICT } from './districtCounts';
/** Row for sites that name no 行业领域: kept, so every figure sums to the totals. */
export const NO_DOMAIN = '(未注明领域)';
const UNSCORED_LABEL = `${NO_LEVEL_ZH}(含防护目标)`;

export function riskByLevelFigure(stats: AssessmentStats, options: FigureOptions): Figure {
  const title = '图2 风险点与防护目标数量(按风险等级)';
  const c = stats.sitesByLevel;
  const total = c.red + c.orange + c.yellow + c.blue + c.unscored;
  const categories = [...LEVELS.map((l) => LEVEL_ZH[l]), UNSCORED_LABEL];
  const share = (n: number) => (total === 0 ? '0.0' : ((100 * n) / total).toFixed(1));
  const height = 520;
  const svg = renderChart('f2', title, options, height, {
    legend: { top: 84, data: categories },
    grid: { left: 72, right: 32, top: 130, bottom: 80 },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', name: '数量(个)', nameLocation: 'middle', nameGap: 44, minInterval: 1 },
    // one series per level (each fills its own column) so the legend names the levels and 未评级
    series: [...LEVELS, 'unscored' as const].map((level, i) => ({
      name: categories[i]!,
      type: 'bar',
      stack: 'one',
      barWidth: '55%',
      itemStyle: {
        color: level === 'unscored' ? UNSCORED_FILL : LEVEL_FILL[level],
        borderColor: '#333',
        borderWidth: 0.5,
      },
      label: {
        show: true,
        position: 'top',
        color: '#111',
        formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? `${p.value}(${share(p.value)}%)` : ''),
      },
      data: categories.map((_, j) => (j === i ? c[level] : '-')),
    })),
  });
  const rows: [string, number][] = [
    ...LEVELS.map((l) => [LEVEL_ZH[l], c[l]] as [string, number]),
    [UNSCORED_LABEL, c.unscored],
  ];
  const csv = toCsv(
    rows,
    [
      { header: '风险等级', value: (r) => r[0] },
      { header: '数量(个)', value: (r) => r[1] },
      { header: '占比(%)', value: (r) => share(r[1]) },
    ],
    { bom: true },
  );
  return { id: 'F2-risk-by-level', title, svg, csv, width: 960, height };
}

/** F3 counts sites by where they lie (the district polygons), the same count F1's table gives per district. */
export function riskByDistrictFigure(a: Assessment, zonePolygons: readonly Zone[], options: FigureOptions): Figure {
  return levelBarsFigure(
    {
      id: 'F3-risk-by-district',
      idPrefix: 'f3',
      title: '图3 各区风险点与防护目标数量(按风险等级)',
      groupName: '区',
      groups: districtCounts(a, zonePolygons).map((d) => [d.name, d.counts]),
      horizontal: false,
      countNote: DISTRICT_COUNT_DEFINITION,
    },
    options,
  );
}

export function riskByDomainFigure(stats: AssessmentStats, options: FigureOptions): Figure {
  return levelBarsFigure(
    {
      id: 'F4-risk-by-domain',
      idPrefix: 'f4',
      title: '图4 各行业领域风险点与防护目标数量(按风险等级)',
      groupName: '行业领域',
      groups: named(stats.sitesByDomain, NO_DOMAIN),
      horizontal: true,
      countNote: '按所属行业领域计的风险点与防护目标数(含未评级)',
    },
    options,
  );
}

/** Groups in key order, the unnamed group (if any) last under its placeholder. */
function named(byGroup: Record<string, Counts>, placeholder: string): [string, Counts][] {
  const rows = Object.entries(byGroup).filter(([k]) => k !== '');
  if (byGroup['']) rows.push([placeholder, byGroup['']]);
  return rows;
}
