// The shader programs the site layers need only when zoomed in, compiled while the page is idle instead of on the
// first zoom-in. MapLibre links a layer's program the first time it draws the layer: the site symbols and the
// selection ring start at street scale (SYMBOL_MIN_ZOOM) and the finding lines (tens of metres) are too short to be
// drawn at city scale, so the first zoom-in held the page 130–330 ms under software WebGL — the same with the 477-site
// demo as with a million sites: a first-use cost, not one of data size; a large city's counts per level are drawn
// only for a large city, so their program was linked at the first draw of a large upload. After the map's first drawing, when the page
// is idle, copies of those layers draw a point and a short line just outside the canvas's top-left corner (in a tile
// that is drawn, where no pixel shows), one program's layers at a time, each removed when the map is next idle. The
// copies keep the layers' paint and layout, which is what selects a program; filters and sources do not.
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { SYMBOL_MIN_ZOOM } from './siteIcons';
import { SITE_COUNTS, siteLayers } from './style';

const SOURCE = 'warm-programs';
const ICON = 'warm-programs:icon';

/**
 * The street-scale site layers, and a large city's counts per level (drawn from tiles at city scale only, so a page
 * that opened on the demo first linked their program when a large file's assessment was drawn: 72–380 ms), as drawn
 * from `SOURCE`, at every zoom, without filters, with the transparent icon.
 */
export function warmLayerSpecs(): LayerSpecification[] {
  const street = siteLayers('geojson').filter(
    (l) => (l.minzoom === SYMBOL_MIN_ZOOM && (l.type === 'symbol' || l.type === 'circle')) || l.type === 'line',
  );
  const counts = siteLayers('tiles').filter((l) => l.id === SITE_COUNTS);
  return [...street, ...counts] // spread-ok: a few layers
    .map((l) => {
      const {
        minzoom: _minzoom,
        maxzoom: _maxzoom,
        filter: _filter,
        'source-layer': _sourceLayer,
        ...rest
      } = l as LayerSpecification & { filter?: unknown; 'source-layer'?: string };
      const copy = { ...rest, id: `${SOURCE}:${l.id}`, source: SOURCE } as LayerSpecification;
      if (copy.type === 'symbol') copy.layout = { ...copy.layout, 'icon-image': ICON };
      return copy;
    });
}

/**
 * Compiles the programs after the map's first drawing, when the page is idle: one program's layers at a time (each
 * link is a task of its own), so neither the first render nor a later zoom waits for them.
 */
export function warmStreetProgramsWhenIdle(map: MapLibreMap, onDone: () => void = () => {}): void {
  const groups = byProgram(warmLayerSpecs());
  let removed = false;
  map.once('remove', () => (removed = true));
  const at = (x: number, y: number) => map.unproject([x, y]).toArray();
  const step = (i: number): void => {
    if (removed) return;
    if (i === groups.length) {
      map.removeSource(SOURCE);
      map.removeImage(ICON);
      onDone();
      return;
    }
    for (const l of groups[i]!) map.addLayer(l);
    map.once('idle', () => {
      if (removed) return;
      for (const l of groups[i]!) map.removeLayer(l.id);
      whenIdle(() => step(i + 1));
    });
  };
  whenIdle(() => {
    if (removed) return;
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
    step(0);
  });
}

/** Layers that select the same program (same type, paint and layout) together. */
function byProgram(layers: LayerSpecification[]): LayerSpecification[][] {
  const groups = new Map<string, LayerSpecification[]>();
  for (const l of layers) {
    const { type, paint, layout } = l as { type: string; paint?: unknown; layout?: unknown };
    const key = JSON.stringify([type, paint, layout]);
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  return [...groups.values()];
}

function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 0);
}
