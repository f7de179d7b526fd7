// Tile features → Mapbox Vector Tile bytes, through vt-pbf's writer for geojson-vt tiles: features already in tile
// units, so no geojson-vt index of the whole city is ever built.
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { EXTENT } from './tileGrid';

export type TileProperties = Record<string, string | number | boolean>;

export type TileFeature =
  | { type: 1; id?: number; geometry: [number, number][]; tags: TileProperties }
  | { type: 2; id?: number; geometry: [number, number][][]; tags: TileProperties };

/** Layers by name; a layer without features is left out. */
export function encodeTile(layers: Record<string, TileFeature[]>): Uint8Array {
  const tiles: Parameters<typeof fromGeojsonVt>[0] = {};
  for (const [name, features] of Object.entries(layers)) {
    if (features.length > 0) tiles[name] = { features } as unknown as (typeof tiles)[string];
  }
  return fromGeojsonVt(tiles, { version: 2, extent: EXTENT });
}
