// Grid zoning of the whole demo city: a 100 m square grid over Nanjing's 11 districts (≈ 6 600 km², ≈ 660 000
// cells) with 100 000 scored risk points (a fifth of them hazards with footprints), against the same work done
// cell by cell without any index, measured on a subset of cells in the same run and extrapolated.
// Usage: npm run bench (or node .bench-dist/zoning/zoning.bench.js [cellM] [points] [bruteCells])
import { readFileSync } from 'node:fs';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { assess, defaultConfig, zoneGrid, type Site } from '../src/engine';
import { readZones } from '../src/io';
import { buildGrid, cellCorners } from '../src/engine/zoning/gridGeometry';
import { toPlane } from '../src/engine/geo/localPlane';

const [cellM = 100, pointCount = 100_000, bruteCells = 300] = process.argv.slice(2).map(Number);
const districts = readZones(readFileSync('data/demo/nanjing-districts.wgs84.geojson', 'utf8'));
const rng = xoroshiro128plus(11);
const random = () => uniformInt(rng, 0, 2 ** 30 - 1) / 2 ** 30;
const CATEGORIES = ['construction', 'crowded_place', 'traffic', 'gas_user', 'fuel_station'];
const sites: Site[] = Array.from({ length: pointCount }, (_, i) => ({
  id: `p${i}`,
  name: '',
  category: CATEGORIES[i % 5]!,
  geometry: { type: 'Point', coordinates: [118.36 + random() * 0.88, 31.23 + random() * 1.39] },
  likelihood: 1 + (i % 5),
  severity: 1 + ((i * 7) % 5),
  ...(i % 5 === 4 ? { stationGrade: 2 as const, vapourRecovery: 'full' as const } : {}),
}));
const config = defaultConfig();
const scored = assess({ sites, zones: [] }, config).sites;

const t0 = performance.now();
const result = zoneGrid(districts, { shape: 'square', cellM }, scored, config.method.aggregation);
const indexedMs = performance.now() - t0;

// Without an index: every cell looks at every site (same planar distance test), on a subset of inside cells.
const grid = buildGrid(
  districts.map((d) => d.geometry),
  { shape: 'square', cellM },
);
const insideCells: number[] = [];
for (let c = 0; c < grid.inside.length && insideCells.length < bruteCells * 50; c++)
  if (grid.inside[c]) insideCells.push(c);
const sample = insideCells.filter((_, i) => i % 50 === 0).slice(0, bruteCells);
const planar = scored.map((s) => [...toPlane(grid.plane, s.lon, s.lat), s.footprintM] as const);
const t1 = performance.now();
let hits = 0;
for (const cell of sample) {
  const [[x0, y0], , [x1, y1]] = cellCorners(grid, cell) as [[number, number], unknown, [number, number]];
  for (const [x, y, r] of planar) {
    const dx = Math.max(x0 - x, 0, x - x1);
    const dy = Math.max(y0 - y, 0, y - y1);
    if (dx * dx + dy * dy <= r * r) hits++;
  }
}
const bruteMs = performance.now() - t1;
const bruteFullS = ((bruteMs / sample.length) * result.cellCount) / 1000;
const levels = result.zones.reduce(
  (m, z) => ((m[z.level ?? 'none'] = (m[z.level ?? 'none'] ?? 0) + 1), m),
  {} as Record<string, number>,
);
console.log(
  `grid zoning, ${cellM} m squares over Nanjing's 11 districts: ${result.cellCount.toLocaleString()} cells, ${pointCount.toLocaleString()} risk points (${scored.filter((s) => s.footprintM > 0).length.toLocaleString()} with footprints), node ${process.version}`,
);
console.log(
  `  indexed (cell arithmetic + footprint cells + dissolve + clip): ${(indexedMs / 1000).toFixed(2)} s → ${result.zones.length.toLocaleString()} dissolved zones ${JSON.stringify(levels)}`,
);
console.log(
  `  cell-by-cell without index: ${sample.length} cells in ${bruteMs.toFixed(0)} ms (${hits} hits) → ≈ ${bruteFullS.toFixed(0)} s for all cells → indexed is ${((bruteFullS * 1000) / indexedMs).toFixed(0)}× faster`,
);
console.log(`  heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`);
