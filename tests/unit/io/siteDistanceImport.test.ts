// Import of the people within 500 m of a 重大危险源 (its α) and the warning that a category outside GB/T 37243's
// scope cannot replace the tables with its own distance.
import { describe, expect, it } from 'vitest';
import { importSites } from '../../../src/io';
import { demoZones } from '../../helpers/files';

const zones = demoZones();
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('importSites: people within 500 m and declared distances', () => {
  const csv = [
    '编号,名称,类别,经度,纬度,500米内人数,防护距离,危险物质',
    'A,store,危险化学品储存设施,118.78,32.04,40,300,30/10*2',
    'B,station,加油站,118.78,32.04,,20,',
    'C,fireworks,烟花爆竹零售点,118.78,32.04,,60,',
    'D,negative people,危险化学品储存设施,118.78,32.04,-3,,',
    'E,fractional people,危险化学品储存设施,118.78,32.04,12.5,,',
    'F,station without distance,加油站,118.78,32.04,,,',
  ].join('\n');
  const { sites, report } = importSites('p.csv', utf8(csv), { crs: 'wgs84', zones });

  it('reads 500米内人数 as people500m', () => {
    expect(sites.find((s) => s.id === 'A')).toMatchObject({
      people500m: 40,
      protectionDistanceM: 300,
      majorHazardItems: [{ q: 30, Q: 10, beta: 2 }],
    });
  });

  it('also knows the English header people_500m', () => {
    const r = importSites('q.csv', utf8('id,name,category,lon,lat,people_500m\nX,x,hazchem_storage,118.78,32.04,0'), {
      crs: 'wgs84',
      zones,
    });
    expect(r.sites[0]).toMatchObject({ people500m: 0 });
  });

  it.each([
    [5, /非负整数/],
    [6, /非负整数/],
  ])('rejects line %i: a people count must be a whole number ≥ 0', (line, reason) => {
    const e = report.errors.find((x) => x.line === line)!;
    expect(e).toMatchObject({ field: 'people_500m' });
    expect(e.reason).toMatch(reason);
  });

  it('warns that a petrol station’s or fireworks shop’s own distance cannot replace the table (GB/T 37243 scope), and not for a hazchem store', () => {
    const scope = report.warnings.filter((w) => w.field === 'protection_distance_m' && /GB\/T 37243/.test(w.reason));
    expect(scope.map((w) => w.line)).toEqual([3, 4]);
    expect(scope[0]!.reason).toMatch(/「加油站」不属 GB\/T 37243-2019 适用范围:自报防护距离 20 m 不能替代规范表列距离/);
  });
});
