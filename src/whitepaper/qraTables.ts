// The QRA part of the white-paper set (issue #20), present only when contours were given: qra-distances.csv (the
// distances the contours imply, as `assess --contours` writes it) and T6 — the protection targets whose individual risk
// exceeds (超标) or borders (临界) their criterion, with the installation, the contour value, the criterion and its
// clause. Without contours the set is exactly what it was. T6, not T5: T5 is taken by the F–N (societal risk) work.
import { impliedDistances, riskText, type Assessment, type RiskContour, type Finding } from '../engine';
import { qraDistancesCsv, QRA_DISTANCES_FILE } from '../io';
import type { Table } from './tables';

// 超标 rather than T2's 不符合: the words of the risk criteria (a risk over its acceptable value), said in T2 as 不符合
export const QRA_TABLE_ID = 'T6-qra-exceedances';

/** qra-distances.csv for the set, measured from the assessed sites' geometry; none without contours. */
export function qraFiles(
  a: Assessment,
  contours: readonly RiskContour[] | undefined,
): { path: string; data: string }[] {
  return contours?.length
    ? [{ path: QRA_DISTANCES_FILE, data: qraDistancesCsv(impliedDistances(contours, a.sites)) }]
    : [];
}

export function qraExceedancesTable(a: Assessment): Table<Finding> {
  const names = new Map(a.sites.map((s) => [s.id, s.name]));
  const order = { violation: 0, borderline: 1, not_assessed: 2 } as const;
  // 超标 first, then the highest risk over its criterion; ties by installation and target id, so reruns match
  const rows = a.findings
    .filter((v) => v.risk && v.status !== 'not_assessed')
    .sort(
      (x, y) =>
        order[x.status] - order[y.status] ||
        ratio(y) - ratio(x) ||
        cmp(x.hazardId, y.hazardId) ||
        cmp(x.targetId, y.targetId),
    );
  const seq = new Map(rows.map((v, i) => [v, i + 1]));
  const site = (id: string) => `${names.get(id) ?? ''}(${id})`;
  const columns: Table<Finding>['columns'] = [
    { header: '序号', value: (v) => seq.get(v), width: 6, printWidth: 4 },
    { header: '状态', value: (v) => (v.status === 'violation' ? '超标' : '临界'), width: 8, printWidth: 6 },
    { header: '装置', value: (v) => site(v.hazardId), width: 30, printWidth: 16 },
    {
      header: '装置状态',
      value: (v) =>
        `${v.risk!.installationStatus === 'new' ? '新建' : '在役'}${v.risk!.installationStatusAssumed ? '(未注明,从严)' : ''}`,
      width: 14,
      printWidth: 8,
    },
    { header: '防护目标', value: (v) => site(v.targetId), width: 30, printWidth: 16 },
    {
      header: '所在等值线个人风险(/年)',
      value: (v) => (v.risk!.perYear === null ? '—' : riskText(v.risk!.perYear)),
      width: 14,
      printWidth: 9,
    },
    { header: '可接受风险基准(/年)', value: (v) => riskText(v.risk!.criterionPerYear), width: 14, printWidth: 9 },
    { header: '目标分类', value: (v) => v.targetClassReason, width: 40, printWidth: 14 },
    { header: '依据', value: (v) => v.source, width: 50, printWidth: 18 },
    { header: '说明', value: (v) => v.note, width: 60 },
  ];
  return {
    id: QRA_TABLE_ID,
    title: '表6 个人风险超标的防护目标清单',
    sheet: '个人风险超标',
    rows,
    columns,
    printColumns: columns.filter((c) => c.header !== '说明'),
    note: `按定量风险评价的个人风险等值线判定(目标任一部分位于等值线内即按该等值线计);未评估的目标见表2。各装置按各类目标基准所对应等值线推得的外部安全防护距离见 ${QRA_DISTANCES_FILE}。`,
  };
}

/** how far over its criterion a finding is (a borderline one outside the contour has no value: 0) */
function ratio(v: Finding): number {
  return v.risk!.perYear === null ? 0 : v.risk!.perYear / v.risk!.criterionPerYear;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
