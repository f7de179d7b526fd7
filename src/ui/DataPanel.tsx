// Load site files: CSV (UTF-8/GBK, Chinese headers) or GeoJSON, with the coordinate system stated or suggested.
import { useId } from 'react';
import { CRS_CHOICES, rereadChoices, siteTemplateCsv, siteTemplateXlsx, type CrsOption, type TextEncodingName } from '../io';
import { downloadBytes, downloadText } from './download';
import { useActions, useAppState } from './AppContext';
import { ImportReportView } from './ImportReportView';
import { ColumnMappingEditor } from './ColumnMappingEditor';
import { crsLabel, useT } from './i18n';

const ENCODING_LABEL: Record<TextEncodingName, string> = { 'utf-8': 'UTF-8', gb18030: 'GBK/GB18030', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

export function DataPanel() {
  const actions = useActions();
  const t = useT();
  const datasets = useAppState((s) => s.datasets);
  const importCrs = useAppState((s) => s.importCrs);
  const importError = useAppState((s) => s.importError);
  const importing = useAppState((s) => s.importing);
  const importEncoding = useAppState((s) => s.importEncoding);
  const encodingId = useId();
  const inputId = useId();
  const crsId = useId();
  const onFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) await actions.importFile(file.name, new Uint8Array(await file.arrayBuffer()));
  };
  return (
    <section className="panel" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>{t('data.title')}</h2>
      <label htmlFor={crsId}>{t('data.crs')}</label>{' '}
      <select id={crsId} value={importCrs} onChange={(e) => actions.setImportCrs(e.target.value as CrsOption)}>
        {(['auto', ...CRS_CHOICES] as CrsOption[]).map((c) => <option key={c} value={c}>{crsLabel(t, c)}</option>)}
      </select>
      {' '}<label htmlFor={encodingId}>{t('data.encoding')}</label>{' '}
      <select id={encodingId} value={importEncoding ?? ''} onChange={(e) => actions.setImportEncoding((e.target.value || undefined) as TextEncodingName | undefined)}>
        <option value="">{t('data.detectEncoding')}</option>
        {(Object.keys(ENCODING_LABEL) as TextEncodingName[]).map((enc) => <option key={enc} value={enc}>{ENCODING_LABEL[enc]}</option>)}
      </select>
      <div className="upload">
        <label htmlFor={inputId}>{t('data.upload')}</label>
        <input id={inputId} type="file" accept=".csv,.tsv,.txt,.xlsx,.geojson,.json" multiple onChange={(e) => { void onFiles(e.target.files); e.target.value = ''; }} />
        <p className="meta">
          <button type="button" className="link" onClick={() => downloadText(`${t('data.templateName')}.csv`, siteTemplateCsv(), 'text/csv;charset=utf-8')}>
            {t('data.templateCsv')}
          </button>{' '}
          <button type="button" className="link" onClick={async () => downloadBytes(`${t('data.templateName')}.xlsx`, await siteTemplateXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}>
            {t('data.templateXlsx')}
          </button>
        </p>
      </div>
      {importing && (
        <div className="importing" role="status">
          {t('data.reading', { file: importing.file })} <progress aria-label={t('data.readProgress', { file: importing.file })} value={importing.share} max={1} />{' '}
          <button type="button" onClick={() => actions.cancelImport()}>{t('common.cancel')}</button>
        </div>
      )}
      {importError && <p role="alert" className="error">{t('data.importFailed', { message: importError })}</p>}
      {datasets.map((d) => (
        <div key={d.id} className="dataset">
          <ImportReportView report={d.report} rejectedRows={d.rejectedRows} onSheet={d.bytes ? (sheet) => void actions.reimportDataset(d.id, importCrs, undefined, sheet) : undefined} />
          {d.bytes && <ColumnMappingEditor key={`${d.id}:${(d.report.columnFields ?? []).join()}`} report={d.report} onApply={(m) => void actions.remapDataset(d.id, m)} />}
          {d.bytes && rereadChoices(d.report.crs).length > 0 && (
            <p className="meta">
              {t('data.rereadAs')}{' '}
              {rereadChoices(d.report.crs).map((c, i) => (
                <span key={c}>
                  {i > 0 && t('list.separator')}
                  <button type="button" className="link" onClick={() => void actions.reimportDataset(d.id, c)}>{crsLabel(t, c)}</button>
                </span>
              ))}
            </p>
          )}
          {d.demo && <p className="meta">{t(d.sites.some((s) => s.fictitious) ? 'data.demoFictitious' : 'data.demoReal')}</p>}
          {/* any dataset can go, the demo's too: a copy of the demo becomes a real city's project */}
          <button type="button" onClick={() => { if (confirm(t('data.confirmRemove', { file: d.file, n: d.sites.length }))) void actions.removeDataset(d.id); }}>
            {t(d.demo ? 'data.removeDemo' : 'data.remove')}
          </button>
        </div>
      ))}
    </section>
  );
}
