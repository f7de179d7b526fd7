// The only place MapLibre is mounted: once, then the map follows the store one way (store → map). Each concern is a
// module of its own: mapChrome (controls, credit, symbols), mapSync (what is drawn), mapLabels (DOM labels),
// cameraFollow (where the map looks), mapInteraction (clicks, cursor, highlight) and probeAnswer (browser tests).
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { AppStore } from '../state/store';
import { createCameraFollow } from './cameraFollow';
import { mountChrome } from './mapChrome';
import { mapContext } from './mapContext';
import { bindPointer, selectionHighlight, type MapIntents } from './mapInteraction';
import { createLabels } from './mapLabels';
import { createMapSync } from './mapSync';
import { answerProbes } from './probeAnswer';
import { baseStyle } from './style';
import { createTiledSites } from './tiledSites';

// MapLibre starts its own worker from a URL it guesses next to its script; in the bundled build that guess is wrong and
// the map never loads, so the worker file is handed to it explicitly (Vite emits it as an asset with this URL).
setWorkerUrl(workerUrl);

export interface MountedMap {
  map: MapLibreMap;
  destroy(): void;
}

export function createMap(container: HTMLElement, store: AppStore, intents: MapIntents): MountedMap {
  const map = new MapLibreMap({
    container,
    style: baseStyle(),
    center: [118.8, 32.05],
    zoom: 8,
    attributionControl: false,
    // no preserveDrawingBuffer: nothing reads the canvas back (figures are drawn as SVG, tests use screenshots),
    // and keeping the buffer cost 0.4–0.7 s of the first render under software WebGL
  });
  const ctx = mapContext(map, container, store);
  const chrome = mountChrome(ctx);
  const tiledSites = createTiledSites(map);
  const labels = createLabels(ctx);
  const camera = createCameraFollow(ctx, labels.arrange);
  const sync = createMapSync(ctx, { tiledSites, labels, camera });
  const showSelection = selectionHighlight(ctx, tiledSites);
  bindPointer(ctx, intents);
  answerProbes(ctx, tiledSites);

  // the map's updates run as their own tasks, after React's render of the same change (two shorter tasks, not one long)
  const renderLater = nextTask(() => {
    sync.render(store.getState().assessment);
    showSelection(store.getState().selection);
  });
  const filterLater = nextTask(() => {
    sync.applyFilters();
    const a = store.getState().assessment;
    if (a) labels.showZones(a);
  });
  let unsubscribe = (): void => {};
  // data goes in as soon as the style's sources exist: waiting for 'load' meant a first render of an empty map
  // (its tiles, its programs) before the data's own: 0.7 s of first render under software WebGL (interleaved A/B)
  map.once('style.load', () => {
    sync.applyBasemap();
    sync.render(store.getState().assessment);
    showSelection(store.getState().selection);
    sync.applyContours();
    unsubscribe = store.subscribe((state, prev) => {
      if (state.contourFiles !== prev.contourFiles) sync.applyContours();
      if (state.assessment !== prev.assessment) renderLater();
      else if (state.selection !== prev.selection) {
        showSelection(state.selection); // with a new assessment, the deferred render above shows it
      }
      if (state.basemap !== prev.basemap) sync.applyBasemap();
      if (state.locale !== prev.locale) {
        chrome.applyLocale();
        if (state.assessment) labels.showZones(state.assessment);
        void sync.renderProposal(); // the ring labels are words
      } else if (state.project?.dataCredit !== prev.project?.dataCredit) chrome.applyCredit();
      if (state.filters !== prev.filters || state.layers !== prev.layers) filterLater();
      if (state.selection !== prev.selection) labels.arrange(); // the selected zone's label comes first
      if (state.proposal !== prev.proposal || state.picking !== prev.picking) void sync.renderProposal();
      camera.follow(state, prev);
    });
    void sync.renderProposal();
  });

  return {
    map,
    destroy() {
      unsubscribe();
      map.remove();
    },
  };
}

/** `fn` as a task of its own after the current one; calls before it runs coalesce into one. */
function nextTask(fn: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      fn();
    }, 0);
  };
}
