// Societal risk in the data panel (issue #20): upload F–N curve files (CSV, one point a row, per installation), see
// every row accounted for, remove a file; the lines the curves are judged against, which ship empty (GB 36894's line
// coordinates could not be read), can be supplied by the city, exported (the file the white paper lists among its inputs) and reset.
import { useId } from 'react';
import { showMessage } from '../i18n/shownMessage';
import { useAppState, useServices } from './AppContext';
import { fnCriteriaFile } from '../io/configFiles';
import { downloadText } from './download';
import { ImportReportView } from './ImportReportView';
import { useT } from './i18n';
import { importFnCriteria, importFnCurves, removeFnCurves, resetFnCriteria } from '../state/fnFiles';
import { FileUpload } from './FileUpload';

export function FnFilesPanel() {
  const app = useServices();
  const t = useT();
  const files = useAppState((s) => s.fnFiles);
  const criteria = useAppState((s) => s.fnCriteria);
  const reading = useAppState((s) => s.readingFnFile);
  const error = useAppState((s) => s.fnFileError);
  const report = useAppState((s) => s.fnReport);
  const ids = { heading: useId() };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a border
    <div className="fn-files" role="group" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('data.fnTitle')}</h3>
      <p className="meta">{t('data.fnHelp')}</p>
      {error && (
        <p role="alert" className="error">
          {t('data.fnFileFailed', { message: showMessage(t, error) })}
        </p>
      )}
      {files.length === 0 && (
        <p className="meta" data-testid="fn-in-use">
          {t('data.noFn')}
        </p>
      )}
      {files.length > 0 && (
        <ul data-testid="fn-in-use">
          {files.map((f) => (
            <li key={f.file}>
              {t('data.fnLoaded', { file: f.file, n: f.curves.length })}{' '}
              <button type="button" onClick={() => removeFnCurves(app, f.file)}>
                {t('data.removeFn')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="upload">
        <FileUpload
          label={t('data.uploadFn')}
          accept=".csv,.txt"
          disabled={reading !== null}
          onFile={(f) => importFnCurves(app, f.name, f)}
        />
      </div>
      {reading && (
        <p className="meta" role="status">
          {t('data.reading', { file: reading })}
        </p>
      )}
      {report && <ImportReportView report={report} />}
      <p className="meta" data-testid="fn-lines">
        {criteria.lines ? t('data.fnLines', { name: criteria.name }) : t('data.fnLinesMissing')}
      </p>
      {criteria.lines && (
        <div className="buttons">
          <button
            type="button"
            onClick={() => {
              const f = fnCriteriaFile(criteria); // the bytes the white paper lists among its inputs
              downloadText(f.file, f.text, 'application/json');
            }}
          >
            {t('data.exportFnLines')}
          </button>
          <button type="button" onClick={() => resetFnCriteria(app)}>
            {t('data.resetFnLines')}
          </button>
        </div>
      )}
      <div className="upload">
        <FileUpload
          label={t('data.uploadFnLines')}
          accept=".json"
          onFile={async (f) => importFnCriteria(app, f.name, await f.text())}
        />
      </div>
    </div>
  );
}
