// Exports for the white paper. Figure code (ECharts) is loaded on demand, not with the first page.
import { useState } from 'react';
import { violationsCsv } from '../io';
import { useAppState } from './AppContext';
import { downloadText } from './download';

export function ExportPanel() {
  const a = useAppState((s) => s.assessment);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exportFigure = async (what: 'svg' | 'csv') => {
    if (!a) return;
    setBusy(true);
    setError(null);
    try {
      const { riskByDistrictFigure, UNSPECIFIED_DATE } = await import('../figures/riskByDistrictFigure');
      const { DEMO_ATTRIBUTION } = await import('../figures/attribution');
      const f = riskByDistrictFigure(a.stats, { dataDate: UNSPECIFIED_DATE, methodName: a.methodId, attribution: DEMO_ATTRIBUTION });
      if (what === 'svg') downloadText(`${f.id}.svg`, f.svg, 'image/svg+xml');
      else downloadText(`${f.id}.csv`, f.csv, 'text/csv;charset=utf-8');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="export-h">
      <h2 id="export-h">导出</h2>
      <div className="buttons">
        <button type="button" disabled={!a || busy} onClick={() => void exportFigure('svg')}>图3 各区风险点 (SVG)</button>
        <button type="button" disabled={!a || busy} onClick={() => void exportFigure('csv')}>图3 数据 (CSV)</button>
        <button type="button" disabled={!a} onClick={() => a && downloadText('违规清单-T2-violations.csv', violationsCsv(a, { bom: true }), 'text/csv;charset=utf-8')}>
          防护距离问题清单 (CSV)
        </button>
      </div>
      {error && <p role="alert" className="error">导出失败:{error}</p>}
    </section>
  );
}
