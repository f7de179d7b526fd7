// Setback search: indexed (flatbush prefilter + exact geodesic edge-to-edge) vs brute force (every pair judged),
// both in this process on the same seeded data. Usage: npm run bench -- [hazards] [targets] [bruteSubset]
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { checkSetbacks, classifyTarget, defaultConfig, hazardRules, judgePair, type Site } from '../src/engine';
import { medianOfThree } from './timing';

const [hazardCount = 100_000, targetCount = 100_000, subset = 2_000] = process.argv.slice(2).map(Number);
const rng = xoroshiro128plus(42);
const random = () => uniformInt(rng, 0, 2 ** 30 - 1) / 2 ** 30;
// Nanjing's extent, ≈ 80 km × 150 km
const place = (): [number, number] => [118.36 + random() * 0.88, 31.23 + random() * 1.39];
// Two hazard mixes: "uniform" (a quarter each, a stress case: 25 000 chemical stores without an assessed distance,
// each screened 500 m round for not_assessed findings) and "city-like" (shares closer to a real inventory).
const MIXES: Record<string, [string, number][]> = {
  uniform: [
    ['fuel_station', 0.25],
    ['fireworks_retail', 0.25],
    ['gas_station', 0.25],
    ['hazchem_storage', 0.25],
  ],
  'city-like': [
    ['fuel_station', 0.6],
    ['fireworks_retail', 0.2],
    ['gas_station', 0.15],
    ['hazchem_storage', 0.05],
  ],
};
const TARGET_MIXES: Record<string, [string, number][]> = {
  uniform: [
    ['school', 0.2],
    ['hospital', 0.2],
    ['residential', 0.2],
    ['kindergarten', 0.2],
    ['water_source', 0.2],
  ],
  'city-like': [
    ['residential', 0.55],
    ['school', 0.15],
    ['kindergarten', 0.1],
    ['hospital', 0.1],
    ['commercial', 0.099],
    ['water_source', 0.001],
  ],
};
const mixName = process.env.MIX ?? 'uniform';
const mix = MIXES[mixName]!;
const targetMix = TARGET_MIXES[mixName]!;
const categoryAt = (shares: [string, number][], i: number, n: number): string => {
  let edge = 0;
  for (const [category, share] of shares) if (i < n * (edge += share)) return category;
  return shares[shares.length - 1]![0];
};
const makeSites = (n: number, category: (i: number) => string, prefix: string): Site[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i}`,
    name: `${prefix}${i}`,
    category: category(i),
    geometry: { type: 'Point', coordinates: place() },
  }));

const hazards = makeSites(hazardCount, (i) => categoryAt(mix, i, hazardCount), 'h');
const targets = makeSites(targetCount, (i) => categoryAt(targetMix, i, targetCount), 't');
// subsets must keep the mix: take every k-th site
const every = <T>(xs: T[], n: number): T[] =>
  xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0).slice(0, n);
const config = defaultConfig();

function bruteForce(hs: Site[], ts: Site[]): number {
  let found = 0;
  for (const h of hs) {
    const rules = hazardRules(h, config.rules);
    for (const t of ts) found += judgePair(h, rules, t, classifyTarget(t), config).length;
  }
  return found;
}

const { result: full, ms: indexedMs } = medianOfThree(() => checkSetbacks(hazards, targets, config));
const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
const subH = every(hazards, subset);
const subT = every(targets, subset);
const { result: subIndexed, ms: subIndexedMs } = medianOfThree(() => checkSetbacks(subH, subT, config));
const t0 = performance.now();
const subBrute = bruteForce(subH, subT);
const bruteMs = performance.now() - t0;
if (subBrute !== subIndexed.findings.length)
  throw new Error(`indexed found ${subIndexed.findings.length}, brute force ${subBrute}`);

const extrapolatedBruteMs = bruteMs * ((hazardCount * targetCount) / (subset * subset));
console.log(
  `setback search, points in Nanjing's extent (≈ 80 × 150 km), default rules (${config.rules.rules.length}), mix "${mixName}": hazards ${mix.map(([c, s]) => `${c} ${+(s * 100).toFixed(1)}%`).join(', ')}; targets ${targetMix.map(([c, s]) => `${c} ${+(s * 100).toFixed(1)}%`).join(', ')}; node ${process.version}`,
);
console.log(
  `  indexed  ${hazardCount.toLocaleString()} hazards × ${targetCount.toLocaleString()} targets: ${indexedMs.toFixed(0)} ms (median of 3), ${full.findings.length} findings, ${full.pairsExamined} candidate pairs from the index (${(full.pairsExamined / Math.max(1, full.findings.length)).toFixed(2)} candidates per finding), heap ${heapMb.toFixed(0)} MB after the runs`,
);
console.log(
  `  subset   ${subset} × ${subset}: indexed ${subIndexedMs.toFixed(1)} ms vs brute force ${bruteMs.toFixed(0)} ms → ${(bruteMs / subIndexedMs).toFixed(0)}× faster (same ${subBrute} findings)`,
);
console.log(
  `  brute force extrapolated to full size: ${(extrapolatedBruteMs / 1000).toFixed(0)} s → indexed is ${(extrapolatedBruteMs / indexedMs).toFixed(0)}× faster`,
);
