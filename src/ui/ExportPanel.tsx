// "导出白皮书图表": the whole white-paper set (figures, tables, report, assess outputs) as one zip, built in a worker
// that is loaded on demand. F6 compares with a previous assessment: a compared project or an uploaded summary.json.
import { useId, useState } from 'react';
import { defaultConfig } from '../engine';
import { violationsCsv, type InputDigest } from '../io';
import { defaultAttribution } from '../figures/attribution';
import { readPreviousSummary } from '../io/previousSummary';
import type { WhitepaperInput } from '../whitepaper/bundle';
import { whitepaperTitle } from '../whitepaper/title';
import type { AppState } from '../state/store';
import { useAppState, useServices } from './AppContext';
import { downloadBytes, downloadText } from './download';
import { useT } from './i18n';

const STAGES = ['load', 'figures', 'report', 'done'] as const;
const isStage = (s: string): s is (typeof STAGES)[number] => (STAGES as readonly string[]).includes(s);

export function whitepaperInput(s: AppState): WhitepaperInput | null {
  const a = s.assessment;
  if (!a) return null;
  const digests: InputDigest[] = s.datasets.flatMap((d) => (d.report.sha256 ? [{ file: d.file, sha256: d.report.sha256 }] : []));
  if (s.zonesDigest) digests.push(s.zonesDigest);
  return {
    assessment: a,
    districts: s.zones,
    reports: s.datasets.map((d) => d.report),
    digests,
    profile: s.profile,
    rules: s.rules,
    borderlineToleranceM: defaultConfig().borderlineToleranceM,
    dataDate: s.project?.assessmentDate || null,
    title: whitepaperTitle(s.project?.name),
    attribution: defaultAttribution(a.sites.some((x) => x.fictitious)),
    previous: s.previous,
  };
}

export function ExportPanel() {
  const { store } = useServices();
  const t = useT();
  const a = useAppState((s) => s.assessment);
  const previous = useAppState((s) => s.previous);
  const [progress, setProgress] = useState<{ share: number; stage: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { summary: useId() };

  const exportWhitepaper = async () => {
    const input = whitepaperInput(store.getState());
    if (!input) return;
    setError(null);
    setProgress({ share: 0, stage: 'load' });
    try {
      const { exportWhitepaperZip } = await import('../worker/whitepaperClient');
      const zip = await exportWhitepaperZip(input, (share, stage) => setProgress({ share, stage }));
      downloadBytes(t('export.zipName', { date: input.dataDate ?? t('export.undated') }), zip, 'application/zip');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setProgress(null);
    }
  };

  const loadSummary = async (file: File) => {
    try {
      store.setState({ previous: readPreviousSummary(file.name, await file.text()) });
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="panel" aria-labelledby="export-h">
      <h2 id="export-h">{t('export.title')}</h2>
      <div className="buttons">
        <button type="button" disabled={!a || progress !== null} onClick={() => void exportWhitepaper()}>{t('export.whitepaper')}</button>
        <button type="button" disabled={!a} onClick={() => a && downloadText(t('export.violationsFile'), violationsCsv(a, { bom: true }), 'text/csv;charset=utf-8')}>
          {t('export.violationsCsv')}
        </button>
      </div>
      {progress && (
        <p>
          <progress aria-label={t('export.progress')} max={1} value={progress.share} /> {isStage(progress.stage) ? t(`export.stage.${progress.stage}`) : progress.stage}…
        </p>
      )}
      <p className="hint">{t('export.contents')}</p>
      <div>
        <label htmlFor={ids.summary}>{t('export.previousFile')}</label>{' '}
        <input id={ids.summary} type="file" accept=".json,application/json" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void loadSummary(f); }} />
        <p className="hint" data-testid="previous-assessment">
          {previous ? t('export.previous', { label: previous.dataDate ? t('common.dated', { label: previous.label, date: previous.dataDate }) : previous.label }) : t('export.noPrevious')}
          {previous && <> <button type="button" onClick={() => store.setState({ previous: null })}>{t('common.clear')}</button></>}
        </p>
      </div>
      {error && <p role="alert" className="error">{t('export.failed', { message: error })}</p>}
    </section>
  );
}
