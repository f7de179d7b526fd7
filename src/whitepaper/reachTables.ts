// T4 — red and orange risk points that no rescue resource reaches within the circle that applies where they lie
// (cover.csv's high_risk_uncovered rows), with the resource that arrives first and its minutes, the circle and its
// rule; a screening says 初筛 on every row. Nothing is listed as covered when the data hold no rescue resource: the
// table is not made then, and the report says 无救援力量数据.
import {
  categoryByCode,
  LEVEL_RANK,
  LEVEL_ZH,
  type Assessment,
  type CoverRow,
  type ReachAssessment,
  type ReachProfile,
} from '../engine';
import { circleText, dispatchText, screeningText } from '../figures/reachBasis';
import type { Table } from './tables';

export const UNCOVERED_TABLE_ID = 'T4-uncovered-high-risk';

export function uncoveredHighRiskTable(a: Assessment, reach: ReachAssessment, profile: ReachProfile): Table<CoverRow> {
  const sites = new Map(a.sites.map((s) => [s.id, s]));
  const resources = new Map(reach.resources.map((r) => [r.id, r]));
  const screening = reach.mode === 'screening';
  // red first; within a level the longest wait first, and those nothing reaches before all
  const rows = (reach.cover ?? [])
    .filter((c) => c.highRiskUncovered)
    .sort(
      (x, y) =>
        LEVEL_RANK[x.level!] - LEVEL_RANK[y.level!] ||
        (y.minutes ?? Infinity) - (x.minutes ?? Infinity) ||
        (x.siteId < y.siteId ? -1 : x.siteId > y.siteId ? 1 : 0),
    );
  const seq = new Map(rows.map((r, i) => [r, i + 1]));
  const demo = a.sites.some((s) => s.fictitious);
  const nearest = (c: CoverRow) => {
    const r = c.nearestResourceId ? resources.get(c.nearestResourceId) : undefined;
    return r ? `${r.name}(${r.id})` : '无(不可达)';
  };
  const method = screening ? '直线初筛' : '路网';
  const basis = (c: CoverRow) =>
    [circleText(profile, c.circle), `出动延时 ${dispatchText(profile)}`, screening ? screeningText(profile) : '']
      .filter(Boolean)
      .join(';');
  const columns: Table<CoverRow>['columns'] = [
    { header: '序号', value: (c) => seq.get(c), width: 6, printWidth: 4 },
    { header: '风险等级', value: (c) => LEVEL_ZH[c.level!], width: 10, printWidth: 6 },
    { header: '名称', value: (c) => c.name, width: 30, printWidth: 13 },
    { header: '编号', value: (c) => c.siteId, width: 16, printWidth: 8 },
    { header: '类别', value: (c) => categoryByCode(c.category)?.zh ?? c.category, width: 14, printWidth: 8 },
    { header: '所在区', value: (c) => sites.get(c.siteId)?.district ?? '', width: 10, printWidth: 6 },
    { header: '最先到达的救援力量', value: nearest, width: 30, printWidth: 15 },
    { header: '到达时间(分钟,自接警起)', value: (c) => c.minutes, digits: 1, width: 12, printWidth: 7 },
    {
      header: '适用救援圈',
      value: (c) => profile.circles.find((x) => x.id === c.circle)?.zh ?? c.circle,
      width: 20,
      printWidth: 10,
    },
    { header: '目标时间(分钟)', value: (c) => c.targetMinutes, width: 10, printWidth: 5 },
    { header: '计算方式', value: () => method, width: 10, printWidth: 5 },
    { header: '说明', value: (c) => c.note, width: 50 },
    { header: '依据', value: basis, width: 60 },
    ...(demo
      ? [
          {
            header: '示例数据',
            value: (c: CoverRow) => (sites.get(c.siteId)?.fictitious ? '虚构' : ''),
            width: 8,
            printWidth: 4,
          },
        ]
      : []),
  ];
  return {
    id: UNCOVERED_TABLE_ID,
    title: `表4 救援圈外的重大及较大风险点清单${screening ? '(初筛)' : ''}`,
    sheet: '救援圈外的重大较大风险点',
    rows,
    columns,
    // the note and the basis are long: in the CSV/XLSX; the printed table says so
    printColumns: columns.filter((c) => c.header !== '说明' && c.header !== '依据'),
    note: [
      `到达时间自接警起计,含出动延时(${dispatchText(profile)},城市自定);${profile.circles.map((c) => circleText(profile, c.id)).join(';')}。`,
      screening ? `${screeningText(profile)}。` : '',
    ].join(''),
  };
}
