// Rescue within reach at city scale: a generated road lattice of ≈ 200 000 road segments (two-way mostly, so
// ≈ 380 000 directed edges) over a 40 km × 40 km city, 2 000 fire stations, and a 100 m grid over the city
// (≈ 158 000 cells). Times the graph build, the one multi-source Dijkstra from all stations, the reach of every grid
// cell, and the same grid by straight-line screening; each against a naive baseline in the same run (one Dijkstra per
// station; every cell against every station), measured on a subset and extrapolated, as the other benchmarks do.
// Usage: npm run bench:reach [-- LATTICE STATIONS CELL_M BASELINE_STATIONS]   (tsx: the engine's own TypeScript)
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Polygon } from 'geojson';
import type { Zone } from '../src/engine';
import { fromPlane, localPlane } from '../src/engine/geo/localPlane';
import { geodesicDistanceM } from '../src/engine/geo/geodesicDistance';
import { buildRoadGraph, type RoadLine } from '../src/engine/reach/roadGraph';
import { roadSpeedFor } from '../src/engine/reach/roadSpeed';
import { multiSourceDijkstra } from '../src/engine/reach/dijkstra';
import { networkModel, screeningModel } from '../src/engine/reach/reachModel';
import { nodeSnapper } from '../src/engine/reach/snap';
import { reachGrid } from '../src/engine/reach/stationDistricts';
import { DEFAULT_REACH_PROFILE as P } from '../src/engine/reach/profile';
import type { Resource } from '../src/engine/reach/resources';
import { radiusAssign, walkingAssign, walkingGraph, type ShelterPoint } from '../src/engine/reach/shelterAssign';
import type { PopulationUnit } from '../src/engine/reach/population';

const [lattice = 317, stationCount = 2000, cellM = 100, baselineStations = 20] = process.argv.slice(2).map(Number);
const SIDE_M = 40_000;
const spacing = SIDE_M / (lattice - 1);
const plane = localPlane(118.78, 32.04);
const rng = xoroshiro128plus(21);
const random = () => uniformInt(rng, 0, 2 ** 30 - 1) / 2 ** 30;
const at = (x: number, y: number) => fromPlane(plane, x - SIDE_M / 2, y - SIDE_M / 2) as [number, number];
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const mem = () => {
  const m = process.memoryUsage();
  return `heap ${mb(m.heapUsed)}, rss ${mb(m.rss)}`;
};
const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
};

// the lattice: every 8th street a primary (40 km/h), the rest residential (20 km/h), one residential in ten one-way;
// vertices jittered by up to 20 % of the spacing so the streets are not all the same length
const jitter = Array.from(
  { length: lattice * lattice },
  () => [(random() - 0.5) * 0.4 * spacing, (random() - 0.5) * 0.4 * spacing] as const,
);
const vertex = (i: number, j: number) =>
  at(i * spacing + jitter[i * lattice + j]![0], j * spacing + jitter[i * lattice + j]![1]);
const lines: RoadLine[] = [];
for (let i = 0; i < lattice; i++) {
  for (let j = 0; j < lattice; j++) {
    const cls = (k: number) => (k % 8 === 0 ? 'primary' : 'residential');
    const oneway = () => (random() < 0.1 ? 'forward' : 'no') as RoadLine['oneway'];
    if (i + 1 < lattice)
      lines.push({
        coords: [vertex(i, j), vertex(i + 1, j)],
        roadClass: cls(j),
        oneway: cls(j) === 'primary' ? 'no' : oneway(),
      });
    if (j + 1 < lattice)
      lines.push({
        coords: [vertex(i, j), vertex(i, j + 1)],
        roadClass: cls(i),
        oneway: cls(i) === 'primary' ? 'no' : oneway(),
      });
  }
}
const stations: Resource[] = Array.from({ length: stationCount }, (_, i) => {
  const [lon, lat] = at(random() * SIDE_M, random() * SIDE_M);
  return {
    id: `F${String(i).padStart(4, '0')}`,
    name: '',
    kind: 'fire_station',
    grade: 'standard1',
    lon,
    lat,
    delaySeconds: 240,
  };
});
const ring = [at(0, 0), at(SIDE_M, 0), at(SIDE_M, SIDE_M), at(0, SIDE_M), at(0, 0)];
const city: Zone = { id: 'city', name: 'city', geometry: { type: 'Polygon', coordinates: [ring] } as Polygon };

console.log(
  `reach bench: ${lines.length} road segments (lattice ${lattice}×${lattice}, ${spacing.toFixed(0)} m), ${stationCount} stations, ${cellM} m grid over ${SIDE_M / 1000} km × ${SIDE_M / 1000} km; node ${process.version}`,
);
console.log(`  inputs generated: ${mem()}`);

const [graph, buildMs] = time(() => buildRoadGraph(lines, roadSpeedFor(P)));
console.log(`  graph: ${graph.nodeCount} nodes, ${graph.edgeCount} directed edges in ${ms(buildMs)} (${mem()})`);

const [model, modelMs] = time(() => networkModel(stations, graph, P));
console.log(`  network model (snap ${stationCount} stations + one multi-source Dijkstra): ${ms(modelMs)} (${mem()})`);

const [grid, gridMs] = time(() => reachGrid([city], cellM, model));
let reached = 0;
for (const m of grid.cellMinutes) if (Number.isFinite(m)) reached++;
console.log(
  `  network reach of ${grid.cells.length} grid cells (snap + look-up, incl. grid build): ${ms(gridMs)}; ${reached} reached (${mem()})`,
);

// baseline: one Dijkstra per station (what a per-station isochrone tool does), on `baselineStations` of them
const snapper = nodeSnapper(graph);
const sub = stations.slice(0, baselineStations).map((r, i) => ({ r, s: snapper.nearest(r.lon, r.lat)!, i }));
const [naive, naiveMs] = time(() => {
  const best = new Float64Array(graph.nodeCount).fill(Infinity);
  for (const { r, s } of sub) {
    const one = multiSourceDijkstra(graph, [
      { node: s.node, seconds: r.delaySeconds + s.metres / (P.roads.offNetworkKmh / 3.6), source: 0 },
    ]);
    for (let v = 0; v < graph.nodeCount; v++) if (one.seconds[v]! < best[v]!) best[v] = one.seconds[v]!;
  }
  return best;
});
const [multiSub, multiSubMs] = time(() =>
  multiSourceDijkstra(
    graph,
    sub.map(({ r, s, i }) => ({
      node: s.node,
      seconds: r.delaySeconds + s.metres / (P.roads.offNetworkKmh / 3.6),
      source: i,
    })),
  ),
);
let same = true;
for (let v = 0; v < graph.nodeCount; v++)
  if (naive[v] !== multiSub.seconds[v]) {
    same = false;
    break;
  }
console.log(
  `  baseline, one Dijkstra per station: ${baselineStations} stations ${ms(naiveMs)} → ${stationCount} stations ≈ ${(((naiveMs / baselineStations) * stationCount) / 1000).toFixed(1)} s (extrapolated); multi-source on the same ${baselineStations}: ${ms(multiSubMs)}; identical times: ${same}`,
);

// straight-line screening of the same grid, and its naive baseline (every cell against every station) on a sample
const screening = screeningModel(stations, P);
const [sgrid, sgridMs] = time(() => reachGrid([city], cellM, screening));
console.log(`  screening reach of ${sgrid.cells.length} grid cells: ${ms(sgridMs)} (${mem()})`);
const sample = 2000;
const speed = P.screening.speedKmh / 3.6;
const [, bruteMs] = time(() => {
  let mismatches = 0;
  for (let k = 0; k < sample; k++) {
    const cell = Math.floor((k / sample) * sgrid.cells.length);
    const c = sgrid.cells[cell]!;
    const row = Math.floor(c / sgrid.grid.cols);
    const [lon, lat] = fromPlane(
      sgrid.grid.plane,
      sgrid.grid.x0 + (c - row * sgrid.grid.cols + 0.5) * cellM,
      sgrid.grid.y0 + (row + 0.5) * cellM,
    );
    let best = Infinity;
    for (const r of stations)
      best = Math.min(
        best,
        r.delaySeconds + (geodesicDistanceM([lon, lat], [r.lon, r.lat]) * P.screening.detourFactor) / speed,
      );
    if (Math.abs(best / 60 - sgrid.cellMinutes[cell]!) > 1e-3) mismatches++;
  }
  if (mismatches) console.log(`  !! ${mismatches} screening cells differ from the brute force`);
});
console.log(
  `  baseline, every cell × every station (geodesic): ${sample} cells ${ms(bruteMs)} → ${sgrid.cells.length} cells ≈ ${(((bruteMs / sample) * sgrid.cells.length) / 1000).toFixed(0)} s (extrapolated)`,
);
// shelters: 3 000 紧急 shelters; one population unit per grid cell centre (the 100 m population grid)
const shelterPoints: ShelterPoint[] = Array.from({ length: 3000 }, () => {
  const [lon, lat] = at(random() * SIDE_M, random() * SIDE_M);
  return { lon, lat, radiusM: 500 };
});
const members = shelterPoints.map((_, i) => i);
const units: PopulationUnit[] = Array.from(sgrid.cells, (c, k) => {
  const row = Math.floor(c / sgrid.grid.cols);
  const [lon, lat] = fromPlane(
    sgrid.grid.plane,
    sgrid.grid.x0 + (c - row * sgrid.grid.cols + 0.5) * cellM,
    sgrid.grid.y0 + (row + 0.5) * cellM,
  );
  return { id: `u${k}`, lon: lon!, lat: lat!, population: 100 };
});
const [radius, radiusMs] = time(() => radiusAssign(members, shelterPoints, units));
let servedR = 0;
for (const t of radius.to) if (t >= 0) servedR++;
console.log(
  `  shelters by radius: ${units.length} population cells × 3000 shelters: ${ms(radiusMs)}; ${servedR} cells within 500 m`,
);
const [walk, walkGraphMs] = time(() => walkingGraph(lines, P));
const [walked, walkMs] = time(() => walkingAssign(members, shelterPoints, units, walk, 'emergency', P));
let servedW = 0;
for (const t of walked.to) if (t >= 0) servedW++;
console.log(
  `  shelters on foot: pedestrian graph ${ms(walkGraphMs)}, one multi-source Dijkstra + ${units.length} snaps ${ms(walkMs)}; ${servedW} cells within 10 min (${mem()})`,
);
console.log(`  peak rss ${mb(process.resourceUsage().maxRSS * 1024)}`);
