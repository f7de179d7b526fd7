import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Papa from 'papaparse';
import { assess, LEVEL_ZH, LEVELS } from '../../src/engine';
import { riskByDistrictFigure } from '../../src/figures/countFigures';
import { createConfig, createSite } from '../helpers/sites';

const OPTIONS = { dataDate: '2026-11-01', methodName: 'matrix-A', attribution: '© OpenStreetMap contributors' };

function statsFor(districts: string[]) {
  const sites = districts.flatMap((d, i) => [
    createSite({ id: `${i}-a`, category: 'construction', district: d, likelihood: 5, severity: 5 }),
    createSite({ id: `${i}-b`, category: 'traffic', district: d, likelihood: 1, severity: 2 }),
    createSite({ id: `${i}-c`, category: 'traffic', district: d, likelihood: 2, severity: 2 }),
  ]);
  return assess({ sites, zones: [] }, createConfig());
}

describe('F3 risk points by district and level', () => {
  const stats = statsFor(['鼓楼区', '玄武区']);
  const figure = riskByDistrictFigure(stats, [], OPTIONS);

  it('is well-formed SVG with its title, data date, method, attribution and the four level names', () => {
    expect(XMLValidator.validate(figure.svg)).toBe(true);
    for (const text of [
      '图3 各区风险点与防护目标数量',
      '按位置落在区内',
      '2026-11-01',
      'matrix-A',
      '© OpenStreetMap contributors',
      ...LEVELS.map((l) => LEVEL_ZH[l]),
    ]) {
      expect(figure.svg).toContain(text);
    }
  });

  it('has a CSV whose counts sum to the summary and appear on the figure', () => {
    const rows = Papa.parse<string[]>(figure.csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    const total = rows.reduce((n, r) => n + r.slice(1, -1).reduce((m, c) => m + Number(c), 0), 0);
    expect(rows.map((r) => Number(r.at(-1)))).toEqual(
      rows.map((r) => r.slice(1, -1).reduce((m, c) => m + Number(c), 0)),
    );
    const s = stats.stats.sitesByLevel;
    expect(total).toBe(s.red + s.orange + s.yellow + s.blue + s.unscored);
    expect(rows.map((r) => r[0])).toEqual(['玄武区', '鼓楼区']);
    expect(figure.svg).toMatch(/>1<\/text>/);
    expect(figure.svg).toMatch(/>2<\/text>/);
  });

  it('writes the same bytes twice', () => {
    expect(riskByDistrictFigure(stats, [], OPTIONS).svg).toBe(figure.svg);
  });

  it('keeps a hostile district name as inert text', () => {
    const hostile = riskByDistrictFigure(statsFor(['<script>alert(1)</script>', '=HYPERLINK("x")']), [], OPTIONS);
    expect(XMLValidator.validate(hostile.svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(hostile.svg);
    expect(JSON.stringify(doc)).not.toMatch(/"script"/);
    expect(hostile.svg).toContain('&lt;script&gt;');
    expect(hostile.csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
