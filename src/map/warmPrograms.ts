// The shader programs the site layers need only when zoomed in, compiled while the page loads instead of on the first
// zoom-in. MapLibre links a layer's program the first time it draws the layer: the site symbols and the selection ring
// start at street scale (SYMBOL_MIN_ZOOM), and the finding lines (tens of metres) are too short to be drawn at city
// scale, so the first zoom-in held the page 130–330 ms under software WebGL — the same with the 477-site demo as with
// a million sites: a first-use cost, not one of data size. Copies of those layers draw a point and a short line once
// at start, just outside the canvas's top-left corner (in a tile that is drawn, where no pixel shows), and are removed
// when the map is next idle. The copies keep the layers' paint and layout, which is what selects a program; filters
// and sources do not.
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { SYMBOL_MIN_ZOOM } from './siteIcons';
import { siteLayers } from './style';

const SOURCE = 'warm-programs';
const ICON = 'warm-programs:icon';

/** The street-scale site layers as drawn from `SOURCE`, at every zoom, without filters, with the transparent icon. */
export function warmLayerSpecs(): LayerSpecification[] {
  return siteLayers('geojson')
    .filter((l) => (l.minzoom === SYMBOL_MIN_ZOOM && (l.type === 'symbol' || l.type === 'circle')) || l.type === 'line')
    .map((l) => {
      const { minzoom: _minzoom, filter: _filter, ...rest } = l as LayerSpecification & { filter?: unknown };
      const copy = { ...rest, id: `${SOURCE}:${l.id}`, source: SOURCE } as LayerSpecification;
      if (copy.type === 'symbol') copy.layout = { ...copy.layout, 'icon-image': ICON };
      return copy;
    });
}

export function warmStreetPrograms(map: MapLibreMap): void {
  const layers = warmLayerSpecs();
  const at = (x: number, y: number) => map.unproject([x, y]).toArray();
  map.addImage(ICON, { width: 1, height: 1, data: new Uint8Array(4) });
  map.addSource(SOURCE, {
    type: 'geojson',
    data: {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', geometry: { type: 'Point', coordinates: at(-4, -4) }, properties: {} },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [at(-4, -4), at(-40, -4)] }, properties: {} },
      ],
    },
  });
  for (const l of layers) map.addLayer(l);
  map.once('idle', () => {
    for (const l of layers) map.removeLayer(l.id);
    map.removeSource(SOURCE);
    map.removeImage(ICON);
  });
}
