// The four colours of the four-colour risk map (红橙黄蓝) and the grey of "no level", one definition for the map,
// its legend, the panels and the figures. Chosen to stay distinct in grayscale print (luminance red < orange <
// yellow, blue darker than yellow) and always shown with the level's name.
import type { Level } from '../model';

export const LEVEL_FILL: Record<Level, string> = {
  red: '#d7191c',
  orange: '#f08a24',
  yellow: '#f7d02c',
  blue: '#2b83ba',
};

/** Sites no method could score: neutral grey, never mistaken for a level; one grey on the map, in its legend, in
 * the street-scale symbols and in the figures (dark enough to see on white paper: 2.7:1, #bdbdbd was 1.9:1). */
export const UNSCORED_FILL = '#9e9e9e';
