// Legend: level names (never colour alone), counts of zones and sites, the method and mode in force.
import { AGGREGATION_MODE_ZH, LEVELS, LEVEL_ZH } from '../engine';
import { LEVEL_FILL } from '../figures/palette';
import { useMemo } from 'react';
import { filteredView, isFiltered } from '../state/mapFilters';
import { useAppState } from './AppContext';

export function Legend() {
  const a = useAppState((s) => s.assessment);
  const assessing = useAppState((s) => s.assessing);
  const progress = useAppState((s) => s.progress);
  const profile = useAppState((s) => s.profile);
  const filters = useAppState((s) => s.filters);
  const grid = a?.grid ?? null;
  // counts follow the filters: "shown / all" while filtering
  const view = useMemo(() => (a && isFiltered(filters) ? filteredView(a, filters) : null), [a, filters]);
  const shown = (list: { level: string | null }[] | undefined, level: string, all: number) => {
    if (!view || !list) return String(all);
    return `${list.filter((x) => (x.level ?? 'none') === level).length} / ${all}`;
  };
  const mode = a?.aggregationMode ?? profile.aggregation.mode;
  return (
    <section className="panel legend" aria-label="图例">
      <h2>图例 {assessing && <span className="meta" role="status">评估中…</span>}</h2>
      {assessing && progress && <progress aria-label="评估进度" value={progress.share} max={1} />}
      {mode === 'relative' && <p className="relative-note" role="note">相对分级:颜色表示各分区风险点密度的相对排名,不代表绝对风险水平。</p>}
      <table>
        <thead>
          <tr><th scope="col">等级</th><th scope="col">分区</th><th scope="col">风险点</th></tr>
        </thead>
        <tbody>
          {LEVELS.map((l) => (
            <tr key={l} data-level={l}>
              <td><span className="swatch" style={{ background: LEVEL_FILL[l] }} aria-hidden="true" /> {LEVEL_ZH[l]}</td>
              <td>{shown(view?.zones, l, a?.stats.zonesByLevel[l] ?? 0)}</td>
              <td>{shown(view?.sites, l, a?.stats.sitesByLevel[l] ?? 0)}</td>
            </tr>
          ))}
          <tr><td><span className="swatch unscored" aria-hidden="true" /> 未评分</td><td>{shown(view?.zones, 'none', a?.stats.zonesByLevel.unscored ?? 0)}</td><td>{shown(view?.sites, 'none', a?.stats.sitesByLevel.unscored ?? 0)}</td></tr>
        </tbody>
      </table>
      <ul className="symbols">
        <li><span className="sym hazard" aria-hidden="true" /> 危险源(黑边圆点)</li>
        <li><span className="sym target" aria-hidden="true" /> 防护目标(紫色)</li>
        <li><span className="sym violation" aria-hidden="true" /> 防护距离不符合/临界(红线)</li>
        <li><span className="sym unassessed" aria-hidden="true" /> 未评估(灰色虚线)</li>
      </ul>
      <p className="meta">
        分区:{AGGREGATION_MODE_ZH[mode]} ({mode})
        {grid ? ` · ${grid.cellM} m ${grid.shape === 'hex' ? '六边形' : '方形'}网格` : ' · 分区多边形'} · 评分:{profile.matrix.name}
        + LEC + 重大危险源分级(方法 {a?.methodId ?? profile.id},出处见 docs/methods.md)
      </p>
    </section>
  );
}
