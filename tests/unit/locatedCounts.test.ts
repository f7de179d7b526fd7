// The zone table's "sites located in the zone" count: made by the engine worker with the assessment and noted on the
// page (one number per zone, in zone order), or counted on the page when nothing was noted.
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/engine';
import {
  locatedCountsByZone,
  locatedCountsInZoneOrder,
  locatedCountsOf,
  noteLocatedCounts,
} from '../../src/figures/districtCounts';
import { createConfig, createSite, createSquareZone } from '../helpers/sites';

describe('sites located in each zone', () => {
  // zone B listed first: the counts follow the zones' order, not their ids
  const zones = [createSquareZone('B', 118.8, 32.0, 0.1), createSquareZone('A', 118.7, 32.0, 0.1)];
  const sites = [
    createSite({ id: 'S1', category: 'school', at: [118.75, 32.05] }), // A
    createSite({ id: 'S2', category: 'school', at: [118.85, 32.05] }), // B
    createSite({ id: 'S3', category: 'fuel_station', at: [118.86, 32.02] }), // B
    createSite({ id: 'S4', category: 'school', at: [119.5, 32.05] }), // in neither
  ];

  it('counts by position: A 1, B 2, the site outside both in none', () => {
    const a = assess({ sites, zones }, createConfig());
    expect(Object.fromEntries(locatedCountsByZone(a))).toEqual({ A: 1, B: 2 });
  });

  it('reads back, by zone id, the counts sent in zone order; counts itself when none were noted', () => {
    const counted = assess({ sites, zones }, createConfig());
    const sent = locatedCountsInZoneOrder(counted);
    expect(Array.from(sent)).toEqual(counted.zones.map((z) => ({ A: 1, B: 2 })[z.id]));
    const received = { ...counted, zones: structuredClone(counted.zones) }; // as the page gets it: another object
    noteLocatedCounts(received, structuredClone(sent));
    expect(Object.fromEntries(locatedCountsOf(received))).toEqual({ A: 1, B: 2 });
    expect(Object.fromEntries(locatedCountsOf(counted))).toEqual({ A: 1, B: 2 });
  });
});
