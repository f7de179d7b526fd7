// assess --contours: QRA individual-risk contours read from GeoJSON with every feature accounted for in
// import-report.json, and the verdicts in violations.csv with the risk and criterion in their own columns.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
const feature = (props: Record<string, unknown>, geometry: unknown) => ({ type: 'Feature', properties: props, geometry });

describe('assess --contours', () => {
  it('accounts for every contour and writes the verdicts with risk and criterion', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'usrm-qra-'));
    const [sx, sy] = at(300);
    const [kx, ky] = at(700);
    writeFileSync(join(dir, 'sites.csv'), `编号,名称,类别,经度,纬度\nP1,储罐区,危险化学品储存设施,${C[0]},${C[1]}\nS1,实验小学,学校,${sx},${sy}\nS2,远处小学,学校,${kx},${ky}\n`);
    writeFileSync(join(dir, 'contours.geojson'), JSON.stringify({
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
    }));
    const out = join(dir, 'out');
    await runAssess({ sites: [join(dir, 'sites.csv')], contours: [join(dir, 'contours.geojson')], crs: 'wgs84', out });
    const report = JSON.parse(readFileSync(join(out, 'import-report.json'), 'utf8')).files.find((f: { file: string }) => f.file === 'contours.geojson');
    expect(report).toMatchObject({ rows: 7, accepted: 4, rejected: 3 });
    expect(report.errors.map((e: { line: number }) => e.line)).toEqual([5, 6, 7]);
    expect(report.warnings.some((w: { code?: string; line: number }) => w.code === 'contours_not_nested' && w.line === 4)).toBe(true);
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'violations.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const qra = rows.filter((r) => r.rule_id!.startsWith('qra-'));
    // S1 at 300 m lies in the 1e-6 contour (400 m); a new installation's school is held to 3e-7: over. S2 at 700 m is
    // outside the 3e-7 contour: no finding. (The not-nested 3e-6 ring at 450 m also holds S1 and is the highest.)
    expect(qra.map((r) => [r.target_id, r.status, r.risk_per_year, r.criterion_per_year, r.installation_status, r.required_m])).toEqual([
      ['S1', 'violation', '3e-6', '3e-7', 'new', ''],
    ]);
    // distance findings keep the three columns empty
    for (const r of rows.filter((x) => !x.rule_id!.startsWith('qra-'))) expect([r.risk_per_year, r.criterion_per_year, r.installation_status]).toEqual(['', '', '']);
  });

  it('reads the ways assessors write a probability per year', () => {
    expect([parseRisk('1e-5'), parseRisk('3E-06'), parseRisk('1×10-5'), parseRisk('1x10^-5'), parseRisk('3×10⁻⁷'), parseRisk('10^-6'), parseRisk('0.00001'), parseRisk('1×10-5/年')])
      .toEqual([1e-5, 3e-6, 1e-5, 1e-5, 3e-7, 1e-6, 1e-5, 1e-5]);
    expect([parseRisk('high'), parseRisk('0'), parseRisk('2'), parseRisk('-1e-5')]).toEqual([undefined, undefined, undefined, undefined]);
  });
});
