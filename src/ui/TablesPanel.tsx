// Zones and sites as tables, following the map's filters and linked to it both ways: a row selects and shows its
// feature; a click on the map marks and brings its row into view.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { categoryByCode, LEVEL_RANK, type AssessedSite, type AssessedZone } from '../engine';
import { filteredView } from '../state/mapFilters';
import { levelName } from './explain';
import { DataTable, type Column } from './DataTable';
import { useActions, useAppState } from './AppContext';

type Tab = 'zones' | 'sites';
const TABS: [Tab, string][] = [['zones', '分区'], ['sites', '场所']];
const rank = (level: AssessedSite['level']) => (level ? LEVEL_RANK[level] : 9);

const ZONE_COLUMNS: Column<AssessedZone>[] = [
  { key: 'name', header: '分区', value: (z) => z.name },
  { key: 'level', header: '等级', value: (z) => rank(z.level), render: (z) => levelName(z.level) },
  { key: 'score', header: '分值', value: (z) => z.score, numeric: true },
  { key: 'contributors', header: '风险点', value: (z) => z.contributors.length, numeric: true },
];

export function TablesPanel() {
  const a = useAppState((s) => s.assessment);
  const filters = useAppState((s) => s.filters);
  const selection = useAppState((s) => s.selection);
  const actions = useActions();
  const [tab, setTab] = useState<Tab>('zones');
  const view = useMemo(() => (a ? filteredView(a, filters) : null), [a, filters]);
  // a zone or site selected on the map shows its own table
  const selectedKind = selection?.kind;
  useEffect(() => {
    if (selectedKind === 'zone') setTab('zones');
    else if (selectedKind === 'site') setTab('sites');
  }, [selectedKind, selection]);
  const findings = useMemo(() => {
    const n = new Map<string, number>();
    for (const v of a?.violations ?? []) {
      if (v.status === 'not_assessed') continue;
      n.set(v.hazardId, (n.get(v.hazardId) ?? 0) + 1);
      n.set(v.targetId, (n.get(v.targetId) ?? 0) + 1);
    }
    return n;
  }, [a]);
  const siteColumns = useMemo<Column<AssessedSite>[]>(() => [
    { key: 'name', header: '名称', value: (s) => s.name },
    { key: 'level', header: '等级', value: (s) => rank(s.level), render: (s) => levelName(s.level) },
    { key: 'category', header: '类别', value: (s) => categoryByCode(s.category)?.zh ?? s.category },
    { key: 'district', header: '区', value: (s) => s.district },
    { key: 'findings', header: '问题', value: (s) => findings.get(s.id) ?? 0, numeric: true },
  ], [findings]);
  if (!a || !view) return null;
  // arrow keys move between the two tabs (WAI-ARIA tabs pattern)
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = tab === 'zones' ? 'sites' : 'zones';
    setTab(next);
    document.getElementById(`tables-tab-${next}`)?.focus();
  };
  return (
    <section className="panel" aria-labelledby="tables-h">
      <h2 id="tables-h">清单</h2>
      <div role="tablist" aria-label="清单类型" onKeyDown={onTabKey}>
        {TABS.map(([key, label]) => (
          <button
            key={key} id={`tables-tab-${key}`} type="button" role="tab" aria-selected={tab === key} aria-controls={`tables-panel-${key}`} tabIndex={tab === key ? 0 : -1}
            onClick={() => setTab(key)}
          >
            {label}({key === 'zones' ? view.zones.length : view.sites.length})
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tables-panel-${tab}`} aria-labelledby={`tables-tab-${tab}`}>
        {tab === 'zones' ? (
          <DataTable
            label="分区清单" rows={view.zones} columns={ZONE_COLUMNS} rowKey={(z) => z.id} initialSort={{ key: 'level', descending: false }}
            selectedKey={selection?.kind === 'zone' ? selection.id : null} onSelect={(z) => actions.focus({ kind: 'zone', id: z.id })}
          />
        ) : (
          <DataTable
            label="场所清单" rows={view.sites} columns={siteColumns} rowKey={(s) => s.id} initialSort={{ key: 'level', descending: false }}
            selectedKey={selection?.kind === 'site' ? selection.id : null} onSelect={(s) => actions.focus({ kind: 'site', id: s.id })}
          />
        )}
      </div>
    </section>
  );
}
