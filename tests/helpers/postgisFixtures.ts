// Sites built to hit every kind of finding the PostGIS executors must give as the in-process engine does: points,
// lines, polygons and multipolygons, borderline pairs, not assessed, inside an area, and a seeded scatter. Placed by
// geodesic offsets from a few origins, so each pair's distance is known.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Geometry, Position } from 'geojson';
import { geodesicDestination, type Site } from '../../src/engine';

const at = (from: Position, bearing: number, metres: number): [number, number] =>
  geodesicDestination([from[0]!, from[1]!], bearing, metres);

/** A square area `half` metres either side of `centre` (corners by geodesic offsets). */
function square(centre: Position, half: number): Geometry {
  const n = at(centre, 0, half)[1];
  const s = at(centre, 180, half)[1];
  const e = at(centre, 90, half)[0];
  const w = at(centre, 270, half)[0];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

function point(p: Position): Geometry {
  return { type: 'Point', coordinates: [p[0]!, p[1]!] };
}

function site(id: string, category: string, geometry: Geometry, extra: Partial<Site> = {}): Site {
  return { id, name: id, category, geometry, ...extra };
}

export function fixtureSites(): Site[] {
  const sites: Site[] = [];
  // A petrol station (grade and recovery unknown → 一级站, no recovery, 从严) and targets at chosen distances
  const f = [118.8, 32.05];
  sites.push(site('F1', 'fuel_station', point(f)));
  sites.push(site('F1-school-borderline', 'school', point(at(f, 90, 49.5)))); // 50 m, short by 0.5 → 临界
  sites.push(site('F1-school-violation', 'school', point(at(f, 0, 45))));
  sites.push(site('F1-hospital-over', 'hospital', point(at(f, 200, 50.7)))); // clears by 0.7 → still 临界
  sites.push(site('F1-kindergarten-clear', 'kindergarten', point(at(f, 300, 52)))); // clears by 2: nothing
  sites.push(site('F1-residential-area', 'residential', square(at(f, 180, 30), 20))); // edge 10 m away, 16 m required
  sites.push(site('F1-metro', 'metro_entrance', point(at(f, 45, 30.3))));
  sites.push(site('F1-water', 'water_source', square(at(f, 120, 480), 60))); // edge ~420 m, city rule 500 m
  sites.push(
    site('F1-railway', 'railway', {
      type: 'LineString',
      coordinates: [at(f, 270, 21.4), at(at(f, 270, 21.4), 0, 300)],
    }),
  ); // 22 m, short by 0.6
  // A grade-3 station with full recovery: smaller distances
  const f3 = [118.81, 32.05];
  sites.push(site('F3', 'fuel_station', square(f3, 8), { stationGrade: 3, vapourRecovery: 'full' }));
  sites.push(site('F3-school', 'school', square(at(f3, 90, 8 + 30 + 25), 25))); // ~30 m edge to edge, 35 m required
  sites.push(site('F3-venue', 'venue', point(at(f3, 0, 8 + 12)), { users: 900 })); // 一类: 11 m
  // Hazardous-chemical storage without an assessed distance (条例 §19: not assessed within 500 m) and one with 300 m
  const h = [118.8, 32.06];
  sites.push(site('HS1', 'hazchem_storage', square(h, 40)));
  sites.push(site('HS1-residential', 'residential', square(at(h, 90, 40 + 200 + 50), 50)));
  sites.push(site('HS1-school', 'school', square(at(h, 0, 40 + 30 + 20), 20))); // gb50016 50 m violation + not assessed
  sites.push(site('HS1-park-far', 'park', point(at(h, 180, 40 + 520)))); // beyond the screening radius
  sites.push(site('HS1-government', 'government', point(at(h, 270, 40 + 100)))); // city rule, not assessed
  const h2 = [118.82, 32.06];
  sites.push(site('HS2', 'hazchem_storage', point(h2), { protectionDistanceM: 300 }));
  sites.push(site('HS2-residential', 'residential', point(at(h2, 90, 250))));
  sites.push(site('HS2-school-borderline', 'school', point(at(h2, 0, 300.6))));
  sites.push(site('HS2-hospital-clear', 'hospital', point(at(h2, 180, 303))));
  // Fireworks: one inside a residential compound, spacing between shops, crowded places within 100 m
  const w = [118.83, 32.05];
  sites.push(
    site('FW-compound', 'residential', {
      type: 'MultiPolygon',
      coordinates: [
        (square(w, 60) as { coordinates: Position[][] }).coordinates,
        (square(at(w, 90, 400), 30) as { coordinates: Position[][] }).coordinates,
      ],
    }),
  );
  sites.push(site('FW1', 'fireworks_retail', point(at(w, 30, 10))));
  sites.push(site('FW2', 'fireworks_retail', point(at(at(w, 30, 10), 90, 49.2))));
  sites.push(site('FW-school', 'school', point(at(w, 200, 80))));
  sites.push(
    site('FW-petrol', 'fuel_station', point(at(w, 330, 95)), { stationGrade: 2, vapourRecovery: 'unloading' }),
  );
  // A gas station (tables not read: not assessed) and a gas facility as an area
  const g = [118.84, 32.06];
  sites.push(site('GS1', 'gas_station', point(g)));
  sites.push(site('GS1-school', 'school', point(at(g, 90, 120))));
  sites.push(site('GF1', 'gas_facility', square(at(g, 0, 600), 30)));
  sites.push(site('GF1-hospital', 'hospital', square(at(g, 0, 600 + 30 + 150 + 40), 40)));
  // Two pairs of 20-gons from bench/polygonPairsGeojson.mjs where PostGIS's own polygon distance (closest edges
  // chosen on the sphere) was 0.22 m too long, and 500.00x m for a pair the engine measures at 499.99x m (inside the
  // screening radius): PostGIS must leave such pairs to the engine's measuring
  const far = JSON.parse(readFileSync(resolve(__dirname, '../fixtures/postgis-polygon-pairs.geojson'), 'utf8')) as {
    features: { geometry: Geometry; properties: { id: string; category: string } }[];
  };
  for (const f of far.features) sites.push(site(`P-${f.properties.id}`, f.properties.category, f.geometry));
  // A seeded scatter of points around the fixtures: many pairs at arbitrary distances
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const hazards = ['fuel_station', 'hazchem_storage', 'fireworks_retail', 'gas_station', 'hazchem_production'];
  const targets = [
    'school',
    'hospital',
    'residential',
    'kindergarten',
    'park',
    'station',
    'metro_entrance',
    'water_source',
    'commercial',
    'heritage',
  ];
  for (let i = 0; i < 300; i++) {
    const p = [118.795 + rand() * 0.05, 32.045 + rand() * 0.02];
    const isHazard = rand() < 0.3;
    const category = isHazard
      ? hazards[Math.floor(rand() * hazards.length)]!
      : targets[Math.floor(rand() * targets.length)]!;
    const extra: Partial<Site> =
      category === 'hazchem_storage' && rand() < 0.5 ? { protectionDistanceM: Math.round(rand() * 400) } : {};
    sites.push(
      site(`R${String(i).padStart(3, '0')}`, category, rand() < 0.3 ? square(p, 5 + rand() * 40) : point(p), extra),
    );
  }
  return sites;
}
