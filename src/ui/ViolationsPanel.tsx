// The violation list: filter by status and text, sort by any column, select a row to see it on the map,
// export exactly what is shown (CSV with BOM, or XLSX) with the rule and source of every row.
import { useMemo, useState } from 'react';
import { FINDING_STATUSES, type Finding, type FindingStatus } from '../engine';
import { useFilteredView } from './useFilteredView';
import { useAppState, useServices } from './AppContext';
import { downloadBytes, downloadText } from './download';
import { statusLabel, useT } from './i18n';
import { Pager, usePaged } from './Pager';
import { sortRows } from './sortRows';
import { findingPositionsOf, findingStatusesOf } from '../state/mapFilters';
import { select } from '../state/slices/view';

type SortKey = 'status' | 'hazard' | 'target' | 'distance' | 'required' | 'shortfall' | 'rule';
const STATUS_ORDER: Record<FindingStatus, number> = { violation: 0, borderline: 1, not_assessed: 2 };
const COLUMNS: SortKey[] = ['status', 'hazard', 'target', 'distance', 'required', 'shortfall', 'rule'];
const PAGE_SIZE = 100;

export function ViolationsPanel() {
  const a = useAppState((s) => s.assessment);
  const selection = useAppState((s) => s.selection);
  const rules = useAppState((s) => s.rules.rules);
  const app = useServices();
  const t = useT();
  const [shown, setShown] = useState<Record<FindingStatus, boolean>>({
    violation: true,
    borderline: true,
    not_assessed: false,
  });
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'shortfall', descending: true });
  // names by the findings' site positions (sent with the assessment): no lookup of every site id on the first render
  const names = useMemo(() => {
    if (!a) return { hazard: () => undefined, target: () => undefined };
    const at = findingPositionsOf(a);
    const nameAt = (i: number | undefined): string | undefined =>
      i !== undefined && i >= 0 ? a.sites[i]?.name : undefined;
    return { hazard: (index: number) => nameAt(at.hazard[index]), target: (index: number) => nameAt(at.target[index]) };
  }, [a]);
  // the map's filters apply here too: findings whose hazard is filtered out are not listed
  const { view, filtered } = useFilteredView();
  const allowed = filtered ? (view?.violationShown ?? null) : null;
  // the findings of the shown statuses in the chosen order, sorted once per sort and statuses (not on each text or map
  // filter change); the statuses first: not assessed, hidden at first, can be nearly all of them (300 000 of 315 000
  // where every petrol station lacks its safety assessment), and sorting those held the page 50 ms and more
  const ordered = useMemo(() => {
    const keyOf = (v: Finding, index: number): string | number => {
      switch (sort.key) {
        case 'status':
          return STATUS_ORDER[v.status];
        case 'hazard':
          return names.hazard(index) ?? v.hazardId;
        case 'target':
          return names.target(index) ?? v.targetId;
        case 'distance':
          return v.distanceM;
        case 'required':
          return v.requiredM ?? -1;
        case 'shortfall':
          return v.shortfallM ?? -Infinity;
        case 'rule':
          return v.ruleId;
      }
    };
    const listed: { v: Finding; index: number }[] = [];
    if (a) {
      const status = findingStatusesOf(a);
      for (let index = 0; index < a.findings.length; index++)
        if (shown[FINDING_STATUSES[status[index]!]!]) listed.push({ v: a.findings[index]!, index });
    }
    return sortRows(listed, ({ v, index }) => keyOf(v, index), sort.descending);
  }, [a, names, sort, shown]);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    return ordered.filter(({ v, index }) => {
      if (allowed && !allowed[index]) return false;
      return (
        !q ||
        [names.hazard(index), names.target(index), v.hazardId, v.targetId, v.ruleId].some((t) =>
          t?.toLowerCase().includes(q),
        )
      );
    });
  }, [ordered, names, query, allowed]);
  // a finding selected on the map turns the list to its page; the export still takes every listed row
  const selectedIndex = selection?.kind === 'violation' ? selection.index : -1;
  const selectedAt = useMemo(
    () => (selectedIndex < 0 ? -1 : rows.findIndex((r) => r.index === selectedIndex)),
    [rows, selectedIndex],
  );
  const paged = usePaged(rows, PAGE_SIZE, selectedAt);
  const counts = useMemo(() => {
    const n: Record<FindingStatus, number> = { violation: 0, borderline: 0, not_assessed: 0 };
    if (a) for (const code of findingStatusesOf(a)) n[FINDING_STATUSES[code]!]++;
    return n;
  }, [a]);

  const exportRows = async (format: 'csv' | 'xlsx') => {
    if (!a) return;
    // the writers (papaparse, ExcelJS) load with the first export, not with the page
    const [{ violationTableColumns }, { toCsv }, { toXlsx }] = await Promise.all([
      import('../io/assessmentFiles'),
      import('../io/csvWrite'),
      import('../io/xlsxWrite'),
    ]);
    const columns = violationTableColumns(a, rules);
    const shownRows = rows.map((r) => r.v);
    if (format === 'csv')
      downloadText(
        `${t('violations.fileName')}.csv`,
        toCsv(shownRows, columns, { bom: true }),
        'text/csv;charset=utf-8',
      );
    else {
      downloadBytes(
        `${t('violations.fileName')}.xlsx`,
        await toXlsx(t('violations.sheetName'), shownRows, columns),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    }
  };

  return (
    <section className="panel" aria-labelledby="violations-h">
      <h2 id="violations-h">{t('violations.title')}</h2>
      <fieldset className="filters">
        <legend className="meta">{t('violations.show')}</legend>
        {(Object.keys(STATUS_ORDER) as FindingStatus[]).map((s) => (
          <label key={s}>
            <input type="checkbox" checked={shown[s]} onChange={(e) => setShown({ ...shown, [s]: e.target.checked })} />{' '}
            {statusLabel(t, s)} {counts[s]}
          </label>
        ))}
        <label>
          {' '}
          {t('violations.find')}{' '}
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={t('violations.findPlaceholder')}
            size={14}
          />
        </label>
      </fieldset>
      <div className="buttons">
        <button type="button" disabled={!a} onClick={() => void exportRows('csv')}>
          {t('violations.exportCsv')}
        </button>
        <button type="button" disabled={!a} onClick={() => void exportRows('xlsx')}>
          {t('violations.exportXlsx')}
        </button>
        <span className="meta" role="status">
          {t('violations.count', { n: rows.length })}
        </span>
      </div>
      <div className="table-scroll">
        <table className="violations" aria-label={t('violations.table')}>
          <thead>
            <tr>
              {COLUMNS.map((key) => (
                <th
                  key={key}
                  scope="col"
                  aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() => setSort({ key, descending: sort.key === key ? !sort.descending : false })}
                  >
                    {t(`violations.col.${key}`)}
                    {sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">{t('violations.col.others')}</th>
            </tr>
          </thead>
          <tbody>
            {paged.visible.map(({ v, index }) => (
              <tr
                key={index}
                tabIndex={0}
                aria-selected={selection?.kind === 'violation' && selection.index === index}
                className={`status-${v.status}`}
                onClick={() => select(app, { kind: 'violation', index })}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && select(app, { kind: 'violation', index })}
              >
                <td>
                  {statusLabel(t, v.status)}
                  {v.screening ? ` · ${t('violations.screening')}` : ''}
                </td>
                <td>{names.hazard(index)}</td>
                <td>{names.target(index)}</td>
                <td>{v.distanceM.toFixed(2)}</td>
                <td>{v.requiredM ?? '—'}</td>
                <td>{v.shortfallM === null ? '—' : v.shortfallM.toFixed(2)}</td>
                <td>{v.ruleId}</td>
                <td>{v.otherRequirements.map((o) => `${o.ruleId} ${o.requiredM ?? '—'}`).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager label={t('violations.table')} rows={rows.length} paged={paged} />
    </section>
  );
}
