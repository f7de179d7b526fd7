import { describe, expect, it } from 'vitest';
import { geodesicDistanceM } from '../../../src/engine';
import { toWgs84 } from '../../../src/io';
import key from '../../fixtures/xuanwu-gcj02-wgs84.json';

describe('toWgs84', () => {
  it('brings GCJ-02 vertices of 玄武区 onto the independently converted WGS-84 vertices (within 1 m)', () => {
    key.gcj02.forEach((c, i) => {
      const g = toWgs84({ type: 'Point', coordinates: c }, 'gcj02') as unknown as { coordinates: [number, number] };
      const expected = key.wgs84[i] as [number, number];
      expect(geodesicDistanceM(g.coordinates, expected), `vertex ${i}`).toBeLessThan(1);
    });
  });

  it('leaves WGS-84 and CGCS2000 untouched', () => {
    const p = { type: 'Point' as const, coordinates: [118.78, 32.04] };
    expect(toWgs84(p, 'cgcs2000')).toEqual(p);
  });
});

describe('BD-09 (Baidu)', () => {
  // The published GCJ-02 → BD-09 transform, written out here independently of gcoord.
  function gcjToBd([lon, lat]: [number, number]): [number, number] {
    const xPi = (Math.PI * 3000) / 180;
    const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * xPi);
    const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * xPi);
    return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
  }

  it('brings Baidu coordinates of 玄武区 onto the independent WGS-84 answer key (within 1 m)', () => {
    key.gcj02.forEach((c, i) => {
      const bd = gcjToBd(c as [number, number]);
      // BD-09 sits ≈ 0.9–1.4 km from WGS-84 in Chinese cities (reference §4.1): the input really is offset
      expect(geodesicDistanceM(bd, key.wgs84[i] as [number, number])).toBeGreaterThan(800);
      const g = toWgs84({ type: 'Point', coordinates: bd }, 'bd09') as unknown as { coordinates: [number, number] };
      expect(geodesicDistanceM(g.coordinates, key.wgs84[i] as [number, number]), `vertex ${i}`).toBeLessThan(1);
    });
  });
});
