// qra-distances.csv (docs/batch-interface.md), an extension of the batch contract written only with --contours: per
// installation and target class, the distance its QRA contour at the criterion reaches (engine impliedDistances), to
// set beside the fixed-distance rules. Plain UTF-8 without BOM like the other batch CSVs; distances to the millimetre
// so reruns are byte-identical; an empty cell is "no contour at the criterion", never 0.
import type { ImpliedDistance } from '../engine';
import { toCsv, type CsvColumn } from './csvWrite';

export const QRA_DISTANCES_FILE = 'qra-distances.csv';

const COLUMNS: CsvColumn<ImpliedDistance>[] = [
  { header: 'installation_id', value: (r) => r.installationId },
  { header: 'installation_status', value: (r) => r.installationStatus },
  { header: 'target_class', value: (r) => r.riskClass },
  { header: 'criterion_per_year', value: (r) => r.criterionPerYear.toExponential() },
  { header: 'contour_found', value: (r) => String(r.contourCount > 0) },
  { header: 'max_distance_m', value: (r) => r.maxDistanceM, digits: 3 },
  { header: 'min_distance_m', value: (r) => r.minDistanceM, digits: 3 },
  { header: 'note', value: (r) => r.note },
  // after the eight above: what a reader needs to check a row
  { header: 'installation_name', value: (r) => r.installationName },
  { header: 'status_assumed', value: (r) => String(r.installationStatusAssumed) },
  { header: 'target_class_zh', value: (r) => r.riskClassZh },
  { header: 'contour_count', value: (r) => r.contourCount },
  { header: 'measured_from', value: (r) => r.measuredFrom },
  { header: 'farthest_lon', value: (r) => r.farthest?.[0], digits: 7 },
  { header: 'farthest_lat', value: (r) => r.farthest?.[1], digits: 7 },
  { header: 'lower_bound_m', value: (r) => r.lowerBoundM, digits: 3 },
  { header: 'upper_bound_m', value: (r) => r.upperBoundM, digits: 3 },
];

export function qraDistancesCsv(rows: readonly ImpliedDistance[]): string {
  return toCsv(rows, COLUMNS);
}
