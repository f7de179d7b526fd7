// A road network file (GeoJSON, UTF-8) as the engine's road lines, read where the engine runs: the page never holds
// it (a city's OpenStreetMap roads are tens of MB). Its checksum is taken here too, from the bytes read anyway.
import type { RoadLine } from '../engine';
import { readRoads, sha256Hex, type Crs } from '../io';

export async function roadsFrom(source: Blob | Uint8Array, crs: Crs): Promise<{ lines: RoadLine[]; sha256: string }> {
  const bytes = source instanceof Uint8Array ? source : new Uint8Array(await source.arrayBuffer());
  return { lines: readRoads(new TextDecoder('utf-8').decode(bytes), crs), sha256: await sha256Hex(bytes) };
}
