import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BinaryFileError, crsGivenByUser, FileFormatError, importSites, MAX_IMPORT_BYTES } from '../../../src/io';
import { demoZones, fixtureBytes } from '../../helpers/files';

const zones = demoZones();
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('importSites: a GBK file with Chinese headers and bad rows', () => {
  const { sites, report } = importSites('sites-gbk.csv', fixtureBytes('sites-gbk.csv'), { crs: 'wgs84', zones });

  it('decodes GBK and maps the Chinese headers', () => {
    expect(report.encoding).toBe('gb18030');
    expect(sites.find((s) => s.id === 'GBK-001')).toMatchObject({
      name: '鼓楼示例加油站',
      category: 'fuel_station',
      district: '鼓楼区',
      stationGrade: 2,
      vapourRecovery: 'full',
      likelihood: 4,
      severity: 4,
    });
  });

  it('accounts for every row: accepted + rejected = rows read (blank lines are not rows)', () => {
    expect(report.rows).toBe(11); // lines 2–13 less the blank line 11
    expect(report.accepted + report.rejected).toBe(report.rows);
    expect(sites.map((s) => s.id)).toEqual(['GBK-001', 'GBK-002', 'GBK-011']);
  });

  it.each([
    [4, 'category', /未知类别「加油点」/],
    [5, 'id', /编号缺失/],
    [6, 'id', /重复.*第 3 行/],
    [7, 'likelihood', /1–5 的整数/],
    [8, 'lon', /互换/],
    [9, 'lon', /投影坐标/],
    [10, 'lon', /经度不是数字/],
    [12, 'lon', /研究区范围之外/],
  ])('rejects line %i on field %s with its reason', (line, field, reason) => {
    const error = report.errors.find((e) => e.line === line);
    expect(error).toMatchObject({ field });
    expect(error!.reason).toMatch(reason);
  });
});

describe('importSites: UTF-8 with BOM', () => {
  const { sites, report } = importSites('sites-utf8-bom.csv', fixtureBytes('sites-utf8-bom.csv'), {
    crs: 'wgs84',
    zones,
  });

  it('keeps a quoted field spanning two lines and skips comment lines', () => {
    expect(report.encoding).toBe('utf-8');
    expect(report.rows).toBe(3);
    expect(sites[0]).toMatchObject({ id: 'U-1', name: '多行\n名称', controls: '巡查,记录' });
  });

  it('keeps hostile names as plain data (escaping happens where they are shown or written)', () => {
    expect(sites.map((s) => s.name)).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('importSites: files that are not site tables', () => {
  it('refuses an empty file with the expectation stated', () => {
    expect(() => importSites('empty.csv', fixtureBytes('empty.csv'), { crs: 'wgs84', zones })).toThrow(FileFormatError);
    expect(() => importSites('empty.csv', fixtureBytes('empty.csv'), { crs: 'wgs84', zones })).toThrow(
      /expected a header row/,
    );
  });

  it('reads a header-only file as zero rows', () => {
    expect(importSites('h.csv', fixtureBytes('header-only.csv'), { crs: 'wgs84', zones }).report).toMatchObject({
      rows: 0,
      accepted: 0,
      rejected: 0,
    });
  });

  it('refuses a binary file renamed .csv', () => {
    expect(() => importSites('binary.csv', fixtureBytes('binary.csv'), { crs: 'wgs84', zones })).toThrow(
      BinaryFileError,
    );
  });

  it('reports a row with no geometry', () => {
    const { report } = importSites('g.csv', utf8('id,name,category\nA,a,school\n'), { crs: 'wgs84', zones });
    expect(report.errors[0]).toMatchObject({ line: 2, field: 'lon' });
    expect(report.errors[0]!.reason).toMatch(/no geometry/);
  });

  it('reads a WKT column', () => {
    const { sites } = importSites(
      'w.csv',
      utf8('id,name,category,wkt\nA,a,school,"POLYGON((118.78 32.04,118.781 32.04,118.781 32.041,118.78 32.04))"\n'),
      { crs: 'wgs84', zones },
    );
    expect(sites[0]!.geometry.type).toBe('Polygon');
  });

  it('reads a hazchem installation’s status (新建/在役, new/existing) and rejects a status it cannot read', () => {
    const csv =
      '编号,名称,类别,经度,纬度,装置状态\nA,甲,危险化学品储存设施,118.8,32.0,在役\nB,乙,危险化学品储存设施,118.81,32.0,改建\nC,丙,危险化学品储存设施,118.82,32.0,不详\nD,丁,危险化学品储存设施,118.83,32.0,\n';
    const r = importSites('s.csv', new TextEncoder().encode(csv), { crs: 'wgs84', zones });
    expect(r.sites.map((s) => [s.id, s.installationStatus])).toEqual([
      ['A', 'existing'],
      ['B', 'new'],
      ['D', undefined],
    ]);
    expect(r.report.errors).toEqual([expect.objectContaining({ line: 4, field: 'installation_status' })]);
  });

  it('rejects an id already loaded from another file', () => {
    const { report } = importSites('d.csv', utf8('id,name,category,lon,lat\nA,a,school,118.78,32.04\n'), {
      crs: 'wgs84',
      zones,
      existingIds: new Set(['A']),
    });
    expect(report.errors[0]!.reason).toMatch(/已加载/);
  });
});

describe('importSites: coordinates', () => {
  it('converts GCJ-02 to WGS-84', () => {
    const { sites, report } = importSites('g.csv', utf8('id,name,category,lon,lat\nA,a,school,118.784,32.041\n'), {
      crs: 'gcj02',
      zones,
    });
    expect(report.crs).toBe('gcj02');
    const [lon, lat] = (sites[0]!.geometry as { coordinates: number[] }).coordinates;
    // GCJ-02 lies ≈ 500 m north-east of WGS-84 in Nanjing (reference §4.1)
    expect(lon!).toBeLessThan(118.784 - 0.003);
    expect(lat!).toBeGreaterThan(32.041 - 0.0001 - 0.003);
  });
});

describe('importSites never throws on row content (property)', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', '学校', '加油站', '118.78', '32.04', '6', '=1+1', '"', ',', '\n'),
  );
  it('accepted + rejected = rows read for arbitrary tables', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 5, maxLength: 7 }), { maxLength: 20 }), (rows) => {
        const text =
          'id,name,category,lon,lat\n' +
          rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\n');
        const { report } = importSites('p.csv', utf8(text), { crs: 'wgs84', zones });
        expect(report.accepted + report.rejected).toBe(report.rows);
      }),
      { numRuns: 150 },
    );
  });
});

describe('importSites: LEC and 重大危险源 columns', () => {
  const csv = [
    '编号,名称,类别,经度,纬度,lec_l,lec_e,lec_c,重大危险源等级,mh_alpha,mh_items',
    'A,lec ok,建筑施工,118.78,32.04,6,6,7,,,',
    'B,lec bad factor,建筑施工,118.78,32.04,5,6,7,,,',
    'C,lec missing C,建筑施工,118.78,32.04,6,6,,,,',
    'D,grade,危险化学品储存设施,118.78,32.04,,,,二级,,',
    'E,substances,危险化学品储存设施,118.78,32.04,,,,,2,20/5*4; 100/50*1.5',
    'F,bad substances,危险化学品储存设施,118.78,32.04,,,,,2,twenty tonnes',
    'G,bad alpha,危险化学品储存设施,118.78,32.04,,,,,1.7,20/5*4',
  ].join('\n');
  const { sites, report } = importSites('m.csv', utf8(csv), { crs: 'wgs84', zones });

  it('keeps valid LEC factors and substance lists', () => {
    expect(sites.find((s) => s.id === 'A')).toMatchObject({ lecL: 6, lecE: 6, lecC: 7 });
    expect(sites.find((s) => s.id === 'D')).toMatchObject({ majorHazardGrade: 2 });
    expect(sites.find((s) => s.id === 'E')).toMatchObject({
      majorHazardAlpha: 2,
      majorHazardItems: [
        { q: 20, Q: 5, beta: 4 },
        { q: 100, Q: 50, beta: 1.5 },
      ],
    });
  });

  it.each([
    [3, 'lec_l', /不在 LEC 取值表中/],
    [4, 'lec_c', /须同时提供/],
    [7, 'mh_items', /q\/Q\*β/],
    [8, 'mh_alpha', /40号令/],
  ])('rejects line %i on %s', (line, field, reason) => {
    const e = report.errors.find((x) => x.line === line)!;
    expect(e).toMatchObject({ field });
    expect(e.reason).toMatch(reason);
  });
});

describe('importSites: limits', () => {
  it('refuses a file over the size limit with the limit stated', () => {
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(() => importSites('huge.csv', huge, { crs: 'wgs84', zones })).toThrow(/上限 256 MB/);
  });
});

describe('importSites: rejected rows', () => {
  it('keeps every rejected row, and every kept row with a note, as read, so it can be downloaded, fixed and uploaded again', () => {
    const { rejectedRows, report } = importSites('sites-gbk.csv', fixtureBytes('sites-gbk.csv'), {
      crs: 'wgs84',
      zones,
    });
    expect(rejectedRows.headers.slice(0, 3)).toEqual(['编号', '名称', '类别']);
    const noted = [...report.errors, ...report.warnings].map((e) => e.line);
    expect(rejectedRows.rows.map((r) => r.line)).toEqual([...new Set(noted)].sort((a, b) => a - b));
    expect(report.warnings.map((w) => w.line)).toEqual([2, 13]); // kept rows with a note (no protection distance)
    expect(rejectedRows.rows.find((r) => r.line === 7)!.cells.slice(0, 2)).toEqual(['GBK-006', '可能性越界']);
  });

  it('gives the cells as read for a row rejected late (outside the study area), control characters included', () => {
    const odd = 'a\u0001b';
    const { rejectedRows, report } = importSites(
      'far.csv',
      utf8(`id,name,category,lon,lat\nA,${odd},school,100.5,25.0\nB,plain,school,100.6,25.1\n`),
      { crs: 'wgs84', zones },
    );
    expect(report.rejected).toBe(2);
    expect(rejectedRows.rows.map((r) => r.cells)).toEqual([
      ['A', odd, 'school', '100.5', '25.0'],
      ['B', 'plain', 'school', '100.6', '25.1'],
    ]);
  });
});

describe('importSites on arbitrary bytes (property)', () => {
  it('either accounts for every row or refuses the whole file with a typed error — never anything else', () => {
    const header = new TextEncoder().encode('id,name,category,lon,lat\n');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (body, withHeader) => {
        const bytes = withHeader ? Uint8Array.from([...header, ...body]) : body;
        try {
          const { report } = importSites('fuzz.csv', bytes, { crs: 'wgs84', zones });
          expect(report.accepted + report.rejected).toBe(report.rows);
        } catch (e) {
          expect(e instanceof FileFormatError || e instanceof BinaryFileError, String(e)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('importSites: a map-app export with no id and no category column', () => {
  const bytes = fixtureBytes('fuel-no-id-bd09.gbk.csv');

  it('makes ids from the file name and line numbers, says so once, and rejects every row for its missing category', () => {
    const { sites, report } = importSites('fuel-no-id-bd09.gbk.csv', bytes, { crs: 'auto', zones });
    expect(sites).toEqual([]);
    expect(report.rejected).toBe(4);
    expect(report.errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'category'],
      [3, 'category'],
      [4, 'category'],
      [5, 'category'],
    ]);
    expect(report.warnings[0]).toMatchObject({ line: 1, field: 'id' });
    expect(report.warnings[0]!.reason).toMatch(/fuel-no-id-bd09\.gbk-2/);
  });

  it('reads every row once the user gives all rows a category, in BD-09 as suggested', () => {
    const { sites, report } = importSites('fuel-no-id-bd09.gbk.csv', bytes, {
      crs: 'auto',
      zones,
      allRowsCategory: 'fuel_station',
    });
    expect(report).toMatchObject({ accepted: 4, rejected: 0, crs: 'bd09', allRowsCategory: 'fuel_station' });
    expect(sites.map((s) => [s.id, s.category, s.district])).toEqual([
      ['fuel-no-id-bd09.gbk-2', 'fuel_station', '秦淮区'],
      ['fuel-no-id-bd09.gbk-3', 'fuel_station', '建邺区'],
      ['fuel-no-id-bd09.gbk-4', 'fuel_station', '栖霞区'],
      ['fuel-no-id-bd09.gbk-5', 'fuel_station', '玄武区'],
    ]);
  });

  it('keeps a category column over the all-rows category', () => {
    const csv = utf8('id,name,category,lon,lat\nA,a,学校,118.78,32.04\n');
    const { sites, report } = importSites('a.csv', csv, { crs: 'wgs84', zones, allRowsCategory: 'fuel_station' });
    expect(sites[0]!.category).toBe('school');
    expect(report.allRowsCategory).toBeUndefined();
    expect(report.warnings).toEqual([]);
  });
});

describe('importSites: whether the coordinate system was given or inferred', () => {
  const csv = utf8('id,name,category,lon,lat\nA,甲,school,118.78,32.04\n');
  it('marks a report whose coordinate system the user gave, and no other', () => {
    const given = importSites('a.csv', csv, { crs: 'gcj02', zones }).report;
    const inferred = importSites('a.csv', csv, { crs: 'auto', zones }).report;
    expect(given.crsGiven).toBe(true);
    expect(crsGivenByUser(given)).toBe(true);
    expect(inferred.crsGiven).toBeUndefined();
    expect(crsGivenByUser(inferred)).toBe(false);
  });
  it('reads a report saved before the flag existed from its evidence text', () => {
    expect(crsGivenByUser({ crsEvidence: '用户指定 (given)' })).toBe(true);
    expect(crsGivenByUser({ crsEvidence: '列名 lon_gcj02' })).toBe(false);
  });
});
