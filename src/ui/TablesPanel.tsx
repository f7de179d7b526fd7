// Zones and sites as tables, following the map's filters and linked to it both ways: a row selects and shows its
// feature; a click on the map marks and brings its row into view.
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { LEVEL_RANK, type AssessedSite, type AssessedZone } from '../engine';
import { useFilteredView } from './useFilteredView';
import { sitePosition } from '../state/siteLookup';
import { siteFactsOf } from '../state/siteFactColumns';
import { flaggedFindingCountsOf } from '../state/mapFilters';
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
  // the site table's rows are positions in a.sites: its sort keys come from the coded facts and per-position counts
  // (a sort that read a million site objects held the page 120–180 ms)
  const facts = useMemo(() => (a ? siteFactsOf(a) : null), [a]);
  const findingCounts = useMemo(() => (a ? flaggedFindingCountsOf(a) : null), [a]);
  const categoryLabels = useMemo(
    () => facts?.category.values.map((c) => categoryLabel(locale, c)) ?? [],
    [facts, locale],
  );
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
  const siteColumns = useMemo<Column<number>[]>(() => {
    if (!a || !facts || !findingCounts) return [];
    const { level, category, district } = facts;
    return [
      { key: 'name', header: t('tables.col.name'), value: (p) => a.sites[p]!.name },
      {
        key: 'level',
        header: t('tables.col.level'),
        value: (p) => level[p]!, // LEVELS_AND_UNSCORED order: red first, 未评级 last
        ranks: level,
        render: (p) => levelLabel(t, a.sites[p]!.level),
      },
      { key: 'category', header: t('tables.col.category'), value: (p) => categoryLabels[category.codes[p]!]! },
      { key: 'district', header: t('tables.col.district'), value: (p) => district.values[district.codes[p]!]! },
      { key: 'findings', header: t('tables.col.findings'), value: (p) => findingCounts[p]!, numeric: true },
    ];
  }, [a, facts, findingCounts, categoryLabels, t]);
  const selectedZone = useMemo(
    () => (a && selection?.kind === 'zone' ? (a.zones.find((z) => z.id === selection.id) ?? null) : null),
    [a, selection],
  );
  const selectedSite = useMemo(() => {
    const at = a && selection?.kind === 'site' ? sitePosition(a, selection.id) : -1;
    return at >= 0 ? at : null;
  }, [a, selection]);
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
              n: key === 'zones' ? view.zones.length : view.positions.length,
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
            rows={view.positions}
            columns={siteColumns}
            rowKey={(p) => a.sites[p]!.id}
            initialSort={{ key: 'level', descending: false }}
            selected={selectedSite}
            onSelect={(p) => focusOn(app, { kind: 'site', id: a.sites[p]!.id })}
          />
        )}
      </div>
    </section>
  );
}
