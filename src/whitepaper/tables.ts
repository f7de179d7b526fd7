// The white-paper tables (docs/batch-interface.md): T1 重大/较大 risks, T2 protection-distance findings, T3 method and data summary.
// Each is a list of rows and Chinese-headed columns, written as CSV (BOM, formula-safe) and XLSX by the bundle.
import {
  categoryByCode,
  LEVEL_RANK,
  LEVEL_ZH,
  LEVELS,
  NO_LEVEL_ZH,
  NO_TARGETS_ZH,
  TARGET_CLASS_ZH,
  FINDING_STATUS_ZH,
  type Assessment,
  type AssessedSite,
  type Counts,
  type MethodProfile,
  type ReachAssessment,
  type ReachProfile,
  type SetbackRuleTable,
  type Finding,
} from '../engine';
import { citationForRuleId, riskText, ruleCitation, SOURCE_STATUS_ZH } from '../engine';
import { NO_COORDINATES, violationTableColumns, type CsvColumn, type ImportFileReport, type InputDigest } from '../io';
import type { MissingData } from './missingData';
import { ENCODING_ZH } from './encodingNames';

/** width: XLSX column width (characters); printWidth: share of the printed table's width (%) */
export type TableColumn<T> = CsvColumn<T> & { width?: number; printWidth?: number };

export interface Table<T> {
  id: string;
  /** "表1 …" */
  title: string;
  sheet: string;
  rows: T[];
  columns: TableColumn<T>[];
  /** fewer columns for the printed report, where the CSV/XLSX keep them all */
  printColumns?: TableColumn<T>[];
  /** printed under the table's caption: what the rows do not say */
  note?: string;
}

const CRS_ZH: Record<string, string> = {
  wgs84: 'WGS-84',
  cgcs2000: 'CGCS2000',
  gcj02: 'GCJ-02(已转换为 WGS-84)',
  bd09: 'BD-09(已转换为 WGS-84)',
};
const MODE_ZH = {
  max: '就高(分区取最高风险点等级)',
  index: '加权指数(按面积或人口归一)',
  relative: '相对分级(密度排名,非绝对风险)',
} as const;

export function majorRisksTable(a: Assessment): Table<AssessedSite> {
  const rows = a.sites
    .filter((s) => s.level === 'red' || s.level === 'orange')
    .sort((x, y) => LEVEL_RANK[x.level!] - LEVEL_RANK[y.level!] || cmp(x.district, y.district) || cmp(x.id, y.id));
  const seq = new Map(rows.map((s, i) => [s, i + 1]));
  const demo = a.sites.some((s) => s.fictitious);
  return {
    id: 'T1-major-risks',
    title: '表1 重大及较大风险清单',
    sheet: '重大较大风险清单',
    rows,
    columns: [
      { header: '序号', value: (s) => seq.get(s), width: 6, printWidth: 4 },
      { header: '风险等级', value: (s) => LEVEL_ZH[s.level!], width: 10, printWidth: 6 },
      { header: '名称', value: (s) => s.name, width: 30, printWidth: 12 },
      { header: '编号', value: (s) => s.id, width: 16, printWidth: 8 },
      { header: '类别', value: (s) => categoryByCode(s.category)?.zh ?? s.category, width: 14, printWidth: 9 },
      { header: '行业领域', value: (s) => s.domain, width: 14, printWidth: 7 },
      { header: '所在区', value: (s) => s.district, width: 10, printWidth: 6 },
      { header: '经度(WGS-84)', value: (s) => s.lon, digits: 6, width: 13, printWidth: 7 },
      { header: '纬度(WGS-84)', value: (s) => s.lat, digits: 6, width: 13, printWidth: 7 },
      { header: '责任单位', value: (s) => s.responsibleUnit, width: 24, printWidth: 10 },
      { header: '管控措施', value: (s) => s.controls, width: 36, printWidth: 10 },
      { header: '定级依据', value: (s) => s.levelReason, width: 40, printWidth: demo ? 10 : 14 },
      // only a report built on the demo's invented sites says which rows are invented
      ...(demo
        ? [{ header: '示例数据', value: (s: AssessedSite) => (s.fictitious ? '虚构' : ''), width: 8, printWidth: 4 }]
        : []),
    ],
  };
}

/** T2; with the rule table, a city rule's citation carries its label 「(城市自定规则)」. */
export function violationsTable(a: Assessment, missing: MissingData, rules?: SetbackRuleTable): Table<Finding> {
  const order: Record<Finding['status'], number> = { violation: 0, borderline: 1, not_assessed: 2 };
  const names = new Map(a.sites.map((s) => [s.id, s.name]));
  const unchecked = missing.rulesWithoutTargets.length;
  return {
    id: 'T2-violations',
    title: '表2 防护距离问题清单',
    sheet: '防护距离问题清单',
    rows: [...a.findings].sort(
      (x, y) =>
        order[x.status] - order[y.status] ||
        (y.shortfallM ?? 0) - (x.shortfallM ?? 0) ||
        cmp(x.hazardId, y.hazardId) ||
        cmp(x.targetId, y.targetId) ||
        cmp(x.ruleId, y.ruleId),
    ),
    columns: violationTableColumns(a, rules?.rules),
    printColumns: [
      // a point on either side: a screening result (GB 50156 附录A measuring points), said beside the status
      { header: '状态', value: (v) => `${FINDING_STATUS_ZH[v.status]}${v.screening ? '(初筛)' : ''}`, printWidth: 6 },
      { header: '危险源', value: (v) => `${names.get(v.hazardId) ?? ''}(${v.hazardId})`, printWidth: 15 },
      { header: '防护目标', value: (v) => `${names.get(v.targetId) ?? ''}(${v.targetId})`, printWidth: 15 },
      { header: '目标类别', value: (v) => TARGET_CLASS_ZH[v.targetClass], printWidth: 8 },
      // a QRA finding is judged by individual risk: its criterion and the contour it lies in, not a distance (its
      // distance to the contour's edge, 0 inside, read as "on the plant"); the CSV keeps every column
      { header: '实测距离(m)', value: (v) => (v.risk ? '—' : v.distanceM), digits: 2, printWidth: 7 },
      {
        header: '要求距离(m)',
        value: (v) => (v.risk ? `个人风险 ≤ ${riskText(v.risk.criterionPerYear)}/年` : v.requiredM),
        digits: 2,
        printWidth: 7,
      },
      {
        header: '差距(m)',
        value: (v) =>
          v.risk ? (v.risk.perYear !== null ? `位于 ${riskText(v.risk.perYear)}/年 线内` : '—') : v.shortfallM,
        digits: 2,
        printWidth: 6,
      },
      { header: '规则', value: (v) => v.ruleId, printWidth: 11 },
      { header: '依据', value: (v) => citationForRuleId(v.ruleId, v.source, rules?.rules ?? []), printWidth: 25 },
    ],
    note: unchecked
      ? `本表只列出经核查发现的问题。另有 ${unchecked} 条规则因数据中无该类防护目标而${NO_TARGETS_ZH},其约束的危险源未作核查,不表示符合,见表2附。`
      : undefined,
  };
}

/** The companion of T2: rules that checked nothing because the data hold no site of their target class. */
export function uncheckedRulesTable(missing: MissingData): Table<MissingData['rulesWithoutTargets'][number]> {
  return {
    id: 'T2a-unchecked-rules',
    title: `表2附 ${NO_TARGETS_ZH}的防护距离规则`,
    sheet: '无检查对象的规则',
    rows: missing.rulesWithoutTargets,
    columns: [
      { header: '规则', value: (r) => r.ruleId, width: 30, printWidth: 22 },
      { header: '危险源', value: (r) => r.hazards, width: 30, printWidth: 24 },
      { header: '防护目标', value: (r) => r.targets, width: 30, printWidth: 22 },
      { header: '受约束危险源(个)', value: (r) => r.hazardCount, width: 14, printWidth: 10 },
      {
        header: '结论',
        value: () => `${NO_TARGETS_ZH}:数据中无该类防护目标,未作核查,不表示符合`,
        width: 44,
        printWidth: 22,
      },
    ],
    note: missing.rulesWithoutTargets.length ? undefined : '各条受约束危险源的规则在数据中均有相应类别的防护目标。',
  };
}

export interface MethodDataInput {
  assessment: Assessment;
  profile: MethodProfile;
  rules: SetbackRuleTable;
  borderlineToleranceM: number;
  dataDate: string | null;
  reports: ImportFileReport[];
  digests: InputDigest[];
  missing: MissingData;
  /** rescue within reach, only when the data hold rescue resources or shelters */
  reach?: { result: ReachAssessment; profile: ReachProfile } | null;
}

type Row = [string, string, string];

export function methodDataTable(input: MethodDataInput): Table<Row> {
  const { assessment: a, profile, rules, reports, digests } = input;
  const counts = (c: Counts) =>
    [...LEVELS.map((l) => `${LEVEL_ZH[l]} ${c[l]}`), `${NO_LEVEL_ZH} ${c.unscored}`].join(';');
  const status = a.findings.reduce((m, v) => m.set(v.status, (m.get(v.status) ?? 0) + 1), new Map<string, number>());
  const rows: Row[] = [
    ['评估', '评估基准日', input.dataDate ?? '未注明'],
    ['方法', '方法配置', `${profile.name}(${profile.id})`],
    ['方法', '风险矩阵', `${profile.matrix.name}(${profile.matrix.id});依据:${profile.matrix.source}`],
    ['方法', '作业条件危险性评价(LEC)', `${profile.lec.id};依据:${profile.lec.source}`],
    ['方法', '重大危险源分级', `${profile.majorHazard.id};依据:${profile.majorHazard.source}`],
    ['方法', '风险点定级', '取各适用方法所得等级之最高者(就高)'],
    [
      '方法',
      '分区聚合',
      `${MODE_ZH[a.aggregationMode]};无已评分风险点且无危险源防护范围覆盖的分区记为${NO_LEVEL_ZH},不视为低风险`,
    ],
    [
      '方法',
      '分区单元',
      a.grid ? `${a.grid.shape === 'hex' ? '六边形' : '方形'}网格,边长 ${a.grid.cellM} m` : '输入的行政区划/分区多边形',
    ],
    ['防护距离', '规则表', `${rules.name}(${rules.id}),${rules.rules.length} 条`],
    // every rule with the clause it quotes and how that text was read (official, secondary copy, not read, city)
    ...rules.rules.map((r): Row => ['防护距离规则', r.id, ruleBasisText(r)]),
    [
      '防护距离',
      `${NO_TARGETS_ZH}的规则`,
      input.missing.rulesWithoutTargets.length
        ? `${input.missing.rulesWithoutTargets.length} 条(数据中无该类防护目标,未作核查),见表2附`
        : '无',
    ],
    ['防护距离', '量测方式', '边缘到边缘,WGS-84 椭球测地线距离(GeographicLib)'],
    ['防护距离', '临界容差', `±${input.borderlineToleranceM} m 以内记为临界`],
    ['结果', '风险点(按等级)', counts(a.stats.sitesByLevel)],
    ['结果', '分区(按等级)', counts(a.stats.zonesByLevel)],
    [
      '结果',
      '防护距离问题',
      (['violation', 'borderline', 'not_assessed'] as const)
        .map((s) => `${FINDING_STATUS_ZH[s]} ${status.get(s) ?? 0}`)
        .join(';'),
    ],
    ['结果', '受检危险源 / 防护目标', `${a.stats.hazardsChecked} / ${a.stats.targetsChecked}`],
    [
      '结果',
      `${NO_LEVEL_ZH}分区`,
      input.missing.unratedZones.length ? input.missing.unratedZones.map((z) => z.name).join('、') : '无',
    ],
    ...(input.reach ? reachRows(input.reach.result, input.reach.profile) : []),
    ...reports.map(
      (r): Row => [
        '数据',
        `导入文件 ${r.file}`,
        `读入 ${r.rows} 行,接受 ${r.accepted},拒绝 ${r.rejected},警告 ${r.warnings.length};编码 ${ENCODING_ZH[r.encoding] ?? r.encoding};坐标系 ${r.crsEvidence === NO_COORDINATES ? NO_COORDINATES : (CRS_ZH[r.crs] ?? r.crs)}`,
      ],
    ),
    ...[...digests].sort((x, y) => cmp(x.file, y.file)).map((d): Row => ['数据', `SHA-256 ${d.file}`, d.sha256]),
  ];
  return {
    id: 'T3-method-data',
    title: '表3 评估方法与数据说明',
    sheet: '方法与数据',
    rows,
    columns: [
      { header: '类别', value: (r) => r[0], width: 10, printWidth: 10 },
      { header: '项目', value: (r) => r[1], width: 30, printWidth: 26 },
      { header: '内容', value: (r) => r[2], width: 90, printWidth: 64 },
    ],
  };
}

/** T3's rows on rescue within reach: method, parameters, what was counted (附录A.6 quotes each parameter). */
function reachRows(r: ReachAssessment, p: ReachProfile): Row[] {
  const POPULATION_ZH = {
    grid: '上传的人口网格',
    residential: '居住区的人数或户数(户数 × 每户人口)',
    none: '无人口数据',
  } as const;
  return [
    [
      '救援可达',
      '计算方式',
      r.mode === 'network'
        ? `路网最短行驶时间(路网节点 ${r.road?.nodes ?? 0} 个、路段 ${r.road?.edges ?? 0} 条)`
        : '直线距离初筛(未上传路网,须以路网复核)',
    ],
    ['救援可达', '参数配置', `${p.name}(${p.id}),见附录A.6`],
    ['救援可达', '救援力量', r.cover ? `${r.resources.length} 处` : '无救援力量数据(未作救援可达判定,不视为已覆盖)'],
    [
      '救援可达',
      '救援圈判定对象',
      r.cover
        ? `${r.cover.length} 个(已评分的风险点与全部防护目标),圈外 ${r.cover.filter((c) => c.status === 'uncovered').length} 个,其中重大及较大 ${r.cover.filter((c) => c.highRiskUncovered).length} 个`
        : '无',
    ],
    [
      '避难场所',
      '避难场所',
      r.shelters
        ? `${r.shelters.shelters.length} 处,服务范围${r.shelters.mode === 'walking' ? '按路网步行时间' : '按各类服务半径'}`
        : '无避难场所数据(未作容量判定,不视为充足)',
    ],
    ['避难场所', '人口来源', r.shelters ? POPULATION_ZH[r.shelters.populationSource] : '无'],
  ];
}

function ruleBasisText(r: SetbackRuleTable['rules'][number]): string {
  const quote = r.provenance?.quote ? `;原文:「${r.provenance.quote}」` : '';
  return `${ruleCitation(r)}${quote};核对状态:${SOURCE_STATUS_ZH[r.status]}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
