// Legend: level names (never colour alone), counts of zones and sites, the method and mode in force.
import { CATEGORIES, isReachCategory, LEVELS, type Counts, type LevelOrUnscored } from '../engine';
import { ReachLegend } from './ReachLegend';
import { ContourLegend } from './ContourLegend';
import { categoryMark, SYMBOL_MIN_ZOOM } from '../map/siteIcons';
import { drawsTiles, TILED_SITES_FROM } from '../map/largeCity';
import { LEVEL_FILL, UNSCORED_FILL } from '../engine';
import { useState } from 'react';
import { SymbolSwatch } from './SymbolSwatch';
import { useFilteredView } from './useFilteredView';
import { useAppState } from './AppContext';
import { categoryLabel, levelLabel, useLocale, useT } from './i18n';

export function Legend() {
  const a = useAppState((s) => s.assessment);
  const assessing = useAppState((s) => s.assessing);
  const progress = useAppState((s) => s.progress);
  const profile = useAppState((s) => s.profile);
  const t = useT();
  const locale = useLocale();
  const [marksOpen, setMarksOpen] = useState(false);
  const grid = a?.grid ?? null;
  // counts follow the filters: "shown / all" while filtering
  const { view: filteredView, filtered } = useFilteredView();
  const view = filtered ? filteredView : null;
  const shown = (counted: Counts | undefined, level: LevelOrUnscored, all: number) =>
    counted ? `${counted[level]} / ${all}` : String(all);
  const mode = a?.aggregationMode ?? profile.aggregation.mode;
  return (
    <section className="panel legend" aria-label={t('legend.title')}>
      <h2>
        {t('legend.title')}{' '}
        {assessing && (
          <span className="meta" role="status">
            {t('legend.assessing')}
          </span>
        )}
      </h2>
      {assessing && progress && <progress aria-label={t('legend.progress')} value={progress.share} max={1} />}
      {mode === 'relative' && (
        <p className="relative-note" role="note">
          {t('legend.relativeNote')}
        </p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('legend.level')}</th>
            <th scope="col">{t('legend.zones')}</th>
            <th scope="col">{t('legend.sites')}</th>
          </tr>
        </thead>
        <tbody>
          {LEVELS.map((l) => (
            <tr key={l} data-level={l}>
              <td>
                <span className="swatch" style={{ background: LEVEL_FILL[l] }} aria-hidden="true" /> {levelLabel(t, l)}
              </td>
              <td>{shown(view?.counts.zonesByLevel, l, a?.stats.zonesByLevel[l] ?? 0)}</td>
              <td>{shown(view?.counts.sitesByLevel, l, a?.stats.sitesByLevel[l] ?? 0)}</td>
            </tr>
          ))}
          <tr>
            <td>
              <span className="swatch" style={{ background: UNSCORED_FILL }} aria-hidden="true" />{' '}
              {t('legend.noDataRow')}
            </td>
            <td>{shown(view?.counts.zonesByLevel, 'unscored', a?.stats.zonesByLevel.unscored ?? 0)}</td>
            <td>{shown(view?.counts.sitesByLevel, 'unscored', a?.stats.sitesByLevel.unscored ?? 0)}</td>
          </tr>
        </tbody>
      </table>
      <p className="meta">{t('legend.noDataNote')}</p>
      <ul className="symbols">
        <li>
          <span className="sym hazard" aria-hidden="true" /> {t('legend.symHazard')}
        </li>
        <li>
          <span className="sym target" aria-hidden="true" /> {t('legend.symTarget')}
        </li>
        <li>
          <span className="sym violation" aria-hidden="true" /> {t('legend.symViolation')}
        </li>
        <li>
          <span className="sym unassessed" aria-hidden="true" /> {t('legend.symUnassessed')}
        </li>
      </ul>
      {a && drawsTiles(a) && (
        <p className="meta" role="note">
          {t('legend.countsBelow', { from: TILED_SITES_FROM, zoom: SYMBOL_MIN_ZOOM })}
        </p>
      )}
      <p className="meta">{t('legend.symbolsAt', { zoom: SYMBOL_MIN_ZOOM })}</p>
      <ul className="symbols">
        <li>
          <span className="sym shape-hazard" aria-hidden="true" /> {t('legend.shapeHazard')}
        </li>
        <li>
          <span className="sym shape-target" aria-hidden="true" /> {t('legend.shapeTarget')}
        </li>
        <li>
          <span className="sym shape-risk" aria-hidden="true" /> {t('legend.shapeRisk')}
        </li>
      </ul>
      <ReachLegend />
      <ContourLegend />
      <details onToggle={(e) => setMarksOpen(e.currentTarget.open)}>
        <summary>{t('legend.marks')}</summary>
        {/* drawn only when opened: the swatches need a canvas */}
        {marksOpen && (
          <ul className="marks">
            {/* rescue resources and shelters have their own symbols (above) */}
            {CATEGORIES.filter((c) => !isReachCategory(c.code)).map((c) => (
              <li key={c.code}>
                <SymbolSwatch
                  icon={{ role: c.role, category: c.code, level: 'unscored' }}
                  mark={categoryMark(t, c.code)}
                />{' '}
                {categoryLabel(locale, c.code)}
              </li>
            ))}
          </ul>
        )}
      </details>
      <p className="meta">
        {t('legend.method', {
          mode: t(`mode.${mode}`),
          code: mode,
          units: grid
            ? t('legend.unitsGrid', { cell: grid.cellM, shape: t(grid.shape === 'hex' ? 'grid.hex' : 'grid.square') })
            : t('legend.unitsPolygons'),
          matrix: profile.matrix.name,
          method: a?.methodId ?? profile.id,
        })}
      </p>
    </section>
  );
}
