// whitepaper.html: the figures and tables as one printable A4 document (browser "save as PDF"). Self-contained:
// figures inline as SVG (selectable text), no script, a CSP that allows nothing external. All user text is escaped.
import {
  lecBandRule, LEVEL_ZH, LEVELS, ruleHazardText, ruleTargetText, SOURCE_STATUS_ZH, VIOLATION_STATUS_ZH, type Assessment, type MethodProfile,
  type SetbackRuleTable,
} from '../engine';
import type { ImportFileReport } from '../io';
import { escapeXml as esc } from '../io/escapeXml';
import type { Figure } from '../figures/figure';
import type { Table, TableColumn } from './tables';

export interface ReportInput {
  title: string;
  dataDate: string | null;
  methodName: string;
  attribution: string;
  assessment: Assessment;
  profile: MethodProfile;
  rules: SetbackRuleTable;
  reports: ImportFileReport[];
  figures: Figure[];
  /** figures the set lacks and why, e.g. F6 without a previous assessment */
  missingFigures: { title: string; reason: string }[];
  tables: Table<unknown>[];
  fictitious: boolean;
}

/** Rows printed per table before "…见 CSV/XLSX": keeps the report printable when a city has thousands of findings. */
export const MAX_PRINTED_ROWS = 500;

const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; }
@page wide { size: A4 landscape; margin: 14mm 12mm 16mm; }
:root { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; color: #111; }
body { margin: 0; font-size: 10.5pt; line-height: 1.6; }
h1 { font-size: 22pt; margin: 40mm 0 6mm; text-align: center; }
h2 { font-size: 15pt; border-bottom: 1.5pt solid #333; padding-bottom: 2pt; margin-top: 0; break-before: page; }
section.wide { break-before: page; }
h3 { font-size: 12pt; margin: 8mm 0 2mm; break-after: avoid; }
.cover p { text-align: center; }
.notice { border: 1pt solid #b2182b; padding: 3mm; margin: 8mm 0; }
nav ol { padding-left: 6mm; }
nav a { color: inherit; text-decoration: none; }
figure { margin: 0 0 8mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { text-align: center; font-size: 9.5pt; color: #333; margin-top: 2mm; }
.wide { page: wide; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin-bottom: 4mm; }
th, td { border: 0.5pt solid #777; padding: 1pt 3pt; vertical-align: top; text-align: left; }
thead { display: table-header-group; }
thead th { background: #eee; }
tr { break-inside: avoid; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.level-red { background: #d7191c; color: #fff; } .level-orange { background: #f08a24; } .level-yellow { background: #f7d02c; } .level-blue { background: #2b83ba; }
.caption { font-weight: bold; text-align: center; margin: 2mm 0; }
.note { font-size: 9pt; color: #444; }
@media screen { body { max-width: 180mm; margin: 0 auto; padding: 10mm; } .wide { max-width: 260mm; } section { margin-bottom: 14mm; } }
`;

export function whitepaperHtml(r: ReportInput): string {
  const a = r.assessment;
  const out: string[] = [];
  out.push(
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(r.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<section class="cover">',
    `<h1>${esc(r.title)}</h1>`,
    `<p>数据日期:${esc(r.dataDate ?? '未注明')}</p>`,
    `<p>方法:${esc(r.methodName)}</p>`,
    r.fictitious ? '<p class="notice">本报告含示例数据:标注“虚构”的危险源与风险点为演示而编造,不代表真实单位。</p>' : '',
    `<p class="note">${esc(r.attribution)}</p>`,
    '<p class="note">图表均由输入数据直接生成;各图所据数字见同名 CSV,输入文件的 SHA-256 见表3。</p>',
    '</section>',
  );
  out.push('<nav aria-label="目录"><h2 id="toc">目录</h2><ol>');
  out.push('<li><a href="#overview">概况</a></li>', '<li><a href="#figures">图</a><ol>');
  for (const f of r.figures) out.push(`<li><a href="#${f.id}">${esc(f.title)}</a></li>`);
  out.push('</ol></li>', '<li><a href="#tables">表</a><ol>');
  for (const t of r.tables) out.push(`<li><a href="#${t.id}">${esc(t.title)}</a></li>`);
  out.push('</ol></li>', '<li><a href="#appendix-method">附录A 评估方法</a></li>', '<li><a href="#appendix-data">附录B 数据质量</a></li>', '</ol></nav>');

  out.push('<section id="overview"><h2>1 概况</h2>', overview(a), '</section>');

  out.push('<section id="figures"><h2>2 图</h2>');
  for (const f of r.figures) {
    out.push(`<figure id="${f.id}">`, f.svg.replace(/^<\?xml[^>]*>\s*/, ''), `<figcaption>${esc(f.title)}(数据见 figures/${f.id}.csv)</figcaption>`, '</figure>');
  }
  for (const m of r.missingFigures) out.push(`<p class="note">${esc(m.title)}:${esc(m.reason)}</p>`);
  out.push('</section>');

  // wide tables print on landscape pages; the part heading goes with the first table so it shares its page
  for (const [n, t] of r.tables.entries()) {
    const wide = (t.printColumns ?? t.columns).length > 6;
    out.push(`<section id="${t.id}"${wide ? ' class="wide"' : ''}>`, n === 0 ? '<h2 id="tables">3 表</h2>' : '', `<p class="caption">${esc(t.title)}</p>`, htmlTable(t), '</section>');
  }

  out.push('<section id="appendix-method"><h2>附录A 评估方法</h2>', methodAppendix(r.profile, r.rules), '</section>');
  out.push('<section id="appendix-data"><h2>附录B 数据质量</h2>', dataAppendix(r.reports), '</section>');
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

function overview(a: Assessment): string {
  const s = a.stats.sitesByLevel;
  const z = a.stats.zonesByLevel;
  const total = LEVELS.reduce((n, l) => n + s[l], 0) + s.unscored;
  const status = (k: 'violation' | 'borderline' | 'not_assessed') => a.violations.filter((v) => v.status === k).length;
  return [
    `<p>本次评估共纳入风险点与防护目标 ${total} 个,其中${LEVELS.map((l) => `${LEVEL_ZH[l]} ${s[l]} 个`).join('、')},未评级 ${s.unscored} 个。`,
    `全市划分 ${a.zones.length} 个分区,其中${LEVELS.map((l) => `${LEVEL_ZH[l]}区 ${z[l]} 个`).join('、')}${z.unscored ? `,无风险点的分区 ${z.unscored} 个` : ''}。</p>`,
    `<p>防护距离核查:受检危险源 ${a.stats.hazardsChecked} 个、防护目标 ${a.stats.targetsChecked} 个;`,
    `${VIOLATION_STATUS_ZH.violation} ${status('violation')} 处,${VIOLATION_STATUS_ZH.borderline} ${status('borderline')} 处,`,
    `${VIOLATION_STATUS_ZH.not_assessed}(危险源缺少经评估的外部安全防护距离)${status('not_assessed')} 处。距离均为边缘到边缘的 WGS-84 椭球测地线距离。</p>`,
  ].join('');
}

function htmlTable<T>(t: Table<T>): string {
  const rows = t.rows.slice(0, MAX_PRINTED_ROWS);
  const columns = t.printColumns ?? t.columns;
  const out = ['<table>', '<thead><tr>', ...columns.map((c) => `<th scope="col">${esc(c.header)}</th>`), '</tr></thead>', '<tbody>'];
  for (const row of rows) {
    out.push('<tr>', ...columns.map((c) => cell(c, row)), '</tr>'); // spread-ok: one cell per column
  }
  out.push('</tbody>', '</table>');
  if (t.rows.length > rows.length) out.push(`<p class="note">共 ${t.rows.length} 行,此处列出前 ${rows.length} 行;完整内容见 tables/${t.id}.csv 与 .xlsx。</p>`);
  else if (t.printColumns) out.push(`<p class="note">此处列出主要各列;全部列(含分类依据、量测方式、假设及完整依据)见 tables/${t.id}.csv 与 .xlsx。</p>`);
  if (t.rows.length === 0) out.push('<p class="note">(无)</p>');
  return out.join('');
}

function cell<T>(c: TableColumn<T>, row: T): string {
  const v = c.value(row);
  if (v === null || v === undefined) return '<td></td>';
  if (typeof v === 'number') return `<td class="num">${c.digits === undefined ? v : v.toFixed(c.digits)}</td>`;
  const level = LEVELS.find((l) => LEVEL_ZH[l] === v);
  return level ? `<td class="level-${level}">${esc(v)}</td>` : `<td>${esc(String(v))}</td>`;
}

function methodAppendix(p: MethodProfile, rules: SetbackRuleTable): string {
  const out: string[] = [];
  out.push(`<p>方法配置:${esc(p.name)}(${esc(p.id)})。风险点等级取其适用的各方法所得等级中的最高者。</p>`);
  out.push(`<h3>A.1 风险矩阵:${esc(p.matrix.name)}</h3>`, `<p class="note">依据:${esc(p.matrix.source)}</p>`);
  out.push('<table><thead><tr><th scope="col">可能性 L \\ 严重性 S</th>', ...[1, 2, 3, 4, 5].map((s) => `<th scope="col">S=${s}</th>`), '</tr></thead><tbody>'); // spread-ok: five columns
  for (let l = 5; l >= 1; l--) {
    out.push(`<tr><th scope="row">L=${l}</th>`, ...p.matrix.cells[l - 1]!.map((lv) => `<td class="level-${lv}">${LEVEL_ZH[lv]}</td>`), '</tr>'); // spread-ok: five cells
  }
  out.push('</tbody></table>');
  out.push(`<h3>A.2 作业条件危险性评价(LEC)</h3>`, `<p class="note">依据:${esc(p.lec.source)}</p>`);
  out.push('<table><thead><tr><th scope="col">D = L×E×C</th><th scope="col">等级</th></tr></thead><tbody>');
  p.lec.bands.forEach((b, i) => out.push(`<tr><td>${esc(lecBandRule(p.lec, i))}${b.label ? `(${esc(b.label)})` : ''}</td><td class="level-${b.level}">${LEVEL_ZH[b.level]}</td></tr>`));
  out.push('</tbody></table>');
  if (p.lec.boundaryNote) out.push(`<p class="note">${esc(p.lec.boundaryNote)}</p>`);
  out.push(`<h3>A.3 危险化学品重大危险源分级</h3>`, `<p class="note">依据:${esc(p.majorHazard.source)}</p>`);
  out.push('<table><thead><tr><th scope="col">重大危险源级别</th><th scope="col">R 下限</th><th scope="col">风险等级</th></tr></thead><tbody>');
  for (const g of p.majorHazard.gradeFromR) {
    const lv = p.majorHazard.gradeLevels[String(g.grade) as '1' | '2' | '3' | '4'];
    out.push(`<tr><td>${g.grade} 级</td><td class="num">${g.atLeast}</td><td class="level-${lv}">${LEVEL_ZH[lv]}</td></tr>`);
  }
  out.push('</tbody></table>');
  out.push(`<p class="note">${esc(`校正系数α:${p.majorHazard.alpha.source};未提供α及人数时取 ${p.majorHazard.alpha.default}(${p.majorHazard.alpha.defaultReason})。${p.majorHazard.identification.source}。`)}</p>`);
  out.push(`<h3>A.4 分区聚合</h3><p>${esc(aggregationText(p))}</p>`);
  out.push(`<h3>A.5 防护距离规则:${esc(rules.name)}</h3>`);
  out.push('<table><thead><tr><th scope="col">规则</th><th scope="col">危险源</th><th scope="col">防护目标</th><th scope="col">最小距离(m)</th><th scope="col">依据</th><th scope="col">核实</th></tr></thead><tbody>');
  for (const rule of rules.rules) {
    out.push(
      '<tr>',
      `<td>${esc(rule.id)}</td><td>${esc(ruleHazardText(rule))}</td><td>${esc(ruleTargetText(rule))}</td>`,
      `<td class="num">${rule.min_distance_m === null ? '按该危险源评估的外部安全防护距离' : rule.min_distance_m}</td>`,
      `<td>${esc(rule.source)}</td><td>${esc(SOURCE_STATUS_ZH[rule.status])}</td>`,
      '</tr>',
    );
  }
  out.push('</tbody></table>');
  return out.join('');
}

function aggregationText(p: MethodProfile): string {
  const g = p.aggregation;
  if (g.mode === 'max') return '就高:分区等级取区内(及其防护范围覆盖该分区的)风险点的最高等级。';
  if (g.mode === 'index') return `加权指数:各等级风险点按权重(${LEVELS.map((l) => `${LEVEL_ZH[l]} ${g.index.weights[l]}`).join('、')})求和后按${g.index.normaliser === 'area' ? '面积' : '人口'}归一,依阈值分级。`;
  return '相对分级:按风险点密度在各分区间的相对排名分级;颜色表示相对高低,不代表绝对风险水平。';
}

function dataAppendix(reports: ImportFileReport[]): string {
  if (reports.length === 0) return '<p>(无导入文件)</p>';
  const out: string[] = ['<table><thead><tr><th scope="col">文件</th><th scope="col">编码</th><th scope="col">坐标系</th><th scope="col">读入行</th><th scope="col">接受</th><th scope="col">拒绝</th><th scope="col">警告</th></tr></thead><tbody>'];
  for (const r of reports) {
    out.push(`<tr><td>${esc(r.file)}</td><td>${esc(r.encoding)}</td><td>${esc(r.crs)}</td><td class="num">${r.rows}</td><td class="num">${r.accepted}</td><td class="num">${r.rejected}</td><td class="num">${r.warnings.length}</td></tr>`);
  }
  out.push('</tbody></table>', '<p class="note">每一行均被接受或拒绝:接受 + 拒绝 = 读入行。</p>');
  for (const r of reports) {
    out.push(`<h3>${esc(r.file)}</h3>`, `<p class="note">坐标系判定:${esc(r.crsEvidence || r.crs)}</p>`);
    for (const [kind, list] of [['拒绝原因', r.errors], ['警告', r.warnings]] as const) {
      if (list.length === 0) continue;
      const byReason = new Map<string, number[]>();
      for (const e of list) {
        const key = `${e.field ? `[${e.field}] ` : ''}${e.reason}`;
        byReason.set(key, [...(byReason.get(key) ?? []), e.line]);
      }
      out.push(`<table><thead><tr><th scope="col">${kind}</th><th scope="col">行数</th><th scope="col">所在行(前 10 个)</th></tr></thead><tbody>`);
      for (const [reason, lines] of [...byReason].sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1))) {
        out.push(`<tr><td>${esc(reason)}</td><td class="num">${lines.length}</td><td>${lines.slice(0, 10).join('、')}</td></tr>`);
      }
      out.push('</tbody></table>');
    }
  }
  return out.join('');
}

