// Setback search: indexed (flatbush prefilter + exact geodesic edge-to-edge) vs brute force (every pair judged),
// both in this process on the same seeded data. Usage: npm run bench -- [hazards] [targets] [bruteSubset]
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { checkSetbacks, classifyTarget, defaultConfig, hazardRules, judgePair, type Site } from '../src/engine';

const [hazardCount = 100_000, targetCount = 100_000, subset = 2_000] = process.argv.slice(2).map(Number);
const rng = xoroshiro128plus(42);
const random = () => uniformInt(rng, 0, 2 ** 30 - 1) / 2 ** 30;
// Nanjing's extent, ≈ 80 km × 150 km
const place = (): [number, number] => [118.36 + random() * 0.88, 31.23 + random() * 1.39];
const HAZARDS = ['fuel_station', 'fireworks_retail', 'gas_station', 'hazchem_storage'];
const TARGETS = ['school', 'hospital', 'residential', 'kindergarten', 'water_source'];
const makeSites = (n: number, kinds: string[], prefix: string): Site[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name: `${prefix}${i}`, category: kinds[i % kinds.length]!, geometry: { type: 'Point', coordinates: place() } }));

const hazards = makeSites(hazardCount, HAZARDS, 'h');
const targets = makeSites(targetCount, TARGETS, 't');
const config = defaultConfig();

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

function bruteForce(hs: Site[], ts: Site[]): number {
  let found = 0;
  for (const h of hs) {
    const rules = hazardRules(h, config.rules);
    for (const t of ts) found += judgePair(h, rules, t, classifyTarget(t), config).violations.length;
  }
  return found;
}

const memBefore = process.memoryUsage().heapUsed;
const [full, indexedMs] = timed(() => checkSetbacks(hazards, targets, config));
const heapMb = (process.memoryUsage().heapUsed - memBefore) / 2 ** 20;
const subH = hazards.slice(0, subset);
const subT = targets.slice(0, subset);
const [subIndexed, subIndexedMs] = timed(() => checkSetbacks(subH, subT, config));
const [subBrute, bruteMs] = timed(() => bruteForce(subH, subT));
if (subBrute !== subIndexed.violations.length) throw new Error(`indexed found ${subIndexed.violations.length}, brute force ${subBrute}`);

const extrapolatedBruteMs = bruteMs * ((hazardCount * targetCount) / (subset * subset));
console.log(`setback search, points in Nanjing's extent, default rules (${config.rules.rules.length}), node ${process.version}`);
console.log(`  indexed  ${hazardCount.toLocaleString()} hazards × ${targetCount.toLocaleString()} targets: ${indexedMs.toFixed(0)} ms, ${full.violations.length} findings, ${full.pairsExamined} pairs measured (${(full.pairsExamined / Math.max(1, full.violations.length)).toFixed(2)} measured per finding), heap +${heapMb.toFixed(0)} MB`);
console.log(`  subset   ${subset} × ${subset}: indexed ${subIndexedMs.toFixed(1)} ms vs brute force ${bruteMs.toFixed(0)} ms → ${(bruteMs / subIndexedMs).toFixed(0)}× faster (same ${subBrute} findings)`);
console.log(`  brute force extrapolated to full size: ${(extrapolatedBruteMs / 1000).toFixed(0)} s → indexed is ${(extrapolatedBruteMs / indexedMs).toFixed(0)}× faster`);
