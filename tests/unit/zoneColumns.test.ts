// Zones' contributors cross the worker boundary as columns and are rebuilt on first read, equal to what was sent.
import { describe, expect, it } from 'vitest';
import { contributorCount, packZones, unpackZones } from '../../src/worker/zoneColumns';
import type { AssessedZone } from '../../src/engine';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ],
  ],
};

describe('zone contributors as columns', () => {
  it('come back equal, in order, after a structured clone with their buffers transferred; counted without being built', () => {
    const sites = ['A', 'B', 'C', 'D'];
    const zones: AssessedZone[] = [
      {
        id: 'z1',
        name: '玄武区',
        geometry: square,
        level: 'red',
        score: 20,
        mode: 'max',
        reason: '就高',
        contributors: [
          { siteId: 'C', level: 'red', score: 20, how: 'inside', distanceM: 0 },
          { siteId: 'A', level: 'yellow', score: 6.5, how: 'footprint', distanceM: 12.25 },
        ],
      },
      {
        id: 'z2',
        name: '空区',
        geometry: square,
        level: null,
        score: 0,
        mode: 'max',
        reason: '未评级',
        contributors: [],
      },
    ];
    const { zones: packed, transfer } = packZones(zones, (id) => sites.indexOf(id));
    expect(transfer).toHaveLength(10);
    const back = unpackZones(structuredClone(packed, { transfer }), (i) => sites[i]!);
    expect(back.map(contributorCount)).toEqual([2, 0]);
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(zones))); // every field, contributors too
    expect(back[0]!.contributors).toBe(back[0]!.contributors); // built once, then kept
    expect(structuredClone(back)[0]!.contributors).toEqual(zones[0]!.contributors); // a clone (to the white-paper worker) carries them
  });
});
