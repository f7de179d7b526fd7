// The MapLibre map itself: made by the page's first script (src/app/boot.ts) before React, the store or the panels
// load, so the map shows first; the app adopts it when its map view mounts (createMap). A second map (a remount)
// is made the same way.
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { baseStyle } from './style';

// MapLibre starts its own worker from a URL it guesses next to its script; in the bundled build that guess is wrong and
// the map never loads, so the worker file is handed to it explicitly (Vite emits it as an asset with this URL).
setWorkerUrl(workerUrl);

/** A map in `host` (a box filling the map's region): the offline style, the home camera, the controls without words. */
export function makeMap(host: HTMLElement): MapLibreMap {
  const map = new MapLibreMap({
    container: host,
    style: baseStyle(),
    center: [118.8, 32.05],
    zoom: 8,
    attributionControl: false,
    // no preserveDrawingBuffer: nothing reads the canvas back (figures are drawn as SVG, tests use screenshots),
    // and keeping the buffer cost 0.4–0.7 s of the first render under software WebGL
  });
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  map.once('style.load', () => styleLoaded.add(map));
  return map;
}

// maps whose style has loaded: 'style.load' fires once, and isStyleLoaded() also waits for every source's tiles
const styleLoaded = new WeakSet<MapLibreMap>();

/** `fn` now if the map's style has loaded (a map made at start may be past it), else when it does. */
export function whenStyleLoaded(map: MapLibreMap, fn: () => void): void {
  if (styleLoaded.has(map)) fn();
  else map.once('style.load', fn);
}

export interface EarlyMap {
  map: MapLibreMap;
  host: HTMLElement;
}

let early: EarlyMap | null = null;

/** Make the first map now, in a host the app's map view will take over. */
export function startEarlyMap(host: HTMLElement): void {
  early = { map: makeMap(host), host };
}

/** The map made at start, once (a later mount makes its own). */
export function takeEarlyMap(): EarlyMap | null {
  const taken = early;
  early = null;
  return taken;
}
