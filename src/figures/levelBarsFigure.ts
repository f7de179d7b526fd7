// Risk points per group (district, 行业领域), stacked by level: the shape shared by F3 and F4.
import { LEVEL_ZH, LEVELS, type Counts } from '../engine';
import { toCsv } from '../io/csvWrite';
import { LEVEL_FILL } from './palette';
import { nonZeroLabel, renderChart } from './chart';
import type { Figure, FigureOptions } from './figure';

export interface LevelBarsSpec {
  id: string;
  idPrefix: string;
  title: string;
  /** column header and axis name of the groups, e.g. "区" */
  groupName: string;
  groups: [string, Counts][];
  /** bars along the vertical axis (many or long group names) */
  horizontal: boolean;
}

export function levelBarsFigure(spec: LevelBarsSpec, options: FigureOptions): Figure {
  // groups with no scored site (e.g. protection targets) have no bar; the CSV still lists them, so it sums to the totals
  const groups = spec.groups.filter(([, c]) => c.red + c.orange + c.yellow + c.blue > 0);
  const names = groups.map(([g]) => g);
  const height = spec.horizontal ? Math.max(420, 200 + groups.length * 34) : 560;
  const categoryAxis = {
    type: 'category',
    data: spec.horizontal ? [...names].reverse() : names,
    axisLabel: spec.horizontal ? { width: 180, overflow: 'truncate' } : { interval: 0, rotate: names.length > 8 ? 30 : 0 },
  };
  const valueAxis = { type: 'value', name: '风险点数量(个)', nameLocation: 'middle', nameGap: 36, minInterval: 1 };
  const svg = renderChart(spec.idPrefix, spec.title, options, height, {
    legend: { top: 84, data: LEVELS.map((l) => LEVEL_ZH[l]) },
    grid: spec.horizontal ? { left: 200, right: 40, top: 130, bottom: 80 } : { left: 72, right: 32, top: 130, bottom: 96 },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: LEVELS.map((level) => {
      const data = groups.map(([, c]) => c[level]);
      return {
        name: LEVEL_ZH[level],
        type: 'bar',
        stack: 'level',
        itemStyle: { color: LEVEL_FILL[level], borderColor: '#333', borderWidth: 0.5 },
        label: { show: true, position: 'inside', color: level === 'yellow' ? '#111' : '#fff', formatter: nonZeroLabel },
        data: spec.horizontal ? data.reverse() : data,
      };
    }),
  });
  const csv = toCsv(spec.groups, [
    { header: spec.groupName, value: ([g]) => g },
    ...LEVELS.map((l) => ({ header: `${LEVEL_ZH[l]}(${l})`, value: ([, c]: [string, Counts]) => c[l] })),
    { header: '未评级', value: ([, c]) => c.unscored },
    { header: '合计', value: ([, c]) => c.red + c.orange + c.yellow + c.blue + c.unscored },
  ], { bom: true });
  return { id: spec.id, title: spec.title, svg, csv, width: 960, height };
}
