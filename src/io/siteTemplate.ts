// The downloadable import template: Chinese headers, two example rows, and the category list as comment lines.
import { CATEGORIES } from '../engine';
import { toCsv } from './csvWrite';

const HEADERS = ['编号', '名称', '类别', '经度', '纬度', '所属区域', '行业领域', '可能性', '严重性', '站级', '油气回收', '使用人数', '床位数', '外部安全防护距离(m)', '责任单位', '管控措施'];

const EXAMPLES: string[][] = [
  ['JY-0001', '示例加油站', '加油站', '118.7801234', '32.0412345', '鼓楼区', '危险化学品', '3', '4', '二级', '卸油+加油', '', '', '', '示例石油公司', '双重预防机制运行'],
  ['JY-0002', '示例小学', '中小学', '118.7811234', '32.0422345', '鼓楼区', '', '', '', '', '', '800', '', '', '', ''],
];

/** UTF-8 with BOM so Excel and WPS show the Chinese headers. Lines starting with # are skipped on import. */
export function siteTemplateCsv(): string {
  const body = toCsv(EXAMPLES, HEADERS.map((h, i) => ({ header: h, value: (r: string[]) => r[i] })), { bom: true });
  const notes = [
    '# 必填:编号、名称、类别,以及 经度/纬度(或 WKT 列)。可能性、严重性为 1–5 的整数。坐标系在导入时选择。',
    `# 类别可填:${CATEGORIES.map((c) => c.zh).join('、')}`,
  ];
  return body + notes.join('\n') + '\n';
}
