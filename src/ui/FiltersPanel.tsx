// Layer toggles with counts and the filters (level, 行业领域, district, category, violations only). The map applies
// them as layer filters; the legend counts and the lists read the same predicate (state/mapFilters).
import { useId, useMemo } from 'react';
import { categoryByCode, LEVEL_ZH, type Level } from '../engine';
import { facets, filteredView, isFiltered, LEVEL_OR_NONE, NO_FILTERS, type LayerVisibility, type LevelOrNone } from '../state/mapFilters';
import { useActions, useAppState } from './AppContext';

const LEVEL_LABEL = (l: LevelOrNone) => (l === 'none' ? '未评级' : LEVEL_ZH[l as Level]);

export function FiltersPanel() {
  const a = useAppState((s) => s.assessment);
  const filters = useAppState((s) => s.filters);
  const layers = useAppState((s) => s.layers);
  const zoneCount = useAppState((s) => s.zones.length);
  const actions = useActions();
  const ids = { domain: useId(), district: useId(), category: useId() };
  const options = useMemo(() => (a ? facets(a) : { domains: [], districts: [], categories: [] }), [a]);
  const view = useMemo(() => (a ? filteredView(a, filters) : null), [a, filters]);
  const count = (role: 'hazard' | 'target' | 'risk') => `${view?.sites.filter((s) => (s.role ?? 'risk') === role).length ?? 0}/${a?.sites.filter((s) => (s.role ?? 'risk') === role).length ?? 0}`;
  const flaggedLines = view ? view.violations.filter((i) => a!.violations[i]!.status !== 'not_assessed').length : 0;
  const layerRows: [keyof LayerVisibility, string, string][] = [
    ['zones', '风险分区', `${view?.zones.length ?? 0}/${a?.zones.length ?? 0}`],
    ['districts', '区界(网格分区时)', String(a?.grid ? zoneCount : 0)],
    ['hazards', '危险源', count('hazard')],
    ['targets', '防护目标', count('target')],
    ['risks', '其他风险点', count('risk')],
    ['violations', '防护距离问题线', `${flaggedLines} 条(另有未评估 ${(view?.violations.length ?? 0) - flaggedLines})`],
  ];
  const single = (values: string[]) => values[0] ?? '';
  return (
    <section className="panel map-filters" aria-labelledby="filters-h">
      <h2 id="filters-h">图层与筛选</h2>
      <fieldset>
        <legend>图层(显示/总数)</legend>
        {layerRows.map(([key, label, n]) => (
          <label key={key}>
            <input type="checkbox" checked={layers[key]} onChange={(e) => actions.setLayers({ [key]: e.target.checked })} /> {label} <span className="meta">{n}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>风险等级</legend>
        {LEVEL_OR_NONE.map((l) => (
          <label key={l}>
            <input
              type="checkbox"
              checked={filters.levels.includes(l)}
              onChange={(e) => actions.setFilters({ levels: e.target.checked ? LEVEL_OR_NONE.filter((x) => x === l || filters.levels.includes(x)) : filters.levels.filter((x) => x !== l) })}
            />{' '}
            {LEVEL_LABEL(l)}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor={ids.district}>所在区</label>{' '}
        <select id={ids.district} value={single(filters.districts)} onChange={(e) => actions.setFilters({ districts: e.target.value ? [e.target.value] : [] })}>
          <option value="">全部</option>
          {options.districts.map((d) => <option key={d} value={d}>{d || '(研究区外)'}</option>)}
        </select>{' '}
        <label htmlFor={ids.domain}>行业领域</label>{' '}
        <select id={ids.domain} value={single(filters.domains)} onChange={(e) => actions.setFilters({ domains: e.target.value ? [e.target.value] : [] })}>
          <option value="">全部</option>
          {options.domains.map((d) => <option key={d} value={d}>{d || '(未注明)'}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={ids.category}>场所类别</label>{' '}
        <select id={ids.category} value={single(filters.categories)} onChange={(e) => actions.setFilters({ categories: e.target.value ? [e.target.value] : [] })}>
          <option value="">全部</option>
          {options.categories.map((c) => <option key={c} value={c}>{categoryByCode(c)?.zh ?? c}</option>)}
        </select>{' '}
        <label>
          <input type="checkbox" checked={filters.violationsOnly} onChange={(e) => actions.setFilters({ violationsOnly: e.target.checked })} /> 仅显示有防护距离问题(不符合/临界)的场所
        </label>
      </div>
      {isFiltered(filters) && (
        <p className="meta" role="status">
          筛选中:显示 {view?.sites.length ?? 0} / {a?.sites.length ?? 0} 个场所,{view?.zones.length ?? 0} / {a?.zones.length ?? 0} 个分区{' '}
          <button type="button" onClick={() => actions.setFilters(NO_FILTERS)}>清除筛选</button>
        </p>
      )}
    </section>
  );
}
