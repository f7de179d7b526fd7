import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Papa from 'papaparse';
import { runAssess } from '../../src/cli/runAssess';
import { progressLine } from '../../src/cli/progress';
import { writeChunks } from '../../src/cli/writeChunks';
import {
  assess,
  DEFAULT_RULES,
  finishAssessment,
  hazardParts,
  mergeStreamedFindings,
  prepareAssessment,
  streamFindings,
  type Site,
} from '../../src/engine';
import {
  ruleTableCsv,
  sitesCsv,
  sitesCsvBytes,
  sitesCsvChunks,
  violationsCsv,
  violationsCsvChunks,
  violationsCsvWriter,
} from '../../src/io';
import { createConfig, createSite, createSquareZone } from '../helpers/sites';
import { version } from '../../package.json';

const DEMO = {
  sites: ['data/demo/nanjing-sites.fictitious.csv', 'data/demo/nanjing-osm.geojson'],
  zones: 'data/demo/nanjing-districts.wgs84.geojson',
  crs: 'wgs84',
};

function createOutDir(): string {
  return mkdtempSync(join(tmpdir(), 'usrm-cli-'));
}

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
}

describe('npm run cli -- assess (docs/batch-interface.md contract)', () => {
  let out: string;
  beforeAll(async () => {
    out = createOutDir();
    await runAssess({ ...DEMO, out });
  });

  it('writes sites.csv with the contract columns, WGS-84 lon/lat to 7 decimals', () => {
    const { data, meta } = Papa.parse<Record<string, string>>(readFileSync(join(out, 'sites.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(meta.fields!.slice(0, 10)).toEqual([
      'id',
      'name',
      'category',
      'role',
      'lon',
      'lat',
      'district',
      'domain',
      'score',
      'level',
    ]);
    expect(data.length).toBe(477);
    expect(data[0]!.lon).toMatch(/^\d+\.\d{7}$/);
    expect(new Set(data.map((r) => r.role))).toEqual(new Set(['hazard', 'target', 'risk']));
  });

  it('writes violations.csv with the contract columns first and the known violation at 金陵中学', () => {
    const { data, meta } = Papa.parse<Record<string, string>>(readFileSync(join(out, 'violations.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    });
    expect(meta.fields!.slice(0, 7)).toEqual([
      'hazard_id',
      'target_id',
      'rule_id',
      'distance_m',
      'required_m',
      'shortfall_m',
      'status',
    ]);
    const known = data.find((r) => r.hazard_id === 'DEMO-CTR-KNOWN' && r.target_name === '金陵中学')!;
    expect(known).toMatchObject({ rule_id: 'gb50156-important-full', required_m: '35.00', status: 'violation' });
    expect(Number(known.distance_m)).toBeLessThanOrEqual(30.005);
    expect(new Set(data.map((r) => r.status))).toEqual(new Set(['violation', 'not_assessed']));
  });

  it('writes zones.geojson with level, score, mode and contributors, in all four colours', () => {
    const zones = JSON.parse(readFileSync(join(out, 'zones.geojson'), 'utf8'));
    expect(zones.features).toHaveLength(11);
    for (const f of zones.features)
      expect(Object.keys(f.properties)).toEqual(
        expect.arrayContaining(['id', 'name', 'level', 'score', 'mode', 'contributors']),
      );
    expect(new Set(zones.features.map((f: { properties: { level: string } }) => f.properties.level))).toEqual(
      new Set(['red', 'orange', 'yellow', 'blue']),
    );
  });

  it('writes summary.json with counts, the method id and a SHA-256 of every input', () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({
      method_profile: 'default-2026',
      matrix_scheme: 'matrix-A',
      aggregation_mode: 'max',
    });
    expect(summary.inputs).toHaveLength(3);
    for (const i of summary.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bySites = summary.sites_by_level;
    expect(bySites.red + bySites.orange + bySites.yellow + bySites.blue + bySites.unscored).toBe(477);
  });

  it('writes import-report.json accounting for every row', () => {
    const report = JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8'));
    for (const f of report.files) {
      expect(Object.keys(f)).toEqual(
        expect.arrayContaining(['file', 'encoding', 'crs', 'rows', 'accepted', 'rejected', 'errors']),
      );
      expect(f.accepted + f.rejected).toBe(f.rows);
    }
  });

  it('writes byte-identical files on a rerun', { timeout: 30_000 }, async () => {
    const again = createOutDir();
    await runAssess({ ...DEMO, out: again });
    for (const f of ['sites.csv', 'zones.geojson', 'violations.csv', 'summary.json', 'import-report.json']) {
      expect(readFileSync(join(again, f)), f).toEqual(readFileSync(join(out, f)));
    }
  });
});

describe('npm run cli -- whitepaper', { timeout: 30_000 }, () => {
  it('adds the F3 figure (SVG + CSV) stamped with the data date, and the violations table', async () => {
    const out = createOutDir();
    await runAssess({ ...DEMO, out, whitepaper: true, dataDate: '2026-11-01' });
    const svg = readFileSync(join(out, 'figures', 'F3-risk-by-district.svg'), 'utf8');
    expect(svg).toContain('评估基准日 2026-11-01');
    expect(readFileSync(join(out, 'figures', 'F3-risk-by-district.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(readFileSync(join(out, 'tables', 'T2-violations.csv'), 'utf8')).toContain('DEMO-CTR-KNOWN');
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).data_date).toBe('2026-11-01');
    // the white paper holds the five files in memory (its checksums cover them); assess streams them: same bytes
    const streamed = createOutDir();
    await runAssess({ ...DEMO, out: streamed, dataDate: '2026-11-01' });
    for (const f of ['sites.csv', 'zones.geojson', 'violations.csv', 'summary.json', 'import-report.json']) {
      expect(readFileSync(join(streamed, f)), f).toEqual(readFileSync(join(out, f)));
    }
  });

  it('stamps --data-date and --attribution on every figure', async () => {
    const out = createOutDir();
    const credit = '区划边界:测试来源甲;危险源:测试来源乙';
    await runAssess({ ...DEMO, out, whitepaper: true, dataDate: '2026-10-31', attribution: credit });
    const svgs = readdirSync(join(out, 'figures')).filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(5);
    for (const f of svgs) {
      const svg = readFileSync(join(out, 'figures', f), 'utf8');
      expect(svg, f).toContain('2026-10-31');
      expect(svg, f).toContain(credit);
      expect(svg, f).not.toContain('未注明');
    }
  });

  it('a city with zones and hazards but no targets and no scores: zones 未评级, F5 and T2 claim no compliance', async () => {
    const out = createOutDir();
    await runAssess({
      whitepaper: true,
      out,
      crs: 'wgs84',
      dataDate: '2026-10-31',
      attribution: '测试数据',
      zones: 'tests/fixtures/cities/shanghai_districts.wgs84.geojson',
      sites: ['tests/fixtures/cities/shanghai-hazards-only.csv'],
    });
    const zones = JSON.parse(readFileSync(join(out, 'zones.geojson'), 'utf8')) as {
      features: { properties: { level: unknown } }[];
    };
    expect(zones.features).toHaveLength(16); // Shanghai's 16 districts
    expect(zones.features.every((f) => f.properties.level === null)).toBe(true);
    const f1 = Papa.parse<string[]>(
      readFileSync(join(out, 'figures', 'F1-zoning-map.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    expect(new Set(f1.slice(1).map((r) => r[2]))).toEqual(new Set(['未评级(无数据)']));
    // F5: seven petrol stations, no protection target of any class → every rule's hazards 无检查对象, none 符合
    const f5 = Papa.parse<string[]>(
      readFileSync(join(out, 'figures', 'F5-setback-compliance.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    const col = (name: string) => f5[0]!.indexOf(name);
    expect(f5.length).toBeGreaterThan(1);
    for (const r of f5.slice(1)) {
      expect(Number(r[col('符合')]), r[0]).toBe(0);
      expect(Number(r[col('无检查对象')]), r[0]).toBe(Number(r[col('受约束危险源')]));
      expect(Number(r[col('受约束危险源')]), r[0]).toBe(7);
    }
    expect(readFileSync(join(out, 'figures', 'F5-setback-compliance.svg'), 'utf8')).toContain('无检查对象');
    // T2 lists no finding and says why; T2附 lists every rule that bound the stations, each 无检查对象
    const t2 = Papa.parse<string[]>(
      readFileSync(join(out, 'tables', 'T2-violations.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    expect(t2).toHaveLength(1);
    const t2a = Papa.parse<string[]>(
      readFileSync(join(out, 'tables', 'T2a-unchecked-rules.csv'), 'utf8').replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      hazards_by_rule: Record<string, number>;
    };
    const binding = Object.entries(summary.hazards_by_rule)
      .filter(([, n]) => n > 0)
      .map(([id]) => id)
      .sort();
    expect(
      t2a
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(binding);
    for (const r of t2a.slice(1)) expect(r.at(-1)).toContain('无检查对象');
    const html = readFileSync(join(out, 'whitepaper.html'), 'utf8');
    expect(html).toContain('16 个分区未评级(无数据)');
    expect(html).toContain(`${binding.length} 条防护距离规则无检查对象`);
    expect(html).not.toMatch(/>\s*符合\s*</);
  });

  it('refuses a data date that is not YYYY-MM-DD (exit 2)', () => {
    expect(
      runCli(['whitepaper', '--sites', DEMO.sites[0]!, '--data-date', '1/11/2026', '--out', createOutDir()]).status,
    ).toBe(2);
  });
});

describe('--rules', () => {
  it('applies an edited CSV rule table: 35 m → 25 m clears the known violation at 金陵中学 (30 m)', async () => {
    const dir = createOutDir();
    const csv = ruleTableCsv(DEFAULT_RULES).replace(/(gb50156-important-full,[^\n]*?,)35,/, '$125,');
    expect(csv).toMatch(/gb50156-important-full,[^\n]*?,25,/);
    writeFileSync(join(dir, 'rules.csv'), csv);
    const out = createOutDir();
    await runAssess({ ...DEMO, rules: join(dir, 'rules.csv'), out });
    const violations = readFileSync(join(out, 'violations.csv'), 'utf8');
    expect(violations).not.toMatch(/DEMO-CTR-KNOWN,OSM-way-88780395,/);
  });
});

describe('--grid', () => {
  it('zones the demo city by a 2 km square grid, all zones named after the grid', async () => {
    const out = createOutDir();
    await runAssess({ ...DEMO, grid: 'square:2000', out });
    const zones = JSON.parse(readFileSync(join(out, 'zones.geojson'), 'utf8'));
    expect(zones.features.length).toBeGreaterThan(11);
    expect(
      zones.features.every((f: { properties: { id: string } }) => f.properties.id.startsWith('grid-square-2000-')),
    ).toBe(true);
    // cells no scored site or footprint reaches stay 未评级 (level null), never 低
    expect(new Set(zones.features.map((f: { properties: { level: string | null } }) => f.properties.level))).toEqual(
      new Set(['red', 'orange', 'yellow', 'blue', null]),
    );
  });

  it('reads a map-app export with --category for all rows and --crs auto: ids from line numbers, BD-09 suggested, every site within 0.5 m of its position', async () => {
    const dir = createOutDir();
    await runAssess({
      sites: ['tests/fixtures/fuel-no-id-bd09.gbk.csv'],
      zones: DEMO.zones,
      crs: 'auto',
      category: '加油站',
      out: dir,
    });
    const report = JSON.parse(readFileSync(join(dir, 'import-report.json'), 'utf8')).files[0];
    expect(report).toMatchObject({ crs: 'bd09', accepted: 4, rejected: 0, allRowsCategory: 'fuel_station' });
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(dir, 'sites.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const byId = new Map(rows.map((r) => [r.id!, r]));
    // the WGS-84 positions the fixture's BD-09 numbers were made from (tests/fixtures/README.md)
    const truth: [string, number, number][] = [
      ['fuel-no-id-bd09.gbk-2', 118.7785, 32.0418],
      ['fuel-no-id-bd09.gbk-5', 118.8032, 32.0621],
    ];
    for (const [id, lon, lat] of truth) {
      expect(byId.get(id)!.category).toBe('fuel_station');
      expect(Math.abs(Number(byId.get(id)!.lon) - lon) * 94_400).toBeLessThan(0.5);
      expect(Math.abs(Number(byId.get(id)!.lat) - lat) * 110_900).toBeLessThan(0.5);
    }
    await expect(runAssess({ ...DEMO, category: '不存在的类别', out: createOutDir() })).rejects.toThrow(
      /not a category/,
    );
  });

  it('reads unknown headers as the --column options say, and refuses a field that does not exist', async () => {
    const dir = createOutDir();
    const file = join(dir, 'odd.csv');
    writeFileSync(file, 'code,title,kind,east,north,note\nK1,工地甲,建筑施工,118.78,32.04,x\n');
    const out = join(dir, 'out');
    await runAssess({
      sites: [file],
      zones: DEMO.zones,
      crs: 'wgs84',
      column: ['code=id', 'title=name', 'kind=category', 'east=lon', 'north=lat', 'note=ignore'],
      out,
    });
    const report = JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8')).files[0];
    expect(report).toMatchObject({ accepted: 1, rejected: 0, unmappedColumns: ['note'] });
    expect(readFileSync(join(out, 'sites.csv'), 'utf8')).toMatch(/^K1,工地甲,construction,/m);
    await expect(runAssess({ ...DEMO, column: ['code=identifier'], out: createOutDir() })).rejects.toThrow(
      /HEADER=FIELD/,
    );
  });

  it('refuses a malformed grid (exit 2)', async () => {
    await expect(runAssess({ ...DEMO, grid: 'triangle:5', out: createOutDir() })).rejects.toThrow(/square:METRES/);
  });
});

describe('CLI exit status', { timeout: 30_000 }, () => {
  it('exits 0 with rejected rows, which are not an error; no progress line when stderr is not a terminal', () => {
    const out = createOutDir();
    const r = runCli([
      'assess',
      '--sites',
      'tests/fixtures/sites-gbk.csv',
      '--zones',
      DEMO.zones,
      '--crs',
      'wgs84',
      '--out',
      out,
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/3 accepted, 8 rejected/);
    expect(r.stderr).toBe('');
  });

  it('prints usage for --help and the package version for --version (exit 0)', () => {
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage:\n {2}usrm assess --sites FILE/);
    expect(runCli(['assess', '--help']).stdout).toBe(help.stdout);
    const v = runCli(['--version']);
    expect(v.status).toBe(0);
    expect(v.stdout).toBe(`${version}\n`);
    expect(runCli(['whitepaper', '--version']).stdout).toBe(`${version}\n`);
  });

  it('exits 2 on a usage error', () => {
    expect(runCli(['assess', '--out', createOutDir()]).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
    expect(runCli(['assess', '--sites', 'x.csv', '--crs', 'utm', '--out', createOutDir()]).status).toBe(2);
  });

  it('exits 1 on unusable input, with the reason on stderr', () => {
    const r = runCli(['assess', '--sites', 'tests/fixtures/binary.csv', '--out', createOutDir()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/binary|XLSX/);
    const badMethod = join(createOutDir(), 'm.json');
    writeFileSync(badMethod, JSON.stringify({ id: 'x', name: 'x', source: 'x', cells: [['red']] }));
    const m = runCli([
      'assess',
      '--sites',
      'tests/fixtures/sites-gbk.csv',
      '--method',
      badMethod,
      '--out',
      createOutDir(),
    ]);
    expect(m.status).toBe(1);
    expect(m.stderr).toMatch(/method.cells/);
  });
});

describe('streamed output files', () => {
  // a city large enough that each CSV spans many chunks and the file stream's buffer fills (backpressure)
  function city(): ReturnType<typeof assess> {
    const sites: Site[] = [];
    for (let i = 0; i < 3000; i++) {
      const at: [number, number] = [118.7 + (i % 60) * 0.0004, 32.0 + Math.floor(i / 60) * 0.0004];
      const name = i % 7 === 0 ? `=HYPERLINK("x",${i})` : i % 7 === 1 ? `站点,"${i}"` : `站点${i}`;
      sites.push(
        createSite({
          id: `S${String(i).padStart(4, '0')}`,
          name,
          category: i % 3 === 0 ? 'fuel_station' : i % 3 === 1 ? 'school' : 'construction',
          at,
          likelihood: 1 + (i % 5),
          severity: 1 + ((i * 3) % 5),
        }),
      );
    }
    return assess({ sites, zones: [createSquareZone('Z', 118.6, 31.9, 0.5)] }, createConfig());
  }

  it('writes sites.csv and violations.csv chunk by chunk with the bytes of the one-string writer', async () => {
    const a = city();
    expect(a.findings.length).toBeGreaterThanOrEqual(1000); // two chunks of CSV_ROWS_PER_CHUNK and more
    const dir = createOutDir();
    await writeChunks(join(dir, 'sites.csv'), sitesCsvChunks(a));
    await writeChunks(join(dir, 'violations.csv'), violationsCsvChunks(a));
    expect(readFileSync(join(dir, 'sites.csv'), 'utf8')).toBe(sitesCsv(a));
    expect(readFileSync(join(dir, 'violations.csv'), 'utf8')).toBe(violationsCsv(a));
    expect(readFileSync(join(dir, 'violations.csv')).length).toBeGreaterThan(64 * 1024); // several times the stream's buffer
  });

  /** 3 000 sites in a grid, ids out of order, with fireworks shops inside residential areas (containment findings). */
  function streamingCity(): { sites: Site[]; zones: ReturnType<typeof createSquareZone>[] } {
    const sites: Site[] = [];
    for (let i = 0; i < 3000; i++) {
      const at: [number, number] = [118.7 + (i % 60) * 0.0004, 32.0 + Math.floor(i / 60) * 0.0004];
      const category =
        i % 250 === 4
          ? 'hazchem_storage'
          : ['fuel_station', 'school', 'fireworks_retail', 'residential', 'kindergarten'][i % 5]!;
      const [x, y] = at;
      // every 10th residential block an area around the fireworks shop beside it (a containment finding)
      const geometry: Site['geometry'] =
        category === 'residential' && i % 10 === 3
          ? {
              type: 'Polygon',
              coordinates: [
                [
                  [x - 0.0012, y - 0.0002],
                  [x + 0.0002, y - 0.0002],
                  [x + 0.0002, y + 0.0002],
                  [x - 0.0012, y + 0.0002],
                  [x - 0.0012, y - 0.0002],
                ],
              ],
            }
          : { type: 'Point', coordinates: at };
      sites.push({
        ...createSite({ id: `S${(i * 7919) % 3000}`, name: i % 7 === 0 ? `=名称,"${i}"` : `站点${i}`, category }),
        geometry,
      });
    }
    return { sites, zones: [createSquareZone('Z', 118.6, 31.9, 0.5)] };
  }

  it('streams violations.csv from the engine as the findings are made (containment findings merged in): the bytes and counts of the whole list', () => {
    const input = streamingCity();
    const whole = assess(input, createConfig());
    expect(whole.findings.some((v) => v.ruleId === 'fireworks-not-in-residential')).toBe(true);
    const chunks: Uint8Array[] = [];
    const csv = violationsCsvWriter((c) => chunks.push(c));
    const streamed = assess(input, createConfig(), undefined, { onFinding: csv.add });
    csv.end();
    expect(streamed.findings).toEqual([]);
    expect(streamed.stats).toEqual(whole.stats);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(violationsCsv(whole));
    expect(Buffer.concat([...sitesCsvBytes(whole)]).toString('utf8')).toBe(sitesCsv(whole));
  });

  it('streams the findings in parts of the hazards (one per thread): the parts one after another are the whole file, their counts the whole run’s', () => {
    const input = streamingCity();
    const config = createConfig();
    const whole = assess(input, config);
    const prepared = prepareAssessment(input);
    // parts that cut between a fireworks shop's containment finding and its distance findings, and an empty part
    const n = prepared.hazards.length;
    for (const [count, firstWeight] of [
      [2, 1],
      [3, 1],
      [7, 1],
      [n + 1, 1],
      [2, 0.8],
      [3, 0.8],
    ] as const) {
      const parts = hazardParts(n, count, firstWeight);
      // contiguous, covering every hazard once; the first part smaller when it weighs less
      expect(parts[0]!.from).toBe(0);
      expect(parts.at(-1)!.to).toBe(n);
      parts.slice(1).forEach((p, k) => expect(p.from).toBe(parts[k]!.to));
      if (firstWeight < 1) expect(parts[0]!.to - parts[0]!.from).toBeLessThan(parts[1]!.to - parts[1]!.from);
      expect(parts.some((p) => p.from === p.to)).toBe(count > n);
      const chunks: Uint8Array[] = [];
      const writers = parts.map((_, k) => violationsCsvWriter((c) => chunks.push(c), { header: k === 0 }));
      const streamed = parts.map((part, k) => {
        const found = streamFindings(input, prepared, config, writers[k]!.add, part);
        writers[k]!.flush();
        return found;
      });
      writers[0]!.end(writers.slice(1).reduce((n, w) => n + w.rows(), 0));
      expect(Buffer.concat(chunks).toString('utf8')).toBe(violationsCsv(whole));
      const merged = mergeStreamedFindings(streamed);
      const finished = finishAssessment(
        input,
        prepared,
        config,
        { ...merged, inside: streamed[0]!.inside },
        undefined,
        merged.tally,
      );
      expect(finished.stats).toEqual(whole.stats);
    }
    expect(whole.findings.filter((v) => v.ruleId === 'fireworks-not-in-residential').length).toBeGreaterThan(1);
  });

  it('writes an empty violations table as one header and one empty line, however many parts wrote it', () => {
    const chunks: Uint8Array[] = [];
    const first = violationsCsvWriter((c) => chunks.push(c));
    const other = violationsCsvWriter((c) => chunks.push(c), { header: false });
    other.flush();
    first.flush();
    first.end(other.rows());
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toBe(violationsCsv(assess({ sites: [], zones: [] }, createConfig())));
    expect(text.endsWith('\n\n')).toBe(true);
  });

  it('rejects (does not crash) when the file cannot be written, and takes chunks only as the stream accepts them', async () => {
    await expect(writeChunks(join(createOutDir(), 'no-such-dir', 'x.csv'), ['a\n'])).rejects.toThrow(/ENOENT/);
    let pulled = 0;
    const chunks = function* () {
      for (let i = 0; i < 200; i++) {
        pulled++;
        yield 'x'.repeat(64 * 1024);
      }
    };
    const writing = writeChunks(join(createOutDir(), 'big.txt'), chunks());
    expect(pulled).toBeLessThan(200); // waiting for 'drain' after the first chunk that filled the buffer
    await writing;
    expect(pulled).toBe(200);
  });
});

describe('progress line', () => {
  function terminal(isTTY: boolean) {
    const written: string[] = [];
    return { isTTY, columns: 80, written, write: (t: string) => written.push(t) };
  }

  it('rewrites one line in place on a terminal, only when its text changes, and clears it', () => {
    const tty = terminal(true);
    const p = progressLine(tty);
    p.report('reading', 0);
    p.report('reading', 0.004);
    p.report('reading', 0.5);
    p.report('assessing', 1);
    p.clear();
    expect(tty.written).toEqual(['\rreading   0%', '\rreading  50%', '\rassessing 100%', `\r${' '.repeat(14)}\r`]);
    // a terminal that reports no width (e.g. under script(1)) still gets the whole line
    const unsized = { ...terminal(true), columns: 0 };
    progressLine(unsized).report('assessing', 0.3);
    expect(unsized.written).toEqual(['\rassessing  30%']);
  });

  it('writes nothing when stderr is not a terminal (pipes, logs, tests)', async () => {
    const pipe = terminal(false);
    const p = progressLine(pipe);
    p.report('reading', 0.5);
    p.clear();
    expect(pipe.written).toEqual([]);
    const stages = new Set<string>();
    await runAssess({ ...DEMO, out: createOutDir() }, (stage, share) => {
      stages.add(stage);
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    });
    expect([...stages]).toEqual(['reading', 'assessing', 'writing']);
  });
});
