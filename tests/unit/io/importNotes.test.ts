// Rows kept with a note (stated district ≠ position), bounds on what is kept for a million bad rows, the all-rows
// category as a per-file option, and re-upload detection.
import { describe, expect, it } from 'vitest';
import {
  columnsOnly,
  findSameFile,
  headerSetKey,
  importSites,
  MAX_KEPT_ROWS,
  MAX_SAVED_ROW_ENTRIES,
  parseProject,
  reportForSaving,
  sameDistrict,
} from '../../../src/io';
import { pointOnFeature } from '@turf/point-on-feature';
import { demoZones } from '../../helpers/files';

const zones = demoZones();
const utf8 = (s: string) => new TextEncoder().encode(s);
/** a point inside a named Nanjing district (test set-up: the point's zone is what the test is about) */
const inside = (name: string) =>
  pointOnFeature({ type: 'Feature', properties: {}, geometry: zones.find((z) => z.name === name)!.geometry }).geometry
    .coordinates as [number, number];

describe('a stated district that disagrees with the position', () => {
  const [xlon, xlat] = inside('玄武区');
  const csv = `编号,名称,类别,所属区,经度,纬度\nD1,甲,学校,鼓楼区,${xlon},${xlat}\nD2,乙,学校,玄武区,${xlon},${xlat}\nD3,丙,学校,南京市玄武区,${xlon},${xlat}\nD4,丁,学校,玄武,${xlon},${xlat}\n`;
  const { sites, report, rejectedRows } = importSites('d.csv', utf8(csv), { crs: 'wgs84', zones });

  it('keeps the row and warns, naming both districts', () => {
    expect(sites.map((s) => s.id)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(report.warnings).toEqual([
      expect.objectContaining({ line: 2, field: 'district', code: 'district_mismatch' }),
    ]);
    expect(report.warnings[0]!.reason).toMatch(/所属区「鼓楼区」与位置所在分区「玄武区」不一致/);
  });

  it('keeps the row’s cells for the download', () => {
    expect(rejectedRows.rows).toEqual([{ line: 2, cells: ['D1', '甲', '学校', '鼓楼区', String(xlon), String(xlat)] }]);
  });

  it('matches names written with or without 区 or the city', () => {
    expect(sameDistrict('玄武', '玄武区')).toBe(true);
    expect(sameDistrict('南京市玄武区', '玄武区')).toBe(true);
    expect(sameDistrict('鼓楼区', '玄武区')).toBe(false);
  });
});

describe('a large file with every row rejected', () => {
  const n = 25_000;
  const lines = ['id,name,category,lon,lat'];
  for (let i = 0; i < n; i++) lines.push(`R${i},名${i},不明类别${i % 3},118.78,32.04`);
  const { report, rejectedRows } = importSites('bad.csv', utf8(lines.join('\n')), { crs: 'wgs84', zones });

  it('counts every row but keeps the cells of the first MAX_KEPT_ROWS only, saying how many were not kept', () => {
    expect(report.rejected).toBe(n);
    expect(rejectedRows.rows).toHaveLength(MAX_KEPT_ROWS);
    expect(rejectedRows.omitted).toBe(n - MAX_KEPT_ROWS);
    expect(rejectedRows.rows[0]).toEqual({ line: 2, cells: ['R0', '名0', '不明类别0', '118.78', '32.04'] });
    expect(report.rejectionSummary![0]!.count).toBe(n);
  });

  it('saves at most MAX_SAVED_ROW_ENTRIES reasons with the project, the rest counted', () => {
    const saved = reportForSaving(report);
    expect(saved.errors).toHaveLength(MAX_SAVED_ROW_ENTRIES);
    expect(saved.errorsOmitted).toBe(n - MAX_SAVED_ROW_ENTRIES);
    expect(saved.rejectionSummary![0]!.count).toBe(n);
    expect(report.errors).toHaveLength(n); // the import-report itself (CLI, this session) stays whole
    expect(reportForSaving(report)).toBe(saved);
  });
});

describe('the all-rows category', () => {
  it('is an option of one import, not part of a column mapping', () => {
    const { sites, report } = importSites('a.csv', utf8('id,name,lon,lat\nA,a,118.78,32.04\n'), {
      crs: 'wgs84',
      zones,
      allRowsCategory: 'fuel_station',
    });
    expect(sites[0]!.category).toBe('fuel_station');
    expect(report.allRowsCategory).toBe('fuel_station');
  });

  it('is dropped from a remembered mapping that still carries it (saved before it became per-file)', () => {
    expect(columnsOnly({ id: 'id', 备注: null, '\u0000category': 'hospital', odd: 'not-a-field' })).toEqual({
      id: 'id',
      备注: null,
    });
    const { report } = importSites('b.csv', utf8('id,name,lon,lat\nA,a,118.78,32.04\n'), {
      crs: 'wgs84',
      zones,
      mapping: columnsOnly({ '\u0000category': 'hospital' }),
    });
    expect(report).toMatchObject({ accepted: 0, rejected: 1 });
    expect(report.allRowsCategory).toBeUndefined();
  });
});

describe('a remembered column mapping', () => {
  const csv = utf8('code,title,kind,east,north\nK1,工地甲,建筑施工,118.78,32.04\n');
  const remembered = {
    [headerSetKey(['code', 'title', 'kind', 'east', 'north'])]: {
      code: 'id',
      title: 'name',
      kind: 'category',
      east: 'lon',
      north: 'lat',
    },
  } as const;

  it('is applied as the file is read when its header set matches (one reading, not two)', () => {
    const { sites, report } = importSites('odd.csv', csv, { crs: 'wgs84', zones, rememberedMappings: remembered });
    expect(report).toMatchObject({ accepted: 1, rejected: 0 });
    expect(sites[0]).toMatchObject({ id: 'K1', name: '工地甲', category: 'construction' });
  });

  it('is not applied to other headers, and gives way to the mapping the user gives for this reading', () => {
    const other = importSites('b.csv', utf8('code,title,kind,east,north,extra\nK1,甲,建筑施工,118.78,32.04,x\n'), {
      crs: 'wgs84',
      zones,
      rememberedMappings: remembered,
    });
    expect(other.report.accepted).toBe(0);
    const given = importSites('odd.csv', csv, {
      crs: 'wgs84',
      zones,
      rememberedMappings: remembered,
      mapping: { code: 'id', title: 'name', kind: 'category', east: 'lat', north: 'lon' },
    });
    expect(given.report.accepted).toBe(0); // lon/lat swapped by the user's own mapping: the points leave the study area
  });
});

describe('findSameFile', () => {
  const loaded = [
    { id: 'a#1', file: 'a.csv', report: { sha256: 'aa' } },
    { id: 'b#2', file: 'b.csv', report: { sha256: 'bb' } },
  ];
  it('finds the same bytes (under any name), else the same name, else nothing', () => {
    expect(findSameFile(loaded, 'a.csv', 'aa')).toEqual({ id: 'a#1', identical: true });
    expect(findSameFile(loaded, 'copy of b.csv', 'bb')).toEqual({ id: 'b#2', identical: true });
    expect(findSameFile(loaded, 'a.csv', 'cc')).toEqual({ id: 'a#1', identical: false });
    expect(findSameFile(loaded, 'c.csv', 'cc')).toBeNull();
  });
});

describe('rejected rows in the project record', () => {
  const base = {
    schema: 'usrm-project/2',
    id: 'p',
    name: 'p',
    assessmentDate: '',
    notes: '',
    zones: [],
    zonesSource: '',
    zoning: { kind: 'polygons' },
    revision: 0,
  };
  it('are read back with the dataset, and malformed ones refuse the record', async () => {
    const { DEFAULT_PROFILE, DEFAULT_RULES } = await import('../../../src/engine');
    const report = { file: 'a.csv', rows: 1, accepted: 0, rejected: 1, errors: [], warnings: [] };
    const rejectedRows = { headers: ['id', 'lon'], rows: [{ line: 2, cells: ['A', 'x'] }], omitted: 3 };
    const doc = {
      ...base,
      profile: DEFAULT_PROFILE,
      rules: DEFAULT_RULES,
      datasets: [{ file: 'a.csv', sites: [], report, demo: false, rejectedRows }],
    };
    expect(parseProject(doc).datasets[0]!.rejectedRows).toEqual(rejectedRows);
    const bad = {
      ...doc,
      datasets: [{ ...doc.datasets[0]!, rejectedRows: { headers: ['id'], rows: [{ line: 2, cells: [1] }] } }],
    };
    expect(() => parseProject(bad)).toThrow(/rejectedRows/);
  });
});
