// Layer toggles with counts and the filters (level, 行业领域, district, category, violations only). The map applies
// them as layer filters; the legend counts and the lists read the same predicate (state/mapFilters).
import { useId, useMemo } from 'react';
import { useFilteredView } from './useFilteredView';
import { facetsOf, isFiltered, NO_FILTERS, type LayerVisibility } from '../state/mapFilters';
import { LEVELS_AND_UNSCORED, type LevelOrUnscored, type Role } from '../engine';
import { assessedReach } from '../state/assessedReach';
import { ROLE_CODES, siteFactsOf } from '../state/siteFactColumns';
import { contoursInUse } from '../state/contourFiles';
import { useAppState, useServices } from './AppContext';
import { categoryLabel, levelLabel, useLocale, useT } from './i18n';
import { setFilters, setLayers } from '../state/slices/view';

export function FiltersPanel() {
  const a = useAppState((s) => s.assessment);
  const filters = useAppState((s) => s.filters);
  const layers = useAppState((s) => s.layers);
  const zoneCount = useAppState((s) => s.zones.length);
  const contourFiles = useAppState((s) => s.contourFiles);
  const app = useServices();
  const t = useT();
  const locale = useLocale();
  const levelOrUnscored = (l: LevelOrUnscored) => (l === 'unscored' ? t('level.unrated') : levelLabel(t, l));
  const ids = { domain: useId(), district: useId(), category: useId() };
  const options = useMemo(() => (a ? facetsOf(a) : { domains: [], districts: [], categories: [] }), [a]);
  const { view } = useFilteredView();
  const allByRole = useMemo(() => {
    const n: Record<Role, number> = { hazard: 0, target: 0, risk: 0 };
    // counted where the coded roles were made (rescue resources and shelters have a role code of their own)
    if (a) ROLE_CODES.forEach((r, i) => (n[r] = siteFactsOf(a).totals.role[i]!));
    return n;
  }, [a]);
  const count = (role: Role) => `${view?.counts.sitesByRole[role] ?? 0}/${allByRole[role]}`;
  const flaggedLines = view?.counts.flaggedViolations ?? 0;
  const layerRows: [keyof LayerVisibility, string, string][] = [
    ['zones', t('filters.layer.zones'), `${view?.zones.length ?? 0}/${a?.zones.length ?? 0}`],
    ['districts', t('filters.layer.districts'), String(a?.grid ? zoneCount : 0)],
    ['hazards', t('filters.layer.hazards'), count('hazard')],
    ['targets', t('filters.layer.targets'), count('target')],
    ['risks', t('filters.layer.risks'), count('risk')],
    [
      'violations',
      t('filters.layer.violations'),
      t('filters.violationLines', { n: flaggedLines, other: (view?.findings.length ?? 0) - flaggedLines }),
    ],
  ];
  // rescue within reach (issue #21): only when the data hold rescue resources or shelters
  const reach = a ? assessedReach.of(a) : null;
  const allReachSites = a
    ? a.stats.reachSites.fire_station + a.stats.reachSites.rescue_team + a.stats.reachSites.shelter
    : 0;
  if (allReachSites > 0)
    layerRows.push(['rescue', t('filters.layer.rescue'), `${view?.counts.reachSites ?? 0}/${allReachSites}`]);
  if (reach?.result.reachGrid)
    layerRows.push([
      'reach',
      t('filters.layer.reach'),
      reach.result.mode === 'screening' ? t('reach.screeningShort') : t('reach.networkShort'),
    ]);
  if (reach?.result.shelters)
    layerRows.push(['shelters', t('filters.layer.shelters'), String(reach.result.shelters.shelters.length)]);
  if (contourFiles.length)
    layerRows.push(['contours', t('filters.layer.contours'), String(contoursInUse(contourFiles).length)]);
  /** One value of a facet, or all of them (''). */
  const facet = (
    key: 'districts' | 'domains' | 'categories',
    id: string,
    label: string,
    values: string[],
    name: (value: string) => string,
  ) => (
    <>
      <label htmlFor={id}>{label}</label>{' '}
      <select
        id={id}
        value={filters[key][0] ?? ''}
        onChange={(e) => setFilters(app, { [key]: e.target.value ? [e.target.value] : [] })}
      >
        <option value="">{t('common.all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {name(v)}
          </option>
        ))}
      </select>
    </>
  );
  return (
    <section className="panel map-filters" aria-labelledby="filters-h">
      <h2 id="filters-h">{t('filters.title')}</h2>
      <fieldset>
        <legend>{t('filters.layers')}</legend>
        {layerRows.map(([key, label, n]) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={layers[key]}
              onChange={(e) => setLayers(app, { [key]: e.target.checked })}
            />{' '}
            {label} <span className="meta">{n}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('filters.levels')}</legend>
        {LEVELS_AND_UNSCORED.map((l) => (
          <label key={l}>
            <input
              type="checkbox"
              checked={filters.levels.includes(l)}
              onChange={(e) =>
                setFilters(app, {
                  levels: e.target.checked
                    ? LEVELS_AND_UNSCORED.filter((x) => x === l || filters.levels.includes(x))
                    : filters.levels.filter((x) => x !== l),
                })
              }
            />{' '}
            {levelOrUnscored(l)}
          </label>
        ))}
      </fieldset>
      <div>
        {facet(
          'districts',
          ids.district,
          t('filters.district'),
          options.districts,
          (d) => d || t('filters.outsideStudyArea'),
        )}{' '}
        {facet('domains', ids.domain, t('filters.domain'), options.domains, (d) => d || t('filters.domainUnstated'))}
      </div>
      <div>
        {facet('categories', ids.category, t('filters.category'), options.categories, (c) => categoryLabel(locale, c))}{' '}
        <label>
          <input
            type="checkbox"
            checked={filters.violationsOnly}
            onChange={(e) => setFilters(app, { violationsOnly: e.target.checked })}
          />{' '}
          {t('filters.violationsOnly')}
        </label>
      </div>
      {isFiltered(filters) && (
        <p className="meta" role="status">
          {t('filters.active', {
            sites: view?.positions.length ?? 0,
            allSites: a?.sites.length ?? 0,
            zones: view?.zones.length ?? 0,
            allZones: a?.zones.length ?? 0,
          })}{' '}
          <button type="button" onClick={() => setFilters(app, NO_FILTERS)}>
            {t('filters.clear')}
          </button>
        </p>
      )}
    </section>
  );
}
