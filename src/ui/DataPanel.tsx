// Load site files: CSV (UTF-8/GBK, Chinese headers) or GeoJSON, with the coordinate system stated or suggested.
// A file uploaded again (same bytes, or same name) is never added twice without asking: replace it, or not.
import { showMessage } from '../i18n/shownMessage';
import { useEffect, useId, useState } from 'react';
import { CRS_CHOICES, rereadChoices } from '../io/crs';
import { findSameFile } from '../io/sameFile';
import type { CrsOption, SameFile, TextEncodingName } from '../io';
import { isSourceFileKept } from '../state/sourceFiles';
import { checksumOf } from '../worker/checksumClient';
import type { Dataset } from '../state/store';
import { downloadBytes, downloadText } from './download';
import { useAppState, useServices } from './AppContext';
import { ImportReportView } from './ImportReportView';
import { ColumnMappingEditor } from './ColumnMappingEditor';
import { ReachFilesPanel } from './ReachFilesPanel';
import { ContourFilesPanel } from './ContourFilesPanel';
import { FnFilesPanel } from './FnFilesPanel';
import { crsLabel, useT } from './i18n';
import {
  cancelImport,
  importSiteFile,
  reimportDataset,
  remapDataset,
  removeDataset,
  setImportCrs,
  setImportEncoding,
} from '../state/datasets';
import { FileUpload } from './FileUpload';

const ENCODING_LABEL: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK/GB18030',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

type Decision = 'replace' | 'add' | 'cancel';
interface Pending {
  file: string;
  loadedAs: string;
  same: NonNullable<SameFile>;
  decide: (d: Decision) => void;
}

/** Checksums of uploaded files kept in IndexedDB: after a reload, these datasets can still be read again. */
function useKeptSources(datasets: Dataset[]): Set<string> {
  const [kept, setKept] = useState<Set<string>>(new Set());
  useEffect(() => {
    let live = true;
    const wanted = datasets.filter((d) => !d.source && !d.demo && d.report.sha256).map((d) => d.report.sha256!);
    void Promise.all(wanted.map(async (sha) => ((await isSourceFileKept(sha).catch(() => false)) ? sha : null))).then(
      (found) => {
        if (live) setKept(new Set(found.filter((x): x is string => x !== null)));
      },
    );
    return () => void (live = false);
  }, [datasets]);
  return kept;
}

export function DataPanel() {
  const app = useServices();
  const { store } = app;
  const t = useT();
  const datasets = useAppState((s) => s.datasets);
  const importCrs = useAppState((s) => s.importCrs);
  const importError = useAppState((s) => s.importError);
  const importing = useAppState((s) => s.importing);
  const importEncoding = useAppState((s) => s.importEncoding);
  const [pending, setPending] = useState<Pending | null>(null);
  const kept = useKeptSources(datasets);
  const encodingId = useId();
  const headingId = useId();
  const crsId = useId();
  const onFiles = async (files: File[]) => {
    for (const file of files) {
      const now = store.getState().datasets; // not the render's list: an earlier file of this selection counts too
      const loaded = now.length ? findSameFile(now, file.name, await checksumOf(file)) : null;
      if (!loaded) {
        await importSiteFile(app, file.name, file); // the File itself: the import worker reads it
        continue;
      }
      const loadedAs = now.find((d) => d.id === loaded.id)?.file ?? file.name;
      const decision = await new Promise<Decision>((decide) =>
        setPending({ file: file.name, loadedAs, same: loaded, decide }),
      );
      setPending(null);
      if (decision === 'replace') await importSiteFile(app, file.name, file, loaded.id);
      else if (decision === 'add') await importSiteFile(app, file.name, file);
    }
  };
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('data.title')}</h2>
      <label htmlFor={crsId}>{t('data.crs')}</label>{' '}
      <select id={crsId} value={importCrs} onChange={(e) => setImportCrs(app, e.target.value as CrsOption)}>
        {(['auto', ...CRS_CHOICES] as CrsOption[]).map((c) => (
          <option key={c} value={c}>
            {crsLabel(t, c)}
          </option>
        ))}
      </select>{' '}
      <label htmlFor={encodingId}>{t('data.encoding')}</label>{' '}
      <select
        id={encodingId}
        value={importEncoding ?? ''}
        onChange={(e) => setImportEncoding(app, (e.target.value || undefined) as TextEncodingName | undefined)}
      >
        <option value="">{t('data.detectEncoding')}</option>
        {(Object.keys(ENCODING_LABEL) as TextEncodingName[]).map((enc) => (
          <option key={enc} value={enc}>
            {ENCODING_LABEL[enc]}
          </option>
        ))}
      </select>
      <div className="upload">
        <FileUpload
          label={t('data.upload')}
          accept=".csv,.tsv,.txt,.xlsx,.geojson,.json"
          multiple
          disabled={pending !== null}
          onFiles={onFiles}
        />
        <p className="meta">
          <button
            type="button"
            className="link"
            onClick={() =>
              void import('../io/siteTemplate').then(({ siteTemplateCsv }) =>
                downloadText(`${t('data.templateName')}.csv`, siteTemplateCsv(), 'text/csv;charset=utf-8'),
              )
            }
          >
            {t('data.templateCsv')}
          </button>{' '}
          <button
            type="button"
            className="link"
            onClick={async () =>
              downloadBytes(
                `${t('data.templateName')}.xlsx`,
                await (await import('../io/siteTemplate')).siteTemplateXlsx(),
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              )
            }
          >
            {t('data.templateXlsx')}
          </button>
        </p>
      </div>
      {pending && (
        // biome-ignore lint/a11y/useSemanticElements: a fieldset would add a border
        <div role="group" aria-label={t('data.duplicate', { file: pending.file })} className="duplicate-upload">
          <p role="alert">
            {t(pending.same.identical ? 'data.sameFile' : 'data.sameName', { file: pending.loadedAs })}
          </p>
          <button type="button" onClick={() => pending.decide('replace')}>
            {t('data.replace')}
          </button>{' '}
          {!pending.same.identical && (
            <>
              <button type="button" onClick={() => pending.decide('add')}>
                {t('data.addAnyway')}
              </button>{' '}
            </>
          )}
          <button type="button" onClick={() => pending.decide('cancel')}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {importing && (
        <div className="importing" role="status">
          {t('data.reading', { file: importing.file })}{' '}
          <progress aria-label={t('data.readProgress', { file: importing.file })} value={importing.share} max={1} />{' '}
          <button type="button" onClick={() => cancelImport(app)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {importError && (
        <p role="alert" className="error">
          {t('data.importFailed', { message: showMessage(t, importError) })}
        </p>
      )}
      {datasets.map((d) => {
        // the file itself is needed to read it again: in memory since the upload, or kept in IndexedDB since then
        const rereadable = Boolean(d.source) || (!d.demo && kept.has(d.report.sha256 ?? ''));
        return (
          <div key={d.id} className="dataset">
            <ImportReportView
              report={d.report}
              rejectedRows={d.rejectedRows}
              onSheet={rereadable ? (sheet) => void reimportDataset(app, d.id, importCrs, undefined, sheet) : undefined}
            />
            {rereadable && (
              <ColumnMappingEditor
                key={`${d.id}:${(d.report.columnFields ?? []).join()}:${d.report.allRowsCategory ?? ''}`}
                report={d.report}
                onApply={(m, category) => void remapDataset(app, d.id, m, category)}
              />
            )}
            {rereadable && rereadChoices(d.report.crs).length > 0 && (
              <p className="meta">
                {t('data.rereadAs')}{' '}
                {rereadChoices(d.report.crs).map((c, i) => (
                  <span key={c}>
                    {i > 0 && t('list.separator')}
                    <button type="button" className="link" onClick={() => void reimportDataset(app, d.id, c)}>
                      {crsLabel(t, c)}
                    </button>
                  </span>
                ))}
              </p>
            )}
            {!rereadable && !d.demo && d.report.headers && <p className="meta">{t('data.sourceNotKeptNote')}</p>}
            {d.demo && <p className="meta">{t(d.fictitious ? 'data.demoFictitious' : 'data.demoReal')}</p>}
            {/* any dataset can go, the demo's too: a copy of the demo becomes a real city's project */}
            <button
              type="button"
              onClick={() => {
                if (confirm(t('data.confirmRemove', { file: d.file, n: d.count }))) void removeDataset(app, d.id);
              }}
            >
              {t(d.demo ? 'data.removeDemo' : 'data.remove')}
            </button>
          </div>
        );
      })}
      <ReachFilesPanel />
      <ContourFilesPanel />
      <FnFilesPanel />
    </section>
  );
}
