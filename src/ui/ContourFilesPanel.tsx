// QRA individual-risk contours in the data panel (issue #20): upload a contour file (GeoJSON polygons, each with its
// installation's id and risk per year), see every feature accounted for, remove a file. Read where the engine runs,
// against the hazard sites loaded: contours come after the sites they belong to.
import { useId } from 'react';
import { showMessage } from '../i18n/shownMessage';
import { useAppState, useServices } from './AppContext';
import { ImportReportView } from './ImportReportView';
import { useT } from './i18n';
import { importContours, removeContours } from '../state/contourFiles';
import { FileUpload } from './FileUpload';

export function ContourFilesPanel() {
  const app = useServices();
  const t = useT();
  const files = useAppState((s) => s.contourFiles);
  const reading = useAppState((s) => s.readingContourFile);
  const error = useAppState((s) => s.contourFileError);
  const report = useAppState((s) => s.contourReport);
  const ids = { heading: useId() };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a border
    <div className="contour-files" role="group" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('data.contoursTitle')}</h3>
      <p className="meta">{t('data.contoursHelp')}</p>
      {error && (
        <p role="alert" className="error">
          {t('data.contourFileFailed', { message: showMessage(t, error) })}
        </p>
      )}
      {files.length === 0 && (
        <p className="meta" data-testid="contours-in-use">
          {t('data.noContours')}
        </p>
      )}
      {files.length > 0 && (
        <ul data-testid="contours-in-use">
          {files.map((f) => (
            <li key={f.file}>
              {t('data.contoursLoaded', {
                file: f.file,
                n: f.contours.length,
                installations: new Set(f.contours.map((c) => c.installationId)).size,
              })}{' '}
              <button type="button" onClick={() => void removeContours(app, f.file)}>
                {t('data.removeContours')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="upload">
        {/* the File itself goes to the engine worker, which reads it against the hazard sites it holds */}
        <FileUpload
          label={t('data.uploadContours')}
          accept=".geojson,.json"
          disabled={reading !== null}
          onFile={(f) => importContours(app, f.name, f)}
        />
      </div>
      {reading && (
        <p className="meta" role="status">
          {t('data.reading', { file: reading })}
        </p>
      )}
      {report && <ImportReportView report={report} />}
    </div>
  );
}
