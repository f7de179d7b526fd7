// Rejections grouped by reason before the line-by-line list, with the likeliest cause where the rows tell it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CITY_CENTRES, importSites, nearestCity, readZones, summariseRejections } from '../../../src/io';
import { zoneLocator } from '../../../src/engine';
import { demoZones, fixtureBytes } from '../../helpers/files';

const nanjing = demoZones();
const shanghai = readZones(
  readFileSync(resolve(__dirname, '../../fixtures/cities/shanghai_districts.wgs84.geojson'), 'utf8'),
);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** n synthetic rows on a small grid around (lon, lat): invented, not a real list. */
function gridCsv(n: number, lon: number, lat: number, category = '加油站'): Uint8Array {
  const lines = ['id,name,category,lon,lat'];
  for (let i = 0; i < n; i++)
    lines.push(
      `P${i},站${i},${category},${(lon + (i % 10) * 0.01).toFixed(4)},${(lat + Math.floor(i / 10) * 0.01).toFixed(4)}`,
    );
  return utf8(lines.join('\n') + '\n');
}

describe('the outside-the-study-area summary', () => {
  it('names the city a file lies in (Shanghai rows against Nanjing zones), east and ~210 km off', () => {
    const { report } = importSites('sh.csv', gridCsv(40, 121.4, 31.15), { crs: 'wgs84', zones: nanjing });
    expect(report.rejected).toBe(40);
    const [group] = report.rejectionSummary!;
    expect(group).toMatchObject({ kind: 'outside_study_area', count: 40, lines: [2, 3, 4, 5, 6] });
    expect(group!.cause).toMatch(/^全部 40 行位于研究区之外:文件中的位置在 上海市 一带/);
    expect(group!.cause).toMatch(/请载入该城市的分区/);
    // Nanjing reaches 119.24° E (its easternmost district, 溧水/高淳); the rows' middle is at ~121.44° E, 31.17° N:
    // 2.2° of longitude × 111.3 km × cos 31.2° ≈ 210 km to the east
    const km = Number(/以东约 (\d+) km/.exec(group!.cause!)?.[1]);
    expect(km).toBeGreaterThan(190);
    expect(km).toBeLessThan(230);
  });

  it('says how far and which way when no listed city is near (rows in Qinghai, far from Xining)', () => {
    const { report } = importSites('qh.csv', gridCsv(20, 98.0, 33.5), { crs: 'wgs84', zones: nanjing });
    const cause = report.rejectionSummary![0]!.cause!;
    expect(cause).toMatch(/^全部 20 行位于研究区之外:文件中的位置在分区范围以西约 [\d ]+ km/);
    expect(cause).not.toMatch(/一带/);
    // ≥ 118.37 − 98.05 = 20.3° of longitude west of Nanjing's extent: at least 20.3 × 111.3 × cos 33.6° ≈ 1 880 km
    const km = Number(/以西约 ([\d ]+) km/.exec(cause)![1]!.replace(/ /g, ''));
    expect(km).toBeGreaterThan(1800);
    expect(km).toBeLessThan(2100);
  });

  it('says "N rows" rather than "all" when only some rows are outside, and the file counts stay whole', () => {
    const csv = new TextDecoder().decode(gridCsv(3, 121.4, 31.15)) + 'N1,南京站,加油站,118.78,32.04\n';
    const { report } = importSites('mixed.csv', utf8(csv), { crs: 'wgs84', zones: nanjing });
    expect(report).toMatchObject({ rows: 4, accepted: 1, rejected: 3 });
    expect(report.rejectionSummary![0]!.cause).toMatch(/^3 行位于研究区之外/);
  });
});

describe('grouping by reason', () => {
  it('counts each reason once per row, largest group first, and every rejected row is in a group', () => {
    const { report } = importSites('sites-gbk.csv', fixtureBytes('sites-gbk.csv'), { crs: 'wgs84', zones: nanjing });
    const groups = report.rejectionSummary!;
    expect(groups.map((g) => g.count)).toEqual([...groups.map((g) => g.count)].sort((a, b) => b - a));
    const grouped = new Set(groups.flatMap((g) => g.lines));
    expect([...new Set(report.errors.map((e) => e.line))].every((l) => grouped.has(l))).toBe(true);
  });

  it('groups unknown categories and names the commonest values', () => {
    const lines = ['id,name,category,lon,lat'];
    for (let i = 0; i < 7; i++) lines.push(`A${i},a,${i < 5 ? '商务住宅' : '医疗保健'},118.78,32.04`);
    const { report } = importSites('amap.csv', utf8(lines.join('\n')), { crs: 'wgs84', zones: nanjing });
    expect(report.rejectionSummary).toHaveLength(1);
    expect(report.rejectionSummary![0]).toMatchObject({ field: 'category', count: 7 });
    expect(report.rejectionSummary![0]!.cause).toMatch(/「商务住宅」5 行、「医疗保健」2 行/);
  });

  it('tells a file without a category column to map one or give all its rows one', () => {
    const { report } = importSites('no-cat.csv', utf8('id,name,lon,lat\nA,a,118.78,32.04\nB,b,118.79,32.05\n'), {
      crs: 'wgs84',
      zones: nanjing,
    });
    expect(report.rejectionSummary![0]!.cause).toMatch(/全部 2 行都没有类别.*所有行选择一个类别/);
  });

  it('a row with the same reason twice is one row of its group', () => {
    const groups = summariseRejections(
      [
        { line: 2, field: 'lat', reason: '纬度不是数字「x」' },
        { line: 2, field: 'lat', reason: '纬度不是数字「y」' },
        { line: 3, field: 'lat', reason: '纬度不是数字「z」' },
      ],
      { rows: 2, outsidePositions: [], zonesExtent: null },
    );
    expect(groups).toEqual([expect.objectContaining({ count: 2, lines: [2, 3], example: '纬度不是数字「x」' })]);
  });
});

describe('the table of city centres', () => {
  it('puts Shanghai’s and Nanjing’s centres inside their own districts (DataV polygons, independent of the table)', () => {
    for (const [name, zones] of [
      ['上海市', shanghai],
      ['南京市', nanjing],
    ] as const) {
      const c = CITY_CENTRES.find((x) => x.name === name)!;
      expect(zoneLocator(zones)(c.lon, c.lat), name).toBeDefined();
    }
  });

  it('names the nearest city within 60 km, and none beyond', () => {
    expect(nearestCity(121.6, 31.3)?.city.name).toBe('上海市'); // Pudong
    expect(nearestCity(98.0, 33.5)).toBeNull(); // Qinghai plateau
  });
});
