// What the pointer does on the map: a click selects the topmost zone, site or finding (or places a proposal while
// picking), the cursor says what can be clicked, and a readout gives the pointer's WGS-84 position. The selection
// is highlighted with feature-state; its explanation is the side panel's (ui/DetailPanel).
import type { FeatureIdentifier, MapGeoJSONFeature } from 'maplibre-gl';
import type { Selection } from '../state/store';
import { sitePosition } from '../state/siteLookup';
import type { MapContext } from './mapContext';
import { CLICKABLE_LAYERS } from './style';
import type { TiledSites } from './tiledSites';

/** What a click asks of the app. */
export interface MapIntents {
  pickAt(at: [number, number]): void;
  select(selection: Selection): void;
}

export function bindPointer({ map, container, store }: MapContext, intents: MapIntents): void {
  const readout = document.createElement('div');
  readout.className = 'coord-readout';
  readout.setAttribute('aria-hidden', 'true');
  container.append(readout);
  map.on('mousemove', (e) => (readout.textContent = `WGS-84 ${e.lngLat.lng.toFixed(5)}, ${e.lngLat.lat.toFixed(5)}`));

  map.on('click', (e) => {
    if (store.getState().picking) return intents.pickAt([e.lngLat.lng, e.lngLat.lat]);
    const hits = map.queryRenderedFeatures(e.point, { layers: [...CLICKABLE_LAYERS] });
    const first = pickTopmost(hits);
    if (!first) return intents.select(null);
    const p = first.properties as Record<string, unknown>;
    if (first.layer.id === 'zones-fill') intents.select({ kind: 'zone', id: String(p.zoneId) });
    else if (first.layer.id.endsWith('-line')) intents.select({ kind: 'violation', index: Number(p.index) });
    else intents.select({ kind: 'site', id: String(p.siteId) });
  });
  // one query per pointer move for the cursor (per-layer mouseenter listeners would query once for each layer)
  map.on('mousemove', (e) => {
    if (store.getState().picking || map.isMoving()) return;
    map.getCanvas().style.cursor =
      map.queryRenderedFeatures(e.point, { layers: [...CLICKABLE_LAYERS] }).length > 0 ? 'pointer' : '';
  });
}

/** Highlights the selection (and only it) with feature-state; returns the function that shows a new one. */
export function selectionHighlight(
  { map, container, store }: MapContext,
  tiledSites: TiledSites,
): (s: Selection) => void {
  let highlighted: FeatureIdentifier[] = [];
  return (selection) => {
    for (const h of highlighted) map.setFeatureState(h, { selected: false });
    highlighted = [];
    container.dataset.selected = '';
    const a = store.getState().assessment;
    if (!a || !selection) return;
    if (selection.kind === 'zone') {
      const i = a.zones.findIndex((z) => z.id === selection.id);
      if (i >= 0) highlighted.push({ source: 'zones', id: i });
    } else if (selection.kind === 'site') {
      const i = sitePosition(a, selection.id);
      if (i >= 0) highlighted.push(tiledSites.feature('site', i), { source: 'sitePolygons', id: i });
    } else if (a.findings[selection.index]) {
      highlighted.push(tiledSites.feature('finding', selection.index));
    }
    for (const h of highlighted) map.setFeatureState(h, { selected: true });
    container.dataset.selected =
      selection.kind === 'violation' ? `violation:${selection.index}` : `${selection.kind}:${selection.id}`;
  };
}

function pickTopmost(hits: MapGeoJSONFeature[]): MapGeoJSONFeature | undefined {
  return [...hits].sort((a, b) => CLICKABLE_LAYERS.indexOf(a.layer.id) - CLICKABLE_LAYERS.indexOf(b.layer.id))[0];
}
