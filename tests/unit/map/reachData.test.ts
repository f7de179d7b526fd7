// The reach layers' data: rescue sites with their own marks (never as 未评级 risk points), and each shelter's service
// area as a circle of its class's radius, coloured by whether its people fit (unknown when capacity or people are).
import { describe, expect, it } from 'vitest';
import { reachSources, rescueSites, shelterAreas, shelterFit } from '../../../src/map/reachData';
import { meridianArcMeters } from '../../helpers/ellipsoid';
import { reachCity } from '../../helpers/reachCity';

describe('reach layer data', () => {
  const { assessment, reach } = reachCity();

  it('draws every fire station, team and shelter with its own mark, and no risk site', () => {
    const features = rescueSites(assessment, reach).features;
    const marks = Object.fromEntries(features.map((f) => [f.properties!.siteId, f.properties!.mark]));
    expect(marks).toEqual({ F1: 'station', M1: 'micro', T1: 'team', SH1: 'shelter', SH2: 'shelter', SH3: 'shelter' });
    // the feature id is the site's position (as the other site layers), and the filters' facts are on it
    for (const f of features) {
      expect(assessment.sites[f.id as number]!.id).toBe(f.properties!.siteId);
      expect(f.properties).toMatchObject({ level: 'unscored', flagged: false });
    }
  });

  it('draws a shelter area as a circle of its radius, short / enough / unknown, the larger first', () => {
    const areas = shelterAreas(assessment, reach).features;
    expect(areas.map((f) => [f.properties.shelterId, f.properties.fit, f.properties.radiusM])).toEqual([
      ['SH2', 'enough', 2000], // 1 300 people, 5 000 places
      ['SH1', 'short', 500], // 1 300 people for 1 000 places
      ['SH3', 'unknown', 500], // no capacity given: never "enough"
    ]);
    for (const f of areas) {
      const ring = f.geometry.coordinates[0]!;
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      const site = assessment.sites.find((s) => s.id === f.properties.shelterId)!;
      // its northmost point is the radius north of the shelter (a sphere's circle: within 0.5 % on the ellipsoid)
      let top = -Infinity;
      for (const [, lat] of ring) top = Math.max(top, lat!);
      expect(meridianArcMeters(site.lat, top) / f.properties.radiusM).toBeCloseTo(1, 2);
    }
  });

  it('says unknown when the population or the capacity is missing, short only for a real deficit', () => {
    expect(shelterFit({ capacity: 100, population: null, deficit: null })).toBe('unknown');
    expect(shelterFit({ capacity: null, population: 50, deficit: null })).toBe('unknown');
    expect(shelterFit({ capacity: 100, population: 150, deficit: 50 })).toBe('short');
    expect(shelterFit({ capacity: 100, population: 100, deficit: 0 })).toBe('enough');
  });

  it('draws nothing of reach without it, but the rescue sites still with their own marks', () => {
    const sources = reachSources(assessment, null);
    expect((sources.reachBands as Exclude<typeof sources.reachBands, string>).features).toEqual([]);
    expect(sources.shelterAreas.features).toEqual([]);
    expect(sources.rescueSites.features.map((f) => f.properties!.mark).sort()).toEqual([
      'shelter',
      'shelter',
      'shelter',
      'station',
      'station',
      'team',
    ]);
  });
});
