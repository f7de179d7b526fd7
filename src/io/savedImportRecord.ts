// What of an import is saved with the project: the report, with its line-by-line lists bounded so that a file of a
// million bad rows cannot swell the project (the counts and the summary by reason still cover every row), and the
// rows kept with their cells (already bounded by the importer: MAX_KEPT_ROWS).
import type { ImportFileReport } from './importSites';

/** Line-by-line errors (and, apart, warnings) saved with the project; the rest are counted in `errorsOmitted`. */
export const MAX_SAVED_ROW_ENTRIES = 10_000;

const bounded = new WeakMap<ImportFileReport, ImportFileReport>();

/** The report as saved: the same object when already within bounds (an autosave then clones nothing new). */
export function reportForSaving(report: ImportFileReport): ImportFileReport {
  if (report.errors.length <= MAX_SAVED_ROW_ENTRIES && report.warnings.length <= MAX_SAVED_ROW_ENTRIES) return report;
  const known = bounded.get(report);
  if (known) return known;
  const cut: ImportFileReport = {
    ...report,
    errors: report.errors.slice(0, MAX_SAVED_ROW_ENTRIES),
    warnings: report.warnings.slice(0, MAX_SAVED_ROW_ENTRIES),
  };
  const errorsOmitted = report.errors.length - cut.errors.length + (report.errorsOmitted ?? 0);
  const warningsOmitted = report.warnings.length - cut.warnings.length + (report.warningsOmitted ?? 0);
  if (errorsOmitted) cut.errorsOmitted = errorsOmitted;
  if (warningsOmitted) cut.warningsOmitted = warningsOmitted;
  bounded.set(report, cut);
  return cut;
}
