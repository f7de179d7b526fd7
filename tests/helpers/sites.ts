// Builders for test fixtures: each test creates its own sites and zones.
import type { Polygon } from 'geojson';
import { defaultConfig, type AssessConfig, type Site, type Zone } from '../../src/engine';

export function createSite(overrides: Partial<Site> & Pick<Site, 'id' | 'category'> & { at?: [number, number] }): Site {
  const { at, ...rest } = overrides;
  return { name: overrides.id, geometry: { type: 'Point', coordinates: at ?? [118.78, 32.04] }, ...rest };
}

/** A square of `sizeDeg` degrees a side from its south-west corner, its ring counter-clockwise and closed. */
export function squarePolygon(west: number, south: number, sizeDeg: number): Polygon {
  const e = west + sizeDeg;
  const n = south + sizeDeg;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [e, south],
        [e, n],
        [west, n],
        [west, south],
      ],
    ],
  };
}

export function createSquareZone(id: string, west: number, south: number, sizeDeg: number): Zone {
  return { id, name: id, geometry: squarePolygon(west, south, sizeDeg) };
}

export function createConfig(overrides: Partial<AssessConfig> = {}): AssessConfig {
  return { ...defaultConfig(), ...overrides };
}
