// ECharts rendered to an SVG string with no DOM (SSR), so Node (CLI) and the browser write the same bytes.
// Every chart gets the same frame: title, subtitle with data date and method, attribution at the foot.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, GraphicComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';
import { FIGURE_FONT } from './palette';
import { figureSubtitle, type FigureOptions } from './figure';
import { stableSvgIds } from './stableSvgIds';

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, GraphicComponent, SVGRenderer]);

export const CHART_WIDTH = 960;

/** Renders `option` inside the common frame; `idPrefix` keeps ids unique when figures share one HTML page. */
export function renderChart(
  idPrefix: string,
  title: string,
  options: FigureOptions,
  height: number,
  option: EChartsCoreOption,
): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_WIDTH, height });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FIGURE_FONT },
    title: {
      text: title,
      subtext: figureSubtitle(options).join('\n'),
      left: 'center',
      textStyle: { fontSize: 20, color: '#111' },
      subtextStyle: { color: '#444', fontSize: 13, lineHeight: 18 },
    },
    ...option,
    graphic: [
      {
        type: 'text',
        left: 16,
        bottom: 12,
        style: { text: options.attribution, fontSize: 11, fill: '#555', fontFamily: FIGURE_FONT },
      },
      ...((option.graphic as unknown[] | undefined) ?? []),
    ],
  });
  const svg = stableSvgIds(chart.renderToSVGString(), idPrefix);
  chart.dispose();
  return svg;
}

/** Bar labels: the value, or nothing for an empty segment. */
export const nonZeroLabel = (p: { value: unknown }): string =>
  typeof p.value === 'number' && p.value > 0 ? String(p.value) : '';
