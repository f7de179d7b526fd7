import { describe, expect, it } from 'vitest';
import { geodesicMeters } from '../../../src/engine';
import { toWgs84 } from '../../../src/io';
import key from '../../fixtures/xuanwu-gcj02-wgs84.json';

describe('toWgs84', () => {
  it('brings GCJ-02 vertices of 玄武区 onto the independently converted WGS-84 vertices (within 1 m)', () => {
    key.gcj02.forEach((c, i) => {
      const g = toWgs84({ type: 'Point', coordinates: c }, 'gcj02') as unknown as { coordinates: [number, number] };
      const expected = key.wgs84[i] as [number, number];
      expect(geodesicMeters(g.coordinates, expected), `vertex ${i}`).toBeLessThan(1);
    });
  });

  it('leaves WGS-84 and CGCS2000 untouched', () => {
    const p = { type: 'Point' as const, coordinates: [118.78, 32.04] };
    expect(toWgs84(p, 'cgcs2000')).toEqual(p);
  });
});
