// T5 — installations whose F–N curve enters the unacceptable region of the GB 36894 lines (issue #20 item 5), worst
// first, with where the curve goes furthest over the upper line. Without configured lines nothing can be judged:
// every installation with a curve is listed as 未评估 (never as 符合), and the note says the lines are missing.
import {
  categoryByCode,
  FN_LINES_MISSING_ZH,
  frequencyText,
  ratioText,
  SOCIETAL_REGION_ZH,
  SOURCE_STATUS_ZH,
  stepText,
  type Assessment,
  type FnCriteria,
  type SocietalRiskResult,
} from '../engine';
import type { Table } from './tables';

export const SOCIETAL_TABLE_ID = 'T5-societal-risk-excess';

export function societalRiskTable(
  a: Assessment,
  results: readonly SocietalRiskResult[],
  criteria: FnCriteria,
): Table<SocietalRiskResult> {
  const sites = new Map(a.sites.map((s) => [s.id, s]));
  const judged = criteria.lines !== null;
  const rows = (judged ? results.filter((r) => r.region === 'unacceptable') : [...results]).sort(
    (x, y) =>
      (y.worst?.ratio ?? 0) - (x.worst?.ratio ?? 0) ||
      (x.installationId < y.installationId ? -1 : x.installationId > y.installationId ? 1 : 0),
  );
  const seq = new Map(rows.map((r, i) => [r, i + 1]));
  const basis = `${criteria.source.standard} ${criteria.source.clause}(${SOURCE_STATUS_ZH[criteria.source.status]})`;
  const columns: Table<SocietalRiskResult>['columns'] = [
    { header: '序号', value: (r) => seq.get(r), width: 6, printWidth: 5 },
    { header: '装置编号', value: (r) => r.installationId, width: 16, printWidth: 10 },
    { header: '名称', value: (r) => sites.get(r.installationId)?.name ?? '', width: 30, printWidth: 18 },
    {
      header: '类别',
      value: (r) => {
        const c = sites.get(r.installationId)?.category;
        return c ? (categoryByCode(c)?.zh ?? c) : '';
      },
      width: 14,
      printWidth: 10,
    },
    { header: '所在区', value: (r) => sites.get(r.installationId)?.district ?? '', width: 10, printWidth: 8 },
    { header: '判定结果', value: (r) => SOCIETAL_REGION_ZH[r.region], width: 12, printWidth: 9 },
    { header: '最不利处', value: (r) => (r.worst ? stepText(r.worst) : ''), width: 20, printWidth: 14 },
    { header: '曲线 F(次/年)', value: (r) => (r.worst ? frequencyText(r.worst.f) : ''), width: 12, printWidth: 9 },
    {
      header: '不可接受线 F(次/年)',
      value: (r) => (r.worst ? frequencyText(r.worst.upperF) : ''),
      width: 14,
      printWidth: 9,
    },
    { header: '超出倍数', value: (r) => (r.worst ? ratioText(r.worst.ratio) : ''), width: 10, printWidth: 8 },
    { header: '说明', value: (r) => r.note, width: 60 },
    { header: '判定线依据', value: () => basis, width: 60 },
  ];
  return {
    id: SOCIETAL_TABLE_ID,
    title: judged
      ? '表5 社会风险进入不可接受区的装置清单'
      : '表5 社会风险进入不可接受区的装置清单(未评估:判定线未配置)',
    sheet: '社会风险超标装置',
    rows,
    columns,
    printColumns: columns.filter((c) => c.header !== '说明' && c.header !== '判定线依据'),
    note: judged
      ? `共 ${results.length} 个装置有 F-N 曲线,${rows.length} 个进入不可接受区;判定线:${criteria.name}(${SOURCE_STATUS_ZH[criteria.source.status]})。曲线按阶梯判定:F 在两点之间保持较小 N 一点的值,最不利处为阶梯右端(N 自下趋近下一点)。各装置的判定见 societal-risk.csv。`
      : `${FN_LINES_MISSING_ZH}:GB 36894-2018 社会风险判定线的坐标未在可用资料中读到,本表列出全部 ${results.length} 个有 F-N 曲线的装置,均为未评估(不表示符合);城市可提供核对过原文的判定线(命令行 --fn-criteria,或在应用的数据面板“上传判定线”)。`,
  };
}
