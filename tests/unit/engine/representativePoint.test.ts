// A site's one point lies on the site: an L-shaped yard's bounding-box centre is outside it (and could be in the
// next district), so it is not the point used.
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import { assess, representativePoint } from '../../../src/engine';
import { createConfig } from '../../helpers/sites';

// an L: a vertical bar on the west and a horizontal bar along the south; the box centre (0.5, 0.5) is in the notch
const L: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 0],
      [1, 0.2],
      [0.2, 0.2],
      [0.2, 1],
      [0, 1],
      [0, 0],
    ],
  ],
};
const shift = (p: Polygon, dx: number, dy: number): Polygon => ({
  type: 'Polygon',
  coordinates: p.coordinates.map((r) => r.map(([x, y]) => [x! * 0.01 + dx, y! * 0.01 + dy])),
});

describe('a site’s representative point', () => {
  it('lies on an L-shaped site, where its bounding-box centre does not', () => {
    const site = shift(L, 118.78, 32.04);
    const p = representativePoint(site);
    expect(booleanPointInPolygon(p, site)).toBe(true);
    expect(booleanPointInPolygon([118.785, 32.045], site)).toBe(false); // the box centre
  });

  it('is the point the assessment reports for the site', () => {
    const geometry = shift(L, 118.78, 32.04);
    const [s] = assess(
      { sites: [{ id: 'yard', name: 'yard', category: 'construction', geometry }], zones: [] },
      createConfig(),
    ).sites;
    expect([s!.lon, s!.lat]).toEqual(representativePoint(geometry));
  });
});
