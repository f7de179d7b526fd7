// The white-paper set built in Node from a small hand-made city: every figure and table checked against numbers
// known independently of the code that drew them, hostile names inert everywhere, and reruns byte-identical.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import ExcelJS from 'exceljs';
import { assess, DEFAULT_PROFILE, LEVEL_ZH, LEVELS, type Assessment, type Site } from '../../src/engine';
import type { ImportFileReport } from '../../src/io';
import { escapeXml } from '../../src/io/escapeXml';
import { readPreviousSummary, SummaryFileError } from '../../src/io/previousSummary';
import { whitepaperFilesInNode } from '../../src/cli/writeWhitepaper';
import { fileBytes, type OutputFile, type WhitepaperInput } from '../../src/whitepaper/bundle';
import { LEVEL_FILL } from '../../src/figures/palette';
import { createConfig, createSite, createSquareZone } from '../helpers/sites';

const HOSTILE_DISTRICT = '<script>alert(1)</script>区';
const HOSTILE_NAME = '=HYPERLINK("http://evil","x")';
const ATTRIBUTION = '测试数据 © 本项目';
const DATA_DATE = '2026-11-01';
// metres per degree of longitude east-west at 30 m: the school stands 30 m east of the station
const M_PER_DEG_LON_32_1 =
  (Math.PI / 180) *
  (6378137 / Math.sqrt(1 - 0.00669437999014 * Math.sin((32.1 * Math.PI) / 180) ** 2)) *
  Math.cos((32.1 * Math.PI) / 180);

function city(): { sites: Site[]; input: Omit<WhitepaperInput, 'assessment'>; assessment: Assessment } {
  const a = { ...createSquareZone('A', 118.7, 32.0, 0.2), name: HOSTILE_DISTRICT };
  const b = { ...createSquareZone('B', 118.9, 32.0, 0.2), name: '乙区' };
  const sites: Site[] = [
    createSite({
      id: 'S1',
      name: HOSTILE_NAME,
      category: 'fuel_station',
      at: [118.8, 32.1],
      likelihood: 5,
      severity: 5,
      domain: '危险化学品',
    }),
    createSite({ id: 'T1', name: '甲小学', category: 'school', at: [118.8 + 30 / M_PER_DEG_LON_32_1, 32.1] }),
    createSite({
      id: 'S2',
      name: '乙工地',
      category: 'construction',
      at: [119.0, 32.1],
      likelihood: 4,
      severity: 4,
      domain: '建设施工',
    }),
    createSite({
      id: 'S3',
      name: '乙路口',
      category: 'traffic',
      at: [119.01, 32.11],
      likelihood: 2,
      severity: 3,
      domain: '道路交通',
    }),
    createSite({
      id: 'S4',
      name: '甲路口',
      category: 'traffic',
      at: [118.75, 32.05],
      likelihood: 1,
      severity: 2,
      domain: '道路交通',
    }),
  ];
  const zones = [a, b];
  const config = createConfig();
  const assessment = assess({ sites, zones }, config);
  const report: ImportFileReport = {
    file: 'sites.csv',
    encoding: 'utf-8',
    crs: 'wgs84',
    rows: 6,
    accepted: 5,
    rejected: 1,
    errors: [{ line: 7, field: 'lon', reason: '经度不是数字' }],
    warnings: [],
    unmappedColumns: [],
    crsEvidence: '',
  };
  return {
    sites,
    assessment,
    input: {
      zonePolygons: zones,
      reports: [report],
      digests: [{ file: 'sites.csv', sha256: 'a'.repeat(64) }],
      profile: DEFAULT_PROFILE,
      rules: config.rules,
      borderlineToleranceM: config.borderlineToleranceM,
      dataDate: DATA_DATE,
      title: `${HOSTILE_DISTRICT} 白皮书`,
      attribution: ATTRIBUTION,
      previous: {
        label: '2025 年评估',
        dataDate: '2025-11-01',
        sitesByLevel: { red: 3, orange: 0, yellow: 1, blue: 0, unscored: 0 },
        zonesByLevel: { red: 0, orange: 2, yellow: 0, blue: 0, unscored: 0 },
      },
    },
  };
}

const text = (files: OutputFile[], path: string): string => {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`${path} missing`);
  return typeof f.data === 'string' ? f.data : new TextDecoder().decode(f.data);
};
const bytes = (files: OutputFile[], path: string): Uint8Array => fileBytes(files.find((x) => x.path === path)!);
const csvRows = (csv: string): string[][] =>
  Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('white-paper set', () => {
  let c: ReturnType<typeof city>;
  let files: OutputFile[];
  beforeAll(async () => {
    c = city();
    files = await whitepaperFilesInNode({ ...c.input, assessment: c.assessment });
  }, 60_000);

  const FIGURES = [
    'F1-zoning-map',
    'F2-risk-by-level',
    'F3-risk-by-district',
    'F4-risk-by-domain',
    'F5-setback-compliance',
    'F6-change',
  ];

  it('writes every figure as SVG, PNG and CSV, the three tables as CSV and XLSX, the report, the assess outputs and checksums', () => {
    const paths = files.map((f) => f.path);
    for (const f of FIGURES)
      expect(paths).toEqual(expect.arrayContaining([`figures/${f}.svg`, `figures/${f}.png`, `figures/${f}.csv`]));
    for (const t of ['T1-major-risks', 'T2-violations', 'T3-method-data'])
      expect(paths).toEqual(expect.arrayContaining([`tables/${t}.csv`, `tables/${t}.xlsx`]));
    expect(paths).toEqual(
      expect.arrayContaining([
        'whitepaper.html',
        'checksums.sha256',
        'import-report.json',
        'sites.csv',
        'zones.geojson',
        'violations.csv',
        'summary.json',
      ]),
    );
  });

  it('gives every figure a well-formed SVG with its title, data date, method, attribution and legend', () => {
    for (const id of FIGURES) {
      const svg = text(files, `figures/${id}.svg`);
      expect(XMLValidator.validate(svg), id).toBe(true);
      expect(svg, id).toContain(`图${id[1]}`);
      expect(svg, id).toContain(DATA_DATE);
      expect(svg, id).toContain(DEFAULT_PROFILE.name);
      expect(svg, id).toContain(ATTRIBUTION);
      const legend = id.startsWith('F5') ? ['符合', '临界', '不符合', '未评估'] : LEVELS.map((l) => LEVEL_ZH[l]);
      for (const entry of legend) expect(svg, `${id} legend ${entry}`).toContain(entry);
    }
  });

  it('has figure CSVs that sum to the summary counts and whose numbers are printed on the figure', () => {
    const summary = JSON.parse(text(files, 'summary.json'));
    const total = Object.values(summary.sites_by_level as Record<string, number>).reduce((n, v) => n + v, 0);
    expect(total).toBe(c.sites.length);
    const f2 = csvRows(text(files, 'figures/F2-risk-by-level.csv')).slice(1);
    expect(f2.reduce((n, r) => n + Number(r[1]), 0)).toBe(total);
    // known answer: S1 5×5 red, S2 4×4 orange, S3 2×3 yellow, S4 1×2 blue (scheme A), T1 a target
    expect(f2.map((r) => [r[0], Number(r[1])])).toEqual([
      ['重大风险', 1],
      ['较大风险', 1],
      ['一般风险', 1],
      ['低风险', 1],
      ['未评级(含防护目标)', 1],
    ]);
    for (const id of ['F3-risk-by-district', 'F4-risk-by-domain']) {
      const rows = csvRows(text(files, `figures/${id}.csv`)).slice(1);
      expect(
        rows.reduce((n, r) => n + Number(r.at(-1)), 0),
        id,
      ).toBe(total);
      const svg = text(files, `figures/${id}.svg`);
      for (const r of rows) for (const v of r.slice(1, 6)) if (Number(v) > 0) expect(svg, id).toContain(`>${v}</text>`);
    }
    const f1 = csvRows(text(files, 'figures/F1-zoning-map.csv')).slice(1);
    expect(f1.map((r) => [r[0], r[2]])).toEqual([
      ['A', '重大风险'],
      ['B', '较大风险'],
    ]);
    // one count per district: F1's located count equals F3's total for the district (A: S1, T1, S4; B: S2, S3)
    expect(f1.map((r) => Number(r[6]))).toEqual([3, 2]);
    const f3 = csvRows(text(files, 'figures/F3-risk-by-district.csv')).slice(1);
    expect(f3.map((r) => [r[0], Number(r.at(-1))])).toEqual([
      [HOSTILE_DISTRICT, 3],
      ['乙区', 2],
    ]);
    // 0.2° × 0.2° squares at 32°N: area by the ellipsoidal formula, independent of GeographicLib
    const area = (south: number) => {
      const e2 = 0.00669437999014,
        a2 = 6378137 ** 2,
        e = Math.sqrt(e2);
      const q = (phi: number) => {
        const s = Math.sin(phi);
        return (1 - e2) * (s / (1 - e2 * s * s) - Math.log((1 - e * s) / (1 + e * s)) / (2 * e));
      };
      return (
        ((a2 / 2) * ((0.2 * Math.PI) / 180) * (q(((south + 0.2) * Math.PI) / 180) - q((south * Math.PI) / 180))) / 1e6
      );
    };
    expect(Number(f1[0]![8])).toBeCloseTo(area(32.0), 2);
    const f5 = csvRows(text(files, 'figures/F5-setback-compliance.csv'));
    for (const r of f5.slice(1))
      expect(Number(r[1])).toBe(Number(r[2]) + Number(r[3]) + Number(r[4]) + Number(r[5]) + Number(r[6]));
    expect(f5.slice(1).reduce((n, r) => n + Number(r[4]), 0)).toBeGreaterThan(0); // the 30 m station–school pair
    const f6 = csvRows(text(files, 'figures/F6-change.csv')).slice(1);
    expect(f6.map((r) => Number(r[3]))).toEqual([1 - 3, 1 - 0, 1 - 1, 1 - 0]);
  });

  it('draws F1 to scale: the scale bar agrees with the district width on the ellipsoid', () => {
    const svg = text(files, 'figures/F1-zoning-map.svg');
    const bar = /<g aria-label="比例尺"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    const widths = [...bar.matchAll(/width="([\d.]+)"/g)].map((m) => Number(m[1]));
    const km = Number(/>(\d+(?:\.\d+)?) km</.exec(bar)![1]);
    const pxPerM = (widths[0]! + widths[1]!) / (km * 1000);
    // the first district outline drawn is A (118.7–118.9°E, 32.0–32.2°N); its widest edge is the southern one
    const outline = /<path d="([^"]+)" fill="none" stroke="#333333"/.exec(svg)![1]!;
    const xs = [...outline.matchAll(/[ML]?(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));
    const widthPx = Math.max(...xs) - Math.min(...xs);
    const N = 6378137 / Math.sqrt(1 - 0.00669437999014 * Math.sin((32 * Math.PI) / 180) ** 2);
    const southEdgeM = N * Math.cos((32 * Math.PI) / 180) * ((0.2 * Math.PI) / 180);
    expect(widthPx / pxPerM / southEdgeM).toBeCloseTo(1, 2);
  });

  it('renders PNGs at 300 dpi and the print width, with the level colours in them', () => {
    for (const id of FIGURES) {
      const png = PNG.sync.read(Buffer.from(bytes(files, `figures/${id}.png`)));
      expect(png.width, id).toBe(1890);
    }
    const raw = Buffer.from(bytes(files, 'figures/F1-zoning-map.png'));
    const phys = raw.indexOf(Buffer.from('pHYs'));
    expect(raw.readUInt32BE(phys + 4)).toBe(11811); // 300 dpi = 11 811 px/m
    expect(raw[phys + 12]).toBe(1);
    const img = PNG.sync.read(raw);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(LEVEL_FILL.red.slice(i, i + 2), 16));
    let red = 0;
    for (let i = 0; i < img.data.length; i += 4)
      if (Math.abs(img.data[i]! - r!) < 8 && Math.abs(img.data[i + 1]! - g!) < 8 && Math.abs(img.data[i + 2]! - b!) < 8)
        red++;
    expect(red).toBeGreaterThan(10_000);
  }, 30_000);

  it('lists 重大/较大 risks in T1 and every finding in T2', () => {
    const t1 = csvRows(text(files, 'tables/T1-major-risks.csv'));
    expect(t1[0]).toEqual(expect.arrayContaining(['名称', '行业领域', '所在区', '责任单位', '管控措施']));
    expect(t1.slice(1).map((r) => r[3])).toEqual(['S1', 'S2']);
    const t2 = csvRows(text(files, 'tables/T2-violations.csv'));
    expect(t2.length - 1).toBe(c.assessment.findings.length);
  });

  it('keeps hostile names inert in SVG, HTML, CSV and XLSX', async () => {
    for (const id of ['F1-zoning-map', 'F3-risk-by-district']) {
      const svg = text(files, `figures/${id}.svg`);
      expect(svg, id).not.toContain('<script');
      expect(svg, id).toContain('&lt;script&gt;');
    }
    const html = text(files, 'whitepaper.html');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;区 白皮书');
    expect(html).toContain('=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)');
    expect(html).toContain(`content="default-src 'none'`);
    expect(text(files, 'tables/T1-major-risks.csv')).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes(files, 'tables/T1-major-risks.xlsx')) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(2).getCell(3).value).toBe(`'${HOSTILE_NAME}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('lays out the report for print: contents, numbered figures, method and data-quality appendices', () => {
    const html = text(files, 'whitepaper.html');
    for (const id of FIGURES) expect(html).toContain(`<figure id="${id}" style="width:`);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('附录A 评估方法');
    expect(html).toContain('经度不是数字'); // the rejected row's reason, from the import report
    expect(html).toContain(escapeXml(DEFAULT_PROFILE.matrix.source));
  });

  it('writes checksums that match the files', () => {
    const lines = text(files, 'checksums.sha256').trim().split('\n');
    expect(lines).toHaveLength(files.length - 1);
    for (const line of lines) {
      const [hash, path] = line.split('  ');
      expect(createHash('sha256').update(bytes(files, path!)).digest('hex'), path).toBe(hash);
    }
  });

  it('writes the same bytes on a second run', async () => {
    const again = await whitepaperFilesInNode({
      ...c.input,
      assessment: assess({ sites: c.sites, zones: c.input.zonePolygons }, createConfig()),
    });
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    for (const f of files)
      expect(Buffer.from(fileBytes(f)).equals(Buffer.from(bytes(again, f.path))), f.path).toBe(true);
  }, 60_000);

  it('omits F6 and says why when no previous assessment is loaded', async () => {
    const without = await whitepaperFilesInNode({ ...c.input, previous: null, assessment: c.assessment });
    expect(without.some((f) => f.path.startsWith('figures/F6'))).toBe(false);
    expect(text(without, 'whitepaper.html')).toContain('没有载入上一期评估');
  }, 60_000);
});

describe('previous summary.json', () => {
  it('reads the counts of a summary and refuses anything else with the field at fault', () => {
    const p = readPreviousSummary(
      '2025.json',
      JSON.stringify({
        data_date: '2025-11-01',
        sites_by_level: { red: 1, orange: 2, yellow: 3, blue: 4, unscored: 0 },
        zones_by_level: { red: 0, orange: 1, yellow: 0, blue: 0 },
      }),
    );
    expect(p).toEqual({
      label: '2025.json',
      dataDate: '2025-11-01',
      sitesByLevel: { red: 1, orange: 2, yellow: 3, blue: 4, unscored: 0 },
      zonesByLevel: { red: 0, orange: 1, yellow: 0, blue: 0, unscored: 0 },
    });
    expect(() => readPreviousSummary('x.json', '{')).toThrow(SummaryFileError);
    expect(() => readPreviousSummary('x.json', JSON.stringify({ sites_by_level: { red: -1 } }))).toThrow(
      /sites_by_level/,
    );
    expect(() => readPreviousSummary('x.json', '{"__proto__":{"polluted":1},"sites_by_level":{}}')).toThrow(
      SummaryFileError,
    );
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
});
