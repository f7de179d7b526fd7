// Local PMTiles basemaps: the fixture writer checked against the official decoder, then what the app reads from
// a file (tile type, zooms, attribution) and what it refuses.
import { describe, expect, it } from 'vitest';
import { FileSource, PMTiles, TileType } from 'pmtiles';
import { PNG } from 'pngjs';
import { readPmtilesInfo } from '../../src/state/pmtilesInfo';
import { messageOf } from '../../src/i18n/localisedError';
import { translator } from '../../src/i18n/translate';
import { FIXTURE_RGB, nanjingRasterPmtiles } from '../helpers/basemapFixture';
import { tilesCovering, writePmtiles } from '../helpers/pmtilesWriter';

const file = (bytes: Uint8Array, name = 'nanjing.pmtiles') => new File([new Uint8Array(bytes)], name);

describe('PMTiles fixture writer', () => {
  it('writes an archive the official decoder reads tile for tile', async () => {
    const archive = new PMTiles(new FileSource(file(nanjingRasterPmtiles(8))));
    const header = await archive.getHeader();
    expect(header).toMatchObject({ specVersion: 3, tileType: TileType.Png, minZoom: 0, maxZoom: 8 });
    expect(header.numAddressedTiles).toBe(
      [0, 1, 2, 3, 4, 5, 6, 7, 8].reduce((n, z) => n + tilesCovering([118.2, 31.1, 119.4, 32.7], z).length, 0),
    );
    // Nanjing (118.8° E, 32.05° N) at zoom 8 is tile x = floor((118.8 + 180) / 360 · 256) = 212, y = 103
    const tile = await archive.getZxy(8, 212, 103);
    const png = PNG.sync.read(Buffer.from(new Uint8Array(tile!.data)));
    expect([...png.data.subarray(0, 3)]).toEqual([...FIXTURE_RGB]);
    expect(await archive.getZxy(8, 0, 0)).toBeUndefined();
  });
});

describe('reading a local basemap file', () => {
  it('reads tile type, zooms and attribution', async () => {
    await expect(readPmtilesInfo(file(nanjingRasterPmtiles(6)))).resolves.toEqual({
      tileType: 'raster',
      vectorLayers: [],
      minZoom: 0,
      maxZoom: 6,
      attribution: '<b>Test</b> tiles',
    });
  });

  it("lists a vector archive's layers", async () => {
    const bytes = writePmtiles({
      tiles: [{ z: 0, x: 0, y: 0, data: new Uint8Array([0x1a, 0]) }],
      tileType: TileType.Mvt,
      bounds: [-180, -85, 180, 85],
      metadata: { vector_layers: [{ id: 'roads' }, { id: 'water' }, { nope: 1 }] },
    });
    await expect(readPmtilesInfo(file(bytes))).resolves.toMatchObject({
      tileType: 'vector',
      vectorLayers: ['roads', 'water'],
    });
  });

  it('refuses a file that is not PMTiles, and a tile type the map cannot draw, with the reason', async () => {
    const en = translator('en');
    const notPmtiles = await readPmtilesInfo(
      file(new TextEncoder().encode('id,name\n1,x\n'.repeat(20)), 'sites.pmtiles'),
    ).catch((e) => messageOf(e, en));
    expect(notPmtiles).toMatch(/^Not a readable PMTiles v3 file/);
    const avif = writePmtiles({
      tiles: [{ z: 0, x: 0, y: 0, data: new Uint8Array([1]) }],
      tileType: TileType.Avif,
      bounds: [-180, -85, 180, 85],
      metadata: {},
    });
    await expect(readPmtilesInfo(file(avif)).catch((e) => messageOf(e, en))).resolves.toMatch(
      /tile type 5 cannot be drawn/,
    );
  });
});
