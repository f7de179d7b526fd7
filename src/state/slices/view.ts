// The view slice: what the map, legend and lists show, what is selected and what is brought into view. A view
// setting, not saved with the project (the URL hash carries some of it, app/hashSync.ts).
import type { Assessment } from '../../engine';
import type { AppServices } from '../appServices';
import { DEFAULT_LAYERS, NO_FILTERS, type LayerVisibility, type MapFilters } from '../mapFilters';
import type { Camera } from '../viewHash';

export type Selection =
  | { kind: 'zone'; id: string }
  | { kind: 'site'; id: string }
  | { kind: 'violation'; index: number }
  | null;

export interface ViewState {
  selection: Selection;
  /** a request to bring something into view (search, "whole city"); `n` changes with every request */
  focus: { target: Selection | 'all'; n: number } | null;
  /** what the map, legend and lists show */
  filters: MapFilters;
  layers: LayerVisibility;
  /** the map's position (set by the map as it moves; read from the URL hash at start) */
  camera: Camera | null;
}

export const initialView = (): ViewState => ({
  selection: null,
  focus: null,
  filters: NO_FILTERS,
  layers: DEFAULT_LAYERS,
  camera: null,
});

/** Does `a` still hold the selected zone or site? (A finding's index means nothing in another assessment.) */
export function selectionStillIn(a: Assessment, s: Selection): boolean {
  return s?.kind === 'zone'
    ? a.zones.some((z) => z.id === s.id)
    : s?.kind === 'site'
      ? a.sites.some((x) => x.id === s.id)
      : false;
}

export function select({ store }: AppServices, selection: Selection): void {
  store.setState({ selection });
}

/** Select and bring into view (search results), or frame the whole study area with 'all'. */
export function focusOn({ store }: AppServices, target: Selection | 'all'): void {
  const n = (store.getState().focus?.n ?? 0) + 1;
  store.setState({ focus: { target, n }, ...(target === 'all' ? {} : { selection: target }) });
}

export function setFilters({ store }: AppServices, change: Partial<MapFilters>): void {
  store.setState({ filters: { ...store.getState().filters, ...change } });
}

export function setLayers({ store }: AppServices, change: Partial<LayerVisibility>): void {
  store.setState({ layers: { ...store.getState().layers, ...change } });
}
