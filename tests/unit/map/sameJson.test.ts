import { describe, expect, it } from 'vitest';
import { sameJson } from '../../../src/map/sameJson';

describe('sameJson (a map source is sent again only when its data changed)', () => {
  const point = (level: string) => ({
    type: 'Feature',
    id: 3,
    geometry: { type: 'Point', coordinates: [118.8, 32.05] },
    properties: { siteId: 'A', level, flagged: false },
  });

  it('finds equal GeoJSON equal, built apart and with keys in another order', () => {
    const a = { type: 'FeatureCollection', features: [point('red')] };
    const b = {
      features: [{ ...point('red'), properties: { flagged: false, level: 'red', siteId: 'A' } }],
      type: 'FeatureCollection',
    };
    expect(sameJson(a, b)).toBe(true);
    expect(sameJson('data:a', 'data:a')).toBe(true);
  });

  it('finds any difference: a value, a coordinate, a key more or less, a length, a type', () => {
    expect(sameJson(point('red'), point('orange'))).toBe(false);
    expect(
      sameJson(point('red'), { ...point('red'), geometry: { type: 'Point', coordinates: [118.8, 32.050001] } }),
    ).toBe(false);
    expect(sameJson(point('red'), { ...point('red'), properties: { ...point('red').properties, area: true } })).toBe(
      false,
    );
    const { flagged: _, ...fewer } = point('red').properties;
    expect(sameJson(point('red'), { ...point('red'), properties: fewer })).toBe(false);
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });

  it('takes a doubt for a change: NaN, and objects that are not plain', () => {
    expect(sameJson(NaN, NaN)).toBe(false);
    expect(sameJson(new Date(0), new Date(0))).toBe(false);
    expect(sameJson({ a: undefined }, {})).toBe(false);
  });
});
