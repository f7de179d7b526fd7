// Level colours shared by the map, legend and figures. Chosen to stay distinct in grayscale print
// (luminance red < orange < yellow, blue darker than yellow) and always paired with the level's name.
import type { Level } from '../engine';

export const LEVEL_FILL: Record<Level, string> = {
  red: '#d7191c',
  orange: '#f08a24',
  yellow: '#f7d02c',
  blue: '#2b83ba',
};

// Single-quoted family names: ECharts writes this inside a double-quoted style attribute.
export const FIGURE_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

/** Sites no method could score: neutral grey, never mistaken for a level; one grey on the map, in its legend, in
 * the street-scale symbols and in the figures (dark enough to see on white paper: 2.7:1, #bdbdbd was 1.9:1). */
export const UNSCORED_FILL = '#9e9e9e';
