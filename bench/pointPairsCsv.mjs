// N hazards + N targets as points over Nanjing's extent (≈ 80 km × 150 km), seeded (mulberry32), one CSV with
// Chinese headers: the file bench:postgis and the million-site CLI runs read.
// Usage: [MIX=uniform|city-like] [EXTENT=nanjing|jiangsu] node bench/pointPairsCsv.mjs N FILE
// EXTENT: a million sites over one city is far denser than any real inventory (each chemical store then has ~130
// sites within its 500 m screening radius); a province-wide office's million spread over Jiangsu (≈ 5.6° × 4.4°).
// Mixes as bench/setback.bench.ts: "uniform" (a quarter each; a stress case, a quarter of the hazards are chemical
// stores without an assessed distance, each screened 500 m round) and "city-like" (shares closer to a real inventory).
import { createWriteStream } from 'node:fs';

const MIXES = {
  uniform: {
    hazards: [
      ['加油站', 0.25],
      ['烟花爆竹零售点', 0.25],
      ['加气站', 0.25],
      ['危险化学品仓库', 0.25],
    ],
    targets: [
      ['学校', 0.25],
      ['医院', 0.25],
      ['居住区', 0.25],
      ['幼儿园', 0.25],
    ],
  },
  'city-like': {
    hazards: [
      ['加油站', 0.6],
      ['烟花爆竹零售点', 0.2],
      ['加气站', 0.15],
      ['危险化学品仓库', 0.05],
    ],
    targets: [
      ['居住区', 0.55],
      ['学校', 0.15],
      ['幼儿园', 0.1],
      ['医院', 0.1],
      ['商场', 0.099],
      ['饮用水源', 0.001],
    ],
  },
};
const EXTENTS = { nanjing: [118.36, 31.23, 0.88, 1.39], jiangsu: [116.3, 30.7, 5.6, 4.4] };
const [west, south, width, height] = EXTENTS[process.env.EXTENT ?? 'nanjing'];
const n = Number(process.argv[2]);
const out = createWriteStream(process.argv[3]);
const mixName = process.env.MIX ?? 'uniform';
const mix = MIXES[mixName];
let s = 42;
const rnd = () => {
  s = (s + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
// the k-th of n sites takes the category whose cumulative share first exceeds k / n (the mix exactly, in blocks)
const categoryAt = (shares, k) => {
  let edge = 0;
  for (const [category, share] of shares) if (k < n * (edge += share)) return category;
  return shares[shares.length - 1][0];
};
out.write('编号,名称,类别,经度,纬度\n');
let lines = [];
for (let i = 0; i < 2 * n; i++) {
  const hazard = i % 2 === 0;
  const k = i >> 1;
  // uniform interleaves its four kinds (as first generated, so earlier files stay reproducible); city-like goes in blocks
  const category =
    mixName === 'uniform'
      ? (hazard ? mix.hazards : mix.targets)[k % 4][0]
      : categoryAt(hazard ? mix.hazards : mix.targets, k);
  lines.push(
    `${hazard ? 'H' : 'T'}${k},点${i},${category},${(west + rnd() * width).toFixed(6)},${(south + rnd() * height).toFixed(6)}`,
  );
  if (lines.length === 10_000) {
    out.write(lines.join('\n') + '\n');
    lines = [];
  }
}
out.write(lines.join('\n') + (lines.length ? '\n' : ''));
out.end();
