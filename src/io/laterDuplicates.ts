// The repeated ids a streamed import leaves to its caller (createRowImporter with `onSettled`: the PostGIS executor
// finds them in the database), written into the file's report as if the importer had found them itself: the row
// rejected as a duplicate, its other errors and warnings gone (the importer stops at the repeated id), the counts and
// the rejection summary made again.
import type { ImportFileReport, ImportResult } from './importSites';
import { duplicateIdReason } from './importSites';
import { summariseRejections, type RowError } from './rejectionSummary';

export interface LaterDuplicate {
  line: number;
  id: string;
  /** the line of the id's first valid row in the same file; null when an earlier file or table had it */
  firstLine: number | null;
  /** it had been accepted (else its position had been rejected) */
  wasAccepted: boolean;
}

export function withLaterDuplicates(
  result: Pick<ImportResult, 'report' | 'streamed'>,
  duplicates: readonly LaterDuplicate[],
): ImportFileReport {
  const { report } = result;
  if (duplicates.length === 0) return report;
  const lines = new Set(duplicates.map((d) => d.line));
  const errors: RowError[] = report.errors.filter((e) => !lines.has(e.line));
  for (const d of duplicates) errors.push({ line: d.line, field: 'id', reason: duplicateIdReason(d.id, d.firstLine) });
  errors.sort((a, b) => a.line - b.line);
  const moved = duplicates.filter((d) => d.wasAccepted).length;
  const streamed = result.streamed;
  const outsidePositions = streamed
    ? streamed.outsidePositions.filter((_, k) => !lines.has(streamed.outsideLines[k]!))
    : [];
  const summary = summariseRejections(errors, {
    rows: report.rows,
    outsidePositions,
    zonesExtent: streamed?.zonesExtent ?? null,
  });
  const lastKeyBeforeSummary = lastKeyBefore(report);
  const fixed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(report)) {
    if (key === 'rejectionSummary') continue;
    fixed[key] = value;
    // where the importer writes the summary (import-report.json keeps its key order)
    if (key === lastKeyBeforeSummary && summary.length) fixed.rejectionSummary = summary;
  }
  return Object.assign(fixed as unknown as ImportFileReport, {
    accepted: report.accepted - moved,
    rejected: report.rejected + moved,
    errors,
    warnings: report.warnings.filter((w) => !lines.has(w.line)),
  });
}

/** The keys createRowImporter writes before `rejectionSummary`, in order: the summary goes after the last present. */
const KEYS_BEFORE_SUMMARY = [
  'file',
  'encoding',
  'crs',
  'rows',
  'accepted',
  'rejected',
  'errors',
  'warnings',
  'unmappedColumns',
  'crsEvidence',
  'crsGiven',
  'allRowsCategory',
] as const;

function lastKeyBefore(report: ImportFileReport): string {
  return KEYS_BEFORE_SUMMARY.findLast((k) => k in report)!;
}
