// A road network file (GeoJSON, UTF-8) as the engine's road lines, read where the engine runs: the page never holds
// it (a city's OpenStreetMap roads are tens of MB).
import type { RoadLine } from '../engine';
import { readRoads, type Crs } from '../io';

export async function roadsFrom(source: Blob | Uint8Array, crs: Crs): Promise<RoadLine[]> {
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
  return readRoads(new TextDecoder('utf-8').decode(bytes), crs);
}
