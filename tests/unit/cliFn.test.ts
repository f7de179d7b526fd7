// assess/whitepaper --fn: F–N curves read with every row in import-report.json, societal-risk.csv beside the five
// contract files, and in the white paper F9 (the curves against the lines) and T5 (installations in the unacceptable
// region). The lines are tests/fixtures/fn/test-lines.json (upper F = 1e-3/N, lower F = 1e-5/N; not GB 36894's).
// Hand-worked, fixture tests/fixtures/fn/fn-curves.csv:
//   P1 (1, 5e-4) (10, 8e-5) (50, 9e-5) (100, 2e-6) — as steps: 5e-4 up to N → 10 against 1e-3/10 = 1e-4 (5×), 8e-5 up
//      to N → 50 against 2e-5 (4×), 9e-5 up to N → 100 against 1e-5 (9×, the worst), 2e-6 at N = 100 (0.2×)
//      → 不可接受区 (its rising point at N = 50 is warned about in the import report and judged as given; the curve
//      without it, which crosses only between its points, is worked in tests/unit/engine/societalRisk.test.ts)
//   P2 (1, 1e-4) (10, 5e-6) — 1e-4 up to N → 10 meets the upper line exactly (1×, not above), above the lower → 尚可容忍区
//   P3 (1, 1e-6) (5, 1e-7) — 1e-6 up to N → 5 against the lower line 2e-6: below → 可接受区 (upper: 1e-6 / 2e-4 = 0.005)
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { runAssess, UsageError } from '../../src/cli/runAssess';
import { assessSocietalRisk, DEFAULT_FN_CRITERIA, parseFnCriteria, type Assessment } from '../../src/engine';
import { societalRiskTable } from '../../src/whitepaper/societalTable';
import { societalGapLines, societalOverview } from '../../src/whitepaper/societalText';
import { readFnCurves } from '../../src/io';
import { fnFigure } from '../../src/figures/fnFigure';

const fixture = (name: string) => new URL(`../fixtures/fn/${name}`, import.meta.url).pathname;
const csvRows = (path: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

function sitesFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'usrm-fn-'));
  writeFileSync(
    join(dir, 'sites.csv'),
    '编号,名称,类别,经度,纬度\nP1,一号储罐区,危险化学品储存设施,118.80,32.00\nP2,二号储罐区,危险化学品储存设施,118.82,32.01\nP3,三号装置,危险化学品储存设施,118.84,32.02\nS1,实验小学,学校,118.90,32.05\n',
  );
  return dir;
}

describe('assess --fn', () => {
  it('accounts for every F–N row and writes each installation’s region against the lines', async () => {
    const dir = sitesFile();
    const out = join(dir, 'out');
    const { message } = await runAssess({
      sites: [join(dir, 'sites.csv')],
      fn: [fixture('fn-curves.csv')],
      fnCriteria: fixture('test-lines.json'),
      crs: 'wgs84',
      out,
    });
    const report = JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8')).files.find(
      (f: { file: string }) => f.file === 'fn-curves.csv',
    );
    expect(report).toMatchObject({ rows: 13, accepted: 8, rejected: 5 });
    expect(report.errors.map((e: { line: number }) => e.line)).toEqual([10, 11, 12, 13, 14]);
    const rows = csvRows(join(out, 'societal-risk.csv'));
    expect(
      rows.map((r) => [
        r.installation_id,
        r.region,
        r.worst_n,
        r.worst_n_approached,
        r.curve_f,
        r.upper_line_f,
        r.ratio_to_upper,
      ]),
    ).toEqual([
      ['P1', 'unacceptable', '100', 'true', '9e-5', '1e-5', '9'],
      ['P2', 'tolerable', '10', 'true', '1e-4', '1e-4', '1'],
      ['P3', 'acceptable', '5', 'true', '1e-6', '2e-4', '0.005'],
    ]);
    expect(rows[0]!.criteria_status).toBe('city');
    expect(message).toContain(
      'societal risk: 3 installation(s) with F–N curves: 1 不可接受区, 1 尚可容忍区, 1 可接受区',
    );
  });

  it('judges nothing with the shipped criterion, which has no lines: every curve is 未评估', async () => {
    const dir = sitesFile();
    const out = join(dir, 'out');
    const { message } = await runAssess({
      sites: [join(dir, 'sites.csv')],
      fn: [fixture('fn-curves.csv')],
      crs: 'wgs84',
      out,
    });
    const rows = csvRows(join(out, 'societal-risk.csv'));
    expect(rows.map((r) => [r.installation_id, r.region, r.region_zh, r.criteria_status, r.ratio_to_upper])).toEqual([
      ['P1', 'not_assessed', '未评估', 'not_found', ''],
      ['P2', 'not_assessed', '未评估', 'not_found', ''],
      ['P3', 'not_assessed', '未评估', 'not_found', ''],
    ]);
    expect(rows[0]!.note).toBe('判定线未配置 (GB 36894 lines not available: supply them)');
    expect(message).toContain('判定线未配置');
  });

  it('writes no societal-risk.csv without --fn, and refuses --fn-criteria alone', async () => {
    const dir = sitesFile();
    const out = join(dir, 'out');
    await runAssess({ sites: [join(dir, 'sites.csv')], crs: 'wgs84', out });
    expect(existsSync(join(out, 'societal-risk.csv'))).toBe(false);
    await expect(
      runAssess({ sites: [join(dir, 'sites.csv')], fnCriteria: fixture('test-lines.json'), crs: 'wgs84', out }),
    ).rejects.toBeInstanceOf(UsageError);
  });
});

describe('whitepaper --fn', () => {
  it('adds F9 (SVG, PNG, CSV) and T5 listing the installation in the unacceptable region', async () => {
    const dir = sitesFile();
    const out = join(dir, 'wp');
    await runAssess({
      sites: [join(dir, 'sites.csv')],
      fn: [fixture('fn-curves.csv')],
      fnCriteria: fixture('test-lines.json'),
      crs: 'wgs84',
      out,
      whitepaper: true,
      dataDate: '2025-01-01',
    });
    for (const ext of ['svg', 'png', 'csv'])
      expect(existsSync(join(out, 'figures', `F9-societal-risk.${ext}`))).toBe(true);
    expect(existsSync(join(out, 'societal-risk.csv'))).toBe(true);
    const t5 = csvRows(join(out, 'tables', 'T5-societal-risk-excess.csv'));
    expect(
      t5.map((r) => [
        r['装置编号'],
        r['名称'],
        r['判定结果'],
        r['最不利处'],
        r['曲线 F(次/年)'],
        r['不可接受线 F(次/年)'],
        r['超出倍数'],
      ]),
    ).toEqual([['P1', '一号储罐区', '不可接受区', 'N 趋近 100(自下)处', '9e-5', '1e-5', '9']]);
    const html = readFileSync(join(out, 'whitepaper.html'), 'utf8');
    expect(html).toContain('图9 社会风险 F-N 曲线');
    expect(html).toContain('表5 社会风险进入不可接受区的装置清单');
    expect(html).toContain('社会风险:3 个装置提供了 F-N 曲线,按测试用判定线');
    expect(html).toContain('不可接受区 1 个、尚可容忍区 1 个、可接受区 1 个(图9、表5)');
    expect(readFileSync(join(out, 'checksums.sha256'), 'utf8')).toMatch(
      / F9-societal-risk\.svg|figures\/F9-societal-risk\.svg/,
    );
  }, 120_000);

  it('draws the same bytes for the same curves (deterministic like the other figures)', () => {
    const { curves } = readFnCurves('fn-curves.csv', new Uint8Array(readFileSync(fixture('fn-curves.csv'))));
    const criteria = parseFnCriteria(JSON.parse(readFileSync(fixture('test-lines.json'), 'utf8')));
    const options = { dataDate: '2025-01-01', methodName: '方法', attribution: '数据' };
    const a = fnFigure(curves, assessSocietalRisk(curves, criteria), criteria, options);
    const b = fnFigure(curves, assessSocietalRisk(curves, criteria), criteria, options);
    expect(a.svg).toBe(b.svg);
    expect(a.csv).toBe(b.csv);
    expect(a.svg).toContain('不可接受线');
  });

  it('without lines: F9 says so in red, T5 lists every installation as 未评估 (never 符合), the overview says why', () => {
    const { curves } = readFnCurves(
      'fn-curves.csv',
      new Uint8Array(readFileSync(fixture('fn-curves.csv'))),
      new Set(['P1', 'P2', 'P3']),
    );
    const results = assessSocietalRisk(curves, DEFAULT_FN_CRITERIA);
    const f = fnFigure(curves, results, DEFAULT_FN_CRITERIA, {
      dataDate: '2025-01-01',
      methodName: '方法',
      attribution: '数据',
    });
    expect(f.svg).toContain('判定线未配置 (GB 36894 lines not available: supply them)');
    expect(f.svg).not.toContain('不可接受线');
    const t5 = societalRiskTable({ sites: [] } as unknown as Assessment, results, DEFAULT_FN_CRITERIA);
    expect(t5.rows.map((r) => [r.installationId, r.region])).toEqual([
      ['P1', 'not_assessed'],
      ['P2', 'not_assessed'],
      ['P3', 'not_assessed'],
    ]);
    expect(t5.title).toContain('未评估');
    expect(societalOverview({ results, criteria: DEFAULT_FN_CRITERIA })[0]).toContain('均为未评估,不视为可接受');
    expect(societalGapLines({ results, criteria: DEFAULT_FN_CRITERIA })).toHaveLength(1);
  });
});
