// F9 — societal risk: each installation's F–N curve (issue #20 item 5) on log–log axes with the criterion's upper
// (不可接受) and lower (可接受) lines. A curve is drawn as the step function it is judged as (F held at a point's
// value up to the next N; engine/qra/societalRisk.ts), so what crosses a line on the figure is what the table lists.
// Without configured lines the curves are drawn alone under a red note and nothing is called acceptable.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import {
  FN_LINES_MISSING_ZH,
  SOCIETAL_REGION_ZH,
  SOURCE_STATUS_ZH,
  type FnCriteria,
  type FnCurve,
  type SocietalRiskResult,
} from '../engine';
import { toCsv } from '../io/csvWrite';
import { renderChart } from './chart';
import type { Figure, FigureOptions } from './figure';

echarts.use([LineChart]);

export const FN_FIGURE_ID = 'F9-societal-risk';
/** Curves drawn at most: the worst first; the rest are in the CSV (a legend of fifty names is unreadable). */
export const FN_FIGURE_MAX_CURVES = 10;

// distinct in colour and, for grayscale print, in dash
const CURVE_STYLES: { color: string; type: 'solid' | 'dashed' | 'dotted' }[] = [
  { color: '#1f78b4', type: 'solid' },
  { color: '#6a3d9a', type: 'solid' },
  { color: '#ff7f00', type: 'solid' },
  { color: '#33a02c', type: 'dotted' },
  { color: '#b15928', type: 'dotted' },
  { color: '#a6cee3', type: 'solid' },
  { color: '#cab2d6', type: 'solid' },
  { color: '#fdbf6f', type: 'dotted' },
  { color: '#666666', type: 'dotted' },
  { color: '#000000', type: 'solid' },
];
const UPPER_NAME = '不可接受线(其上为不可接受区)';
const LOWER_NAME = '可接受线(其下为可接受区)';

/** The staircase through a curve's points: (N₁,F₁) → (N₂,F₁) → (N₂,F₂) → … → (Nₖ,Fₖ). */
export function stepVertices(c: FnCurve): [number, number][] {
  const out: [number, number][] = [];
  c.points.forEach((p, i) => {
    if (i > 0) out.push([p.n, c.points[i - 1]!.f]);
    out.push([p.n, p.f]);
  });
  return out;
}

/** The curves drawn: worst against the upper line first (or, unjudged, the highest frequency first), then by id. */
function drawnCurves(curves: readonly FnCurve[], results: readonly SocietalRiskResult[]): FnCurve[] {
  const byId = new Map(results.map((r) => [r.installationId, r]));
  const score = (c: FnCurve) => byId.get(c.installationId)?.worst?.ratio ?? c.points[0]?.f ?? 0;
  return [...curves]
    .sort((a, b) => score(b) - score(a) || (a.installationId < b.installationId ? -1 : 1))
    .slice(0, FN_FIGURE_MAX_CURVES);
}

const decade = (v: number, up: boolean) => 10 ** (up ? Math.ceil(Math.log10(v)) : Math.floor(Math.log10(v)));
const expLabel = (v: number) => `1e${Math.round(Math.log10(v))}`;

export function fnFigure(
  curves: readonly FnCurve[],
  results: readonly SocietalRiskResult[],
  criteria: FnCriteria,
  options: FigureOptions,
): Figure {
  const lines = criteria.lines;
  // the title names no standard's lines: without lines none are drawn, and a city's lines are its own (only glyphs
  // the figure font's subset has)
  const title = lines ? '图9 社会风险 F-N 曲线(各装置,判定线)' : '图9 社会风险 F-N 曲线(各装置,判定线未配置)';
  const drawn = drawnCurves(curves, results);
  // axes: whole decades around every drawn vertex and line vertex
  let nMax = 10;
  let fMin = 1;
  let fMax = 1e-12;
  const take = (n: number, f: number) => {
    nMax = Math.max(nMax, n);
    fMin = Math.min(fMin, f);
    fMax = Math.max(fMax, f);
  };
  for (const c of drawn) for (const p of c.points) take(p.n, p.f);
  if (lines) for (const [n, f] of [...lines.upper, ...lines.lower]) take(n, f); // spread-ok: two lines of a few vertices
  if (lines?.cutoffN) nMax = Math.max(nMax, lines.cutoffN);
  const yMin = decade(fMin, false);
  const yMax = Math.max(decade(fMax, true), yMin * 10);
  const xMax = decade(nMax, true);
  const series: Record<string, unknown>[] = drawn.map((c, k) => ({
    name: c.installationId,
    type: 'line',
    data: stepVertices(c),
    showSymbol: c.points.length === 1,
    symbolSize: 6,
    lineStyle: { color: CURVE_STYLES[k]!.color, type: CURVE_STYLES[k]!.type, width: 2 },
    itemStyle: { color: CURVE_STYLES[k]!.color },
  }));
  if (lines) {
    series.push(
      {
        name: UPPER_NAME,
        type: 'line',
        data: lines.upper,
        showSymbol: false,
        lineStyle: { color: '#b2182b', type: 'dashed', width: 3 },
        itemStyle: { color: '#b2182b' },
      },
      {
        name: LOWER_NAME,
        type: 'line',
        data: lines.lower,
        showSymbol: false,
        lineStyle: { color: '#1a9641', type: 'dashed', width: 3 },
        itemStyle: { color: '#1a9641' },
      },
    );
    if (lines.cutoffN)
      series.push({
        name: `截止线 N=${lines.cutoffN}`,
        type: 'line',
        data: [
          [lines.cutoffN, yMin],
          [lines.cutoffN, yMax],
        ],
        showSymbol: false,
        lineStyle: { color: '#b2182b', type: 'solid', width: 2 },
        itemStyle: { color: '#b2182b' },
      });
  }
  const notes = [
    lines ? `判定线:${criteria.name}(${SOURCE_STATUS_ZH[criteria.source.status]})` : FN_LINES_MISSING_ZH,
    '曲线按阶梯绘制与判定:F 在两点之间保持较小 N 一点的值,至下一点为止(方法见 docs/methods.md)',
    ...(curves.length > drawn.length
      ? [
          `另有 ${curves.length - drawn.length} 个装置的曲线未绘出(按与不可接受线之比取前 ${FN_FIGURE_MAX_CURVES} 个),全部数据见 CSV`,
        ]
      : []),
  ];
  const height = 720;
  const svg = renderChart('f9', title, options, height, {
    legend: { top: 84, left: 60, right: 40, data: series.map((s) => s.name as string) },
    grid: { left: 110, right: 50, top: 150 + notes.length * 18, bottom: 90 },
    xAxis: {
      type: 'log',
      logBase: 10,
      min: 1,
      max: xMax,
      name: '死亡人数 N(人)',
      nameLocation: 'middle',
      nameGap: 30,
      axisLabel: { formatter: (v: number) => String(v) },
      splitLine: { show: true, lineStyle: { color: '#e0e0e0' } },
    },
    yAxis: {
      type: 'log',
      logBase: 10,
      min: yMin,
      max: yMax,
      name: '累积频率 F(N 人及以上死亡,次/年)',
      nameLocation: 'middle',
      nameGap: 70,
      axisLabel: { formatter: expLabel },
      splitLine: { show: true, lineStyle: { color: '#e0e0e0' } },
    },
    series,
    graphic: notes.map((t, k) => ({
      type: 'text',
      left: 60,
      top: 130 + k * 18,
      style: {
        text: t,
        fontSize: 12,
        fill: k === 0 && !lines ? '#b2182b' : '#333',
        fontWeight: k === 0 && !lines ? 'bold' : 'normal',
      },
    })),
  });
  const regionOf = new Map(results.map((r) => [r.installationId, SOCIETAL_REGION_ZH[r.region]]));
  type Row = { series: string; n: number; f: number; region: string };
  const rows: Row[] = [];
  for (const c of curves)
    for (const p of c.points)
      rows.push({ series: c.installationId, n: p.n, f: p.f, region: regionOf.get(c.installationId) ?? '' });
  if (lines) {
    for (const [n, f] of lines.upper) rows.push({ series: UPPER_NAME, n, f, region: '' });
    for (const [n, f] of lines.lower) rows.push({ series: LOWER_NAME, n, f, region: '' });
  }
  const csv = toCsv(
    rows,
    [
      { header: '装置编号或判定线', value: (r) => r.series },
      { header: '死亡人数 N', value: (r) => r.n },
      { header: '累积频率 F(次/年)', value: (r) => r.f.toExponential() },
      { header: '判定区域', value: (r) => r.region },
      {
        header: '判定线依据',
        value: () =>
          `${criteria.source.standard} ${criteria.source.clause}(${SOURCE_STATUS_ZH[criteria.source.status]})`,
      },
    ],
    { bom: true },
  );
  return { id: FN_FIGURE_ID, title, svg, csv, width: 960, height };
}
