// "导出白皮书图表": the whole white-paper set (figures, tables, report, assess outputs) as one zip, built in a worker
// that is loaded on demand. F6 compares with a previous assessment: a compared project or an uploaded summary.json.
import { useId, useState } from 'react';
import { defaultConfig } from '../engine';
import { violationsCsv, type InputDigest } from '../io';
import { defaultAttribution } from '../figures/attribution';
import { readPreviousSummary } from '../io/previousSummary';
import { whitepaperTitle, type WhitepaperInput } from '../whitepaper/bundle';
import type { AppState } from '../state/store';
import { useAppState, useServices } from './AppContext';
import { downloadBytes, downloadText } from './download';

const STAGE_ZH: Record<string, string> = { load: '加载字体与渲染器', figures: '绘制图件', report: '生成报告', done: '打包' };

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
      downloadBytes(`白皮书图表-${input.dataDate ?? '未注明日期'}.zip`, zip, 'application/zip');
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
      <h2 id="export-h">导出</h2>
      <div className="buttons">
        <button type="button" disabled={!a || progress !== null} onClick={() => void exportWhitepaper()}>导出白皮书图表 (ZIP)</button>
        <button type="button" disabled={!a} onClick={() => a && downloadText('违规清单-T2-violations.csv', violationsCsv(a, { bom: true }), 'text/csv;charset=utf-8')}>
          防护距离问题清单 (CSV)
        </button>
      </div>
      {progress && (
        <p>
          <progress aria-label="白皮书导出进度" max={1} value={progress.share} /> {STAGE_ZH[progress.stage] ?? progress.stage}…
        </p>
      )}
      <p className="hint">图1–图6(SVG、300 dpi PNG 及所据 CSV)、表1–表3(CSV、XLSX)、可打印的 whitepaper.html 与评估结果文件。</p>
      <div>
        <label htmlFor={ids.summary}>上期评估 summary.json(图6)</label>{' '}
        <input id={ids.summary} type="file" accept=".json,application/json" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void loadSummary(f); }} />
        <p className="hint" data-testid="previous-assessment">
          {previous ? `图6 将对比:${previous.label}${previous.dataDate ? `(${previous.dataDate})` : ''}` : '未载入上期评估:图6 不生成(也可在“项目”中与已保存的项目比较)'}
          {previous && <> <button type="button" onClick={() => store.setState({ previous: null })}>清除</button></>}
        </p>
      </div>
      {error && <p role="alert" className="error">导出失败:{error}</p>}
    </section>
  );
}
