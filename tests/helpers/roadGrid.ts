// A small street grid as a GeoJSON road file (the shape of an OpenStreetMap export): `n` east–west and `n`
// north–south two-way residential streets over a box, for tests that need a road network.
export function roadGridGeoJson(box: { west: number; south: number; east: number; north: number }, n: number): string {
  const features: unknown[] = [];
  const line = (coords: [number, number][]) =>
    features.push({
      type: 'Feature',
      properties: { highway: 'residential' },
      geometry: { type: 'LineString', coordinates: coords },
    });
  for (let i = 0; i < n; i++) {
    const lat = box.south + ((box.north - box.south) * i) / (n - 1);
    const lon = box.west + ((box.east - box.west) * i) / (n - 1);
    line([
      [box.west, lat],
      [box.east, lat],
    ]);
    line([
      [lon, box.south],
      [lon, box.north],
    ]);
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

/** Central Nanjing (the demo city), where the demo's fire stations and risk points are. */
export const NANJING_CENTRE = { west: 118.7, south: 31.95, east: 118.9, north: 32.12 };

/** A population grid of one unit, the box itself, holding `people` (id `g1`): the people the shelters serve. */
export function populationBoxGeoJson(
  box: { west: number; south: number; east: number; north: number },
  people: number,
): string {
  const { west, south, east, north } = box;
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'g1', population: people },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [west, south],
              [east, south],
              [east, north],
              [west, north],
              [west, south],
            ],
          ],
        },
      },
    ],
  });
}
