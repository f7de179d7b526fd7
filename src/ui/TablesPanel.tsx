// Zones and sites as tables, following the map's filters and linked to it both ways: a row selects and shows its
// feature; a click on the map marks and brings its row into view.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { LEVEL_RANK, type AssessedSite, type AssessedZone } from '../engine';
import { useFilteredView } from './useFilteredView';
import { siteById } from '../state/siteLookup';
import { contributorCount } from '../worker/zoneColumns';
import { locatedCountsOf } from '../figures/districtCounts';
import { categoryLabel, levelLabel, useLocale, useT, zoneLevelLabel } from './i18n';
import { DataTable, type Column } from './DataTable';
import { useAppState, useServices } from './AppContext';
import { focusOn } from '../state/slices/view';

type Tab = 'zones' | 'sites';
const TABS: Tab[] = ['zones', 'sites'];
const rank = (level: AssessedSite['level']) => (level ? LEVEL_RANK[level] : 9);

export function TablesPanel() {
  const a = useAppState((s) => s.assessment);
  const selection = useAppState((s) => s.selection);
  const app = useServices();
  const t = useT();
  const locale = useLocale();
  const [tab, setTab] = useState<Tab>('zones');
  const { view } = useFilteredView();
  // a zone or site selected on the map shows its own table
  const selectedKind = selection?.kind;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new selection shows its table again
  useEffect(() => {
    if (selectedKind === 'zone') setTab('zones');
    else if (selectedKind === 'site') setTab('sites');
  }, [selectedKind, selection]);
  const findings = useMemo(() => {
    const n = new Map<string, number>();
    for (const v of a?.findings ?? []) {
      if (v.status === 'not_assessed') continue;
      n.set(v.hazardId, (n.get(v.hazardId) ?? 0) + 1);
      n.set(v.targetId, (n.get(v.targetId) ?? 0) + 1);
    }
    return n;
  }, [a]);
  // the same count per zone as the white paper's F1 table and F3: sites whose position lies in the zone
  const located = useMemo(() => (a ? locatedCountsOf(a) : new Map<string, number>()), [a]);
  const zoneColumns = useMemo<Column<AssessedZone>[]>(
    () => [
      { key: 'name', header: t('tables.col.zone'), value: (z) => z.name },
      {
        key: 'level',
        header: t('tables.col.level'),
        value: (z) => rank(z.level),
        render: (z) => zoneLevelLabel(t, z.level),
      },
      { key: 'score', header: t('tables.col.score'), value: (z) => z.score, numeric: true },
      { key: 'located', header: t('tables.col.located'), value: (z) => located.get(z.id) ?? 0, numeric: true },
      { key: 'contributors', header: t('tables.col.contributors'), value: (z) => contributorCount(z), numeric: true },
    ],
    [t, located],
  );
  const siteColumns = useMemo<Column<AssessedSite>[]>(
    () => [
      { key: 'name', header: t('tables.col.name'), value: (s) => s.name },
      {
        key: 'level',
        header: t('tables.col.level'),
        value: (s) => rank(s.level),
        render: (s) => levelLabel(t, s.level),
      },
      { key: 'category', header: t('tables.col.category'), value: (s) => categoryLabel(locale, s.category) },
      { key: 'district', header: t('tables.col.district'), value: (s) => s.district },
      { key: 'findings', header: t('tables.col.findings'), value: (s) => findings.get(s.id) ?? 0, numeric: true },
    ],
    [findings, t, locale],
  );
  const selectedZone = useMemo(
    () => (a && selection?.kind === 'zone' ? (a.zones.find((z) => z.id === selection.id) ?? null) : null),
    [a, selection],
  );
  const selectedSite = useMemo(
    () => (a && selection?.kind === 'site' ? (siteById(a, selection.id) ?? null) : null),
    [a, selection],
  );
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
      <h2 id="tables-h">{t('tables.title')}</h2>
      <div role="tablist" aria-label={t('tables.kind')} onKeyDown={onTabKey}>
        {TABS.map((key) => (
          <button
            key={key}
            id={`tables-tab-${key}`}
            type="button"
            role="tab"
            aria-selected={tab === key}
            aria-controls={`tables-panel-${key}`}
            tabIndex={tab === key ? 0 : -1}
            onClick={() => setTab(key)}
          >
            {t('tables.tabCount', {
              label: t(`tables.tab.${key}`),
              n: key === 'zones' ? view.zones.length : view.sites.length,
            })}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`tables-panel-${tab}`} aria-labelledby={`tables-tab-${tab}`}>
        {tab === 'zones' ? (
          <DataTable
            label={t('tables.zoneList')}
            rows={view.zones}
            columns={zoneColumns}
            rowKey={(z) => z.id}
            initialSort={{ key: 'level', descending: false }}
            selected={selectedZone}
            onSelect={(z) => focusOn(app, { kind: 'zone', id: z.id })}
          />
        ) : (
          <DataTable
            label={t('tables.siteList')}
            rows={view.sites}
            columns={siteColumns}
            rowKey={(s) => s.id}
            initialSort={{ key: 'level', descending: false }}
            selected={selectedSite}
            onSelect={(s) => focusOn(app, { kind: 'site', id: s.id })}
          />
        )}
      </div>
    </section>
  );
}
