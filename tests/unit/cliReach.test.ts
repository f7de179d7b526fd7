// assess with rescue resources, shelters, --roads and --population: the new files and their contract columns, and
// nothing new written when the inputs hold none of them.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runAssess } from '../../src/cli/runAssess';
import { latitudeNorthOf, parallelArcMeters } from '../helpers/ellipsoid';

const LON = 118.78;
const LAT = 32.04;
const parallelM = parallelArcMeters;
const latB = latitudeNorthOf(LAT, 1000);
const dLon = 1000 / parallelM(LAT, 1);
const A = [LON, LAT];
const B = [LON, latB];
const C = [LON + dLon, LAT];
const D = [LON + dLon, latB];
const BD = parallelM(latB, dLon);

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'usrm-reach-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const csv = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
const zoneFile = (areaType: string) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'z1', name: '示例区', 区域类型: areaType },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [LON - 0.05, LAT - 0.05],
              [LON + 0.05, LAT - 0.05],
              [LON + 0.05, LAT + 0.05],
              [LON - 0.05, LAT + 0.05],
              [LON - 0.05, LAT - 0.05],
            ],
          ],
        },
      },
    ],
  });
const line = (coords: number[][], props: Record<string, unknown>) => ({
  type: 'Feature',
  properties: props,
  geometry: { type: 'LineString', coordinates: coords },
});
// the 4-node block of the engine test; A–B drawn A → B but one-way against it (oneway=-1: only B → A)
const roads = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    line([A, B], { highway: 'primary', maxspeed: '36', oneway: '-1' }),
    line([B, D], { highway: 'primary', maxspeed: '36' }),
    line([A, C], { highway: 'residential', maxspeed: '18' }),
    line([C, D], { highway: 'primary', maxspeed: '36' }),
    line([A, D], { highway: 'footway' }), // a diagonal path fire engines cannot use
  ],
});
const at = (northM: number) => `${LON},${latitudeNorthOf(LAT, northM)}`;
const SITES = [
  '编号,名称,类别,经度,纬度,站级,容纳人数,可能性,严重性',
  `F1,一号站,一级消防站,${A.join(',')},,,,`,
  `M1,社区站,微型消防站,${LON - 0.04},${LAT - 0.04},,,,`,
  `S1,示例学校,学校,${B.join(',')},,,,`,
  `H1,示例加油站,加油站,${D.join(',')},二级,,5,5`,
  `SH1,示例广场,紧急避难场所,${at(0)},,1000,,`,
  `R1,甲小区,居住区,${at(200)},,800,,`,
  `R2,乙小区,居住区,${at(-450)},,500,,`,
].join('\n');

describe('assess: rescue within reach (cover.csv, shelters.csv)', () => {
  it('on a road network: the one-way detour, the 15-minute circle of a suburb, shelter deficit 300', async () => {
    const dir = folder({ 'sites.csv': SITES, 'zones.geojson': zoneFile('郊区'), 'roads.geojson': roads });
    const out = join(dir, 'out');
    const { message } = await runAssess({
      sites: [join(dir, 'sites.csv')],
      zones: join(dir, 'zones.geojson'),
      roads: join(dir, 'roads.geojson'),
      crs: 'wgs84',
      out,
    });
    expect(message).toContain('rescue reach');
    const cover = csv(join(out, 'cover.csv'));
    expect(cover.meta.fields!.slice(0, 6)).toEqual([
      'site_id',
      'nearest_resource_id',
      'minutes',
      'circle',
      'status',
      'mode',
    ]);
    const byId = Object.fromEntries(cover.data.map((r) => [r.site_id, r]));
    expect(Object.keys(byId).sort()).toEqual(['H1', 'R1', 'R2', 'S1']); // targets and the scored petrol station; no rescue kinds
    // S1 at B: the one-way A–B forbids A → B, so F1 drives A → C (200 s) → D (100 s) → B (BD/10 s), after 4 minutes
    expect(Number(byId.S1!.minutes)).toBeCloseTo(4 + (300 + BD / 10) / 60, 2);
    expect(byId.S1).toMatchObject({ nearest_resource_id: 'F1', circle: '15min', status: 'covered', mode: 'network' });
    expect(Number(byId.H1!.minutes)).toBeCloseTo(4 + 300 / 60, 2);
    expect(byId.H1).toMatchObject({ level: 'red', high_risk_uncovered: 'false' });

    const shelters = csv(join(out, 'shelters.csv'));
    expect(shelters.meta.fields!.slice(0, 5)).toEqual(['shelter_id', 'class', 'capacity', 'population', 'deficit']);
    expect(shelters.data[0]).toMatchObject({
      shelter_id: 'SH1',
      class: 'emergency',
      capacity: '1000',
      population: '1300',
      deficit: '300',
      capacity_source: 'given',
    });

    const stations = csv(join(out, 'station-districts.csv'));
    expect(stations.data.map((r) => [r.station_id, r.grade])).toEqual([['F1', 'standard1']]); // the micro station has no district
    const zones = csv(join(out, 'reach-zones.csv'));
    expect(zones.meta.fields!.slice(0, 7)).toEqual([
      'zone_id',
      'zone_name',
      'circle',
      'target_minutes',
      'covered_share',
      'median_minutes',
      'max_minutes',
    ]);
    expect(zones.data[0]).toMatchObject({ zone_id: 'z1', circle: '15min', mode: 'network' });
    const summary = JSON.parse(readFileSync(join(out, 'reach.json'), 'utf8'));
    expect(summary).toMatchObject({ mode: 'network', resources: 2, road_network: { edges: 7, skipped_lines: 1 } });
    // the road file is an input like the others: listed with its digest
    expect(
      JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).inputs.map((i: { file: string }) => i.file),
    ).toContain('roads.geojson');
  });

  it('reruns, and a site file in another row order, write byte-identical reach files', async () => {
    const lines = SITES.split('\n');
    const shuffled = [lines[0], ...lines.slice(1).reverse()].join('\n');
    const dir = folder({
      'a.csv': SITES,
      'b.csv': shuffled,
      'zones.geojson': zoneFile('郊区'),
      'roads.geojson': roads,
    });
    const files = [
      'cover.csv',
      'reach-zones.csv',
      'station-districts.csv',
      'shelters.csv',
      'shelter-zones.csv',
      'reach.json',
    ];
    for (const [input, out] of [
      ['a.csv', 'o1'],
      ['a.csv', 'o2'],
      ['b.csv', 'o3'],
    ] as const) {
      await runAssess({
        sites: [join(dir, input)],
        zones: join(dir, 'zones.geojson'),
        roads: join(dir, 'roads.geojson'),
        crs: 'wgs84',
        out: join(dir, out),
      });
    }
    for (const f of files) {
      const first = readFileSync(join(dir, 'o1', f));
      expect(readFileSync(join(dir, 'o2', f)).equals(first), f).toBe(true);
      expect(readFileSync(join(dir, 'o3', f)).equals(first), f).toBe(true);
    }
  });

  it('without a road network: straight-line screening, labelled so in every row', async () => {
    const dir = folder({ 'sites.csv': SITES, 'zones.geojson': zoneFile('建成区') });
    const out = join(dir, 'out');
    await runAssess({ sites: [join(dir, 'sites.csv')], zones: join(dir, 'zones.geojson'), crs: 'wgs84', out });
    const cover = csv(join(out, 'cover.csv'));
    for (const r of cover.data) {
      expect(r.mode).toBe('screening');
      expect(r.note).toContain('初筛');
      expect(r.circle).toBe('135');
    }
    // H1 at D: 1 414 m from F1 (the diagonal of the 1 km block, ≈ √2 km) → 4 + 1414 × 1.4 / 500 ≈ 7.96 min > 5: outside the 135 circle
    const h1 = cover.data.find((r) => r.site_id === 'H1')!;
    expect(h1).toMatchObject({ status: 'uncovered', high_risk_uncovered: 'true' });
    expect(Number(h1.minutes)).toBeCloseTo(4 + (Math.hypot(1000, 1000) * 1.4) / 500, 1);
  });

  it('--population: the grid replaces the compounds, and deficits are written per cell', async () => {
    const cell = (id: string, northM: number, population: number) => {
      const lat = latitudeNorthOf(LAT, northM);
      return {
        type: 'Feature',
        properties: { id, 人口: population },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [LON - 0.0005, lat - 0.0004],
              [LON + 0.0005, lat - 0.0004],
              [LON + 0.0005, lat + 0.0004],
              [LON - 0.0005, lat + 0.0004],
              [LON - 0.0005, lat - 0.0004],
            ],
          ],
        },
      };
    };
    const grid = JSON.stringify({
      type: 'FeatureCollection',
      features: [cell('g1', 300, 900), cell('g2', -300, 600), cell('g3', 800, 50)],
    });
    const dir = folder({ 'sites.csv': SITES, 'zones.geojson': zoneFile('郊区'), 'pop.geojson': grid });
    const out = join(dir, 'out');
    await runAssess({
      sites: [join(dir, 'sites.csv')],
      zones: join(dir, 'zones.geojson'),
      population: join(dir, 'pop.geojson'),
      crs: 'wgs84',
      out,
    });
    // the shelter for 1 000 now serves g1 and g2 (1 500): 500 short, shared 300 / 200; g3 (800 m) is beyond 500 m
    expect(csv(join(out, 'shelters.csv')).data[0]).toMatchObject({ population: '1500', deficit: '500' });
    const cells = csv(join(out, 'shelter-cells.csv'));
    expect(cells.meta.fields).toEqual([
      'cell_id',
      'tier',
      'population',
      'shelter_id',
      'distance_m',
      'without_place',
      'walk_minutes',
    ]);
    expect(cells.data.map((r) => [r.cell_id, r.shelter_id, r.without_place])).toEqual([
      ['g1', 'SH1', '300'],
      ['g2', 'SH1', '200'],
      ['g3', '', '50'],
    ]);
  });

  it('--reach-profile: a city’s own screening speed changes the minutes; a bad profile is an input error', async () => {
    const profile = JSON.parse(readFileSync('data/rules/reach-profile.json', 'utf8'));
    profile.screening.speedKmh = 60; // 1 000 m a minute
    const dir = folder({
      'sites.csv': SITES,
      'zones.geojson': zoneFile('郊区'),
      'reach.json': JSON.stringify(profile),
    });
    const out = join(dir, 'out');
    await runAssess({
      sites: [join(dir, 'sites.csv')],
      zones: join(dir, 'zones.geojson'),
      reachProfile: join(dir, 'reach.json'),
      crs: 'wgs84',
      out,
    });
    const h1 = csv(join(out, 'cover.csv')).data.find((r) => r.site_id === 'H1')!;
    expect(Number(h1.minutes)).toBeCloseTo(4 + (Math.hypot(1000, 1000) * 1.4) / 1000, 1);
    profile.screening.detourFactor = 0.5;
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(profile));
    await expect(
      runAssess({ sites: [join(dir, 'sites.csv')], reachProfile: join(dir, 'bad.json'), crs: 'wgs84', out }),
    ).rejects.toThrow(/reach profile screening\.detourFactor/);
  });

  it('no rescue resources and no shelters: no new files, and the five contract files as before', async () => {
    const dir = folder({
      'sites.csv': ['编号,名称,类别,经度,纬度', `S1,示例学校,学校,${B.join(',')}`].join('\n'),
      'zones.geojson': zoneFile('建成区'),
    });
    const out = join(dir, 'out');
    const { message } = await runAssess({
      sites: [join(dir, 'sites.csv')],
      zones: join(dir, 'zones.geojson'),
      crs: 'wgs84',
      out,
    });
    for (const f of [
      'cover.csv',
      'reach-zones.csv',
      'shelters.csv',
      'station-districts.csv',
      'shelter-zones.csv',
      'reach.json',
    ])
      expect(existsSync(join(out, f))).toBe(false);
    for (const f of ['import-report.json', 'sites.csv', 'zones.geojson', 'violations.csv', 'summary.json'])
      expect(existsSync(join(out, f))).toBe(true);
    expect(message).not.toContain('rescue reach');
  });

  it('a road file but no rescue resources: says 无救援力量数据, writes no cover.csv', async () => {
    const dir = folder({
      'sites.csv': ['编号,名称,类别,经度,纬度', `S1,示例学校,学校,${B.join(',')}`].join('\n'),
      'zones.geojson': zoneFile('建成区'),
      'roads.geojson': roads,
    });
    const out = join(dir, 'out');
    const { message } = await runAssess({
      sites: [join(dir, 'sites.csv')],
      zones: join(dir, 'zones.geojson'),
      roads: join(dir, 'roads.geojson'),
      crs: 'wgs84',
      out,
    });
    expect(message).toContain('无救援力量数据');
    expect(existsSync(join(out, 'cover.csv'))).toBe(false);
  });
});

describe('whitepaper with rescue resources and shelters', () => {
  it('writes the reach files once, as assess does, lists them in checksums.sha256, and adds F7, F8 and T4', {
    timeout: 60_000,
  }, async () => {
    const dir = folder({ 'sites.csv': SITES, 'zones.geojson': zoneFile('郊区'), 'roads.geojson': roads });
    const args = {
      sites: [join(dir, 'sites.csv')],
      zones: join(dir, 'zones.geojson'),
      roads: join(dir, 'roads.geojson'),
      crs: 'wgs84',
    };
    await runAssess({ ...args, out: join(dir, 'assess') });
    const { message } = await runAssess({ ...args, whitepaper: true, out: join(dir, 'wp') });
    expect(message).toContain('rescue reach');
    const sums = new Map(
      readFileSync(join(dir, 'wp', 'checksums.sha256'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => [l.split('  ')[1]!, l.split('  ')[0]!]),
    );
    for (const f of [
      'cover.csv',
      'reach-zones.csv',
      'station-districts.csv',
      'shelters.csv',
      'shelter-zones.csv',
      'reach.json',
    ]) {
      expect(readFileSync(join(dir, 'wp', f)).equals(readFileSync(join(dir, 'assess', f))), f).toBe(true);
      expect(sums.get(f), f).toBe(
        createHash('sha256')
          .update(readFileSync(join(dir, 'wp', f)))
          .digest('hex'),
      );
    }
    for (const f of [
      'figures/F7-reach-map.svg',
      'figures/F7-reach-map.png',
      'figures/F7-reach-map.csv',
      'figures/F8-shelter-capacity.svg',
      'tables/T4-uncovered-high-risk.csv',
    ]) {
      expect(existsSync(join(dir, 'wp', f)), f).toBe(true);
      expect(sums.has(f), f).toBe(true);
    }
    // on the road network: F7 is not a screening, and says so nowhere
    expect(readFileSync(join(dir, 'wp', 'figures', 'F7-reach-map.svg'), 'utf8')).not.toContain('初筛');
    expect(readFileSync(join(dir, 'wp', 'figures', 'F7-reach-map.csv'), 'utf8')).toContain(',路网,');
  });
});

describe('the demo city with its fictitious rescue file (screening, no road network)', () => {
  it('writes the reach files, states what the data lack, and leaves the five contract files as the demo alone writes them', async () => {
    const demo = {
      sites: ['data/demo/nanjing-sites.fictitious.csv', 'data/demo/nanjing-osm.geojson'],
      zones: 'data/demo/nanjing-districts.wgs84.geojson',
      crs: 'wgs84',
    };
    const base = mkdtempSync(join(tmpdir(), 'usrm-reach-demo-'));
    await runAssess({ ...demo, out: join(base, 'plain') });
    const { message } = await runAssess({
      ...demo,
      sites: [...demo.sites, 'data/demo/nanjing-rescue.fictitious.csv'],
      out: join(base, 'rescue'),
    });
    const cover = csv(join(base, 'rescue', 'cover.csv')).data;
    const sites = csv(join(base, 'plain', 'sites.csv')).data;
    // one row per scored risk site and per protection target of the demo
    expect(cover.length).toBe(sites.filter((s) => s.role === 'target' || s.level !== '').length);
    expect(new Set(cover.map((r) => r.mode))).toEqual(new Set(['screening']));
    // the districts carry no 区域类型: every row is held to the stricter 135 circle and says so
    expect(new Set(cover.map((r) => r.circle))).toEqual(new Set(['135']));
    // the demo's compounds carry no residents: shelters are neither short nor enough
    expect(message).toContain('无人口数据');
    for (const s of csv(join(base, 'rescue', 'shelters.csv')).data) expect([s.population, s.deficit]).toEqual(['', '']);
    // the hazards' violations do not change with rescue sites added
    expect(readFileSync(join(base, 'rescue', 'violations.csv'), 'utf8')).toBe(
      readFileSync(join(base, 'plain', 'violations.csv'), 'utf8'),
    );
  });
});
