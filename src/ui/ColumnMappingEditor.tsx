// The column-mapping step: every source header with the field it was read as; the user corrects it, the file is read
// again that way, and the choice is remembered for files with the same headers.
import { useState } from 'react';
import { CANONICAL_FIELDS, type CanonicalField, type ImportFileReport, type MappingOverride } from '../io';

const FIELD_ZH: Record<CanonicalField, string> = {
  id: '编号', name: '名称', category: '类别', lon: '经度', lat: '纬度', wkt: 'WKT 几何', district: '所属区域', domain: '行业领域',
  likelihood: '可能性 L', severity: '严重性 S', lec_l: 'LEC L', lec_e: 'LEC E', lec_c: 'LEC C', major_hazard_grade: '重大危险源等级',
  major_hazard_r: '重大危险源 R', mh_alpha: '校正系数 α', mh_items: '危险物质 q/Q*β', station_grade: '加油站站级', vapour_recovery: '油气回收',
  users: '使用人数', beds: '床位数', protection_distance_m: '外部安全防护距离', responsible_unit: '责任单位', controls: '管控措施', fictitious: '虚构标记',
};

export function ColumnMappingEditor({ report, onApply }: { report: ImportFileReport; onApply: (mapping: MappingOverride) => void }) {
  const headers = report.headers ?? [];
  const [fields, setFields] = useState<(CanonicalField | null)[]>(report.columnFields ?? headers.map(() => null));
  const needsAttention = !fields.includes('id') || !fields.includes('category') || (!fields.includes('wkt') && !(fields.includes('lon') && fields.includes('lat')));
  // opens by itself when required fields are missing, then stays as the user leaves it
  const [openAtFirst] = useState(needsAttention);
  if (headers.length === 0) return null;
  return (
    <details open={openAtFirst || undefined}>
      <summary>列对应{needsAttention ? '(缺少必填字段,请指定)' : '(可更正)'}</summary>
      <table aria-label={`列对应 ${report.file}`}>
        <thead><tr><th scope="col">文件中的列</th><th scope="col">读作</th></tr></thead>
        <tbody>
          {headers.map((h, i) => (
            <tr key={i}>
              <td>{h || `(第 ${i + 1} 列)`}</td>
              <td>
                <select aria-label={`列「${h}」读作`} value={fields[i] ?? ''} onChange={(e) => setFields(fields.map((f, j) => (j === i ? ((e.target.value || null) as CanonicalField | null) : f)))}>
                  <option value="">忽略</option>
                  {CANONICAL_FIELDS.map((f) => <option key={f} value={f}>{FIELD_ZH[f]}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => onApply(Object.fromEntries(headers.map((h, i) => [h, fields[i] ?? null])))}>按此对应重新读取并记住</button>
    </details>
  );
}
