// Which zone holds a point: a box index over the zones, then an exact test on the few candidates, so naming the
// district of N sites among M zones costs ~ N log M instead of N × M.
import Flatbush from 'flatbush';
import type { Zone } from '../model';
import { bboxOf } from '../geo/bbox';
import { pointInArea } from '../geo/pointInArea';

/** Returns the first zone (in the given order) containing (lon, lat), or undefined. */
export function zoneLocator(zones: readonly Zone[]): (lon: number, lat: number) => Zone | undefined {
  if (zones.length === 0) return () => undefined;
  const index = new Flatbush(zones.length);
  for (const z of zones) index.add(...bboxOf(z.geometry)); // spread-ok: a box is 4 numbers
  index.finish();
  const tests = zones.map((z) => pointInArea(z.geometry));
  return (lon, lat) => {
    const candidates = index.search(lon, lat, lon, lat).sort((a, b) => a - b);
    for (const i of candidates) if (tests[i]!(lon, lat)) return zones[i];
    return undefined;
  };
}
