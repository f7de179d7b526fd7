// Builds data/demo/nanjing-rescue.fictitious.csv (run: npx tsx scripts/generateRescueDemo.ts; output committed):
// an INVENTED set of fire stations, rescue teams and emergency shelters over the demo city (示例数据,虚构), for the
// batch interface's rescue-reach outputs in straight-line screening mode. The repository's OpenStreetMap extract has
// no fire station or shelter, so none is real; every row is marked 虚构. Seeded: every run writes the same bytes.
// Not loaded by the app's demo (its files and figures stay as they are).
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { bboxOf } from '../src/engine';
import { pointInArea } from '../src/engine/geo/pointInArea';
import { readZones } from '../src/io';

const rng = xoroshiro128plus(20261205);
const random = (): number => uniformInt(rng, 0, 2 ** 30 - 1) / 2 ** 30;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const districts = readZones(readFileSync('data/demo/nanjing-districts.wgs84.geojson', 'utf8')).sort((a, b) =>
  a.id < b.id ? -1 : 1,
);

/** A random point inside the district (rejection sampling in its box). */
function pointIn(d: (typeof districts)[number]): [number, number] {
  const [w, s, e, n] = bboxOf(d.geometry);
  const inside = pointInArea(d.geometry);
  for (;;) {
    const p: [number, number] = [w + random() * (e - w), s + random() * (n - s)];
    if (inside(p[0], p[1])) return p;
  }
}

const rows: string[][] = [];
const fixed = (x: number) => x.toFixed(7);
for (const d of districts) {
  const short = d.name.replace(/区$/, '');
  // 2–4 stations a district, one of them 特勤 in every other district; a micro station or a team here and there
  const stations = 2 + Math.floor(random() * 3);
  for (let i = 1; i <= stations; i++) {
    const grade = i === 1 && rows.length % 2 === 0 ? '特勤' : pick(['一级', '一级', '二级', '小型']);
    const [lon, lat] = pointIn(d);
    rows.push([
      `DEMO-XF-${d.id}-${i}`,
      `${short}${grade}消防站${i}(虚构)`,
      '消防站',
      fixed(lon),
      fixed(lat),
      d.name,
      grade,
      '',
      '',
      '',
      '是',
    ]);
  }
  if (random() < 0.6) {
    const [lon, lat] = pointIn(d);
    rows.push([
      `DEMO-WX-${d.id}`,
      `${short}社区微型消防站(虚构)`,
      '微型消防站',
      fixed(lon),
      fixed(lat),
      d.name,
      '微型',
      '',
      '',
      '',
      '是',
    ]);
  }
  if (random() < 0.4) {
    const [lon, lat] = pointIn(d);
    rows.push([
      `DEMO-JY-${d.id}`,
      `${short}企业救援队(虚构)`,
      '企业救援队',
      fixed(lon),
      fixed(lat),
      d.name,
      '企业',
      '',
      '',
      '',
      '是',
    ]);
  }
  // 3–6 shelters: parks and squares (紧急), school grounds and stadiums (固定), one 中心 in a few districts
  const shelters = 3 + Math.floor(random() * 4);
  for (let i = 1; i <= shelters; i++) {
    const cls = i === 1 && random() < 0.3 ? '中心' : pick(['紧急', '紧急', '短期固定', '中期固定', '长期固定']);
    const area = Math.round((cls === '紧急' ? 2_000 + random() * 20_000 : 10_000 + random() * 150_000) / 100) * 100;
    const [lon, lat] = pointIn(d);
    rows.push([
      `DEMO-BN-${d.id}-${i}`,
      `${short}${cls}避难场所${i}(虚构)`,
      '应急避难场所',
      fixed(lon),
      fixed(lat),
      d.name,
      '',
      cls,
      String(area),
      '',
      '是',
    ]);
  }
}
const header = [
  '编号',
  '名称',
  '类别',
  '经度',
  '纬度',
  '所属区域',
  '站级',
  '避难场所类别',
  '有效避难面积',
  '容纳人数',
  '虚构',
];
writeFileSync(
  'data/demo/nanjing-rescue.fictitious.csv',
  '\uFEFF' + Papa.unparse([header, ...rows], { newline: '\n' }) + '\n',
);
console.log(`wrote data/demo/nanjing-rescue.fictitious.csv (${rows.length} rows)`);
