// The violation list: filter by status and text, sort by any column, select a row to see it on the map,
// export exactly what is shown (CSV with BOM, or XLSX) with the rule and source of every row.
import { useMemo, useState } from 'react';
import { VIOLATION_STATUS_ZH, type Violation, type ViolationStatus } from '../engine';
import { toCsv, toXlsx, violationTableColumns } from '../io';
import { filteredView, isFiltered } from '../state/mapFilters';
import { useActions, useAppState } from './AppContext';
import { downloadBytes, downloadText } from './download';

type SortKey = 'status' | 'hazard' | 'target' | 'distance' | 'required' | 'shortfall' | 'rule';
const STATUS_ORDER: Record<ViolationStatus, number> = { violation: 0, borderline: 1, not_assessed: 2 };
const COLUMNS: [SortKey, string][] = [['status', '状态'], ['hazard', '危险源'], ['target', '防护目标'], ['distance', '实测 m'], ['required', '要求 m'], ['shortfall', '差距 m'], ['rule', '规则']];

export function ViolationsPanel() {
  const a = useAppState((s) => s.assessment);
  const selection = useAppState((s) => s.selection);
  const actions = useActions();
  const [shown, setShown] = useState<Record<ViolationStatus, boolean>>({ violation: true, borderline: true, not_assessed: false });
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'shortfall', descending: true });
  const names = useMemo(() => new Map(a?.sites.map((s) => [s.id, s.name]) ?? []), [a]);
  const filters = useAppState((s) => s.filters);
  // the map's filters apply here too: findings whose hazard is filtered out are not listed
  const allowed = useMemo(() => (a && isFiltered(filters) ? new Set(filteredView(a, filters).violations) : null), [a, filters]);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const keyOf = (v: Violation): string | number => {
      switch (sort.key) {
        case 'status': return STATUS_ORDER[v.status];
        case 'hazard': return names.get(v.hazardId) ?? v.hazardId;
        case 'target': return names.get(v.targetId) ?? v.targetId;
        case 'distance': return v.distanceM;
        case 'required': return v.requiredM ?? -1;
        case 'shortfall': return v.shortfallM ?? -Infinity;
        case 'rule': return v.ruleId;
      }
    };
    const list = (a?.violations.map((v, index) => ({ v, index })) ?? []).filter(({ v, index }) => {
      if (!shown[v.status] || (allowed && !allowed.has(index))) return false;
      if (!q) return true;
      return [names.get(v.hazardId), names.get(v.targetId), v.hazardId, v.targetId, v.ruleId].some((t) => t?.toLowerCase().includes(q));
    });
    const dir = sort.descending ? -1 : 1;
    return list.sort((x, y) => {
      const kx = keyOf(x.v);
      const ky = keyOf(y.v);
      return (kx < ky ? -1 : kx > ky ? 1 : x.index - y.index) * dir;
    });
  }, [a, names, shown, query, sort, allowed]);
  const counts = a?.violations.reduce((c, v) => ({ ...c, [v.status]: (c[v.status] ?? 0) + 1 }), {} as Record<string, number>) ?? {};

  const exportRows = async (format: 'csv' | 'xlsx') => {
    if (!a) return;
    const columns = violationTableColumns(a);
    const shownRows = rows.map((r) => r.v);
    if (format === 'csv') downloadText('防护距离问题清单.csv', toCsv(shownRows, columns, { bom: true }), 'text/csv;charset=utf-8');
    else {
      // toXlsx loads ExcelJS on demand
      downloadBytes('防护距离问题清单.xlsx', await toXlsx('防护距离问题', shownRows, columns), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    }
  };

  return (
    <section className="panel" aria-labelledby="violations-h">
      <h2 id="violations-h">防护距离检查</h2>
      <fieldset className="filters">
        <legend className="meta">显示</legend>
        {(Object.keys(STATUS_ORDER) as ViolationStatus[]).map((s) => (
          <label key={s}>
            <input type="checkbox" checked={shown[s]} onChange={(e) => setShown({ ...shown, [s]: e.target.checked })} /> {VIOLATION_STATUS_ZH[s]} {counts[s] ?? 0}
          </label>
        ))}
        <label>
          {' '}查找 <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="名称、编号或规则" size={14} />
        </label>
      </fieldset>
      <div className="buttons">
        <button type="button" disabled={!a} onClick={() => void exportRows('csv')}>导出当前列表 CSV</button>
        <button type="button" disabled={!a} onClick={() => void exportRows('xlsx')}>导出当前列表 XLSX</button>
        <span className="meta" role="status">{rows.length} 条</span>
      </div>
      <div className="table-scroll">
        <table className="violations" aria-label="防护距离问题清单">
          <thead>
            <tr>
              {COLUMNS.map(([key, label]) => (
                <th key={key} scope="col" aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort" onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : false })}>
                    {label}{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ v, index }) => (
              <tr
                key={index}
                tabIndex={0}
                aria-selected={selection?.kind === 'violation' && selection.index === index}
                className={`status-${v.status}`}
                onClick={() => actions.select({ kind: 'violation', index })}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && actions.select({ kind: 'violation', index })}
              >
                <td>{VIOLATION_STATUS_ZH[v.status]}</td>
                <td>{names.get(v.hazardId)}</td>
                <td>{names.get(v.targetId)}</td>
                <td>{v.distanceM.toFixed(2)}</td>
                <td>{v.requiredM ?? '—'}</td>
                <td>{v.shortfallM === null ? '—' : v.shortfallM.toFixed(2)}</td>
                <td>{v.ruleId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
