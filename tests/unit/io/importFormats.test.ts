import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { importSites, importSitesFile } from '../../../src/io';
import { demoZones } from '../../helpers/files';

const zones = demoZones();

async function createWorkbook(sheets: Record<string, (string | number)[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('XLSX import', () => {
  it('reads the first sheet with Chinese headers; rejected rows keep their Excel row number', async () => {
    const bytes = await createWorkbook({
      风险点: [
        ['编号', '名称', '类别', '经度', '纬度', '可能性', '严重性'],
        ['X1', '示例工地', '建筑施工', 118.7801, 32.042, 4, 5],
        ['X2', '坏行', '建筑施工', 118.7801, 32.042, 7, 1],
      ],
      说明: [['这一页不是数据']],
    });
    const { sites, report } = await importSitesFile('sites.xlsx', bytes, { crs: 'wgs84', zones });
    expect(report).toMatchObject({ encoding: 'xlsx', rows: 2, accepted: 1, rejected: 1 });
    expect(sites[0]).toMatchObject({ id: 'X1', category: 'construction', likelihood: 4, severity: 5 });
    expect(report.errors[0]).toMatchObject({ line: 3, field: 'likelihood' });
  });

  it('reads a chosen sheet, and names the sheets when the chosen one is missing', async () => {
    const bytes = await createWorkbook({
      a: [['x']],
      数据: [
        ['id', 'name', 'category', 'lon', 'lat'],
        ['A', 'a', 'school', 118.78, 32.04],
      ],
    });
    expect((await importSitesFile('s.xlsx', bytes, { crs: 'wgs84', zones, sheet: '数据' })).sites).toHaveLength(1);
    await expect(importSitesFile('s.xlsx', bytes, { crs: 'wgs84', zones, sheet: '无' })).rejects.toThrow(
      '工作表「无」不存在',
    );
  });

  it('reads an XLSX renamed .csv by its content', async () => {
    const bytes = await createWorkbook({
      s: [
        ['id', 'name', 'category', 'lon', 'lat'],
        ['A', 'a', 'school', 118.78, 32.04],
      ],
    });
    expect((await importSitesFile('renamed.csv', bytes, { crs: 'wgs84', zones })).report.encoding).toBe('xlsx');
  });
});

describe('UTF-16 CSV', () => {
  const text = '编号,名称,类别,经度,纬度\nU1,学校甲,中小学,118.78,32.04\n';
  const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
  const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);

  it.each([
    ['LE', le, 'utf-16le'],
    ['BE', be, 'utf-16be'],
  ])('decodes UTF-16 %s with its BOM', (_n, bytes, encoding) => {
    const { sites, report } = importSites('u.csv', bytes, { crs: 'wgs84', zones });
    expect(report.encoding).toBe(encoding);
    expect(sites[0]).toMatchObject({ id: 'U1', name: '学校甲', category: 'school' });
  });
});

describe('delimiters', () => {
  it.each([
    ['tab', '\t'],
    ['semicolon', ';'],
  ])('detects %s-separated files', (_n, d) => {
    const text =
      ['id', 'name', 'category', 'lon', 'lat'].join(d) + '\n' + ['A', 'a', 'school', '118.78', '32.04'].join(d) + '\n';
    expect(importSites('t.txt', new TextEncoder().encode(text), { crs: 'wgs84', zones }).sites).toHaveLength(1);
  });
});

describe('templates', () => {
  it('the XLSX template imports as-is: its two example rows are accepted', async () => {
    const { siteTemplateXlsx } = await import('../../../src/io');
    const { report } = await importSitesFile('模板.xlsx', await siteTemplateXlsx(), { crs: 'wgs84', zones });
    expect(report).toMatchObject({ rows: 5, accepted: 5, rejected: 0, unmappedColumns: [] });
  });

  it('the CSV template imports as-is too (its notes are comment lines)', async () => {
    const { siteTemplateCsv } = await import('../../../src/io');
    const { report } = importSites('模板.csv', new TextEncoder().encode(siteTemplateCsv()), { crs: 'wgs84', zones });
    expect(report).toMatchObject({ rows: 5, accepted: 5, rejected: 0 });
  });
});

describe('encoding override', () => {
  it('reads a short GBK file the user marks as GBK even when its bytes also happen to be valid UTF-8', () => {
    // "编号,名称…" encoded as GBK is not valid UTF-8, so detection works; a forced encoding must win either way
    const gbk = Uint8Array.from([
      0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0x6e, 0x61, 0x6d, 0x65, 0x2c, 0x63, 0x61, 0x74, 0x65, 0x67, 0x6f, 0x72, 0x79, 0x2c,
      0x6c, 0x6f, 0x6e, 0x2c, 0x6c, 0x61, 0x74, 0x0a, 0x41, 0x2c, 0x61, 0x2c, 0x73, 0x63, 0x68, 0x6f, 0x6f, 0x6c, 0x2c,
      0x31, 0x31, 0x38, 0x2e, 0x37, 0x38, 0x2c, 0x33, 0x32, 0x2e, 0x30, 0x34, 0x0a,
    ]);
    const forced = importSites('g.csv', gbk, { crs: 'wgs84', zones, encoding: 'gb18030' });
    expect(forced.report.encoding).toBe('gb18030');
    expect(forced.sites[0]!.id).toBe('A'); // the header 编号 was read as id
    const wrong = importSites('g.csv', gbk, { crs: 'wgs84', zones, encoding: 'utf-8' });
    expect(wrong.report.unmappedColumns.length).toBe(1); // mis-decoded 编号 no longer maps: visible in the report
  });
});
