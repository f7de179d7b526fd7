// The figures' colours and font. Level colours are the engine's (one definition for map, legend and figures).
export { LEVEL_FILL, UNSCORED_FILL } from '../engine';

// Single-quoted family names: ECharts writes this inside a double-quoted style attribute.
export const FIGURE_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";
