// N hazard + N target polygons (20-gons of 15–60 m radius: a forecourt, a school block) over Nanjing's extent
// (≈ 80 km × 150 km), seeded (mulberry32), as one GeoJSON FeatureCollection: the polygon file of
// bench:postgis-engine. Hazards a fifth each 加油站 ×2, 烟花爆竹零售点, 加气站, 危险化学品储存设施; targets 居住区 ×2,
// 中小学, 医院, 幼儿园 (as bench/setbackPolygons.bench.ts).
// Usage: node bench/polygonPairsGeojson.mjs N FILE
import { createWriteStream } from 'node:fs';

const [west, south, width, height] = [118.36, 31.23, 0.88, 1.39];
const n = Number(process.argv[2]);
const out = createWriteStream(process.argv[3]);
const HAZARDS = ['fuel_station', 'fuel_station', 'fireworks_retail', 'gas_station', 'hazchem_storage'];
const TARGETS = ['residential', 'residential', 'school', 'hospital', 'kindergarten'];
const VERTICES = 20;
let s = 7;
const rnd = () => {
  s = (s + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
function ring() {
  const [cx, cy] = [west + rnd() * width, south + rnd() * height];
  const r = 15 + rnd() * 45;
  const points = Array.from({ length: VERTICES }, (_, k) => {
    const a = (2 * Math.PI * k) / VERTICES;
    const rr = r * (0.7 + 0.3 * rnd());
    return [+(cx + (rr * Math.cos(a)) / 94_500).toFixed(7), +(cy + (rr * Math.sin(a)) / 110_900).toFixed(7)];
  });
  points.push(points[0]);
  return points;
}
out.write('{"type":"FeatureCollection","features":[\n');
let lines = [];
for (let i = 0; i < 2 * n; i++) {
  const hazard = i % 2 === 0;
  const k = i >> 1;
  const category = (hazard ? HAZARDS : TARGETS)[k % 5];
  const feature = {
    type: 'Feature',
    properties: { id: `${hazard ? 'H' : 'T'}${k}`, name: `面${i}`, category },
    geometry: { type: 'Polygon', coordinates: [ring()] },
  };
  lines.push(JSON.stringify(feature));
  if (lines.length === 5_000) {
    out.write(lines.join(',\n') + (i < 2 * n - 1 ? ',\n' : '\n'));
    lines = [];
  }
}
if (lines.length) out.write(lines.join(',\n') + '\n');
out.write(']}\n');
out.end();
