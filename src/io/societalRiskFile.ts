// societal-risk.csv (docs/batch-interface.md): one row per installation with an F–N curve, its region against the
// criterion's lines, and where it comes closest to (or goes furthest over) the upper line. Written only when F–N
// curves are given (--fn): an extension beside the five contract files, which it leaves unchanged. Plain UTF-8
// without BOM like the other batch CSVs; frequencies in exponent form so reruns are byte-identical.
import { SOCIETAL_REGION_ZH, type FnCriteria, type SocietalRiskResult } from '../engine';
import { toCsv, type CsvColumn } from './csvWrite';

export const SOCIETAL_RISK_FILE = 'societal-risk.csv';

const exp = (v: number | undefined) => (v === undefined ? '' : v.toExponential());

export function societalRiskColumns(criteria: FnCriteria): CsvColumn<SocietalRiskResult>[] {
  return [
    { header: 'installation_id', value: (r) => r.installationId },
    { header: 'points', value: (r) => r.points },
    { header: 'max_n', value: (r) => r.maxN },
    { header: 'region', value: (r) => r.region },
    { header: 'region_zh', value: (r) => SOCIETAL_REGION_ZH[r.region] },
    { header: 'worst_n', value: (r) => r.worst?.n },
    { header: 'worst_n_approached', value: (r) => (r.worst ? String(r.worst.approached) : '') },
    { header: 'curve_f', value: (r) => exp(r.worst?.f) },
    { header: 'upper_line_f', value: (r) => exp(r.worst?.upperF) },
    { header: 'ratio_to_upper', value: (r) => (r.worst ? String(Number(r.worst.ratio.toPrecision(6))) : '') },
    { header: 'beyond_lines', value: (r) => String(r.beyondLines) },
    { header: 'at_cutoff', value: (r) => String(r.atCutoff) },
    { header: 'criteria_id', value: () => criteria.id },
    { header: 'criteria_status', value: () => criteria.source.status },
    { header: 'note', value: (r) => r.note },
  ];
}

export function societalRiskCsv(results: readonly SocietalRiskResult[], criteria: FnCriteria): string {
  return toCsv(results, societalRiskColumns(criteria));
}
