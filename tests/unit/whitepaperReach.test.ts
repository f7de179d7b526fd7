// The white paper with rescue within reach (issue #21, item 6): F7 (reach bands), F8 (shelters by district), T4
// (uncovered red and orange points), the reach files in the set and in checksums.sha256 — on a hand-made city whose
// minutes and deficits are worked out here by hand (straight-line screening: 4 min dispatch + metres × 1.4 / 500 m a
// minute). Reruns are byte-identical, and inputs without rescue data give the white paper of before, byte for byte.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import { assess, assessReach, DEFAULT_PROFILE, DEFAULT_REACH_PROFILE, type Site, type Zone } from '../../src/engine';
import { whitepaperFilesInNode } from '../../src/cli/writeWhitepaper';
import { buildWhitepaper, fileBytes, type OutputFile, type WhitepaperInput } from '../../src/whitepaper/bundle';
import { cellSetRings } from '../../src/figures/reachMapFigure';
import { shelterCapacityFigure } from '../../src/figures/shelterFigure';
import { createConfig, createSite, createSquareZone } from '../helpers/sites';
import { latitudeNorthOf } from '../helpers/ellipsoid';

const HOSTILE_DISTRICT = '<script>alert(1)</script>区';
const HOSTILE_NAME = '=HYPERLINK("http://evil","x")';
const LON = 118.75;
const LAT = 32.05;
const north = (m: number): [number, number] => [LON, latitudeNorthOf(LAT, m)];
/** screening minutes from the alarm: 1 + 3 min dispatch, then metres × 1.4 detour at 30 km/h (500 m a minute) */
const screeningMinutes = (m: number) => 4 + (m * 1.4) / 500;

function city(): { sites: Site[]; zones: Zone[] } {
  // A (built-up: the 135 circle, 5 min) south of B (suburb: the 15-minute circle); 0.1° squares
  const zones: Zone[] = [
    { ...createSquareZone('A', 118.7, 32.0, 0.1), name: HOSTILE_DISTRICT, areaType: 'built_up' },
    { ...createSquareZone('B', 118.7, 32.1, 0.1), name: '乙区', areaType: 'suburban' },
  ];
  const sites: Site[] = [
    createSite({ id: 'F1', name: '一号消防站', category: 'fire_station', rescueGrade: 'standard1', at: north(0) }),
    createSite({ id: 'S1', name: '近处工地', category: 'construction', likelihood: 5, severity: 5, at: north(200) }), // red, 4.56 min: covered
    createSite({ id: 'S2', name: HOSTILE_NAME, category: 'construction', likelihood: 5, severity: 5, at: north(2000) }), // red, 9.6 min > 5
    createSite({ id: 'S3', name: '乙区工地', category: 'construction', likelihood: 4, severity: 4, at: north(7000) }), // orange in B, 23.6 > 15
    createSite({ id: 'S4', name: '乙区路口', category: 'traffic', likelihood: 2, severity: 3, at: north(6000) }), // yellow: outside, not in T4
    createSite({
      id: 'SH1',
      name: '甲广场',
      category: 'shelter',
      shelterClass: 'emergency',
      users: 1000,
      at: north(-100),
    }),
    createSite({ id: 'R1', name: '甲小区', category: 'residential', users: 1300, at: north(-300) }), // 200 m from SH1: 300 short
    createSite({ id: 'SH2', name: '乙公园', category: 'shelter', shelterClass: 'fixed_short', at: north(8000) }), // capacity unknown
  ];
  return { sites, zones };
}

function input(sites: Site[], zones: Zone[], withReach = true): WhitepaperInput {
  const config = createConfig();
  const assessment = assess({ sites, zones }, config);
  return {
    assessment,
    zonePolygons: zones,
    reports: [],
    digests: [],
    profile: DEFAULT_PROFILE,
    rules: config.rules,
    borderlineToleranceM: config.borderlineToleranceM,
    dataDate: '2026-11-01',
    title: '救援可达测试',
    attribution: '测试数据',
    previous: null,
    ...(withReach
      ? { reach: { result: assessReach({ sites, assessed: assessment.sites, zones }), profile: DEFAULT_REACH_PROFILE } }
      : {}),
  };
}

const text = (files: OutputFile[], path: string): string => {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`${path} missing`);
  return typeof f.data === 'string' ? f.data : new TextDecoder().decode(f.data);
};
const csvRows = (csv: string): string[][] =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
const byHeader = (rows: string[][]) => rows.slice(1).map((r) => Object.fromEntries(rows[0]!.map((h, i) => [h, r[i]!])));

describe('white paper with rescue within reach', () => {
  let files: OutputFile[];
  beforeAll(async () => {
    const { sites, zones } = city();
    files = await whitepaperFilesInNode(input(sites, zones));
  }, 60_000);

  it('adds F7 and F8 (SVG, 300 dpi PNG, CSV), T4 (CSV, XLSX) and the reach files, all listed in checksums.sha256', () => {
    const paths = files.map((f) => f.path);
    for (const f of ['F7-reach-map', 'F8-shelter-capacity'])
      expect(paths).toEqual(expect.arrayContaining([`figures/${f}.svg`, `figures/${f}.png`, `figures/${f}.csv`]));
    expect(paths).toEqual(
      expect.arrayContaining(['tables/T4-uncovered-high-risk.csv', 'tables/T4-uncovered-high-risk.xlsx']),
    );
    const reachFiles = [
      'cover.csv',
      'reach-zones.csv',
      'station-districts.csv',
      'shelters.csv',
      'shelter-zones.csv',
      'reach.json',
    ];
    expect(paths).toEqual(expect.arrayContaining(reachFiles));
    const lines = text(files, 'checksums.sha256').trim().split('\n');
    expect(lines).toHaveLength(files.length - 1);
    for (const line of lines) {
      const [hash, path] = line.split('  ');
      expect(
        createHash('sha256')
          .update(fileBytes(files.find((f) => f.path === path)!))
          .digest('hex'),
        path,
      ).toBe(hash);
    }
    for (const f of reachFiles)
      expect(
        lines.some((l) => l.endsWith(`  ${f}`)),
        f,
      ).toBe(true);
    for (const id of ['F7-reach-map', 'F8-shelter-capacity'])
      expect(PNG.sync.read(Buffer.from(fileBytes(files.find((f) => f.path === `figures/${id}.png`)!))).width, id).toBe(
        1890,
      );
  });

  it('T4 lists the red and orange points outside their circle, red first, with the nearest station and hand-worked minutes', () => {
    const t4 = byHeader(csvRows(text(files, 'tables/T4-uncovered-high-risk.csv')));
    expect(t4.map((r) => r['编号'])).toEqual(['S2', 'S3']); // S1 is covered (4.56 min), S4 is yellow
    expect(t4[0]).toMatchObject({
      风险等级: '重大风险',
      最先到达的救援力量: '一号消防站(F1)',
      适用救援圈: '135快速救援圈',
      '目标时间(分钟)': '5',
      计算方式: '直线初筛',
    });
    expect(t4[1]).toMatchObject({ 风险等级: '较大风险', 适用救援圈: '15分钟快速响应救援圈', '目标时间(分钟)': '15' });
    expect(Number(t4[0]!['到达时间(分钟,自接警起)'])).toBeCloseTo(screeningMinutes(2000), 1);
    expect(Number(t4[1]!['到达时间(分钟,自接警起)'])).toBeCloseTo(screeningMinutes(7000), 1);
    // every row cites its circle's rule, the dispatch delay and the screening
    for (const r of t4)
      expect(r['依据']).toMatch(/自接警起\d+分钟内到达\(城市自定\);出动延时 消防站 接警1\+出动3分钟.*初筛/);
    expect(t4[0]!['名称']).toBe(`'${HOSTILE_NAME}`); // neutralised in the CSV
    // the same rows as cover.csv's high_risk_uncovered
    const cover = Papa.parse<Record<string, string>>(text(files, 'cover.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(
      cover
        .filter((c) => c.high_risk_uncovered === 'true')
        .map((c) => c.site_id)
        .sort(),
    ).toEqual(['S2', 'S3']);
  });

  it('F7 draws the bands, the station and the two uncovered points, labels 初筛, and its CSV adds up to the grid', () => {
    const svg = text(files, 'figures/F7-reach-map.svg');
    expect(XMLValidator.validate(svg)).toBe(true);
    for (const s of [
      '图7 救援力量到达时间分布图(初筛)',
      '初筛:到达时间按直线',
      '2026-11-01',
      '测试数据',
      '消防站(特勤、一级、二级、小型) 1 处',
      '救援圈外的重大/较大风险点 2 个',
      '135救援圈内',
      '15分钟救援圈内',
      '北',
    ])
      expect(svg, s).toContain(s);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg.match(/<circle [^>]*r="3.6"/g)).toHaveLength(2 + 2); // two points, and the legend's red and orange
    const rows = byHeader(csvRows(text(files, 'figures/F7-reach-map.csv')));
    const reachZones = Papa.parse<Record<string, string>>(text(files, 'reach-zones.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r['分区编号'])).toEqual(['A', 'B', '']);
    const bandColumns = Object.keys(rows[0]!).filter((h) => h.endsWith('(km²)') && h !== '面积(km²)');
    expect(bandColumns).toHaveLength(5);
    for (const [i, r] of rows.entries()) {
      const sum = bandColumns.reduce((n, h) => n + Number(r[h]), 0);
      expect(sum, r['分区名称']).toBeCloseTo(Number(r['面积(km²)']), 2); // screening: nothing unreached
      if (i < 2) {
        expect(Number(r['圈内面积占比(%)']) / 100, r['分区编号']).toBeCloseTo(Number(reachZones[i]!.covered_share), 4);
        expect(r['依据']).toContain('初筛');
      }
    }
    // A's covered share is its ≤5 band; B's is everything within 15 minutes
    const a = rows[0]!;
    expect((Number(a['圈内面积占比(%)']) / 100) * Number(a['面积(km²)'])).toBeCloseTo(Number(a[bandColumns[0]!]), 1);
  });

  it('F8: the people of each district against the shelters in it, the deficit worked by hand, no population never sufficient', () => {
    const rows = byHeader(csvRows(text(files, 'figures/F8-shelter-capacity.csv')));
    expect(rows.map((r) => r['区'])).toEqual([HOSTILE_DISTRICT, '乙区']);
    // A: 1 300 residents; the emergency shelter holds 1 000 → 300 without a place; no fixed shelter within 2 km → all 1 300
    expect(rows[0]).toMatchObject({
      '计入的人口(人)': '1300',
      '紧急避难场所(处)': '1',
      '紧急避难场所可容纳(人)': '1000',
      '紧急无避难位置(人)': '300',
      紧急判定: '缺口',
      '固定及中心无避难位置(人)': '1300',
      固定及中心判定: '缺口',
    });
    // B: nobody counted → 无人口数据, its shelter of unknown capacity counted, never added as capacity
    expect(rows[1]).toMatchObject({
      '计入的人口(人)': '无人口数据',
      '固定及中心避难场所(处)': '1',
      '固定及中心避难场所可容纳(人)': '0',
      '固定及中心容量未知(处)': '1',
      固定及中心判定: '无人口数据(不判定是否充足)',
    });
    expect(rows[0]!['依据']).toContain('GB 50413-2007');
    const svg = text(files, 'figures/F8-shelter-capacity.svg');
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toContain('<script');
    for (const s of [
      '图8 各区应急避难场所容量与人口',
      '计入的人口(人)',
      '紧急:缺 300 人',
      '无人口数据,不判定是否充足',
      '容量未知 1 处',
      '固定 2 m²,GB 50413-2007 第8.2.8条)',
      '紧急 500 m、固定 2000 m,GB 50413-2007 第8.2.10条)',
    ])
      expect(svg, s).toContain(s);
  });

  it('the report lists F7, F8 and T4, the reach paragraph, appendix A.6 with its clauses, and what the data lack', () => {
    const html = text(files, 'whitepaper.html');
    for (const id of ['F7-reach-map', 'F8-shelter-capacity']) expect(html).toContain(`<figure id="${id}"`);
    expect(html).toContain('id="T4-uncovered-high-risk"');
    expect(html).toContain('A.6 救援可达与应急避难场所');
    expect(html).toContain('GB 50413-2007《城市抗震防灾规划标准》 第8.2.8条');
    expect(html).toContain('建标152-2017《城市消防站建设标准》 第十四条');
    expect(html).toContain('救援可达(直线距离初筛,未上传路网,须以路网复核)');
    expect(html).toContain('含重大风险点 1 个、较大风险点 1 个(见表4、图7)');
    // F1 (一级站, 7 km² by 建标152-2017 第十四条) reaches every cell of the 0.2° study area first: ≈ 220 km², over its limit
    expect(html).toContain(
      '有辖区的消防站 1 处,辖区面积超过上限(建标152-2017《城市消防站建设标准》 第十四条 消防站的辖区面积)的 1 处',
    );
    expect(html).toContain('1 处避难场所未提供容纳人数或有效避难面积,容量未知');
    const t3 = csvRows(text(files, 'tables/T3-method-data.csv'));
    expect(t3.some((r) => r[0] === '救援可达' && r[1] === '计算方式' && r[2]!.includes('直线距离初筛'))).toBe(true);
  });

  it('writes the same bytes on a second run, with the sites in another order', async () => {
    const { sites, zones } = city();
    const again = await whitepaperFilesInNode(input([...sites].reverse(), zones));
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    for (const f of files)
      expect(
        Buffer.from(fileBytes(f)).equals(Buffer.from(fileBytes(again.find((x) => x.path === f.path)!))),
        f.path,
      ).toBe(true);
  }, 60_000);
});

describe('white paper without rescue data', () => {
  it('is the white paper of before, byte for byte: no reach, or a reach of data holding no resource and no shelter', async () => {
    const { sites, zones } = city();
    const plain = sites.filter((s) => !['fire_station', 'shelter'].includes(s.category));
    const noPng = { render: () => new Uint8Array() };
    const before = await buildWhitepaper(input(plain, zones, false), noPng);
    const empty = await buildWhitepaper(input(plain, zones, true), noPng);
    expect(empty.map((f) => f.path)).toEqual(before.map((f) => f.path));
    for (const f of before)
      expect(
        Buffer.from(fileBytes(f)).equals(Buffer.from(fileBytes(empty.find((x) => x.path === f.path)!))),
        f.path,
      ).toBe(true);
    expect(before.some((f) => /F7|F8|T4|cover\.csv|reach\.json/.test(f.path))).toBe(false);
  }, 60_000);

  it('with shelters but no resource: F7 and T4 are not made and the report says 无救援力量数据', async () => {
    const { sites, zones } = city();
    const files = await buildWhitepaper(
      input(
        sites.filter((s) => s.category !== 'fire_station'),
        zones,
      ),
      { render: () => new Uint8Array() },
    );
    expect(
      files.some((f) => f.path.startsWith('figures/F7') || f.path.startsWith('tables/T4') || f.path === 'cover.csv'),
    ).toBe(false);
    expect(files.some((f) => f.path === 'figures/F8-shelter-capacity.svg' && f.path)).toBe(true);
    const html = text(files, 'whitepaper.html');
    expect(html).toContain('图7 救援力量到达时间分布图:未生成:无救援力量数据');
    expect(html).toContain('不视为已覆盖');
  }, 60_000);
});

describe('F8 with no population at all', () => {
  it('draws no population bar and calls nothing sufficient', () => {
    const { sites, zones } = city();
    const noPeople = sites.filter((s) => s.category !== 'residential');
    const a = assess({ sites: noPeople, zones }, createConfig());
    const r = assessReach({ sites: noPeople, assessed: a.sites, zones });
    const f = shelterCapacityFigure(r.shelters!, zones, DEFAULT_REACH_PROFILE, {
      dataDate: '2026-11-01',
      methodName: 'm',
      attribution: 'x',
    });
    expect(f.svg).toContain('无人口数据:未上传人口网格');
    expect(f.svg).not.toContain('计入的人口(人)');
    expect(f.svg.replace(/是否充足|不视为充足/g, '')).not.toContain('充足'); // said only as what is not judged
    const rows = byHeader(csvRows(f.csv));
    for (const r2 of rows)
      for (const h of ['紧急判定', '固定及中心判定']) expect(r2[h]).toBe('无人口数据(不判定是否充足)');
  });
});

describe('band outlines', () => {
  it('trace a cell set with a hole as an outer ring and a hole, corners only', () => {
    // 3 × 3 ring of cells around an empty centre, plus a lone cell touching it diagonally
    const cols = 5;
    const rows = 4;
    const set = new Uint8Array(cols * rows);
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) if (!(r === 1 && c === 1)) set[r * cols + c] = 1;
    set[3 * cols + 3] = 1;
    const rings = cellSetRings(cols, rows, set);
    const area = (ring: [number, number][]) =>
      ring.reduce((s, [x, y], i) => {
        const [x2, y2] = ring[(i + 1) % ring.length]!;
        return s + x * y2 - x2 * y;
      }, 0) / 2;
    // nonzero fill: outer rings count +1, holes −1 — the signed areas add up to the cells in the set
    expect(rings.reduce((n, r) => n + area(r), 0)).toBe(9);
    expect(rings.map((r) => r.length).sort((a, b) => a - b)).toEqual([4, 4, 4]);
  });
});
