// F3 — risk points by district, stacked by level: (stats, options) → SVG string + the CSV behind it.
// ECharts' SSR SVG renderer needs no DOM, so the same bytes come out in Node (CLI) and in the browser.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, GraphicComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { LEVEL_ZH, LEVELS, type AssessmentStats } from '../engine';
import { toCsv } from '../io/csvWrite';
import { LEVEL_FILL, FIGURE_FONT } from './palette';
import { stableSvgIds } from './stableSvgIds';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, GraphicComponent, SVGRenderer]);

/** Printed when no data date was given. */
export const UNSPECIFIED_DATE = '未注明';

export interface FigureOptions {
  /** data date stated on the figure (never the wall clock, so reruns are byte-identical) */
  dataDate: string;
  methodName: string;
  attribution: string;
}

export interface Figure {
  id: string;
  title: string;
  svg: string;
  csv: string;
}

export function riskByDistrictFigure(stats: AssessmentStats, options: FigureOptions): Figure {
  const districts = Object.keys(stats.sitesByDistrict).filter((d) => d !== '');
  const rows = districts.map((d) => ({ district: d, ...stats.sitesByDistrict[d]! }));
  const title = '图3 各区风险点数量(按风险等级)';
  const width = 960;
  const height = 560;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FIGURE_FONT },
    title: {
      text: title,
      subtext: `数据日期 ${options.dataDate} · 方法 ${options.methodName}`,
      left: 'center',
      textStyle: { fontSize: 20 },
    },
    legend: { top: 64, data: LEVELS.map((l) => LEVEL_ZH[l]) },
    grid: { left: 64, right: 32, top: 110, bottom: 90 },
    xAxis: { type: 'category', data: districts, axisLabel: { interval: 0, rotate: districts.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', name: '风险点数量(个)', minInterval: 1 },
    series: LEVELS.map((level) => ({
      name: LEVEL_ZH[level],
      type: 'bar',
      stack: 'level',
      itemStyle: { color: LEVEL_FILL[level], borderColor: '#333', borderWidth: 0.5 },
      label: { show: true, position: 'inside', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
      data: rows.map((r) => r[level]),
    })),
    graphic: [
      { type: 'text', left: 16, bottom: 12, style: { text: options.attribution, fontSize: 11, fill: '#555', fontFamily: FIGURE_FONT } },
    ],
  });
  const svg = stableSvgIds(chart.renderToSVGString(), 'f3');
  chart.dispose();
  const csv = toCsv(rows, [
    { header: '区', value: (r) => r.district },
    ...LEVELS.map((l) => ({ header: `${LEVEL_ZH[l]}(${l})`, value: (r: (typeof rows)[number]) => r[l] })),
    { header: '未评分', value: (r) => r.unscored },
  ], { bom: true });
  return { id: 'F3-risk-by-district', title, svg, csv };
}
