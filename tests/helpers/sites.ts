// Builders for test fixtures: each test creates its own sites and zones.
import type { Polygon } from 'geojson';
import { defaultConfig, type AssessConfig, type Site, type Zone } from '../../src/engine';

export function createSite(overrides: Partial<Site> & Pick<Site, 'id' | 'category'> & { at?: [number, number] }): Site {
  const { at, ...rest } = overrides;
  return { name: overrides.id, geometry: { type: 'Point', coordinates: at ?? [118.78, 32.04] }, ...rest };
}

export function createSquareZone(id: string, west: number, south: number, sizeDeg: number): Zone {
  const e = west + sizeDeg;
  const n = south + sizeDeg;
  const geometry: Polygon = {
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
  return { id, name: id, geometry };
}

export function createConfig(overrides: Partial<AssessConfig> = {}): AssessConfig {
  return { ...defaultConfig(), ...overrides };
}
