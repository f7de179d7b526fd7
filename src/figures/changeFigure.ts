// F6 — change against a previous assessment (a saved project or a previous summary.json): risk points and zones by
// level, previous beside current. The previous bars are hatched so the pair reads apart in grayscale too.
import { LEVEL_ZH, LEVELS, type Counts } from '../engine';
import { toCsv } from '../io/csvWrite';
import { LEVEL_FILL } from './palette';
import { renderChart } from './chart';
import type { Figure, FigureOptions } from './figure';

export interface PreviousAssessment {
  /** how the previous assessment is named in the figure, e.g. a project name or file name */
  label: string;
  dataDate: string | null;
  sitesByLevel: Counts;
  zonesByLevel: Counts;
}

const HATCH = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [2, 3],
  rotation: -Math.PI / 4,
  color: 'rgba(255,255,255,0.55)',
};

export function changeFigure(
  current: { sitesByLevel: Counts; zonesByLevel: Counts },
  previous: PreviousAssessment,
  options: FigureOptions,
): Figure {
  const title = '图6 与上期评估对比(按风险等级)';
  const prevName = `上期:${previous.label}${previous.dataDate ? `(${previous.dataDate})` : ''}`;
  const curName = `本期(${options.dataDate})`;
  const levels = LEVELS.map((l) => LEVEL_ZH[l]);
  const height = 560;
  const panel = (i: 0 | 1) => ({
    xAxis: { type: 'category', gridIndex: i, data: levels },
    yAxis: { type: 'value', gridIndex: i, name: i === 0 ? '风险点(个)' : '分区(个)', minInterval: 1 },
  });
  const bars = (name: string, counts: Counts, axis: 0 | 1, hatched: boolean) => ({
    name,
    type: 'bar',
    xAxisIndex: axis,
    yAxisIndex: axis,
    itemStyle: { color: '#777', borderColor: '#333', borderWidth: 0.5 },
    label: { show: true, position: 'top', color: '#111', fontSize: 11 },
    data: LEVELS.map((l) => ({
      value: counts[l],
      itemStyle: { color: LEVEL_FILL[l], ...(hatched ? { opacity: 0.55, decal: HATCH } : {}) },
    })),
  });
  const p0 = panel(0);
  const p1 = panel(1);
  const svg = renderChart('f6', title, options, height, {
    legend: { top: 84, data: [prevName, curName] },
    grid: [
      { left: 64, width: 380, top: 170, bottom: 90 },
      { left: 540, width: 380, top: 170, bottom: 90 },
    ],
    xAxis: [p0.xAxis, p1.xAxis],
    yAxis: [p0.yAxis, p1.yAxis],
    series: [
      bars(prevName, previous.sitesByLevel, 0, true),
      bars(curName, current.sitesByLevel, 0, false),
      bars(prevName, previous.zonesByLevel, 1, true),
      bars(curName, current.zonesByLevel, 1, false),
    ],
    graphic: [
      { type: 'text', left: 220, top: 128, style: { text: '风险点', fontSize: 14, fontWeight: 'bold', fill: '#222' } },
      { type: 'text', left: 700, top: 128, style: { text: '分区', fontSize: 14, fontWeight: 'bold', fill: '#222' } },
    ],
  });
  const rows = LEVELS.map((l) => ({
    level: l,
    ps: previous.sitesByLevel[l],
    cs: current.sitesByLevel[l],
    pz: previous.zonesByLevel[l],
    cz: current.zonesByLevel[l],
  }));
  const csv = toCsv(
    rows,
    [
      { header: '风险等级', value: (r) => LEVEL_ZH[r.level] },
      { header: '上期风险点', value: (r) => r.ps },
      { header: '本期风险点', value: (r) => r.cs },
      { header: '风险点变化', value: (r) => r.cs - r.ps },
      { header: '上期分区', value: (r) => r.pz },
      { header: '本期分区', value: (r) => r.cz },
      { header: '分区变化', value: (r) => r.cz - r.pz },
    ],
    { bom: true },
  );
  return { id: 'F6-change', title, svg, csv, width: 960, height };
}
