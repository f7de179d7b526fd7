// A GeoJSON source's data goes to MapLibre only when it differs from what the source already holds. Why: setData
// walks the whole collection on the page (MapLibre's own serialisation, then a post to its worker), and a new
// assessment usually changes few sources: a road network uploaded for a city with 2 000 fire stations changed only
// the reach bands, yet re-sending the 4 500 site and rescue points held the page 150–200 ms. Comparing the new
// collection with the one sent last is a walk over plain objects, a few ms, and sends nothing when they are equal.
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSON } from 'geojson';
import { sameJson } from './sameJson';

export interface ChangedSources {
  /** `data` into source `name`, unless it holds equal data already (a string is a URL: equal when the same URL) */
  set(name: string, data: GeoJSON | string): void;
}

export function changedSources(map: MapLibreMap): ChangedSources {
  // what each source was last given (MapLibre keeps the same objects, so this holds nothing more)
  const sent = new Map<string, GeoJSON | string>();
  return {
    set(name, data) {
      const source = map.getSource(name) as GeoJSONSource | undefined;
      if (!source) return;
      if (sent.has(name) && sameJson(sent.get(name), data)) return;
      sent.set(name, data);
      void source.setData(data);
    },
  };
}
