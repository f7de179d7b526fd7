import { describe, expect, it } from 'vitest';
import { reachForPage, reachTransfer } from '../../src/worker/reachMessage';
import type { AssessedReach } from '../../src/state/assessedReach';
import type { DistrictGrid } from '../../src/engine/reach/stationDistricts';

function grid(inside: Uint8Array): DistrictGrid {
  return {
    grid: {
      shape: 'square',
      cellM: 250,
      plane: { lon0: 118, lat0: 32 } as never,
      x0: 0,
      y0: 0,
      cols: 2,
      rows: 1,
      inside,
      onEdge: new Uint8Array(2),
      polygons: [
        [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 0],
          ],
        ],
      ],
    },
    cells: Int32Array.of(0, 1),
    cellMinutes: Float32Array.of(3, NaN),
    cellStation: Int32Array.of(0, -1),
    cellKm2: 0.0625,
  };
}

const reachWith = (reachGrid: DistrictGrid, districtGrid: DistrictGrid): AssessedReach =>
  ({
    result: { reachGrid, districtGrid },
    profile: {},
    bands: { summary: [], shapes: null, url: null },
  }) as unknown as AssessedReach;

describe('the reach sent to the page', () => {
  it('carries grids with arrays of their own, so transferring them leaves the worker its grids', () => {
    const g = grid(Uint8Array.of(1, 1));
    const sent = reachForPage(reachWith(g, g), []);
    const buffers = reachTransfer(sent);
    expect(buffers).toHaveLength(5);
    structuredClone(sent, { transfer: buffers });
    expect(Array.from(g.cells)).toEqual([0, 1]);
    expect(Array.from(g.grid.inside)).toEqual([1, 1]);
    expect(sent.result.reachGrid!.cells.length).toBe(0); // detached: it went
  });

  it('keeps one grid one, and an array two grids share shared (each buffer transferred once)', () => {
    const shared = Uint8Array.of(1, 0);
    const a = grid(shared);
    const b = { ...grid(shared), cellMinutes: Float32Array.of(9, 9) };
    const same = reachForPage(reachWith(a, a), []);
    expect(same.result.districtGrid).toBe(same.result.reachGrid);
    const two = reachForPage(reachWith(a, b), []);
    expect(two.result.districtGrid!.grid.inside).toBe(two.result.reachGrid!.grid.inside);
    expect(two.result.reachGrid!.grid.polygons).toEqual([]);
    const buffers = reachTransfer(two);
    expect(new Set(buffers).size).toBe(buffers.length);
    expect(buffers).toHaveLength(9);
    const received = structuredClone(two, { transfer: buffers });
    expect(Array.from(received.result.districtGrid!.cellMinutes)).toEqual([9, 9]);
    expect(Array.from(received.result.reachGrid!.cellMinutes)).toEqual([3, NaN]);
  });
});

describe('the reach bands as a data: URL', () => {
  it('decodes to the same JSON, with no "://", "#" or space in it and shorter than encodeURIComponent made it', async () => {
    const { escapeForDataUrl } = await import('../../src/worker/reachMessage');
    const json = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { label: '5–10 分钟 (a/b) 100% #1', fill: '#54278f' },
          geometry: {
            type: 'MultiPolygon',
            coordinates: [
              [
                [
                  [118.1234567, 32.1],
                  [118.2, 32.2],
                  [118.1234567, 32.1],
                ],
              ],
            ],
          },
        },
      ],
    });
    const body = escapeForDataUrl(json);
    expect(decodeURIComponent(body)).toBe(json);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range of every ASCII character, control ones included
    expect(body).not.toMatch(/:\/\/|#|\s|[^\x00-\x7f]/);
    expect(body.length).toBeLessThan(encodeURIComponent(json).length);
    expect(JSON.parse(await (await fetch(`data:application/geo+json,${body}`)).text())).toEqual(JSON.parse(json));
  });
});
