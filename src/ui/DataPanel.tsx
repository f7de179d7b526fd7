// Load site files: CSV (UTF-8/GBK, Chinese headers) or GeoJSON, with the coordinate system stated or suggested.
import { useId } from 'react';
import { CRS_CHOICES, siteTemplateCsv, siteTemplateXlsx, type CrsOption, type TextEncodingName } from '../io';
import { downloadBytes, downloadText } from './download';
import { useActions, useAppState } from './AppContext';
import { ImportReportView } from './ImportReportView';
import { ColumnMappingEditor } from './ColumnMappingEditor';

const ENCODING_LABEL: Record<TextEncodingName, string> = { 'utf-8': 'UTF-8', gb18030: 'GBK/GB18030', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' };

const CRS_LABEL: Record<CrsOption, string> = {
  auto: '自动判断', wgs84: 'WGS-84 (GPS)', cgcs2000: 'CGCS2000 (天地图)', gcj02: 'GCJ-02 (高德/腾讯)', bd09: 'BD-09 (百度)',
};

export function DataPanel() {
  const actions = useActions();
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
      <h2 id={`${inputId}-h`}>数据</h2>
      <label htmlFor={crsId}>坐标系</label>{' '}
      <select id={crsId} value={importCrs} onChange={(e) => actions.setImportCrs(e.target.value as CrsOption)}>
        {(['auto', ...CRS_CHOICES] as CrsOption[]).map((c) => <option key={c} value={c}>{CRS_LABEL[c]}</option>)}
      </select>
      {' '}<label htmlFor={encodingId}>编码</label>{' '}
      <select id={encodingId} value={importEncoding ?? ''} onChange={(e) => actions.setImportEncoding((e.target.value || undefined) as TextEncodingName | undefined)}>
        <option value="">自动识别</option>
        {(Object.keys(ENCODING_LABEL) as TextEncodingName[]).map((enc) => <option key={enc} value={enc}>{ENCODING_LABEL[enc]}</option>)}
      </select>
      <div className="upload">
        <label htmlFor={inputId}>上传风险点/场所文件 (CSV、XLSX 或 GeoJSON)</label>
        <input id={inputId} type="file" accept=".csv,.tsv,.txt,.xlsx,.geojson,.json" multiple onChange={(e) => { void onFiles(e.target.files); e.target.value = ''; }} />
        <p className="meta">
          <button type="button" className="link" onClick={() => downloadText('风险点导入模板.csv', siteTemplateCsv(), 'text/csv;charset=utf-8')}>
            下载导入模板 (CSV)
          </button>{' '}
          <button type="button" className="link" onClick={async () => downloadBytes('风险点导入模板.xlsx', await siteTemplateXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')}>
            (XLSX)
          </button>
        </p>
      </div>
      {importing && (
        <div className="importing" role="status">
          正在读取 {importing.file}… <progress aria-label={`导入进度 ${importing.file}`} value={importing.share} max={1} />{' '}
          <button type="button" onClick={() => actions.cancelImport()}>取消</button>
        </div>
      )}
      {importError && <p role="alert" className="error">文件无法导入:{importError}</p>}
      {datasets.map((d) => (
        <div key={d.id} className="dataset">
          <ImportReportView report={d.report} rejectedRows={d.rejectedRows} onSheet={d.bytes ? (sheet) => void actions.reimportDataset(d.id, importCrs, undefined, sheet) : undefined} />
          {d.bytes && <ColumnMappingEditor key={`${d.id}:${(d.report.columnFields ?? []).join()}`} report={d.report} onApply={(m) => void actions.remapDataset(d.id, m)} />}
          {d.bytes && (
            <p className="meta">
              按其他坐标系重新读取:{' '}
              {CRS_CHOICES.filter((c) => c !== d.report.crs && c !== 'cgcs2000').map((c) => (
                <button key={c} type="button" className="link" onClick={() => void actions.reimportDataset(d.id, c)}>{CRS_LABEL[c]}</button>
              ))}
            </p>
          )}
          {d.demo ? <p className="meta">示例数据{d.sites.some((s) => s.fictitious) ? '(虚构)' : '(OpenStreetMap 真实数据)'}</p> : (
            <button type="button" onClick={() => void actions.removeDataset(d.id)}>移除此文件</button>
          )}
        </div>
      ))}
    </section>
  );
}
