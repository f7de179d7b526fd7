// assess --contours: QRA individual-risk contours read from GeoJSON with every feature accounted for in
// import-report.json, and the verdicts in violations.csv with the risk and criterion in their own columns.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import geodesic from 'geographiclib-geodesic';
import { runAssess } from '../../src/cli/runAssess';
import { parseRisk } from '../../src/io';

const G = geodesic.Geodesic.WGS84;
const C: [number, number] = [118.8, 32.0];
const at = (m: number, az = 0): [number, number] => {
  const r = G.Direct(C[1], C[0], az, m);
  return [r.lon2!, r.lat2!];
};
const ring = (m: number) => {
  const r = Array.from({ length: 64 }, (_, i) => at(m, (360 * i) / 64));
  return [[...r, r[0]!]];
};
const csvRecords = (text: string) =>
  Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
const feature = (props: Record<string, unknown>, geometry: unknown) => ({
  type: 'Feature',
  properties: props,
  geometry,
});

/** sites.csv and contours.geojson in a new folder: a new installation P1, a school at 300 m and one at 700 m */
function writeInputs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'usrm-qra-'));
  const [sx, sy] = at(300);
  const [kx, ky] = at(700);
  writeFileSync(
    join(dir, 'sites.csv'),
    `编号,名称,类别,经度,纬度\nP1,储罐区,危险化学品储存设施,${C[0]},${C[1]}\nS1,实验小学,学校,${sx},${sy}\nS2,远处小学,学校,${kx},${ky}\n`,
  );
  writeFileSync(
    join(dir, 'contours.geojson'),
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ 装置编号: 'P1', 个人风险: '1×10-5', 装置状态: '新建' }, { type: 'Polygon', coordinates: ring(100) }),
        feature({ 装置编号: 'P1', 个人风险: '1E-06', 装置状态: '新建' }, { type: 'Polygon', coordinates: ring(400) }),
        feature({ 装置编号: 'P1', 个人风险: '3×10⁻⁷', 装置状态: '新建' }, { type: 'Polygon', coordinates: ring(600) }),
        feature({ 装置编号: 'P1', 个人风险: '3e-6' }, { type: 'Polygon', coordinates: ring(450) }), // higher risk outside 1e-6: not nested
        feature({ 装置编号: 'P9', 个人风险: '1e-6' }, { type: 'Polygon', coordinates: ring(50) }), // no such hazard
        feature({ 装置编号: 'P1', 个人风险: 'high' }, { type: 'Polygon', coordinates: ring(50) }), // not a number
        feature({ 装置编号: 'P1', 个人风险: '1e-6' }, { type: 'LineString', coordinates: [C, at(10)] }), // not a polygon
      ],
    }),
  );
  return dir;
}

describe('assess --contours', () => {
  it('accounts for every contour and writes the verdicts with risk and criterion', async () => {
    const dir = writeInputs();
    const out = join(dir, 'out');
    await runAssess({ sites: [join(dir, 'sites.csv')], contours: [join(dir, 'contours.geojson')], crs: 'wgs84', out });
    const report = JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8')).files.find(
      (f: { file: string }) => f.file === 'contours.geojson',
    );
    expect(report).toMatchObject({ rows: 7, accepted: 4, rejected: 3 });
    expect(report.errors.map((e: { line: number }) => e.line)).toEqual([5, 6, 7]);
    expect(
      report.warnings.some((w: { code?: string; line: number }) => w.code === 'contours_not_nested' && w.line === 4),
    ).toBe(true);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'violations.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const qra = rows.filter((r) => r.rule_id!.startsWith('qra-'));
    // S1 at 300 m lies in the 1e-6 contour (400 m); a new installation's school is held to 3e-7: over. S2 at 700 m is
    // outside the 3e-7 contour: no finding. (The not-nested 3e-6 ring at 450 m also holds S1 and is the highest.)
    expect(
      qra.map((r) => [
        r.target_id,
        r.status,
        r.risk_per_year,
        r.criterion_per_year,
        r.installation_status,
        r.required_m,
      ]),
    ).toEqual([['S1', 'violation', '3e-6', '3e-7', 'new', '']]);
    // distance findings keep the three columns empty
    for (const r of rows.filter((x) => !x.rule_id!.startsWith('qra-')))
      expect([r.risk_per_year, r.criterion_per_year, r.installation_status]).toEqual(['', '', '']);
    // the §19 findings the contours answer are neither listed nor counted: summary.json counts the rows of violations.csv
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(Object.values(summary.violations_total as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      rows.length,
    );
    expect(summary.violations_by_rule['reg19-assessed-distance']).toBeUndefined();
  });

  it('writes the protection distance each criterion’s contour implies in qra-distances.csv', async () => {
    const dir = writeInputs();
    const out = join(dir, 'out');
    await runAssess({ sites: [join(dir, 'sites.csv')], contours: [join(dir, 'contours.geojson')], crs: 'wgs84', out });
    const rows = csvRecords(readFileSync(join(out, 'qra-distances.csv'), 'utf8'));
    // P1 is new (the first status its contours state); the rings' vertices lie on circles of 600, 450 and 100 m
    expect(
      rows.map((r) => [
        r.installation_id,
        r.installation_status,
        r.target_class,
        r.criterion_per_year,
        r.contour_found,
        r.max_distance_m,
      ]),
    ).toEqual([
      ['P1', 'new', 'special', '3e-7', 'true', '600.000'],
      ['P1', 'new', 'high_density', '3e-6', 'true', '450.000'],
      ['P1', 'new', 'low_density', '1e-5', 'true', '100.000'],
    ]);
    // nearest: the middle of a 64-gon's chord, r·cos(π/64) on the plane
    expect(Number(rows[0]!.min_distance_m)).toBeCloseTo(600 * Math.cos(Math.PI / 64), 1);
    // without --contours the file is not written
    const plain = join(dir, 'plain');
    await runAssess({ sites: [join(dir, 'sites.csv')], crs: 'wgs84', out: plain });
    expect(existsSync(join(plain, 'qra-distances.csv'))).toBe(false);
  });

  it('whitepaper --contours: the QRA findings in T2 and F5, qra-distances.csv in the set and its checksums, T6 the targets over their criterion', async () => {
    const dir = writeInputs();
    const out = join(dir, 'wp');
    await runAssess({
      sites: [join(dir, 'sites.csv')],
      contours: [join(dir, 'contours.geojson')],
      crs: 'wgs84',
      out,
      whitepaper: true,
      dataDate: '2026-11-01',
    });
    const assessed = join(dir, 'assessed');
    await runAssess({
      sites: [join(dir, 'sites.csv')],
      contours: [join(dir, 'contours.geojson')],
      crs: 'wgs84',
      out: assessed,
      dataDate: '2026-11-01',
    });
    expect(readFileSync(join(out, 'qra-distances.csv'), 'utf8')).toBe(
      readFileSync(join(assessed, 'qra-distances.csv'), 'utf8'),
    );
    expect(readFileSync(join(out, 'checksums.sha256'), 'utf8')).toMatch(/ {2}qra-distances\.csv\n/);
    const t2 = csvRecords(readFileSync(join(out, 'tables/T2-violations.csv'), 'utf8'));
    expect(t2.some((r) => Object.values(r).includes('qra-ir-special-new'))).toBe(true);
    expect(readFileSync(join(out, 'figures/F5-setback-compliance.csv'), 'utf8')).toContain(
      '有定量风险评价的装置(新建)',
    );
    const t6 = csvRecords(readFileSync(join(out, 'tables/T6-qra-exceedances.csv'), 'utf8'));
    expect(
      t6.map((r) => [r['状态'], r['装置'], r['防护目标'], r['所在等值线个人风险(/年)'], r['可接受风险基准(/年)']]),
    ).toEqual([['超标', '储罐区(P1)', '实验小学(S1)', '3×10⁻⁶', '3×10⁻⁷']]);
    expect(t6[0]!['依据']).toContain('个人可接受风险标准');
    expect(readFileSync(join(out, 'whitepaper.html'), 'utf8')).toContain('表6 个人风险超标的防护目标清单');
  }, 120_000);

  it('warns when --crs auto reads the sites in another system than the contours (WGS-84)', async () => {
    const dir = writeInputs();
    // the same sites with headers naming GCJ-02: read as GCJ-02 under --crs auto
    writeFileSync(
      join(dir, 'sites-gcj.csv'),
      readFileSync(join(dir, 'sites.csv'), 'utf8').replace('经度,纬度', 'lon_gcj02,lat_gcj02'),
    );
    const files = async (sites: string, crs: string) => {
      const out = join(dir, `out-${sites}-${crs}`);
      await runAssess({ sites: [join(dir, sites)], contours: [join(dir, 'contours.geojson')], crs, out });
      return JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8')).files as {
        file: string;
        crs: string;
        warnings: { code?: string }[];
      }[];
    };
    const codes = (f: Awaited<ReturnType<typeof files>>) =>
      f.find((x) => x.file === 'contours.geojson')!.warnings.map((w) => w.code);
    const gcj = await files('sites-gcj.csv', 'auto');
    expect(gcj[0]!.crs).toBe('gcj02');
    expect(codes(gcj)).toContain('contours_crs_assumed');
    expect(codes(await files('sites.csv', 'auto'))).not.toContain('contours_crs_assumed');
    expect(codes(await files('sites-gcj.csv', 'gcj02'))).not.toContain('contours_crs_assumed');
  });

  it('reads the ways assessors write a probability per year', () => {
    expect([
      parseRisk('1e-5'),
      parseRisk('3E-06'),
      parseRisk('1×10-5'),
      parseRisk('1x10^-5'),
      parseRisk('3×10⁻⁷'),
      parseRisk('10^-6'),
      parseRisk('0.00001'),
      parseRisk('1×10-5/年'),
    ]).toEqual([1e-5, 3e-6, 1e-5, 1e-5, 3e-7, 1e-6, 1e-5, 1e-5]);
    expect([parseRisk('high'), parseRisk('0'), parseRisk('2'), parseRisk('-1e-5')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
