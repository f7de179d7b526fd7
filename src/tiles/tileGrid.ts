// Web Mercator tile arithmetic for the site tiles: positions as world units (0..1 across the map, as MapLibre's own
// MercatorCoordinate) and as tile units (0..EXTENT inside one tile).
export const EXTENT = 4096;

const MAX_LAT = 85.051129;

export const worldX = (lon: number): number => (lon + 180) / 360;

export function worldY(lat: number): number {
  const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

export interface TileId {
  z: number;
  x: number;
  y: number;
}

/** The tile's box in world units: [minX, minY, maxX, maxY]. */
export function tileBox({ z, x, y }: TileId): [number, number, number, number] {
  const n = 2 ** z;
  return [x / n, y / n, (x + 1) / n, (y + 1) / n];
}

/**
 * A world coordinate in tile units of the tile at `t` along that axis. Floored from one product, so a point lies in
 * exactly one tile (0 ≤ unit < EXTENT there) and is never drawn twice at a tile edge.
 */
export const tileUnit = (w: number, z: number, t: number): number => Math.floor(w * 2 ** z * EXTENT) - t * EXTENT;
