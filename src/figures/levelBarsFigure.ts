// Risk points per group (district, 行业领域), stacked by level: the shape shared by F3 and F4. Unscored sites
// (protection targets, rows without L/S) are drawn as their own grey 未评级 segment, so a bar's height is the
// group's total in the CSV and the figure states what it counts.
import { LEVEL_ZH, LEVELS, NO_LEVEL_ZH, type Counts } from '../engine';
import { toCsv } from '../io/csvWrite';
import { LEVEL_FILL, UNSCORED_FILL } from './palette';
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
  /** what a bar counts, printed on the figure and as the CSV's total column header */
  countNote: string;
}

const SEGMENTS = [...LEVELS, 'unscored'] as const;
const SEGMENT_ZH = (s: (typeof SEGMENTS)[number]) => (s === 'unscored' ? NO_LEVEL_ZH : LEVEL_ZH[s]);

export function levelBarsFigure(spec: LevelBarsSpec, options: FigureOptions): Figure {
  const groups = spec.groups;
  const names = groups.map(([g]) => g);
  const height = spec.horizontal ? Math.max(420, 220 + groups.length * 34) : 580;
  const categoryAxis = {
    type: 'category',
    data: spec.horizontal ? [...names].reverse() : names,
    axisLabel: spec.horizontal ? { width: 180, overflow: 'break' } : { interval: 0, rotate: names.length > 8 ? 30 : 0 },
  };
  const valueAxis = { type: 'value', name: '数量(个)', nameLocation: 'middle', nameGap: 36, minInterval: 1 };
  const svg = renderChart(spec.idPrefix, spec.title, options, height, {
    legend: { top: 84, data: SEGMENTS.map(SEGMENT_ZH) },
    grid: spec.horizontal
      ? { left: 200, right: 40, top: 140, bottom: 80 }
      : { left: 72, right: 32, top: 140, bottom: 110 },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: SEGMENTS.map((level) => {
      const data = groups.map(([, c]) => c[level]);
      return {
        name: SEGMENT_ZH(level),
        type: 'bar',
        stack: 'level',
        itemStyle: {
          color: level === 'unscored' ? UNSCORED_FILL : LEVEL_FILL[level],
          borderColor: '#333',
          borderWidth: 0.5,
        },
        label: {
          show: true,
          position: 'inside',
          color: level === 'yellow' || level === 'unscored' ? '#111' : '#fff',
          formatter: nonZeroLabel,
        },
        data: spec.horizontal ? data.reverse() : data,
      };
    }),
    graphic: [
      { type: 'text', right: 32, top: 112, style: { text: `统计口径:${spec.countNote}`, fontSize: 12, fill: '#333' } },
    ],
  });
  const csv = toCsv(
    groups,
    [
      { header: spec.groupName, value: ([g]) => g },
      ...LEVELS.map((l) => ({ header: LEVEL_ZH[l], value: ([, c]: [string, Counts]) => c[l] })),
      { header: NO_LEVEL_ZH, value: ([, c]) => c.unscored },
      { header: `合计(${spec.countNote})`, value: ([, c]) => c.red + c.orange + c.yellow + c.blue + c.unscored },
    ],
    { bom: true },
  );
  return { id: spec.id, title: spec.title, svg, csv, width: 960, height };
}
