// whitepaper.html: the figures and tables as one printable A4 document (browser "save as PDF"). Self-contained:
// figures as SVG images (vector, selectable text), no script, a CSP that allows nothing external. All user text is escaped.
// Pages are laid out here (pagination.ts) so the table of contents can state page numbers; the browser prints the
// same numbers in the page footer with counter(page).
import {
  lecBandRule,
  LEVEL_ZH,
  LEVELS,
  NO_LEVEL_NOTE_ZH,
  NO_LEVEL_ZH,
  NO_TARGETS_ZH,
  ruleHazardText,
  ruleTargetText,
  SOURCE_STATUS_ZH,
  FINDING_STATUS_ZH,
  type Assessment,
  type MethodProfile,
  type ReachAssessment,
  type ReachProfile,
  type SetbackRuleTable,
} from '../engine';
import { reachBasisRows } from '../figures/reachBasis';
import { reachGapLines, reachOverview } from './reachText';
import { societalGapLines, societalOverview, type SocietalReport } from './societalText';
import { ruleCitation } from '../engine';
import { NO_COORDINATES, type ImportFileReport } from '../io';
import { aliasesOf, CANONICAL_FIELDS, type CanonicalField } from '../io/columns';
import { escapeXml as esc } from '../io/escapeXml';
import type { Figure } from '../figures/figure';
import type { Table, TableColumn } from './tables';
import { missingDataLines, notAssessedReason, type MissingData } from './missingData';
import { ENCODING_ZH } from './encodingNames';
import {
  CAPTION_MM,
  CONTENT_MM,
  H2_MM,
  H3_MM,
  paginate,
  paragraphMm,
  TYPE,
  type Block,
  type Orientation,
  type Page,
  type Part,
  type PrintCell,
  type PrintTable,
} from './pagination';

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
  missing: MissingData;
  fictitious: boolean;
  /** rescue within reach, when the data hold rescue resources or shelters (absent: the report is as before) */
  reach?: { result: ReachAssessment; profile: ReachProfile };
  /** societal risk, when F–N curves were given (absent: the report is as before) */
  societal?: SocietalReport;
}

/** Rows printed per table before "…见 CSV/XLSX": keeps the report printable when a city has thousands of findings. */
export const MAX_PRINTED_ROWS = 500;

const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm; @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; color: #444; } }
@page :first { @bottom-center { content: none; } }
@page wide { size: A4 landscape; margin: 14mm 12mm 16mm; }
:root { font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif; color: #111; }
body { margin: 0; font-size: ${TYPE.body.size}pt; line-height: ${TYPE.body.line}; }
.page { break-before: page; }
.page:first-child { break-before: auto; }
.wide { page: wide; }
h1 { font-size: 22pt; margin: 40mm 0 6mm; text-align: center; line-height: 1.3; }
h2 { font-size: 15pt; line-height: 1.3; border-bottom: 1.5pt solid #333; padding-bottom: 2pt; margin: 0 0 4mm; }
h3 { font-size: 12pt; line-height: 1.3; margin: 4mm 0 2mm; }
p { margin: 0 0 2.5mm; }
.cover p { text-align: center; }
.notice { border: 1pt solid #b2182b; padding: 3mm; margin: 8mm 0; }
nav ol { list-style: none; padding: 0; margin: 0; }
nav li { display: flex; gap: 2mm; line-height: 1.5; margin: 0 0 1.5mm; }
nav li.sub { padding-left: 8mm; }
nav a { color: inherit; text-decoration: none; }
nav .dots { flex: 1; border-bottom: 0.6pt dotted #777; margin-bottom: 1.6mm; }
figure { margin: 0 auto; }
figure img { width: 100%; height: auto; display: block; }
figcaption { text-align: center; font-size: 9.5pt; color: #333; margin-top: 2mm; line-height: 1.4; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; font-size: ${TYPE.table.size}pt; line-height: ${TYPE.table.line}; margin: 0 0 4mm; }
th, td { border: 0.5pt solid #777; padding: 1.5pt 3pt; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
thead th { background: #eee; }
tr { break-inside: avoid; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.level-red { background: #d7191c; color: #fff; } .level-orange { background: #f08a24; } .level-yellow { background: #f7d02c; } .level-blue { background: #2b83ba; }
.level-none { background: #d9d9d9; }
.caption { font-weight: bold; text-align: center; margin: 0 0 2mm; line-height: 1.5; }
.note { font-size: ${TYPE.note.size}pt; line-height: ${TYPE.note.line}; color: #444; }
@media screen { body { background: #f4f4f4; } .page { background: #fff; max-width: 178mm; margin: 0 auto 8mm; padding: 12mm 16mm; } .page.wide { max-width: 273mm; } }
`;

const LEVEL_CLASS = new Map<string, string>([
  ...LEVELS.map((l) => [LEVEL_ZH[l], `level-${l}`] as [string, string]),
  [NO_LEVEL_ZH, 'level-none'],
  [NO_TARGETS_ZH, 'level-none'],
]);

interface TocEntry {
  id: string;
  title: string;
  sub: boolean;
}

export function whitepaperHtml(r: ReportInput): string {
  const a = r.assessment;
  const P = CONTENT_MM.portrait.width;
  const toc: TocEntry[] = [
    { id: 'overview', title: '1 概况', sub: false },
    { id: 'figures', title: '2 图', sub: false },
  ];
  for (const f of r.figures) toc.push({ id: f.id, title: f.title, sub: true });
  toc.push({ id: 'tables', title: '3 表', sub: false });
  for (const t of r.tables) toc.push({ id: t.id, title: t.title, sub: true });
  toc.push(
    { id: 'appendix-method', title: '附录A 评估方法', sub: false },
    { id: 'appendix-data', title: '附录B 数据质量', sub: false },
  );

  const parts: Part[] = [];
  // 1 概况
  const overviewText = [
    ...overview(a),
    ...(r.reach ? reachOverview(a, r.reach.result, r.reach.profile) : []),
    ...(r.societal ? societalOverview(r.societal) : []),
  ];
  const gaps = [
    ...missingDataLines(r.missing),
    ...(r.reach ? reachGapLines(r.reach.result) : []),
    ...(r.societal ? societalGapLines(r.societal) : []),
  ];
  parts.push({
    orientation: 'portrait',
    blocks: [
      h2('overview', '1 概况'),
      ...overviewText.map((t) => html(`<p>${esc(t)}</p>`, paragraphMm(t, P))),
      ...(gaps.length
        ? [
            html('<p><b>数据缺失说明</b></p>', paragraphMm('数据缺失说明', P)),
            ...gaps.map((t) => html(`<p class="note">· ${esc(t)}</p>`, paragraphMm(`· ${t}`, P, TYPE.note))),
            html('<p class="note">详见附录B 数据质量。</p>', paragraphMm('详见附录B 数据质量。', P, TYPE.note)),
          ]
        : []),
    ],
  });

  // 2 图: one figure a page, scaled to fit under the part heading and its caption
  const figureBlocks: Block[] = [];
  r.figures.forEach((f, i) => {
    if (i > 0) figureBlocks.push({ kind: 'break' });
    else figureBlocks.push({ ...h2('figures', '2 图'), keepWithNext: true });
    const caption = `${f.title}(数据见 figures/${f.id}.csv)`;
    const room = CONTENT_MM.portrait.height - (i === 0 ? H2_MM : 0) - CAPTION_MM - 4;
    const widthMm = Math.min(P, (room * f.width) / f.height);
    const heightMm = (widthMm * f.height) / f.width;
    figureBlocks.push({
      kind: 'html',
      anchor: f.id,
      mm: heightMm + CAPTION_MM,
      // as an image, not inline <svg>: Chromium's PDF output drew every later CJK glyph at the wrong size after
      // inline SVG text scaled by a viewBox (tables printed in half-size characters); an SVG image keeps its text
      html: `<figure id="${f.id}" style="width:${widthMm.toFixed(1)}mm"><img alt="${esc(f.title)}" src="data:image/svg+xml;base64,${base64(f.svg)}"><figcaption>${esc(caption)}</figcaption></figure>`,
    });
  });
  for (const m of r.missingFigures) {
    const t = `${m.title}:${m.reason}`;
    figureBlocks.push(html(`<p class="note">${esc(t)}</p>`, paragraphMm(t, P, TYPE.note)));
  }
  parts.push({ orientation: 'portrait', blocks: figureBlocks });

  // 3 表: wide tables print on landscape pages; the part heading goes with the first table so it shares its page
  r.tables.forEach((t, n) => {
    const columns = (t.printColumns ?? t.columns) as TableColumn<unknown>[];
    const orientation: Orientation = columns.length > 6 ? 'landscape' : 'portrait';
    const W = CONTENT_MM[orientation].width;
    const blocks: Block[] = [];
    if (n === 0) blocks.push({ ...h2('tables', '3 表'), keepWithNext: true });
    blocks.push({
      kind: 'html',
      anchor: t.id,
      keepWithNext: true,
      mm: paragraphMm(t.title, W) + 1,
      html: `<p class="caption" id="${t.id}">${esc(t.title)}</p>`,
    });
    if (t.note)
      blocks.push({
        kind: 'html',
        html: `<p class="note">${esc(t.note)}</p>`,
        mm: paragraphMm(t.note, W, TYPE.note),
        keepWithNext: true,
      });
    blocks.push(...tableBlocks(t, columns, W)); // spread-ok: a table and at most two notes
    parts.push({ orientation, blocks });
  });

  parts.push({
    orientation: 'portrait',
    blocks: [
      h2('appendix-method', '附录A 评估方法'),
      ...methodAppendix(r.profile, r.rules),
      ...(r.reach ? reachAppendix(r.reach.result, r.reach.profile) : []),
    ],
  });
  parts.push({
    orientation: 'portrait',
    blocks: [
      h2('appendix-data', '附录B 数据质量'),
      ...dataAppendix(r.missing, r.reports, r.reach ? reachGapLines(r.reach.result) : []),
    ],
  });

  const body = paginate(parts, renderTable);
  // cover and contents come first: their page count is known before the contents' numbers are
  const tocPerPage = Math.floor((CONTENT_MM.portrait.height - H2_MM) / TOC_LINE_MM);
  const tocPages = Math.max(1, Math.ceil(toc.length / tocPerPage));
  const pageOf = new Map<string, number>();
  body.forEach((p, i) => p.anchors.forEach((id) => pageOf.set(id, 2 + tocPages + i)));

  const pages: Page[] = [{ orientation: 'portrait', anchors: [], html: cover(r) }];
  for (let k = 0; k < tocPages; k++) {
    const entries = toc.slice(k * tocPerPage, (k + 1) * tocPerPage);
    pages.push({
      orientation: 'portrait',
      anchors: [],
      html: [
        k === 0 ? '<h2 id="toc">目录</h2>' : '',
        '<nav aria-label="目录"><ol>',
        ...entries.map(
          (e) =>
            `<li${e.sub ? ' class="sub"' : ''}><a href="#${e.id}">${esc(e.title)}</a><span class="dots"></span><span class="pageno">${pageOf.get(e.id) ?? ''}</span></li>`,
        ),
        '</ol></nav>',
      ],
    });
  }
  for (const p of body) pages.push(p);

  const out: string[] = [
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
  ];
  pages.forEach((p, i) => {
    out.push(
      `<section class="page${i === 0 ? ' cover' : ''}${p.orientation === 'landscape' ? ' wide' : ''}" data-page="${i + 1}">`,
    );
    for (const h of p.html) out.push(h);
    out.push('</section>');
  });
  out.push('</body>', '</html>', '');
  return out.join('\n');
}

const TOC_LINE_MM = 8;

/** Base64 of UTF-8 text, without Buffer (the browser worker builds the same file). */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000)); // spread-ok: 32 768 bytes at most
  return btoa(binary);
}

function html(markup: string, mm: number): Block {
  return { kind: 'html', html: markup, mm };
}

function h2(id: string, title: string): Block & { kind: 'html' } {
  return { kind: 'html', anchor: id, mm: H2_MM, keepWithNext: true, html: `<h2 id="${id}">${esc(title)}</h2>` };
}

function h3(title: string): Block {
  return { kind: 'html', mm: H3_MM, keepWithNext: true, html: `<h3>${esc(title)}</h3>` };
}

function cover(r: ReportInput): string[] {
  return [
    `<h1>${esc(r.title)}</h1>`,
    `<p>评估基准日:${esc(r.dataDate ?? '未注明')}</p>`,
    `<p>方法:${esc(r.methodName)}</p>`,
    r.fictitious
      ? '<p class="notice">本报告含示例数据:标注“虚构”的危险源与风险点为演示而编造,不代表真实单位。</p>'
      : '',
    `<p class="note">${esc(r.attribution)}</p>`,
    '<p class="note">图表均由输入数据直接生成;各图所据数字见同名 CSV,输入文件的 SHA-256 见表3。</p>',
  ];
}

function overview(a: Assessment): string[] {
  const s = a.stats.sitesByLevel;
  const z = a.stats.zonesByLevel;
  const total = LEVELS.reduce((n, l) => n + s[l], 0) + s.unscored;
  const status = (k: 'violation' | 'borderline' | 'not_assessed') => a.findings.filter((v) => v.status === k).length;
  return [
    `本次评估共纳入风险点与防护目标 ${total} 个,其中${LEVELS.map((l) => `${LEVEL_ZH[l]} ${s[l]} 个`).join('、')},${NO_LEVEL_ZH} ${s.unscored} 个(含防护目标)。` +
      `全市划分 ${a.zones.length} 个分区,其中${LEVELS.map((l) => `${LEVEL_ZH[l]}区 ${z[l]} 个`).join('、')},${NO_LEVEL_ZH}分区 ${z.unscored} 个` +
      `${z.unscored ? `(${NO_LEVEL_NOTE_ZH})` : ''}。`,
    `防护距离核查:受检危险源 ${a.stats.hazardsChecked} 个、防护目标 ${a.stats.targetsChecked} 个;` +
      `${FINDING_STATUS_ZH.violation} ${status('violation')} 处,${FINDING_STATUS_ZH.borderline} ${status('borderline')} 处,` +
      `${FINDING_STATUS_ZH.not_assessed}(${notAssessedReason({ notAssessed: status('not_assessed'), notAssessedByContours: a.findings.filter((v) => v.status === 'not_assessed' && v.risk).length })})${status('not_assessed')} 处。距离均为边缘到边缘的 WGS-84 椭球测地线距离。`,
  ];
}

function tableBlocks<T>(t: Table<T>, columns: TableColumn<T>[], widthMm: number): Block[] {
  const rows = t.rows.slice(0, MAX_PRINTED_ROWS);
  const blocks: Block[] = [];
  if (rows.length)
    blocks.push({
      kind: 'table',
      table: {
        headers: columns.map((c) => c.header),
        widths: columnWidths(columns),
        rows: rows.map((row) => columns.map((c) => cell(c, row))),
      },
    });
  const notes: string[] = [];
  // an empty table says so, and nothing about which of its columns are printed
  if (t.rows.length === 0) notes.push('(无)');
  else if (t.rows.length > rows.length)
    notes.push(`共 ${t.rows.length} 行,此处列出前 ${rows.length} 行;完整内容见 tables/${t.id}.csv 与 .xlsx。`);
  else if (t.printColumns)
    notes.push(`此处列出主要各列;全部列(含类别认定依据、量测方式与假设)见 tables/${t.id}.csv 与 .xlsx。`);
  for (const n of notes) blocks.push(html(`<p class="note">${esc(n)}</p>`, paragraphMm(n, widthMm, TYPE.note)));
  return blocks;
}

/** Printed shares from the columns' printWidth; columns without one share what is left equally. */
function columnWidths(columns: { printWidth?: number }[]): number[] {
  const given = columns.reduce((n, c) => n + (c.printWidth ?? 0), 0);
  const free = columns.filter((c) => c.printWidth === undefined).length;
  const rest = free ? Math.max(0, 100 - given) / free : 0;
  const widths = columns.map((c) => c.printWidth ?? rest);
  const sum = widths.reduce((n, w) => n + w, 0) || 1;
  return widths.map((w) => (100 * w) / sum);
}

function cell<T>(c: TableColumn<T>, row: T): PrintCell {
  const v = c.value(row);
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'number') return { text: c.digits === undefined ? String(v) : v.toFixed(c.digits), numeric: true };
  const text = String(v);
  const cls = LEVEL_CLASS.get(text);
  return cls ? { text, cls } : { text };
}

function renderTable(t: PrintTable, rows: PrintCell[][]): string {
  const out = ['<table>', '<colgroup>', ...t.widths.map((w) => `<col style="width:${w.toFixed(2)}%">`), '</colgroup>'];
  out.push('<thead><tr>', ...t.headers.map((h) => `<th scope="col">${esc(h)}</th>`), '</tr></thead>', '<tbody>'); // spread-ok: one per column
  for (const row of rows) {
    out.push('<tr>');
    for (const c of row) {
      const cls = [c.cls, c.numeric ? 'num' : ''].filter(Boolean).join(' ');
      const tag = c.header ? 'th scope="row"' : 'td';
      out.push(`<${tag}${cls ? ` class="${cls}"` : ''}>${esc(c.text)}</${c.header ? 'th' : 'td'}>`);
    }
    out.push('</tr>');
  }
  out.push('</tbody>', '</table>');
  return out.join('');
}

function table(headers: string[], widths: number[], rows: PrintCell[][]): Block {
  return { kind: 'table', table: { headers, widths, rows } };
}

const levelCell = (l: (typeof LEVELS)[number]): PrintCell => ({ text: LEVEL_ZH[l], cls: `level-${l}` });

function methodAppendix(p: MethodProfile, rules: SetbackRuleTable): Block[] {
  const P = CONTENT_MM.portrait.width;
  const para = (t: string, type: { size: number; line: number } = TYPE.body) =>
    html(`<p${type === TYPE.note ? ' class="note"' : ''}>${esc(t)}</p>`, paragraphMm(t, P, type));
  const blocks: Block[] = [];
  blocks.push(para(`方法配置:${p.name}(${p.id})。风险点等级取其适用的各方法所得等级中的最高者。`));
  blocks.push(h3(`A.1 风险矩阵:${p.matrix.name}`), para(`依据:${p.matrix.source}`, TYPE.note));
  const matrixRows: PrintCell[][] = [];
  for (let l = 5; l >= 1; l--)
    matrixRows.push([{ text: `L=${l}`, header: true }, ...p.matrix.cells[l - 1]!.map(levelCell)]);
  blocks.push(
    table(['可能性 L \\ 严重性 S', ...[1, 2, 3, 4, 5].map((s) => `S=${s}`)], [25, 15, 15, 15, 15, 15], matrixRows),
  );
  blocks.push(h3('A.2 作业条件危险性评价(LEC)'), para(`依据:${p.lec.source}`, TYPE.note));
  blocks.push(
    table(
      ['D = L×E×C', '等级'],
      [50, 50],
      p.lec.bands.map((b, i) => [
        { text: `${lecBandRule(p.lec, i)}${b.label ? `(${b.label})` : ''}` },
        levelCell(b.level),
      ]),
    ),
  );
  if (p.lec.boundaryNote) blocks.push(para(p.lec.boundaryNote, TYPE.note));
  blocks.push(h3('A.3 危险化学品重大危险源分级'), para(`依据:${p.majorHazard.source}`, TYPE.note));
  blocks.push(
    table(
      ['重大危险源级别', 'R 下限', '风险等级'],
      [34, 33, 33],
      p.majorHazard.gradeFromR.map((g) => {
        const lv = p.majorHazard.gradeLevels[String(g.grade) as '1' | '2' | '3' | '4'];
        return [{ text: `${g.grade} 级` }, { text: String(g.atLeast), numeric: true }, levelCell(lv)];
      }),
    ),
  );
  blocks.push(
    para(
      `校正系数α:${p.majorHazard.alpha.source};未提供α及人数时取 ${p.majorHazard.alpha.default}(${p.majorHazard.alpha.defaultReason})。${p.majorHazard.identification.source}。`,
      TYPE.note,
    ),
  );
  blocks.push(h3('A.4 分区聚合'), para(aggregationText(p)), para(`${NO_LEVEL_ZH}:${NO_LEVEL_NOTE_ZH}。`, TYPE.note));
  blocks.push(h3(`A.5 防护距离规则:${rules.name}`));
  blocks.push(
    para(
      '每条规则列出所依据的条款原文摘录及其核对状态:官方文本、转载文本(非官方出版物)、原文未读到(不设距离,相关对象列为未评估)、城市自定规则。各规则原文的读取处(网页地址)载于规则表文件的依据字段。',
      TYPE.note,
    ),
  );
  blocks.push(
    table(
      ['规则', '危险源', '防护目标', '最小距离(m)', '依据', '原文摘录', '核对状态'],
      [13, 12, 12, 8, 22, 25, 8],
      rules.rules.map((rule) => [
        { text: rule.id },
        { text: ruleHazardText(rule) },
        { text: ruleTargetText(rule) },
        rule.min_distance_m === null
          ? { text: '按该危险源评估的外部安全防护距离' }
          : rule.kind === 'not_inside'
            ? { text: '不得位于其内' }
            : { text: String(rule.min_distance_m), numeric: true },
        { text: ruleCitation(rule) },
        { text: rule.provenance?.quote ?? '' },
        { text: SOURCE_STATUS_ZH[rule.status] },
      ]),
    ),
  );
  return blocks;
}

function aggregationText(p: MethodProfile): string {
  const g = p.aggregation;
  if (g.mode === 'max') return '就高:分区等级取区内(及其防护范围覆盖该分区的)风险点的最高等级。';
  if (g.mode === 'index')
    return `加权指数:各等级风险点按权重(${LEVELS.map((l) => `${LEVEL_ZH[l]} ${g.index.weights[l]}`).join('、')})求和后按${g.index.normaliser === 'area' ? '面积' : '人口'}归一,依阈值分级。`;
  return '相对分级:按风险点密度在各分区间的相对排名分级;颜色表示相对高低,不代表绝对风险水平。';
}

/** A site field by its Chinese header (the first Chinese alias), e.g. lon → 经度. */
function fieldZh(field: string): string {
  if (!(CANONICAL_FIELDS as readonly string[]).includes(field)) return field;
  return aliasesOf(field as CanonicalField).find((a) => /[\u4e00-\u9fff]/.test(a)) ?? field;
}

const CRS_ZH: Record<string, string> = {
  wgs84: 'WGS-84',
  cgcs2000: 'CGCS2000',
  gcj02: 'GCJ-02(已转换为 WGS-84)',
  bd09: 'BD-09(已转换为 WGS-84)',
};

/** A.6: every reach and shelter parameter with its clause and status, as docs/rules.md lists them; then what was assumed. */
function reachAppendix(r: ReachAssessment, p: ReachProfile): Block[] {
  const P = CONTENT_MM.portrait.width;
  const para = (t: string, type: { size: number; line: number } = TYPE.body) =>
    html(`<p${type === TYPE.note ? ' class="note"' : ''}>${esc(t)}</p>`, paragraphMm(t, P, type));
  const blocks: Block[] = [h3('A.6 救援可达与应急避难场所')];
  blocks.push(
    para(
      `参数配置:${p.name}。到达时间${r.mode === 'network' ? '按上传路网的最短行驶时间(多源最短路径)' : '按直线距离初筛(未上传路网)'}计,自接警起算,含出动延时;图7、表4与各区避难场所判定所用取值及其依据如下。`,
      TYPE.note,
    ),
  );
  blocks.push(
    table(
      ['项目', '取值', '依据', '原文摘录', '核对状态'],
      [15, 22, 26, 27, 10],
      reachBasisRows(p).map((b) => [
        { text: b.item },
        { text: b.value },
        { text: b.citation },
        { text: b.quote },
        { text: b.status },
      ]),
    ),
  );
  for (const n of r.notes) blocks.push(para(`· ${n}`, TYPE.note));
  return blocks;
}

function dataAppendix(m: MissingData, reports: ImportFileReport[], reachGaps: string[] = []): Block[] {
  const P = CONTENT_MM.portrait.width;
  const para = (t: string, type: { size: number; line: number } = TYPE.body) =>
    html(`<p${type === TYPE.note ? ' class="note"' : ''}>${esc(t)}</p>`, paragraphMm(t, P, type));
  const blocks: Block[] = [h3('B.1 缺失的数据')];
  blocks.push(
    para(
      '以下各项缺少数据,相应的等级或结论不能由数据支持:缺数据的分区记为未评级,缺评分数据的风险点记为未评级,无检查对象的规则不作核查,均不视为低风险或符合。',
      TYPE.note,
    ),
  );
  blocks.push(
    table(
      ['项目', '数量', '明细'],
      [24, 10, 66],
      [
        [
          { text: `${NO_LEVEL_ZH}分区(无数据)` },
          { text: String(m.unratedZones.length), numeric: true },
          { text: m.unratedZones.map((z) => z.name).join('、') || '无' },
        ],
        [
          { text: '缺少评分数据的危险源与风险点' },
          { text: String(m.unscoredSites), numeric: true },
          {
            text: m.unscoredSites
              ? '未提供可能性/严重性、LEC 或重大危险源分级数据,未评级(防护目标不评分,不计在内)'
              : '无',
          },
        ],
        [
          { text: `${NO_TARGETS_ZH}的防护距离规则` },
          { text: String(m.rulesWithoutTargets.length), numeric: true },
          {
            text:
              m.rulesWithoutTargets
                .map((r) => `${r.ruleId}(${r.hazards} → ${r.targets},危险源 ${r.hazardCount} 个)`)
                .join(';') || '无',
          },
        ],
        [
          { text: '未评估的防护距离' },
          { text: String(m.notAssessed), numeric: true },
          { text: m.notAssessed ? notAssessedReason(m) : '无' },
        ],
        [
          { text: '导入时拒绝的行' },
          { text: String(m.rejectedRows.reduce((n, r) => n + r.rejected, 0)), numeric: true },
          { text: m.rejectedRows.map((r) => `${r.file}:${r.rows} 行中拒绝 ${r.rejected} 行`).join(';') || '无' },
        ],
      ],
    ),
  );
  if (reachGaps.length) {
    blocks.push(
      para(
        '救援可达与避难场所:以下各项缺少数据或按从严取值,相应结论为初步结论;缺少数据者不视为已覆盖或充足。',
        TYPE.note,
      ),
    );
    for (const g of reachGaps) blocks.push(para(`· ${g}`, TYPE.note));
  }
  blocks.push(h3('B.2 导入文件'));
  if (reports.length === 0) {
    blocks.push(para('(无导入文件)'));
    return blocks;
  }
  blocks.push(
    table(
      ['文件', '编码', '坐标系', '读入行', '接受', '拒绝', '警告'],
      [30, 12, 22, 9, 9, 9, 9],
      reports.map((r) => [
        { text: r.file },
        { text: ENCODING_ZH[r.encoding] ?? r.encoding },
        { text: r.crsEvidence === NO_COORDINATES ? NO_COORDINATES : (CRS_ZH[r.crs] ?? r.crs) },
        ...[r.rows, r.accepted, r.rejected, r.warnings.length].map((n) => ({ text: String(n), numeric: true })),
      ]),
    ),
  );
  blocks.push(para('每一行均被接受或拒绝:接受 + 拒绝 = 读入行。', TYPE.note));
  for (const r of reports) {
    if (r.errors.length === 0 && r.warnings.length === 0) continue;
    blocks.push(h3(r.file));
    for (const [kind, list] of [
      ['拒绝原因', r.errors],
      ['警告', r.warnings],
    ] as const) {
      if (list.length === 0) continue;
      const byReason = new Map<string, number[]>();
      for (const e of list) {
        const key = `${e.field ? `[${fieldZh(e.field)}] ` : ''}${e.reason}`;
        const lines = byReason.get(key);
        if (lines) lines.push(e.line);
        else byReason.set(key, [e.line]);
      }
      const rows = [...byReason]
        .sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1))
        .map(([reason, lines]): PrintCell[] => [
          { text: reason },
          { text: String(lines.length), numeric: true },
          { text: lines.slice(0, 10).join('、') },
        ]);
      blocks.push(table([kind, '行数', '所在行(前 10 个)'], [60, 10, 30], rows));
    }
  }
  return blocks;
}
