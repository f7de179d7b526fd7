// Setback search over polygons: 10 000 hazard polygons × 10 000 target polygons of 20 vertices each, indexed,
// against brute force on a subset measured in the same run. Usage: npm run bench:polygons -- [n] [bruteSubset]
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Polygon } from 'geojson';
import { checkSetbacks, classifyTarget, defaultConfig, hazardRules, judgePair, type Site } from '../src/engine';
import { medianOfThree } from './timing';

const [n = 10_000, subset = 1_000] = process.argv.slice(2).map(Number);
const VERTICES = 20;
const rng = xoroshiro128plus(7);
const random = () => uniformInt(rng, 0, 2 ** 30 - 1) / 2 ** 30;

/** A 20-gon of 15–60 m radius (a station forecourt, a school block) somewhere in central Nanjing (≈ 20 × 20 km). */
function polygon(): Polygon {
  const [cx, cy] = [118.7 + random() * 0.2, 31.95 + random() * 0.18];
  const r = 15 + random() * 45;
  const ring = Array.from({ length: VERTICES }, (_, k) => {
    const a = (2 * Math.PI * k) / VERTICES;
    const rr = r * (0.7 + 0.3 * random());
    return [cx + (rr * Math.cos(a)) / 94_500, cy + (rr * Math.sin(a)) / 110_900];
  });
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}
const HAZARDS = ['fuel_station', 'fuel_station', 'fireworks_retail', 'gas_station', 'hazchem_storage'];
const TARGETS = ['residential', 'residential', 'school', 'hospital', 'kindergarten'];
const hazards: Site[] = Array.from({ length: n }, (_, i) => ({
  id: `h${i}`,
  name: '',
  category: HAZARDS[i % 5]!,
  geometry: polygon(),
}));
const targets: Site[] = Array.from({ length: n }, (_, i) => ({
  id: `t${i}`,
  name: '',
  category: TARGETS[i % 5]!,
  geometry: polygon(),
}));
const config = defaultConfig();

const { result: full, ms: indexedMs } = medianOfThree(() => checkSetbacks(hazards, targets, config));
const subH = hazards.slice(0, subset);
const subT = targets.slice(0, subset);
const { result: subIndexed, ms: subIndexedMs } = medianOfThree(() => checkSetbacks(subH, subT, config));
const t2 = performance.now();
let brute = 0;
for (const h of subH) {
  const rules = hazardRules(h, config.rules);
  for (const t of subT) brute += judgePair(h, rules, t, classifyTarget(t), config).length;
}
const bruteMs = performance.now() - t2;
if (brute !== subIndexed.findings.length)
  throw new Error(`indexed found ${subIndexed.findings.length}, brute force ${brute}`);
console.log(
  `setback search over polygons (${VERTICES} vertices, 15–60 m radius) in a 20 × 20 km centre, node ${process.version}`,
);
console.log(
  `  indexed  ${n.toLocaleString()} × ${n.toLocaleString()}: ${indexedMs.toFixed(0)} ms (median of 3), ${full.findings.length} findings, ${full.pairsExamined} candidate pairs (${(full.pairsExamined / Math.max(1, full.findings.length)).toFixed(2)} per finding)`,
);
console.log(
  `  subset   ${subset} × ${subset}: indexed ${subIndexedMs.toFixed(1)} ms vs brute force ${bruteMs.toFixed(0)} ms → ${(bruteMs / subIndexedMs).toFixed(0)}× faster (same ${brute} findings)`,
);
console.log(
  `  brute force extrapolated to full size: ${((bruteMs * (n / subset) ** 2) / 1000).toFixed(0)} s → indexed is ${((bruteMs * (n / subset) ** 2) / indexedMs).toFixed(0)}× faster`,
);
