// Builds the demo city's inventory (run: npm run demo:generate; output is committed and reviewed on change).
//
// 1. data/demo/nanjing-osm.geojson — the REAL OpenStreetMap protection targets and the one real fuel station of
//    data/demo/source/, with canonical properties (id, name, category). Nothing about them is invented:
//    sizes (users, beds) and station grade are left empty, so the engine applies its strictest class (从严).
// 2. data/demo/nanjing-sites.fictitious.csv — an INVENTED hazard and risk-point inventory (示例数据,虚构):
//    real hazardous-chemical inventories are not public. Seeded, so every run writes the same bytes.
//    Each district gets a risk profile (the highest level its points may reach) chosen to echo its real land use
//    (六合 and 栖霞 hold Nanjing's chemical industry; 高淳 is rural), so all four colours appear. Hazards are kept
//    far enough from other districts that their footprints colour only their own district. A cluster of invented
//    fuel stations, fireworks shops and a chemical store sits among the real schools and hospitals of the centre
//    so that real setback violations appear; one station is placed 30 m east of 金陵中学 on purpose.
import { readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import {
  bboxOf,
  categoryByCode,
  edgeToEdge,
  geodesicDestination,
  LEVEL_RANK,
  RISK_MATRIX_METHODS,
  type Level,
} from '../src/engine';

const SEED = 20261123;
const rng = xoroshiro128plus(SEED);
const random = (): number => uniformInt(rng, 0, 2 ** 30 - 1) / 2 ** 30;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const int = (lo: number, hi: number): number => uniformInt(rng, lo, hi);

// ---------- 1. real OSM targets ----------
interface OsmProps {
  name?: string;
  amenity?: string;
  building?: string;
  landuse?: string;
  osm_id: string;
}
const osmTargets = JSON.parse(
  readFileSync('data/demo/source/osm_protection_targets.geojson', 'utf8'),
) as FeatureCollection<Geometry, OsmProps> & { metadata: unknown };
const osmHazards = JSON.parse(readFileSync('data/demo/source/osm_hazards.geojson', 'utf8')) as FeatureCollection<
  Geometry,
  OsmProps
>;

function osmCategory(p: OsmProps): { category: string; label: string } {
  const kind = p.amenity ?? p.building ?? p.landuse ?? '';
  if (p.amenity === 'fuel') return { category: 'fuel_station', label: '加油站' };
  if (kind === 'hospital' || kind === 'clinic' || p.building === 'hospital')
    return { category: 'hospital', label: '医院' };
  if (p.landuse === 'residential') return { category: 'residential', label: '居住区' };
  if (kind === 'university') return { category: 'other_target', label: '高等院校' };
  if ((p.name ?? '').includes('幼儿园')) return { category: 'kindergarten', label: '幼儿园' };
  return { category: 'school', label: '学校' };
}

const osmFeatures: Feature[] = [...osmTargets.features, ...osmHazards.features].map((f) => {
  const { category, label } = osmCategory(f.properties);
  return {
    type: 'Feature',
    geometry: f.geometry,
    properties: {
      id: `OSM-${f.properties.osm_id.replace('/', '-')}`,
      name: f.properties.name ?? `未命名${label} (OSM ${f.properties.osm_id})`,
      category,
      source: 'OpenStreetMap',
      osm_id: f.properties.osm_id,
    },
  };
});
osmFeatures.sort((a, b) => (a.properties!.id < b.properties!.id ? -1 : 1));
writeFileSync(
  'data/demo/nanjing-osm.geojson',
  JSON.stringify(
    {
      type: 'FeatureCollection',
      metadata: {
        licence: 'ODbL 1.0 — © OpenStreetMap contributors',
        crs: 'WGS-84',
        source: osmTargets.metadata,
        generatedBy: 'scripts/generateDemo.ts',
      },
      features: osmFeatures,
    } as FeatureCollection & { metadata: unknown },
    null,
    1,
  ) + '\n',
);

// ---------- 2. fictitious inventory ----------
const districts = (
  JSON.parse(readFileSync('data/demo/nanjing-districts.wgs84.geojson', 'utf8')) as FeatureCollection<
    MultiPolygon | Polygon,
    { name: string; adcode: string }
  >
).features;
const matrix = RISK_MATRIX_METHODS.find((m) => m.id === 'matrix-A')!;

interface Profile {
  code: string;
  cap: Level;
  count: number;
  mix: string[];
}
const INDUSTRIAL = [
  'hazchem_production',
  'hazchem_storage',
  'hazchem_storage',
  'hazchem_trade',
  'gas_facility',
  'fuel_station',
  'construction',
  'pipeline',
  'traffic',
];
const URBAN = [
  'fuel_station',
  'fuel_station',
  'gas_station',
  'crowded_place',
  'crowded_place',
  'construction',
  'gas_user',
  'gas_user',
  'traffic',
  'pipeline',
  'fireworks_retail',
  'hazchem_trade',
];
const SUBURBAN = [
  'fuel_station',
  'fuel_station',
  'gas_station',
  'construction',
  'construction',
  'traffic',
  'gas_user',
  'fireworks_retail',
  'hazchem_trade',
  'gas_facility',
  'crowded_place',
];
const RURAL = ['fuel_station', 'traffic', 'traffic', 'construction', 'gas_user', 'fireworks_retail', 'crowded_place'];
const PROFILES: Record<string, Profile> = {
  六合区: { code: 'LH', cap: 'red', count: 44, mix: INDUSTRIAL },
  栖霞区: { code: 'QX', cap: 'red', count: 40, mix: INDUSTRIAL },
  江宁区: { code: 'JN', cap: 'orange', count: 44, mix: SUBURBAN },
  浦口区: { code: 'PK', cap: 'orange', count: 36, mix: SUBURBAN },
  雨花台区: { code: 'YHT', cap: 'orange', count: 30, mix: SUBURBAN },
  鼓楼区: { code: 'GL', cap: 'orange', count: 30, mix: URBAN },
  玄武区: { code: 'XW', cap: 'orange', count: 28, mix: URBAN },
  秦淮区: { code: 'QH', cap: 'orange', count: 30, mix: URBAN },
  建邺区: { code: 'JY', cap: 'yellow', count: 28, mix: URBAN },
  溧水区: { code: 'LS', cap: 'yellow', count: 30, mix: RURAL },
  高淳区: { code: 'GC', cap: 'blue', count: 26, mix: RURAL },
};

const CONTROLS = [
  '双重预防机制运行,隐患排查台账',
  '在线监测预警接入市平台',
  '专人巡查,每日检查记录',
  '应急预案已备案,定期演练',
  '视频监控与可燃气体报警',
];

/** An (L, S) cell whose level is at most `cap`; with `exact`, exactly `cap`. */
function drawScore(cap: Level, exact: boolean): [number, number] {
  for (;;) {
    const l = int(1, 5);
    const s = int(1, 5);
    const level = matrix.cells[l - 1]![s - 1]!;
    if (exact ? level === cap : LEVEL_RANK[level] >= LEVEL_RANK[cap]) return [l, s];
  }
}

function pointInside(zone: Feature<MultiPolygon | Polygon>, clearanceM: number): [number, number] {
  const [w, s, e, n] = bboxOf(zone.geometry);
  for (;;) {
    const p: Geometry = { type: 'Point', coordinates: [w + random() * (e - w), s + random() * (n - s)] };
    if (edgeToEdge(p, zone.geometry).distanceM !== 0) continue;
    const tooClose = districts.some((d) => d !== zone && edgeToEdge(p, d.geometry).distanceM < clearanceM);
    if (!tooClose) return p.coordinates as [number, number];
  }
}

type Row = Record<string, string | number>;
const HEADERS = [
  '编号',
  '名称',
  '类别',
  '经度',
  '纬度',
  '所属区域',
  '行业领域',
  '可能性',
  '严重性',
  '站级',
  '油气回收',
  '外部安全防护距离(m)',
  '责任单位',
  '管控措施',
  '虚构',
];

function makeRow(
  id: string,
  name: string,
  category: string,
  at: [number, number],
  district: string,
  cap: Level,
  exact: boolean,
): Row {
  const def = categoryByCode(category)!;
  const [l, s] = drawScore(cap, exact);
  const row: Row = {
    编号: id,
    名称: name,
    类别: def.zh,
    经度: at[0].toFixed(7),
    纬度: at[1].toFixed(7),
    所属区域: district,
    行业领域: def.domain,
    可能性: l,
    严重性: s,
    站级: '',
    油气回收: '',
    '外部安全防护距离(m)': '',
    责任单位: `${name.replace(/\(虚构\)$/, '')}运营单位(虚构)`,
    管控措施: pick(CONTROLS),
    虚构: '是',
  };
  if (category === 'fuel_station') {
    if (random() < 0.8) row['站级'] = pick(['一级', '二级', '三级']);
    if (random() < 0.8) row['油气回收'] = pick(['无', '卸油', '卸油+加油']);
  }
  if ((category === 'hazchem_production' || category === 'hazchem_storage') && random() < 0.6) {
    row['外部安全防护距离(m)'] = pick([200, 300, 400, 500, 600]);
  }
  return row;
}

const rows: Row[] = [];
for (const zone of districts) {
  const name = zone.properties.name;
  const profile = PROFILES[name];
  if (!profile) throw new Error(`no demo profile for district ${name}`);
  for (let i = 1; i <= profile.count; i++) {
    const category = i === 1 && profile.cap === 'red' ? 'hazchem_storage' : pick(profile.mix);
    const clearance = 800; // beyond every footprint the demo can produce (≤ 600 m assessed distance, 500 m rules)
    const at = pointInside(zone, clearance);
    const id = `DEMO-${profile.code}-${String(i).padStart(3, '0')}`;
    const label = `${name.replace('区', '')}${categoryByCode(category)!.zh.split('/')[0]}${String(i).padStart(2, '0')}(虚构)`;
    rows.push(makeRow(id, label, category, at, name, profile.cap, i === 1));
  }
}

// Central cluster among the real targets (玄武/秦淮/鼓楼), capped at orange like the districts it lies in.
const [cw, cs, ce, cn] = bboxOf({
  type: 'MultiPoint',
  coordinates: osmFeatures.flatMap((f) => [[...bboxOf(f.geometry!).slice(0, 2)], [...bboxOf(f.geometry!).slice(2)]]),
});
const districtOf = (p: [number, number]): string =>
  districts.find((d) => edgeToEdge({ type: 'Point', coordinates: p }, d.geometry).distanceM === 0)?.properties.name ??
  '';
const CLUSTER = [
  'fuel_station',
  'fuel_station',
  'fuel_station',
  'fuel_station',
  'fireworks_retail',
  'fireworks_retail',
  'gas_station',
  'hazchem_storage',
  'crowded_place',
  'construction',
];
for (let i = 1; i <= 20; i++) {
  const category = CLUSTER[(i - 1) % CLUSTER.length]!;
  const at: [number, number] = [cw + random() * (ce - cw), cs + random() * (cn - cs)];
  const district = districtOf(at);
  const row = makeRow(
    `DEMO-CTR-${String(i).padStart(3, '0')}`,
    `城中${categoryByCode(category)!.zh.split('/')[0]}${String(i).padStart(2, '0')}(虚构)`,
    category,
    at,
    district,
    'orange',
    false,
  );
  if (category === 'hazchem_storage') row['外部安全防护距离(m)'] = '';
  rows.push(row);
}
// On purpose: 30 m due east of the easternmost vertex of 金陵中学 (so at most 30 m from the school: < 50 m).
const jinling = osmFeatures.find((f) => f.properties!.name === '金陵中学')!;
const east = bboxOf(jinling.geometry!);
let eastmost: [number, number] = [east[0], east[1]];
(jinling.geometry as Polygon).coordinates[0]!.forEach((c) => {
  if (c[0]! > eastmost[0]) eastmost = [c[0]!, c[1]!];
});
const placed = geodesicDestination(eastmost, 90, 30);
const known = makeRow(
  'DEMO-CTR-KNOWN',
  '金陵中学东侧加油站(虚构)',
  'fuel_station',
  placed,
  districtOf(placed),
  'orange',
  true,
);
known['站级'] = '二级';
known['油气回收'] = '卸油+加油';
rows.push(known);

writeFileSync(
  'data/demo/nanjing-sites.fictitious.csv',
  '\uFEFF' +
    Papa.unparse({ fields: HEADERS, data: rows.map((r) => HEADERS.map((h) => r[h])) }, { newline: '\n' }) +
    '\n',
);
console.log(`wrote ${osmFeatures.length} real OSM sites and ${rows.length} fictitious sites (seed ${SEED})`);
