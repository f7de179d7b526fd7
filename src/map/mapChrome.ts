// The map's furniture that has words: the credit line and the site symbols drawn on demand, both redrawn in a new
// language (navigation and scale, without words, come with the map: earlyMap.ts).
import { AttributionControl } from 'maplibre-gl';
import { DEMO_ATTRIBUTION } from '../io/attribution';
import { escapeXml } from '../io/escapeXml';
import type { MapContext } from './mapContext';
import { reachImage } from './reachLayers';
import { categoryMark, drawSiteIcon, ICON_PIXEL_RATIO, parseSiteIconId } from './siteIcons';

export interface MapChrome {
  /** the open project's credit changed: a new credit line */
  applyCredit(): void;
  /** a new language: the credit line and every site symbol drawn so far */
  applyLocale(): void;
}

export function mountChrome({ map, store, t }: MapContext): MapChrome {
  // The credit is the open project's own (the demo's only in the demo): MapLibre shows it as HTML, so it is escaped.
  const credit = (): string => {
    const p = store.getState().project;
    if (!p) return '';
    if (p.dataCredit === DEMO_ATTRIBUTION) return t()('map.attribution');
    return p.dataCredit ? escapeXml(p.dataCredit) : t()('map.attributionInputs');
  };
  let attribution = new AttributionControl({ compact: false, customAttribution: credit() });
  map.addControl(attribution, 'bottom-right');
  // the attribution text is fixed when the control is made: a new language or credit makes a new control
  const applyCredit = (): void => {
    map.removeControl(attribution);
    attribution = new AttributionControl({ compact: false, customAttribution: credit() });
    map.addControl(attribution, 'bottom-right');
  };

  // site symbols are drawn when the map first needs one, and again in a new language (their marks are words)
  const siteIcons = new Set<string>();
  const siteIcon = (id: string): ImageData | null => {
    const key = parseSiteIconId(id);
    return key ? drawSiteIcon(key, categoryMark(t(), key.category)) : null;
  };
  map.setMissingStyleImageResolver((id) => {
    const reach = reachImage(id);
    const image = reach ?? siteIcon(id);
    if (!image || map.hasImage(id)) return;
    map.addImage(id, image, { pixelRatio: ICON_PIXEL_RATIO });
    if (!reach) siteIcons.add(id); // the reach images have no words: nothing to redraw in another language
  });

  return {
    applyCredit,
    applyLocale() {
      applyCredit();
      for (const id of siteIcons) map.updateImage(id, siteIcon(id)!);
    },
  };
}
