// One file's import report: every row accounted for, rejections with line, field and reason.
import type { ImportFileReport, RejectedRows } from '../io';
import { toCsv } from '../io/csvWrite';
import { useId } from 'react';
import { downloadText } from './download';

const ENCODING_ZH: Record<string, string> = { 'utf-8': 'UTF-8', gb18030: 'GBK/GB18030', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE', json: 'JSON (UTF-8)' };

export function ImportReportView({ report, rejectedRows, onSheet }: { report: ImportFileReport; rejectedRows?: RejectedRows; onSheet?: (sheet: string) => void }) {
  const sheetId = useId();
  // the rejected rows as they were, with the line and every reason added: fix them and upload again
  const downloadErrors = () => {
    const reasons = new Map<number, string[]>();
    for (const e of report.errors) reasons.set(e.line, [...(reasons.get(e.line) ?? []), `${e.field}: ${e.reason}`]);
    const rows = rejectedRows?.rows ?? [...reasons.keys()].map((line) => ({ line, cells: [] as string[] }));
    const headers = rejectedRows?.headers ?? [];
    downloadText(
      `${report.file}.rejected.csv`,
      toCsv(rows, [
        ...headers.map((h, i) => ({ header: h || `列${i + 1}`, value: (r: (typeof rows)[number]) => r.cells[i] ?? '' })),
        { header: '原文件行号', value: (r) => r.line },
        { header: '拒绝原因', value: (r) => (reasons.get(r.line) ?? []).join(';') },
      ], { bom: true }),
      'text/csv;charset=utf-8',
    );
  };
  return (
    <section className="import-report" aria-label={`导入报告 ${report.file}`}>
      <h4>{report.file}</h4>
      <p className="counts">
        读取 <b>{report.rows}</b> 行 = 接受 <b data-testid="accepted">{report.accepted}</b> + 拒绝{' '}
        <b data-testid="rejected">{report.rejected}</b>
        <span className="meta">
          {' '}· 编码 {ENCODING_ZH[report.encoding] ?? report.encoding} · 坐标系 {report.crs.toUpperCase()}
        </span>
      </p>
      {report.sheets && report.sheets.length > 1 && (
        <p className="meta">
          <label htmlFor={sheetId}>工作表</label>{' '}
          <select id={sheetId} value={report.sheet} disabled={!onSheet} onChange={(e) => onSheet?.(e.target.value)}>
            {report.sheets.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>{' '}
          (本工作簿共 {report.sheets.length} 个工作表;选择后重新读取)
        </p>
      )}
      {report.crsEvidence && report.crsEvidence !== '用户指定 (given)' && <p className="meta">坐标系判断依据:{report.crsEvidence}</p>}
      {report.unmappedColumns.length > 0 && <p className="meta">未识别的列(已忽略):{report.unmappedColumns.join('、')}</p>}
      {report.errors.length > 0 && (
        <>
          <table className="errors">
            <caption>被拒绝的行</caption>
            <thead>
              <tr><th scope="col">行号</th><th scope="col">字段</th><th scope="col">原因</th></tr>
            </thead>
            <tbody>
              {report.errors.slice(0, 200).map((e, i) => (
                <tr key={i}><td>{e.line}</td><td>{e.field}</td><td>{e.reason}</td></tr>
              ))}
            </tbody>
          </table>
          {report.errors.length > 200 && <p className="meta">仅显示前 200 条,完整清单请下载。</p>}
          <button type="button" onClick={downloadErrors}>下载被拒绝行 (CSV)</button>
        </>
      )}
      {report.warnings.length > 0 && (
        <details>
          <summary>提示 {report.warnings.length} 条(已接受)</summary>
          <ul>{report.warnings.slice(0, 100).map((w, i) => <li key={i}>第 {w.line} 行 {w.field}:{w.reason}</li>)}</ul>
        </details>
      )}
    </section>
  );
}
