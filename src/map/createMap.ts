// Where the map is wired to the app: the MapLibre map (made at start by earlyMap.ts, or here) then follows the store
// one way (store → map). Each concern is a module of its own: mapChrome (credit, symbols), mapSync (what is drawn),
// mapLabels (DOM labels), cameraFollow (where the map looks), mapInteraction (clicks, cursor, highlight) and
// probeAnswer (browser tests).
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AppStore } from '../state/store';
import { createCameraFollow } from './cameraFollow';
import { mountChrome } from './mapChrome';
import { mapContext } from './mapContext';
import { bindPointer, selectionHighlight, type MapIntents } from './mapInteraction';
import { createLabels } from './mapLabels';
import { createMapSync } from './mapSync';
import { answerProbes } from './probeAnswer';
import { makeMap, whenStyleLoaded, type EarlyMap } from './earlyMap';
import { createTiledSites } from './tiledSites';
import { warmStreetProgramsWhenIdle } from './warmPrograms';

export interface MountedMap {
  map: MapLibreMap;
  destroy(): void;
}

/**
 * The map in `container` (the map's region), following `store`: `early`, the map the page made at start (already
 * moved into `container` by the map view, canvas and all, so nothing is drawn twice), else a new one.
 */
export function createMap(
  container: HTMLElement,
  store: AppStore,
  intents: MapIntents,
  early: EarlyMap | null = null,
): MountedMap {
  let map: MapLibreMap;
  let host: HTMLElement;
  if (early) {
    ({ map, host } = early);
    map.resize(); // the app's map region may differ from the start frame's
  } else {
    host = document.createElement('div');
    host.className = 'map-host';
    container.append(host);
    map = makeMap(host);
  }
  const ctx = mapContext(map, container, store);
  const chrome = mountChrome(ctx);
  const tiledSites = createTiledSites(map);
  const labels = createLabels(ctx);
  const camera = createCameraFollow(ctx, labels.arrange);
  // the programs a first zoom-in would compile, compiled once the first assessment is drawn (map/warmPrograms)
  let warming = false;
  const onReady = (): void => {
    if (warming) return;
    warming = true;
    // marked when done: a benchmark measuring what follows the load waits for it (the links are load work)
    warmStreetProgramsWhenIdle(map, () => (container.dataset.programsWarmed = 'true'));
  };
  const sync = createMapSync(ctx, { tiledSites, labels, camera, onReady });
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
  whenStyleLoaded(map, () => {
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
      host.remove();
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
