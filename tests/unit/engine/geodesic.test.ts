import { describe, expect, it } from 'vitest';
import { geodesicDestination, geodesicDistanceM } from '../../../src/engine';
import { meridianArcMeters } from '../../helpers/ellipsoid';

describe('geodesicDistanceM', () => {
  it('matches GeographicLib’s published example: Wellington to Salamanca is 19 959 679.267 m', () => {
    expect(geodesicDistanceM([174.81, -41.32], [-5.5, 40.96])).toBeCloseTo(19959679.267, 3);
  });

  it('matches a meridian arc integrated independently, 1 km north from Nanjing', () => {
    const lat2 = 32 + 1000 / 110870; // ≈ 1 km
    expect(geodesicDistanceM([118.8, 32], [118.8, lat2])).toBeCloseTo(meridianArcMeters(32, lat2), 6);
  });

  it('is zero for identical points', () => {
    expect(geodesicDistanceM([118.8, 32], [118.8, 32])).toBe(0);
  });
});

describe('geodesicDestination', () => {
  it('matches GeographicLib’s published example: 20 000 km SW of Perth', () => {
    const [lon, lat] = geodesicDestination([115.74, -32.06], 225, 20000e3);
    expect(lat).toBeCloseTo(32.11195529, 8);
    expect(lon).toBeCloseTo(-63.95925278, 8);
  });
});
