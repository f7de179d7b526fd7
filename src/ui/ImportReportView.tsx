// One file's import report: every row accounted for; rejections first grouped by reason with the likeliest cause, then
// line by line; rows kept with a note (a stated district that is not where the row lies) counted apart.
import { crsGivenByUser, DISTRICT_MISMATCH, MAX_KEPT_ROWS, NO_COORDINATES } from '../io/importCodes';
import { isProjectedCrs } from '../io/crs';
import { MAX_SAVED_ROW_ENTRIES } from '../io/savedImportRecord';
import type { ImportFileReport, RejectedRows } from '../io';
import { Fragment, useId } from 'react';
import { Message } from './Message';
import { categoryLabel, crsLabel, useLocale, useT } from './i18n';
import { downloadText } from './download';

const ENCODING_LABEL: Record<string, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK/GB18030',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  json: 'JSON (UTF-8)',
};

/** Reasons per source line, "field: reason; field: reason". */
function byLine(list: ImportFileReport['errors']): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const e of list) out.set(e.line, [...(out.get(e.line) ?? []), `${e.field}: ${e.reason}`]);
  return out;
}

export function ImportReportView({
  report,
  rejectedRows,
  onSheet,
}: {
  report: ImportFileReport;
  rejectedRows?: RejectedRows;
  onSheet?: (sheet: string) => void;
}) {
  const sheetId = useId();
  const t = useT();
  const locale = useLocale();
  // the rejected rows and the rows kept with a note, as they were read, with the line and every reason and note added:
  // fix them and upload again
  const download = async () => {
    const { toCsv } = await import('../io/csvWrite'); // papaparse loads with the first download, not with the page
    const reasons = byLine(report.errors);
    const notes = byLine(report.warnings.filter((w) => w.line > 1)); // line 1 is the header: a note about the file
    const rows = rejectedRows?.rows ?? [...reasons.keys()].map((line) => ({ line, cells: [] as string[] }));
    const headers = rejectedRows?.headers ?? [];
    downloadText(
      `${report.file}.rejected.csv`,
      toCsv(
        rows,
        [
          ...headers.map((h, i) => ({
            header: h || t('report.column', { n: i + 1 }),
            value: (r: (typeof rows)[number]) => r.cells[i] ?? '',
          })),
          { header: t('report.sourceLine'), value: (r) => r.line },
          { header: t('report.rejectReason'), value: (r) => (reasons.get(r.line) ?? []).join(';') },
          { header: t('report.warningColumn'), value: (r) => (notes.get(r.line) ?? []).join(';') },
        ],
        { bom: true },
      ),
      'text/csv;charset=utf-8',
    );
  };
  const summary = report.rejectionSummary ?? [];
  const districtNotes = report.warnings.filter((w) => w.code === DISTRICT_MISMATCH).length;
  const downloadable = report.errors.length > 0 || (rejectedRows?.rows.length ?? 0) > 0;
  return (
    <section className="import-report" aria-label={t('report.region', { file: report.file })}>
      <h4>{report.file}</h4>
      <p className="counts">
        <Message
          id="report.counts"
          values={{
            rows: <b>{report.rows}</b>,
            accepted: <b data-testid="accepted">{report.accepted}</b>,
            rejected: <b data-testid="rejected">{report.rejected}</b>,
          }}
        />
        <span className="meta">
          {/* a file of numbers without positions (F–N curves) has no coordinate system to name */}
          {report.crsEvidence === NO_COORDINATES
            ? t('report.encodingNoCrs', { encoding: ENCODING_LABEL[report.encoding] ?? report.encoding })
            : t('report.encodingCrs', {
                encoding: ENCODING_LABEL[report.encoding] ?? report.encoding,
                crs: isProjectedCrs(report.crs) ? crsLabel(t, report.crs) : report.crs.toUpperCase(),
              })}
        </span>
      </p>
      {report.sheets && report.sheets.length > 1 && (
        <p className="meta">
          <label htmlFor={sheetId}>{t('report.sheet')}</label>{' '}
          <select id={sheetId} value={report.sheet} disabled={!onSheet} onChange={(e) => onSheet?.(e.target.value)}>
            {report.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>{' '}
          {t('report.sheetNote', { n: report.sheets.length })}
        </p>
      )}
      {report.allRowsCategory && (
        <p className="meta" data-testid="all-rows-category">
          {t('report.allRowsCategory', { category: categoryLabel(locale, report.allRowsCategory) })}
        </p>
      )}
      {report.crsEvidence && !crsGivenByUser(report) && report.crsEvidence !== NO_COORDINATES && (
        <p className="meta">{t('report.crsEvidence', { evidence: report.crsEvidence })}</p>
      )}
      {report.unmappedColumns.length > 0 && (
        <p className="meta">{t('report.unmapped', { columns: report.unmappedColumns.join(t('list.separator')) })}</p>
      )}
      {summary.length > 0 && (
        <table className="errors rejection-summary">
          <caption>{t('report.summary')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.summary.count')}</th>
              <th scope="col">{t('report.col.field')}</th>
              <th scope="col">{t('report.summary.reason')}</th>
              <th scope="col">{t('report.summary.lines')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.map((g) => (
              <Fragment key={g.kind}>
                <tr>
                  <td>{g.count}</td>
                  <td>{g.field}</td>
                  <td>{g.example}</td>
                  <td>
                    {g.lines.join(t('list.separator'))}
                    {g.count > g.lines.length ? '…' : ''}
                  </td>
                </tr>
                {g.cause && (
                  <tr className="cause">
                    <td colSpan={4}>
                      <strong>{t('report.summary.cause', { cause: g.cause })}</strong>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {districtNotes > 0 && (
        <p className="meta" data-testid="district-mismatch">
          {t('report.districtMismatch', { n: districtNotes })}
        </p>
      )}
      {report.errors.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: focus lets the keyboard scroll it
        // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a border
        <div className="errors-scroll" tabIndex={0} role="group" aria-label={t('report.rejectedRows')}>
          <table className="errors">
            <caption>
              {t('report.rejectedRows')} · {t('report.allRejections')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('report.col.line')}</th>
                <th scope="col">{t('report.col.field')}</th>
                <th scope="col">{t('report.col.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.slice(0, 200).map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: read-only list, never reordered
                <tr key={i}>
                  <td>{e.line}</td>
                  <td>{e.field}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.errors.length > 200 && <p className="meta">{t('report.firstOnly')}</p>}
      {report.errorsOmitted ? (
        <p className="meta">{t('report.errorsOmitted', { n: report.errorsOmitted, max: MAX_SAVED_ROW_ENTRIES })}</p>
      ) : null}
      {rejectedRows?.omitted ? (
        <p className="meta">{t('report.rowsOmitted', { n: rejectedRows.omitted, max: MAX_KEPT_ROWS })}</p>
      ) : null}
      {downloadable && (
        <button type="button" onClick={download}>
          {t('report.downloadRejected')}
        </button>
      )}
      {report.warnings.length > 0 && (
        <details>
          <summary>{t('report.warnings', { n: report.warnings.length + (report.warningsOmitted ?? 0) })}</summary>
          <ul>
            {report.warnings.slice(0, 100).map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: read-only list, never reordered
              <li key={i}>{t('report.warning', { line: w.line, field: w.field, reason: w.reason })}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
