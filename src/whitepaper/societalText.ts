// The white paper's words on societal risk (issue #20 item 5): one overview line (how many installations have F–N
// curves and where they fall), and, without lines, a data-gap line saying the curves were not judged.
import {
  FN_LINES_MISSING_ZH,
  SOCIETAL_REGION_ZH,
  SOURCE_STATUS_ZH,
  type FnCriteria,
  type SocietalRegion,
  type SocietalRiskResult,
} from '../engine';

export interface SocietalReport {
  results: SocietalRiskResult[];
  criteria: FnCriteria;
}

const ORDER: SocietalRegion[] = ['unacceptable', 'tolerable', 'acceptable', 'not_assessed'];

export function societalOverview(s: SocietalReport): string[] {
  const n = (region: SocietalRegion) => s.results.filter((r) => r.region === region).length;
  if (!s.criteria.lines)
    return [
      `社会风险:${s.results.length} 个装置提供了 F-N 曲线(图9、表5);${FN_LINES_MISSING_ZH},均为未评估,不视为可接受。`,
    ];
  const counts = ORDER.filter((region) => n(region) > 0)
    .map((region) => `${SOCIETAL_REGION_ZH[region]} ${n(region)} 个`)
    .join('、');
  return [
    `社会风险:${s.results.length} 个装置提供了 F-N 曲线,按${s.criteria.name}(${SOURCE_STATUS_ZH[s.criteria.source.status]})判定:${counts || '无'}(图9、表5)。`,
  ];
}

export function societalGapLines(s: SocietalReport): string[] {
  return s.criteria.lines
    ? []
    : [
        `社会风险判定线:GB 36894-2018 的 F-N 判定线坐标未读到,未配置,${s.results.length} 个装置的社会风险未评估(见 docs/rules.md「社会风险基准」)。`,
      ];
}
