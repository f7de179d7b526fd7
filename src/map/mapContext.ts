// What every part of the mounted map shares: the MapLibre map, its container, the store it follows and the language.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { translator, type Translate } from '../i18n/translate';
import type { AppStore } from '../state/store';

export interface MapContext {
  map: MapLibreMap;
  container: HTMLElement;
  store: AppStore;
  /** the translator of the language shown now (it changes: never keep one) */
  t(): Translate;
}

export function mapContext(map: MapLibreMap, container: HTMLElement, store: AppStore): MapContext {
  return { map, container, store, t: () => translator(store.getState().locale) };
}
