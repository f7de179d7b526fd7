// Site symbols at street scale: the shape says the role (hazard ◆ as in the GHS pictograms, protected place ■, other
// risk point ●), the fill says the level, and the mark inside says the category (「油」 a petrol station, 「学」 a
// school; short letters in English). Drawn on a canvas when the map first asks for one (the style names them
// `site:<role>:<category>:<level>`), so no sprite or font file is fetched.
import { LEVEL_FILL, UNSCORED_FILL } from '../engine';
import type { LevelOrUnscored } from '../engine';
import type { MessageKey, Translate } from '../i18n/translate';

/** From this zoom up, sites are drawn as symbols; below it, as the small level-coloured dots. */
export const SYMBOL_MIN_ZOOM = 12;
export const ICON_PIXEL_RATIO = 2;
const SIZE = 26 * ICON_PIXEL_RATIO;

export const TARGET_COLOUR = '#6a3d9a';

export interface SiteIconKey {
  role: 'hazard' | 'target' | 'risk';
  category: string;
  level: LevelOrUnscored;
}

export function parseSiteIconId(id: string): SiteIconKey | null {
  const m = /^site:(hazard|target|risk):([a-z0-9_]+):(red|orange|yellow|blue|unscored)$/.exec(id);
  return m ? { role: m[1] as SiteIconKey['role'], category: m[2]!, level: m[3] as SiteIconKey['level'] } : null;
}

/** The category's mark in the catalogue (`symbol.<code>`); an unknown code shows its first letter. */
export function categoryMark(t: Translate, category: string): string {
  const key = `symbol.${category}` as MessageKey;
  const mark = t(key);
  return mark === key ? category.slice(0, 1).toUpperCase() : mark;
}

/** The shape's outline for a role, in a SIZE × SIZE box. */
function outline(role: SiteIconKey['role']): Path2D {
  const p = new Path2D();
  const s = SIZE;
  const m = 2.5 * ICON_PIXEL_RATIO;
  if (role === 'hazard') {
    p.moveTo(s / 2, m);
    p.lineTo(s - m, s / 2);
    p.lineTo(s / 2, s - m);
    p.lineTo(m, s / 2);
    p.closePath();
  } else if (role === 'target') {
    const inset = m + 2 * ICON_PIXEL_RATIO;
    p.rect(inset, inset, s - 2 * inset, s - 2 * inset);
  } else {
    p.arc(s / 2, s / 2, s / 2 - m, 0, 2 * Math.PI);
  }
  return p;
}

export function drawSiteIcon(k: SiteIconKey, mark: string): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = SIZE;
  canvas.height = SIZE;
  // read back at once: a canvas kept in memory (not on the GPU) makes getImageData cheap (0.3–0.5 s a symbol under
  // software WebGL on the first visit to street scale, profiled at 1 000 000 sites)
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  const shape = outline(k.role);
  const fill = k.role === 'target' ? '#ffffff' : k.level === 'unscored' ? UNSCORED_FILL : LEVEL_FILL[k.level];
  g.lineJoin = 'round';
  // a white edge lifts the symbol off a zone of its own colour
  g.lineWidth = 4 * ICON_PIXEL_RATIO;
  g.strokeStyle = '#ffffff';
  g.stroke(shape);
  g.fillStyle = fill;
  g.fill(shape);
  g.lineWidth = (k.role === 'target' ? 2 : 1.5) * ICON_PIXEL_RATIO;
  g.strokeStyle = k.role === 'target' ? TARGET_COLOUR : '#000000';
  g.stroke(shape);
  // the mark: black wherever it contrasts more than white (WCAG ratio: orange 8.4 vs 2.5, blue 5.1 vs 4.1);
  // white with a dark edge on red (5.2 vs 4.0)
  const size = (mark.length > 1 ? 8 : 11) * ICON_PIXEL_RATIO;
  g.font = `bold ${size}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  const x = SIZE / 2;
  const y = SIZE / 2 + ICON_PIXEL_RATIO * 0.5;
  const dark = k.role === 'target' || k.level !== 'red';
  if (!dark) {
    g.lineWidth = 2 * ICON_PIXEL_RATIO;
    g.strokeStyle = 'rgba(0,0,0,0.8)';
    g.strokeText(mark, x, y);
  }
  g.fillStyle = k.role === 'target' ? TARGET_COLOUR : dark ? '#000000' : '#ffffff';
  g.fillText(mark, x, y);
  return g.getImageData(0, 0, SIZE, SIZE);
}
