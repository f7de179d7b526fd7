// The downloadable import template: Chinese headers, two example rows, and the category list as comment lines.
import { CATEGORIES } from '../engine';
import { toCsv } from './csvWrite';

const HEADERS = [
  '编号',
  '名称',
  '类别',
  '经度',
  '纬度',
  '所属区域',
  '行业领域',
  '可能性',
  '严重性',
  '站级',
  '油气回收',
  '使用人数',
  '床位数',
  '外部安全防护距离(m)',
  '500米内常住人口',
  '责任单位',
  '管控措施',
  '避难场所类别',
  '有效避难面积',
  '户数',
];

const EXAMPLES: string[][] = [
  [
    'JY-0001',
    '示例加油站',
    '加油站',
    '118.7801234',
    '32.0412345',
    '鼓楼区',
    '危险化学品',
    '3',
    '4',
    '二级',
    '卸油+加油',
    '',
    '',
    '',
    '',
    '示例石油公司',
    '双重预防机制运行',
    '',
    '',
    '',
  ],
  [
    'JY-0002',
    '示例小学',
    '中小学',
    '118.7811234',
    '32.0422345',
    '鼓楼区',
    '',
    '',
    '',
    '',
    '',
    '800',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ],
  // rescue within reach: a fire station's 站级 is its grade (特勤/一级/二级/小型/微型); a shelter's capacity is 使用人数
  // (容纳人数) or its effective area; a compound's residents are 使用人数 or 户数
  [
    'JY-0003',
    '示例消防救援站',
    '消防站',
    '118.7821234',
    '32.0432345',
    '鼓楼区',
    '',
    '',
    '',
    '一级',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ],
  [
    'JY-0004',
    '示例广场应急避难场所',
    '应急避难场所',
    '118.7831234',
    '32.0442345',
    '鼓楼区',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '紧急',
    '3000',
    '',
  ],
  [
    'JY-0005',
    '示例小区',
    '居住区',
    '118.7841234',
    '32.0452345',
    '鼓楼区',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '1200',
  ],
];

/** The same template as an XLSX workbook: the table on the first sheet, the category list on a second. */
export async function siteTemplateXlsx(): Promise<Uint8Array> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));
  const sheet = workbook.addWorksheet('风险点', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS.map((h) => ({ header: h, width: Math.max(10, h.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of EXAMPLES) sheet.addRow(row);
  const categories = workbook.addWorksheet('类别说明');
  categories.columns = [
    { header: '类别', width: 22 },
    { header: '代码', width: 20 },
    { header: '行业领域', width: 14 },
    { header: '同义词', width: 40 },
  ];
  categories.getRow(1).font = { bold: true };
  for (const c of CATEGORIES) categories.addRow([c.zh, c.code, c.domain, c.synonyms.join('、')]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** UTF-8 with BOM so Excel and WPS show the Chinese headers. Lines starting with # are skipped on import. */
export function siteTemplateCsv(): string {
  const body = toCsv(
    EXAMPLES,
    HEADERS.map((h, i) => ({ header: h, value: (r: string[]) => r[i] })),
    { bom: true },
  );
  const notes = [
    '# 必填:编号、名称、类别,以及 经度/纬度(或 WKT 列)。可能性、严重性为 1–5 的整数。坐标系在导入时选择。',
    `# 类别可填:${CATEGORIES.map((c) => c.zh).join('、')}`,
  ];
  return body + notes.join('\n') + '\n';
}
