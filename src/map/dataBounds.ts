// The box around an assessment's zones and sites, in one loop: the GeometryCollection the small path frames would be
// a million-element array at the sizes the tiled path draws.
import { geometryTypeOf } from '../state/siteView';
import { bboxOf, type Assessment } from '../engine';

export function dataBounds(a: Assessment): [[number, number], [number, number]] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (x0: number, y0: number, x1: number, y1: number): void => {
    if (x0 < w) w = x0;
    if (y0 < s) s = y0;
    if (x1 > e) e = x1;
    if (y1 > n) n = y1;
  };
  for (const z of a.zones) {
    const b = bboxOf(z.geometry);
    grow(b[0], b[1], b[2], b[3]);
  }
  for (const site of a.sites) {
    // a point's lon and lat are its coordinates (read without making a view's geometry)
    if (geometryTypeOf(site) === 'Point') grow(site.lon, site.lat, site.lon, site.lat);
    else {
      const b = bboxOf(site.geometry);
      grow(b[0], b[1], b[2], b[3]);
    }
  }
  return [
    [w, s],
    [e, n],
  ];
}
