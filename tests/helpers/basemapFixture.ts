// A raster PMTiles basemap over Nanjing for the tests: solid magenta PNG tiles, zooms 0–10 (overzoomed above).
import { PNG } from 'pngjs';
import { tilesCovering, writePmtiles, type FixtureTile } from './pmtilesWriter';

export const FIXTURE_RGB = [255, 0, 255] as const;
export const NANJING_BOUNDS: [number, number, number, number] = [118.2, 31.1, 119.4, 32.7];

export function magentaTile(): Uint8Array {
  const png = new PNG({ width: 256, height: 256 });
  for (let i = 0; i < png.data.length; i += 4) png.data.set([...FIXTURE_RGB, 255], i);
  return PNG.sync.write(png);
}

export function nanjingRasterPmtiles(maxZoom = 10): Uint8Array {
  const data = magentaTile();
  const tiles: FixtureTile[] = [];
  for (let z = 0; z <= maxZoom; z++) for (const t of tilesCovering(NANJING_BOUNDS, z)) tiles.push({ z, ...t, data });
  return writePmtiles({
    tiles,
    tileType: 2,
    bounds: NANJING_BOUNDS,
    metadata: { attribution: '<b>Test</b> tiles', name: 'fixture' },
  });
}
