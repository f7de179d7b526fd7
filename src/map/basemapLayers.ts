// The optional basemap as MapLibre sources and layers, under everything else. A raster URL is tiled directly; a
// local PMTiles file is read through the pmtiles protocol from the File itself (no request leaves the page). Vector
// PMTiles get a quiet grey style: land use, water and roads as outlines, so the risk colours stay the message.
import { addProtocol, type LayerSpecification, type Map as MapLibreMap } from 'maplibre-gl';
import type { Protocol } from 'pmtiles';
import { escapeXml } from '../io/escapeXml';
import type { Basemap } from '../state/basemap';

const PREFIX = 'basemap';
let protocol: Protocol | null = null;
/** The basemap each map was last given: a PMTiles file added after its reader loads is dropped if it was replaced. */
const latest = new WeakMap<MapLibreMap, Basemap>();

export function removeBasemap(map: MapLibreMap): void {
  latest.delete(map);
  for (const layer of map.getStyle().layers.filter((l) => l.id === PREFIX || l.id.startsWith(`${PREFIX}-`)))
    map.removeLayer(layer.id);
  if (map.getSource(PREFIX)) map.removeSource(PREFIX);
}

/** Adds `b` under `beforeLayer`; attribution text from a file or the user is escaped (MapLibre shows it as HTML). */
export function addBasemap(map: MapLibreMap, b: Basemap, beforeLayer: string): void {
  latest.set(map, b);
  if (b.kind === 'none') return;
  if (b.kind === 'raster') return addLayers(map, b, { tiles: [b.url] }, beforeLayer);
  // the PMTiles reader (pmtiles, fflate) loads with the first local file, not with the map
  void import('pmtiles').then(({ FileSource, PMTiles, Protocol }) => {
    if (latest.get(map) !== b || map._removed) return; // replaced, or the map went, while the reader loaded
    if (!protocol) {
      protocol = new Protocol();
      addProtocol('pmtiles', protocol.tile);
    }
    // registers the file with the pmtiles protocol; its TileJSON address
    const file = b.file instanceof File ? b.file : new File([b.file], b.name);
    const archive = new PMTiles(new FileSource(file));
    protocol.add(archive);
    addLayers(map, b, { url: `pmtiles://${archive.source.getKey()}` }, beforeLayer);
  });
}

function addLayers(
  map: MapLibreMap,
  b: Exclude<Basemap, { kind: 'none' }>,
  tiles: { tiles: string[] } | { url: string },
  beforeLayer: string,
): void {
  if (b.kind === 'raster' || b.tileType === 'raster') {
    map.addSource(PREFIX, {
      type: 'raster',
      ...tiles,
      tileSize: 256,
      attribution: escapeXml(b.attribution || (b.kind === 'pmtiles' ? b.name : '')),
    });
    map.addLayer({ id: PREFIX, type: 'raster', source: PREFIX }, beforeLayer);
    return;
  }
  map.addSource(PREFIX, { type: 'vector', ...tiles, attribution: escapeXml(b.attribution || b.name) });
  for (const layer of quietVectorLayers(b.vectorLayers)) map.addLayer(layer, beforeLayer);
}

function quietVectorLayers(sourceLayers: string[]): LayerSpecification[] {
  return sourceLayers.flatMap((sourceLayer, i): LayerSpecification[] => [
    {
      id: `${PREFIX}-${i}-fill`,
      type: 'fill',
      source: PREFIX,
      'source-layer': sourceLayer,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: {
        'fill-color': /water|ocean|river|lake/i.test(sourceLayer) ? '#c9d8e6' : '#e4e7eb',
        'fill-outline-color': '#c4cad1',
      },
    },
    {
      id: `${PREFIX}-${i}-line`,
      type: 'line',
      source: PREFIX,
      'source-layer': sourceLayer,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': '#b3bac2', 'line-width': 0.8 },
    },
  ]);
}
